// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/binary_crossentropy.h"

#include <cmath>
#include <vector>

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
using ::strata::losses::testing::PerSampleOf;
using ::strata::losses::testing::ValueOf;
using ::strata::testing::IsOk;
using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::Pointwise;

constexpr double kEps = 1e-7;

// Keras's elementwise formula on probabilities, in double.
double Bce(double t, double p) {
  const double q = std::min(std::max(p, kEps), 1 - kEps);
  return -(t * std::log(q + kEps) + (1 - t) * std::log(1 - q + kEps));
}

TEST(BinaryCrossentropyTest, KerasDocstringValues) {
  // keras.losses.BinaryCrossentropy: 0.815, weighted [1, 0] 0.458, sum 1.630,
  // none [0.916, 0.714].
  const Tensor t = Floats({2, 2}, {0, 1, 0, 0});
  const Tensor p = Floats({2, 2}, {0.6f, 0.4f, 0.4f, 0.6f});
  BinaryCrossentropy bce;
  EXPECT_EQ(bce.name(), "binary_crossentropy");
  EXPECT_NEAR(*ValueOf(bce, t, p), 0.815, 5e-4);
  const Tensor w = Floats({2}, {1, 0});
  EXPECT_NEAR(*ValueOf(bce, t, p, &w), 0.458, 5e-4);
  EXPECT_NEAR(
      *ValueOf(BinaryCrossentropy({.reduction = Reduction::kSum}), t, p), 1.630,
      5e-4);
  EXPECT_THAT(*PerSampleOf(bce, t, p),
              Pointwise(FloatNear(5e-4f), {0.916f, 0.714f}));
  // The same to float precision: -log(0.4) and -log(0.6).
  const double row0 = (Bce(0, 0.6) + Bce(1, 0.4)) / 2;
  const double row1 = (Bce(0, 0.4) + Bce(0, 0.6)) / 2;
  EXPECT_NEAR(*ValueOf(bce, t, p), (row0 + row1) / 2, 1e-6);
}

TEST(BinaryCrossentropyTest, KerasDocstringFromLogits) {
  // keras.losses.BinaryCrossentropy(from_logits=True) on these logits: 0.865.
  const Tensor t = Floats({4}, {0, 1, 0, 0});
  const Tensor x = Floats({4}, {-18.6f, 0.51f, 2.94f, -12.8f});
  BinaryCrossentropy bce({.from_logits = true});
  EXPECT_NEAR(*ValueOf(bce, t, x), 0.865, 5e-4);
  // max(x, 0) - x t + log(1 + exp(-|x|)), elementwise.
  EXPECT_THAT(
      *PerSampleOf(bce, t, x),
      Pointwise(FloatNear(1e-6f), {float(std::log1p(std::exp(-18.6))),
                                   float(std::log1p(std::exp(-0.51))),
                                   float(2.94 + std::log1p(std::exp(-2.94))),
                                   float(std::log1p(std::exp(-12.8)))}));
  // Extreme logits stay finite; the gradient is (sigmoid(x) - t) / 4.
  const Tensor big = Floats({4}, {-1000, 1000, 1000, 0});
  EXPECT_NEAR(*ValueOf(bce, t, big), (0 + 0 + 1000 + std::log(2.0)) / 4, 1e-3);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(bce, t, big));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-7f), {0.0f, 0.0f, 0.25f, 0.125f}));
}

TEST(BinaryCrossentropyTest, LabelSmoothing) {
  // ls = 0.2: targets [1, 0] become [0.9, 0.1].
  const Tensor t = Floats({1, 2}, {1, 0});
  const Tensor p = Floats({1, 2}, {0.9f, 0.2f});
  BinaryCrossentropy bce({.label_smoothing = 0.2f});
  EXPECT_NEAR(*ValueOf(bce, t, p), (Bce(0.9, 0.9) + Bce(0.1, 0.2)) / 2, 1e-6);
  EXPECT_NEAR(*ValueOf(bce, t, p), 0.343428, 1e-5);  // By hand.
  const Tensor x = Floats({1, 2}, {2, -1});
  BinaryCrossentropy logits({.from_logits = true, .label_smoothing = 0.2f});
  const double expected = ((2 - 2 * 0.9 + std::log1p(std::exp(-2.0))) +
                           (0 + 1 * 0.1 + std::log1p(std::exp(-1.0)))) /
                          2;
  EXPECT_NEAR(*ValueOf(logits, t, x), expected, 1e-6);
}

TEST(BinaryCrossentropyTest, ClipsProbabilitiesAsKeras) {
  // p = 0 for t = 1 is clipped to eps: -log(2e-7) = 15.4249; its gradient is
  // 0 (clip_by_value blocks it), as is p = 1's for t = 0.
  const Tensor t = Floats({2}, {1, 0});
  const Tensor p = Floats({2}, {0, 1});
  BinaryCrossentropy bce({.reduction = Reduction::kNone});
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<float> per, PerSampleOf(bce, t, p));
  EXPECT_NEAR(per[0], 15.424949, 1e-4);
  EXPECT_NEAR(per[1], -std::log(1 - (1.0f - 1e-7f) + 1e-7), 1e-3);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(BinaryCrossentropy(), t, p));
  EXPECT_THAT(grad.ToVector<float>(), Pointwise(FloatNear(0), {0.0f, 0.0f}));
}

TEST(BinaryCrossentropyTest, HandComputedGradientOnProbabilities) {
  // d/dp = ((1 - t) / (1 - p + eps) - t / (p + eps)) / (K B).
  const Tensor t = Floats({1, 2}, {1, 0});
  const Tensor p = Floats({1, 2}, {0.8f, 0.25f});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(BinaryCrossentropy(), t, p));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-5f), {-1.25f / 2, (1 / 0.75f) / 2}));
}

TEST(BinaryCrossentropyTest, GradCheck) {
  const Tensor t = Floats({3, 2}, {1, 0, 0, 1, 0.3f, 0.8f});
  const Tensor p = autograd::GradCheckInput({3, 2}, 5, 0.15f, 0.85f);
  const Tensor x = autograd::GradCheckInput({3, 2}, 6, -3, 3);
  const Tensor w = Floats({3, 1}, {1, 0.5f, 2});
  for (float ls : {0.0f, 0.1f}) {
    EXPECT_THAT(CheckLossGradient(BinaryCrossentropy({.label_smoothing = ls}),
                                  t, p, &w),
                IsOk());
    EXPECT_THAT(CheckLossGradient(BinaryCrossentropy({.from_logits = true,
                                                      .label_smoothing = ls}),
                                  t, x, &w),
                IsOk());
  }
}

TEST(BinaryCrossentropyTest, Errors) {
  BinaryCrossentropy bce;
  EXPECT_THAT(
      bce(Tensor::Zeros({4}), autograd::Variable(Tensor::Zeros({2, 2}))),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("BinaryCrossentropy"),
                     HasSubstr("received y_true (4,) and y_pred (2, 2)"))));
  EXPECT_THAT(BinaryCrossentropy({.label_smoothing = 1.5f})(
                  Tensor::Zeros({2}), autograd::Variable(Tensor::Zeros({2}))),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("label_smoothing in [0, 1]; received 1.5")));
}

TEST(BinaryCrossentropyTest, ConfigRoundTrip) {
  BinaryCrossentropy bce({.from_logits = true, .label_smoothing = 0.25f});
  const ConfigDict config = bce.GetConfig();
  EXPECT_TRUE(config.fields().at("from_logits").bool_value());
  EXPECT_DOUBLE_EQ(config.fields().at("label_smoothing").number_value(), 0.25);
  EXPECT_DOUBLE_EQ(config.fields().at("axis").number_value(), -1);
  EXPECT_EQ(config.fields().at("reduction").string_value(), "auto");
  STRATA_ASSERT_OK_AND_ASSIGN(std::unique_ptr<BinaryCrossentropy> again,
                              BinaryCrossentropy::FromConfig(config));
  EXPECT_TRUE(again->options().from_logits);
  EXPECT_FLOAT_EQ(again->options().label_smoothing, 0.25f);
  EXPECT_EQ(again->name(), "binary_crossentropy");

  ConfigDict bad = config;
  (*bad.mutable_fields())["axis"].set_number_value(0);
  EXPECT_THAT(BinaryCrossentropy::FromConfig(bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected axis -1; received 0")));
}

}  // namespace
}  // namespace strata::losses
