// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/auc.h"

#include <cmath>
#include <limits>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::metrics {
namespace {

using ::strata::testing::StatusIs;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Tensor Floats(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

// Keras's docstring: labels [0, 0, 1, 1], predictions [0, 0.5, 0.3, 0.9].
// With 3 thresholds [-eps, 0.5, 1 + eps]: tp = [2, 1, 0], fp = [2, 0, 0],
// recall = [1, 0.5, 0], fp_rate = [1, 0, 0]; the trapezoids give
// (1 - 0) (1 + 0.5) / 2 + 0 = 0.75.
const Tensor& Labels() {
  static const Tensor t = Floats({4}, {0, 0, 1, 1});
  return t;
}
const Tensor& Predictions() {
  static const Tensor p = Floats({4}, {0, 0.5f, 0.3f, 0.9f});
  return p;
}

TEST(AucTest, KerasDocstringExample) {
  AUC auc({.num_thresholds = 3});
  EXPECT_EQ(auc.name(), "auc");
  EXPECT_THAT(auc.Thresholds(), ElementsAre(DoubleNear(-1e-7, 1e-12), 0.5,
                                            DoubleNear(1 + 1e-7, 1e-12)));
  EXPECT_EQ(auc.Result(), 0.0);
  STRATA_ASSERT_OK(auc.Update(Labels(), Predictions()));
  EXPECT_DOUBLE_EQ(auc.Result(), 0.75);
  auc.Reset();
  // Weights [1, 0, 0, 1] keep one negative at 0 and one positive at 0.9.
  const Tensor w = Floats({4}, {1, 0, 0, 1});
  STRATA_ASSERT_OK(auc.Update(Labels(), Predictions(), &w));
  EXPECT_DOUBLE_EQ(auc.Result(), 1.0);
}

TEST(AucTest, AccumulatesAcrossUpdates) {
  AUC auc({.num_thresholds = 3});
  STRATA_ASSERT_OK(
      auc.Update(Floats({2, 1}, {0, 1}), Floats({2, 1}, {0, 0.3f})));
  STRATA_ASSERT_OK(auc.Update(Floats({2}, {0, 1}), Floats({2}, {0.5f, 0.9f})));
  EXPECT_DOUBLE_EQ(auc.Result(), 0.75);
}

TEST(AucTest, PerfectRandomAndInvertedClassifiers) {
  const Tensor labels = Floats({6}, {0, 1, 0, 1, 0, 1});
  AUC perfect;
  STRATA_ASSERT_OK(perfect.Update(
      labels, Floats({6}, {0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f})));
  EXPECT_NEAR(perfect.Result(), 1.0, 1e-12);
  // One score for everything: the ROC curve is the diagonal.
  AUC random;
  STRATA_ASSERT_OK(random.Update(labels, Tensor::Full({6}, 0.5)));
  EXPECT_NEAR(random.Result(), 0.5, 1e-12);
  AUC inverted;
  STRATA_ASSERT_OK(inverted.Update(
      labels, Floats({6}, {0.9f, 0.1f, 0.8f, 0.2f, 0.7f, 0.3f})));
  EXPECT_NEAR(inverted.Result(), 0.0, 1e-12);
}

TEST(AucTest, HandComputedWithDefaultThresholds) {
  // Scores 0.8 (+), 0.6 (-), 0.4 (+), 0.2 (-) fall in distinct buckets, so
  // the ROC steps are exact: 3 of the 4 (positive, negative) pairs are
  // ordered right -> 0.75.
  AUC auc;
  STRATA_ASSERT_OK(auc.Update(Floats({4}, {1, 0, 1, 0}),
                              Floats({4}, {0.8f, 0.6f, 0.4f, 0.2f})));
  EXPECT_NEAR(auc.Result(), 0.75, 1e-12);
  // Out-of-range scores are clipped to [0, 1], as Keras does.
  AUC clipped;
  STRATA_ASSERT_OK(clipped.Update(Floats({4}, {1, 0, 1, 0}),
                                  Floats({4}, {1.5f, 0.6f, 0.4f, -3})));
  EXPECT_NEAR(clipped.Result(), 0.75, 1e-12);
}

TEST(AucTest, FromLogitsAppliesTheSigmoid) {
  // Logits of [~0, 0.5, 0.3, 0.9].
  AUC auc({.num_thresholds = 3, .from_logits = true});
  STRATA_ASSERT_OK(auc.Update(
      Labels(),
      Floats({4}, {-10, 0, std::log(0.3f / 0.7f), std::log(0.9f / 0.1f)})));
  EXPECT_DOUBLE_EQ(auc.Result(), 0.75);
}

TEST(AucTest, SummationMethodsAndPrCurve) {
  auto result = [](AucOptions options) {
    AUC auc(options);
    EXPECT_TRUE(auc.Update(Labels(), Predictions()).ok());
    return auc.Result();
  };
  // ROC heights min(1, 0.5) and max(1, 0.5) over the fp_rate step of 1.
  EXPECT_DOUBLE_EQ(result({.num_thresholds = 3,
                           .summation_method = AucSummation::kMinoring}),
                   0.5);
  EXPECT_DOUBLE_EQ(result({.num_thresholds = 3,
                           .summation_method = AucSummation::kMajoring}),
                   1.0);
  // PR, interpolated (Keras's interpolate_pr_auc): p = tp + fp = [4, 1, 0].
  // Interval 0: slope 1/3, intercept 2/3, p ratio 4 -> (1 + 2/3 ln 4) / 3 / 2.
  // Interval 1: slope 1, intercept 0, ratio 1 (p_2 = 0) -> 1 / 2.
  EXPECT_NEAR(result({.num_thresholds = 3, .curve = AucCurve::kPR}),
              (1 + 2.0 / 3.0 * std::log(4.0)) / 6 + 0.5, 1e-12);
  // PR, minoring: recall [1, 0.5, 0], precision [0.5, 1, 0] ->
  // 0.5 * min(0.5, 1) + 0.5 * min(1, 0) = 0.25.
  EXPECT_DOUBLE_EQ(result({.num_thresholds = 3,
                           .curve = AucCurve::kPR,
                           .summation_method = AucSummation::kMinoring}),
                   0.25);
}

TEST(AucTest, Errors) {
  AUC auc;
  EXPECT_THAT(auc.Update(Floats({3}, {0, 1, 0}), Floats({4}, {0, 1, 0, 1})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received y_true (3,) and y_pred (4,)")));
  EXPECT_THAT(
      auc.Update(Floats({2}, {0, 1}),
                 Floats({2}, {0.5f, std::numeric_limits<float>::quiet_NaN()})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("received NaN at index 1")));
  EXPECT_EQ(auc.Result(), 0.0);  // Nothing was added.
  AUC bad({.num_thresholds = 1});
  EXPECT_THAT(bad.Update(Labels(), Predictions()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("num_thresholds > 1; received 1")));
}

}  // namespace
}  // namespace strata::metrics
