// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/loss.h"

#include <string>

#include "autograd/ops/elementwise.h"
#include "autograd/ops/reduce.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "losses/loss_test_util.h"

namespace strata::losses {
namespace {

using ::strata::losses::testing::CheckLossGradient;
using ::strata::losses::testing::Floats;
using ::strata::losses::testing::GradOf;
using ::strata::losses::testing::ValueOf;
using ::strata::testing::IsOk;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A custom loss written as Keras users write one: only the per-sample
// function, here sum((y_pred - y_true)^2, axis=-1) from autograd ops.
class SumSquares final : public Loss {
 public:
  explicit SumSquares(Reduction reduction = Reduction::kAuto)
      : Loss(reduction, "sum_squares") {}
  std::string class_name() const override { return "SumSquares"; }
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override {
    absl::StatusOr<autograd::Variable> diff =
        autograd::Subtract(y_pred, autograd::Variable(y_true));
    if (!diff.ok()) return diff.status();
    absl::StatusOr<autograd::Variable> sq = autograd::Square(*diff);
    if (!sq.ok()) return sq.status();
    return autograd::Sum(*sq, {-1});
  }
};

TEST(LossTest, ReductionNamesRoundTrip) {
  for (Reduction r : {Reduction::kAuto, Reduction::kSumOverBatchSize,
                      Reduction::kSum, Reduction::kNone}) {
    STRATA_ASSERT_OK_AND_ASSIGN(Reduction again,
                                ParseReduction(ReductionName(r)));
    EXPECT_EQ(again, r);
  }
  EXPECT_EQ(ReductionName(Reduction::kAuto), "auto");
  EXPECT_THAT(ParseReduction("mean"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received 'mean'")));
}

TEST(LossTest, CustomLossIsWeightedAndReducedByTheBase) {
  // Per-sample [1 + 4, 9] = [5, 9].
  const Tensor t = Floats({2, 2}, {0, 0, 0, 0});
  const Tensor p = Floats({2, 2}, {1, 2, 3, 0});
  EXPECT_NEAR(*ValueOf(SumSquares(), t, p), 7.0, 1e-6);
  EXPECT_NEAR(*ValueOf(SumSquares(Reduction::kSum), t, p), 14.0, 1e-6);
  const Tensor w = Floats({2}, {1, 0.5f});
  EXPECT_NEAR(*ValueOf(SumSquares(), t, p, &w), (5 + 4.5) / 2, 1e-6);
  const Tensor w21 = Floats({2, 1}, {1, 0.5f});
  EXPECT_NEAR(*ValueOf(SumSquares(), t, p, &w21), (5 + 4.5) / 2, 1e-6);
  const Tensor scalar = Tensor::Scalar(3);
  EXPECT_NEAR(*ValueOf(SumSquares(), t, p, &scalar), 21.0, 1e-6);
  STRATA_ASSERT_OK_AND_ASSIGN(
      autograd::Variable none,
      SumSquares(Reduction::kNone)(t, autograd::Variable(p), &w));
  EXPECT_THAT(none.value().ToVector<float>(), ElementsAre(5.0f, 4.5f));
  // d/dp of mean(w * sum(p^2)) = 2 p w / 2.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(SumSquares(), t, p, &w));
  EXPECT_THAT(grad.ToVector<float>(), ElementsAre(1.0f, 2.0f, 1.5f, 0.0f));
  EXPECT_THAT(CheckLossGradient(SumSquares(), t, p, &w), IsOk());
}

TEST(LossTest, CustomLossRejectsMismatchedWeights) {
  const Tensor t = Floats({2, 2}, {0, 0, 0, 0});
  const Tensor w = Floats({3}, {1, 1, 1});
  EXPECT_THAT(SumSquares()(t, autograd::Variable(t), &w),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("SumSquares: expected sample_weight of shape "
                                 "(), (2,), (2, 1) or (2,); received (3,)")));
}

TEST(LossTest, BaseConfigHasReductionAndName) {
  const ConfigDict config = SumSquares(Reduction::kSum).GetConfig();
  EXPECT_EQ(config.fields().size(), 2);
  EXPECT_EQ(config.fields().at("reduction").string_value(), "sum");
  EXPECT_EQ(config.fields().at("name").string_value(), "sum_squares");
}

}  // namespace
}  // namespace strata::losses
