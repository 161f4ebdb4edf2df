// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/regression.h"

#include <vector>

#include "autograd/grad_mode.h"
#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "losses/loss_test_util.h"

namespace strata::losses {
namespace {

using ::strata::losses::testing::CheckLossGradient;
using ::strata::losses::testing::Floats;
using ::strata::losses::testing::GradOf;
using ::strata::losses::testing::Ints32;
using ::strata::losses::testing::PerSampleOf;
using ::strata::losses::testing::ValueOf;
using ::strata::testing::IsOk;
using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::Pointwise;

// The examples of Keras's docstrings: y_true = [[0, 1], [0, 0]].
const Tensor& KerasTrue() {
  static const Tensor t = Floats({2, 2}, {0, 1, 0, 0});
  return t;
}

TEST(MeanSquaredErrorTest, KerasDocstringValues) {
  const Tensor y_pred = Floats({2, 2}, {1, 1, 1, 0});
  const Tensor weights = Floats({2}, {0.7f, 0.3f});
  MeanSquaredError mse;
  EXPECT_EQ(mse.name(), "mean_squared_error");
  EXPECT_NEAR(*ValueOf(mse, KerasTrue(), y_pred), 0.5, 1e-7);
  EXPECT_NEAR(*ValueOf(mse, KerasTrue(), y_pred, &weights), 0.25, 1e-7);
  EXPECT_NEAR(*ValueOf(MeanSquaredError({.reduction = Reduction::kSum}),
                       KerasTrue(), y_pred),
              1.0, 1e-7);
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable none,
                              MeanSquaredError({.reduction = Reduction::kNone})(
                                  KerasTrue(), autograd::Variable(y_pred)));
  EXPECT_EQ(none.shape(), Shape({2}));
  EXPECT_THAT(none.value().ToVector<float>(), ElementsAre(0.5f, 0.5f));
  EXPECT_THAT(*PerSampleOf(mse, KerasTrue(), y_pred), ElementsAre(0.5f, 0.5f));
}

TEST(MeanSquaredErrorTest, HandComputedGradient) {
  // d/dp mean_b mean_k (p - t)^2 = 2 (p - t) / (K B) = (p - t) / 2.
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor grad,
      GradOf(MeanSquaredError(), KerasTrue(), Floats({2, 2}, {1, 1, 1, 0})));
  EXPECT_THAT(grad.ToVector<float>(), ElementsAre(0.5f, 0.0f, 0.5f, 0.0f));
  // Weighted: 2 (p - t) w / (K B) = (p - t) w / 2.
  const Tensor w = Floats({2, 1}, {0.7f, 0.3f});
  STRATA_ASSERT_OK_AND_ASSIGN(grad, GradOf(MeanSquaredError(), KerasTrue(),
                                           Floats({2, 2}, {1, 1, 1, 0}), &w));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-7f), {0.35f, 0.0f, 0.15f, 0.0f}));
}

TEST(MeanSquaredErrorTest, RankOneAndTrailingOneShapesAndIntTargets) {
  // (3,) against (3,): each element is a sample, as (3, 1) would be.
  const Tensor t = Floats({3}, {1, 2, 3});
  const Tensor p = Floats({3}, {2, 2, 5});
  MeanSquaredError mse;
  EXPECT_THAT(*PerSampleOf(mse, t, p), ElementsAre(1.0f, 0.0f, 4.0f));
  EXPECT_NEAR(*ValueOf(mse, t, p), 5.0 / 3.0, 1e-6);
  // (3,) targets against (3, 1) predictions, and the reverse.
  const Tensor p31 = Floats({3, 1}, {2, 2, 5});
  EXPECT_THAT(*PerSampleOf(mse, t, p31), ElementsAre(1.0f, 0.0f, 4.0f));
  EXPECT_THAT(*PerSampleOf(mse, Floats({3, 1}, {1, 2, 3}), p),
              ElementsAre(1.0f, 0.0f, 4.0f));
  // int32 targets are cast to float, as Keras does.
  EXPECT_NEAR(*ValueOf(mse, Ints32({3}, {1, 2, 3}), p), 5.0 / 3.0, 1e-6);
}

TEST(MeanSquaredErrorTest, TemporalLossesAndWeights) {
  // y_pred (2, 2, 1): per-sample losses (2, 2), weights per sample broadcast
  // over time; sum_over_batch_size divides by the 4 per-sample losses.
  const Tensor t = Floats({2, 2, 1}, {0, 0, 0, 0});
  const Tensor p = Floats({2, 2, 1}, {1, 2, 3, 4});
  STRATA_ASSERT_OK_AND_ASSIGN(
      autograd::Variable per,
      MeanSquaredError().PerSample(t, autograd::Variable(p)));
  EXPECT_EQ(per.shape(), Shape({2, 2}));
  const Tensor w = Floats({2}, {1, 0.5f});
  EXPECT_NEAR(*ValueOf(MeanSquaredError(), t, p, &w),
              (1 + 4 + 0.5 * (9 + 16)) / 4.0, 1e-6);
  const Tensor w_per_step = Floats({2, 2}, {1, 0, 0, 1});
  EXPECT_NEAR(*ValueOf(MeanSquaredError(), t, p, &w_per_step), (1 + 16) / 4.0,
              1e-6);
  const Tensor scalar_w = Tensor::Scalar(2.0f);
  EXPECT_NEAR(*ValueOf(MeanSquaredError(), t, p, &scalar_w),
              2 * (1 + 4 + 9 + 16) / 4.0, 1e-6);
}

TEST(MeanAbsoluteErrorTest, KerasDocstringAndHandComputedValues) {
  const Tensor y_pred = Floats({2, 2}, {1, 1, 1, 0});
  const Tensor weights = Floats({2}, {0.7f, 0.3f});
  MeanAbsoluteError mae;
  EXPECT_EQ(mae.name(), "mean_absolute_error");
  EXPECT_NEAR(*ValueOf(mae, KerasTrue(), y_pred), 0.5, 1e-7);
  EXPECT_NEAR(*ValueOf(mae, KerasTrue(), y_pred, &weights), 0.25, 1e-7);
  // |e| = [[0.5, 1], [0, 2]] -> [0.75, 1]; the gradient is sign(e) / (K B),
  // 0 where e == 0.
  const Tensor t = Floats({2, 2}, {1, 2, 3, 4});
  const Tensor p = Floats({2, 2}, {1.5f, 1, 3, 6});
  EXPECT_THAT(*PerSampleOf(mae, t, p), ElementsAre(0.75f, 1.0f));
  EXPECT_NEAR(*ValueOf(mae, t, p), 0.875, 1e-7);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(mae, t, p));
  EXPECT_THAT(grad.ToVector<float>(), ElementsAre(0.25f, -0.25f, 0.0f, 0.25f));
}

TEST(HuberTest, KerasDocstringValues) {
  const Tensor y_pred = Floats({2, 2}, {0.6f, 0.4f, 0.4f, 0.6f});
  Huber huber;
  EXPECT_EQ(huber.name(), "huber_loss");
  EXPECT_NEAR(*ValueOf(huber, KerasTrue(), y_pred), 0.155, 1e-6);
  const Tensor weights = Floats({2}, {1, 0});
  EXPECT_NEAR(*ValueOf(huber, KerasTrue(), y_pred, &weights), 0.09, 1e-6);
  EXPECT_NEAR(
      *ValueOf(Huber({.reduction = Reduction::kSum}), KerasTrue(), y_pred),
      0.31, 1e-6);
  EXPECT_THAT(*PerSampleOf(huber, KerasTrue(), y_pred),
              Pointwise(FloatNear(1e-6f), {0.18f, 0.13f}));
}

TEST(HuberTest, QuadraticInsideDeltaLinearOutside) {
  // delta 0.5: e = 0.3 -> 0.045 (grad 0.3); e = -2 -> 0.5 * 2 - 0.125 = 0.875
  // (grad -0.5). Mean over K = 2 and B = 1 halves the gradients.
  Huber huber({.delta = 0.5f});
  const Tensor t = Floats({1, 2}, {0, 0});
  const Tensor p = Floats({1, 2}, {0.3f, -2});
  EXPECT_NEAR(*ValueOf(huber, t, p), (0.045 + 0.875) / 2, 1e-6);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(huber, t, p));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-7f), {0.15f, -0.25f}));
}

TEST(RegressionLossesTest, GradCheck) {
  const Tensor t = autograd::GradCheckInput({4, 3}, 1, -1, 1);
  // Errors stay away from MAE's kink at 0 and Huber's at |e| == delta.
  const Tensor p = Floats({4, 3}, {0.9f, -1.2f, 0.35f, 1.6f, -0.7f, 0.2f, -1.4f,
                                   0.6f, 2.1f, 0.1f, -0.3f, 1.1f});
  const Tensor w = Floats({4}, {0.5f, 2, 1, 0.25f});
  const Tensor zeros = Tensor::Zeros({4, 3});
  EXPECT_THAT(CheckLossGradient(MeanSquaredError(), t, p, &w), IsOk());
  EXPECT_THAT(CheckLossGradient(MeanAbsoluteError(), zeros, p, &w), IsOk());
  EXPECT_THAT(CheckLossGradient(Huber({.delta = 0.5f}), zeros, p, &w), IsOk());
  EXPECT_THAT(
      CheckLossGradient(Huber({.delta = 1.0f, .reduction = Reduction::kNone}),
                        zeros, p, &w),
      IsOk());
}

TEST(RegressionLossesTest, NoGraphWithoutGrad) {
  autograd::Variable p(Floats({1, 1}, {2}), /*requires_grad=*/true);
  autograd::NoGradScope no_grad;
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable v,
                              MeanSquaredError()(Floats({1, 1}, {0}), p));
  EXPECT_FALSE(v.requires_grad());
  EXPECT_FLOAT_EQ(*v.value().Item<float>(), 4.0f);
}

TEST(RegressionLossesTest, ShapeMismatchNamesBothShapes) {
  const Tensor t = Floats({2, 3}, {0, 0, 0, 0, 0, 0});
  const autograd::Variable p(Tensor::Zeros({2, 2}));
  EXPECT_THAT(MeanSquaredError()(t, p),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("MeanSquaredError"),
                             HasSubstr("received y_true (2, 3)"),
                             HasSubstr("y_pred (2, 2)"))));
  EXPECT_THAT(
      MeanAbsoluteError().PerSample(t, p),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
  const Tensor w = Floats({3}, {1, 1, 1});
  EXPECT_THAT(
      Huber()(Tensor::Zeros({2, 2}), p, &w),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("sample_weight"), HasSubstr("received (3,)"))));
  EXPECT_THAT(MeanSquaredError()(
                  t, autograd::Variable(Tensor::Zeros({2, 3}, DType::kInt32))),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected a float32 y_pred; received int32")));
  EXPECT_THAT(MeanSquaredError()(Tensor::Scalar(1),
                                 autograd::Variable(Tensor::Scalar(1))),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received shape ()")));
  EXPECT_THAT(Huber({.delta = -1})(Tensor::Zeros({2, 2}), p),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("delta")));
}

TEST(RegressionLossesTest, ConfigRoundTrip) {
  Huber huber({.delta = 0.25f, .reduction = Reduction::kSum, .name = "h"});
  const ConfigDict config = huber.GetConfig();
  EXPECT_EQ(config.fields().at("reduction").string_value(), "sum");
  EXPECT_EQ(config.fields().at("name").string_value(), "h");
  EXPECT_DOUBLE_EQ(config.fields().at("delta").number_value(), 0.25);
  STRATA_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Huber> again,
                              Huber::FromConfig(config));
  EXPECT_FLOAT_EQ(again->delta(), 0.25f);
  EXPECT_EQ(again->reduction(), Reduction::kSum);
  EXPECT_EQ(again->name(), "h");

  STRATA_ASSERT_OK_AND_ASSIGN(
      std::unique_ptr<MeanSquaredError> mse,
      MeanSquaredError::FromConfig(MeanSquaredError().GetConfig()));
  EXPECT_EQ(mse->name(), "mean_squared_error");
  EXPECT_EQ(mse->reduction(), Reduction::kAuto);

  ConfigDict bad = MeanAbsoluteError().GetConfig();
  (*bad.mutable_fields())["delta"].set_number_value(1);
  EXPECT_THAT(MeanAbsoluteError::FromConfig(bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("delta")));
  (*bad.mutable_fields()).erase("delta");
  (*bad.mutable_fields())["reduction"].set_string_value("mean");
  EXPECT_THAT(MeanAbsoluteError::FromConfig(bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received 'mean'")));
}

}  // namespace
}  // namespace strata::losses
