// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/categorical_crossentropy.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "autograd/grad_mode.h"
#include "autograd/gradcheck.h"
#include "autograd/ops/elementwise.h"
#include "autograd/ops/reduce.h"
#include "autograd/ops/softmax.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "losses/loss_test_util.h"
#include "tensor/parallel.h"

namespace strata::losses {
namespace {

using ::strata::losses::testing::CheckLossGradient;
using ::strata::losses::testing::Floats;
using ::strata::losses::testing::GradOf;
using ::strata::losses::testing::Ints32;
using ::strata::losses::testing::Ints64;
using ::strata::losses::testing::PerSampleOf;
using ::strata::losses::testing::ValueOf;
using ::strata::testing::IsOk;
using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::Pointwise;

// Keras's docstring example for both classes.
const Tensor& KerasProbabilities() {
  static const Tensor p = Floats({2, 3}, {0.05f, 0.95f, 0, 0.1f, 0.8f, 0.1f});
  return p;
}

// log(e^1 + e^2 + e^3).
const double kLse123 = 3 + std::log(1 + std::exp(-1.0) + std::exp(-2.0));

TEST(CategoricalCrossentropyTest, KerasDocstringValues) {
  // 1.177; weighted [0.3, 0.7] 0.814; sum 2.354; none [0.0513, 2.303].
  const Tensor t = Floats({2, 3}, {0, 1, 0, 0, 0, 1});
  CategoricalCrossentropy cce;
  EXPECT_EQ(cce.name(), "categorical_crossentropy");
  const double row0 = -std::log(0.95), row1 = -std::log(0.1);
  EXPECT_NEAR(*ValueOf(cce, t, KerasProbabilities()), (row0 + row1) / 2, 1e-6);
  EXPECT_NEAR(*ValueOf(cce, t, KerasProbabilities()), 1.177, 5e-4);
  const Tensor w = Floats({2}, {0.3f, 0.7f});
  EXPECT_NEAR(*ValueOf(cce, t, KerasProbabilities(), &w), 0.814, 5e-4);
  EXPECT_NEAR(*ValueOf(CategoricalCrossentropy({.reduction = Reduction::kSum}),
                       t, KerasProbabilities()),
              2.354, 5e-4);
  EXPECT_THAT(*PerSampleOf(cce, t, KerasProbabilities()),
              Pointwise(FloatNear(1e-5f), {float(row0), float(row1)}));
}

TEST(CategoricalCrossentropyTest, RenormalizesProbabilitiesAsKeras) {
  // Keras divides by the row sum first: [1, 3] -> [0.25, 0.75].
  const Tensor t = Floats({1, 2}, {0, 1});
  const Tensor p = Floats({1, 2}, {1, 3});
  EXPECT_NEAR(*ValueOf(CategoricalCrossentropy(), t, p), -std::log(0.75), 1e-6);
  // d/dp_k = (a_k - sum_j a_j u_j) / S with a = (0, -1 / 0.75), S = 4:
  // (1/4, -1/12).
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad,
                              GradOf(CategoricalCrossentropy(), t, p));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-6f), {0.25f, -1.0f / 12}));
}

TEST(CategoricalCrossentropyTest, FromLogitsAndLabelSmoothing) {
  const Tensor t = Floats({1, 3}, {0, 1, 0});
  const Tensor x = Floats({1, 3}, {1, 2, 3});
  CategoricalCrossentropy cce({.from_logits = true});
  EXPECT_NEAR(*ValueOf(cce, t, x), kLse123 - 2, 1e-6);
  // softmax - onehot.
  const double z = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(cce, t, x));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-6f),
                        {float(std::exp(1.0) / z), float(std::exp(2.0) / z - 1),
                         float(std::exp(3.0) / z)}));
  // ls = 0.3 over 3 classes: targets (0.1, 0.8, 0.1).
  const Tensor x2 = Floats({1, 3}, {1, 2, 4});
  const double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(4.0));
  const double expected = 0.1 * (lse - 1) + 0.8 * (lse - 2) + 0.1 * (lse - 4);
  EXPECT_NEAR(*ValueOf(CategoricalCrossentropy(
                           {.from_logits = true, .label_smoothing = 0.3f}),
                       t, x2),
              expected, 1e-5);
  // On probabilities: -(0.1 log 0.2 + 0.8 log 0.5 + 0.1 log 0.3).
  const Tensor p = Floats({1, 3}, {0.2f, 0.5f, 0.3f});
  EXPECT_NEAR(
      *ValueOf(CategoricalCrossentropy({.label_smoothing = 0.3f}), t, p),
      -(0.1 * std::log(0.2) + 0.8 * std::log(0.5) + 0.1 * std::log(0.3)), 1e-6);
}

TEST(CategoricalCrossentropyTest, MatchesTheChainOfGenericOps) {
  // -sum(t * log_softmax(x)) built from autograd ops, value and gradient.
  const Tensor x = autograd::GradCheckInput({5, 7}, 3, -4, 4);
  const Tensor t = autograd::GradCheckInput({5, 7}, 4, 0, 1);
  autograd::Variable a(x, true), b(x, true);
  STRATA_ASSERT_OK_AND_ASSIGN(
      autograd::Variable fused,
      CategoricalCrossentropy(
          {.from_logits = true, .reduction = Reduction::kSum})(t, a));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable logp, autograd::LogSoftmax(b));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable prod,
                              autograd::Multiply(logp, autograd::Variable(t)));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable sum, autograd::Sum(prod));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable chain, autograd::Negate(sum));
  EXPECT_NEAR(*fused.value().Item<float>(), *chain.value().Item<float>(), 1e-4);
  STRATA_ASSERT_OK(fused.Backward());
  STRATA_ASSERT_OK(chain.Backward());
  EXPECT_TRUE(AllClose(a.grad(), b.grad(), 1e-5, 1e-6));
}

TEST(SparseCategoricalCrossentropyTest, KerasDocstringValues) {
  const Tensor labels = Ints64({2}, {1, 2});
  SparseCategoricalCrossentropy scce;
  EXPECT_EQ(scce.name(), "sparse_categorical_crossentropy");
  EXPECT_NEAR(*ValueOf(scce, labels, KerasProbabilities()), 1.177, 5e-4);
  const Tensor w = Floats({2}, {0.3f, 0.7f});
  EXPECT_NEAR(*ValueOf(scce, labels, KerasProbabilities(), &w), 0.814, 5e-4);
  // Exactly: log(sum clip(p)) - log(clip(p_label)), with 0 clipped to 1e-7.
  const double row0 = std::log(1.0 + 1e-7) - std::log(0.95);
  const double row1 = -std::log(0.1);
  EXPECT_THAT(*PerSampleOf(scce, labels, KerasProbabilities()),
              Pointwise(FloatNear(1e-5f), {float(row0), float(row1)}));
}

TEST(SparseCategoricalCrossentropyTest, FromLogitsHandComputed) {
  // Rows [1, 2, 3] label 2 and [0, 0, 0] label 0.
  const Tensor x = Floats({2, 3}, {1, 2, 3, 0, 0, 0});
  const double loss0 = kLse123 - 3, loss1 = std::log(3.0);
  SparseCategoricalCrossentropy scce({.from_logits = true});
  for (const Tensor& labels :
       {Ints64({2}, {2, 0}), Ints32({2}, {2, 0}), Floats({2}, {2, 0}),
        Ints64({2, 1}, {2, 0}), Floats({2, 1}, {2, 0})}) {
    EXPECT_NEAR(*ValueOf(scce, labels, x), (loss0 + loss1) / 2, 1e-6) << labels;
    EXPECT_THAT(*PerSampleOf(scce, labels, x),
                Pointwise(FloatNear(1e-6f), {float(loss0), float(loss1)}));
    // (softmax - onehot) / batch.
    const double z = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad, GradOf(scce, labels, x));
    EXPECT_THAT(grad.ToVector<float>(),
                Pointwise(FloatNear(1e-6f), {float(std::exp(1.0) / z / 2),
                                             float(std::exp(2.0) / z / 2),
                                             float((std::exp(3.0) / z - 1) / 2),
                                             -1.0f / 3, 1.0f / 6, 1.0f / 6}));
  }
  // Sample weights scale each row's loss and gradient; sum_over_batch_size
  // still divides by the batch.
  const Tensor w = Floats({2}, {2, 0});
  EXPECT_NEAR(*ValueOf(scce, Ints64({2}, {2, 0}), x, &w), loss0, 1e-6);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor grad,
                              GradOf(scce, Ints64({2}, {2, 0}), x, &w));
  const std::vector<float> g = grad.ToVector<float>();
  EXPECT_THAT(std::vector<float>(g.begin() + 3, g.end()),
              Pointwise(FloatNear(0), {0.0f, 0.0f, 0.0f}));
  EXPECT_NEAR(
      g[2],
      (std::exp(3.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 1),
      1e-6);
}

TEST(SparseCategoricalCrossentropyTest, HugeLogitsStayFinite) {
  const Tensor x = Floats({2, 2}, {1000, 0, -1000, 1000});
  SparseCategoricalCrossentropy scce(
      {.from_logits = true, .reduction = Reduction::kNone});
  EXPECT_THAT(*PerSampleOf(scce, Ints64({2}, {1, 1}), x),
              Pointwise(FloatNear(1e-3f), {1000.0f, 0.0f}));
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor grad, GradOf(SparseCategoricalCrossentropy({.from_logits = true}),
                          Ints64({2}, {1, 1}), x));
  EXPECT_THAT(grad.ToVector<float>(),
              Pointwise(FloatNear(1e-7f), {0.5f, -0.5f, 0.0f, 0.0f}));
}

TEST(SparseCategoricalCrossentropyTest, TemporalLabels) {
  // (batch, time, classes) logits with (batch, time) labels.
  const Tensor x = autograd::GradCheckInput({2, 3, 4}, 9, -2, 2);
  const Tensor labels = Ints64({2, 3}, {0, 1, 2, 3, 0, 1});
  STRATA_ASSERT_OK_AND_ASSIGN(
      autograd::Variable per,
      SparseCategoricalCrossentropy({.from_logits = true})
          .PerSample(labels, autograd::Variable(x)));
  EXPECT_EQ(per.shape(), Shape({2, 3}));
  const Tensor w = Floats({2}, {1, 3});
  EXPECT_THAT(
      CheckLossGradient(SparseCategoricalCrossentropy({.from_logits = true}),
                        labels, x, &w),
      IsOk());
}

TEST(CrossentropyTest, GradCheck) {
  const Tensor x = autograd::GradCheckInput({4, 5}, 11, -3, 3);
  const Tensor p = autograd::GradCheckInput({4, 5}, 12, 0.1f, 0.9f);
  const Tensor t = autograd::GradCheckInput({4, 5}, 13, 0, 1);
  const Tensor labels = Ints32({4, 1}, {0, 4, 2, 2});
  const Tensor w = Floats({4}, {1, 0.5f, 2, 0.25f});
  for (bool from_logits : {false, true}) {
    const Tensor& y_pred = from_logits ? x : p;
    for (float ls : {0.0f, 0.2f}) {
      EXPECT_THAT(
          CheckLossGradient(CategoricalCrossentropy({.from_logits = from_logits,
                                                     .label_smoothing = ls}),
                            t, y_pred, &w),
          IsOk())
          << from_logits << " " << ls;
    }
    EXPECT_THAT(CheckLossGradient(
                    SparseCategoricalCrossentropy({.from_logits = from_logits}),
                    labels, y_pred, &w),
                IsOk())
        << from_logits;
  }
}

TEST(CrossentropyTest, BitwiseSameAtAnyThreadCount) {
  // 4096 x 100 logits span several parallel chunks.
  const Tensor x = autograd::GradCheckInput({4096, 100}, 21, -5, 5);
  std::vector<int64_t> ids(4096);
  for (int64_t i = 0; i < 4096; ++i) ids[i] = (i * 37) % 100;
  const Tensor labels = Ints64({4096}, ids);
  auto run = [&](Tensor* grad) {
    autograd::Variable v(x, true);
    auto loss = SparseCategoricalCrossentropy({.from_logits = true})(labels, v);
    EXPECT_TRUE(loss.ok());
    EXPECT_TRUE(loss->Backward().ok());
    *grad = v.grad();
    return *loss->value().Item<float>();
  };
  Tensor one_grad, many_grad;
  float one = 0;
  {
    ScopedThreadLimit limit(1);
    one = run(&one_grad);
  }
  const float many = run(&many_grad);
  EXPECT_EQ(one, many);
  EXPECT_TRUE(Equal(one_grad, many_grad));
}

TEST(CrossentropyTest, NoGraphWithoutGrad) {
  autograd::Variable x(Floats({1, 2}, {0, 0}), /*requires_grad=*/true);
  autograd::NoGradScope no_grad;
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable v,
                              SparseCategoricalCrossentropy(
                                  {.from_logits = true})(Ints64({1}, {0}), x));
  EXPECT_FALSE(v.requires_grad());
  EXPECT_NEAR(*v.value().Item<float>(), std::log(2.0), 1e-7);
}

TEST(SparseCategoricalCrossentropyTest, LabelErrorsNameTheLabelAndClasses) {
  SparseCategoricalCrossentropy scce({.from_logits = true});
  const autograd::Variable x(Tensor::Zeros({3, 10}));
  EXPECT_THAT(scce(Ints64({3}, {1, 12, 3}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("[0, 10)"), HasSubstr("10 classes"),
                             HasSubstr("received a label value of 12"))));
  EXPECT_THAT(scce(Ints32({3}, {-1, 0, 0}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received a label value of -1")));
  EXPECT_THAT(scce(Floats({3}, {0, 1.5f, 0}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received a label value of 1.5")));
  EXPECT_THAT(scce(Tensor::Zeros({3, 10}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("(3,) or (3, 1)"),
                             HasSubstr("received y_true (3, 10)"))));
  EXPECT_THAT(scce(Ints64({4}, {0, 0, 0, 0}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received y_true (4,)")));
  EXPECT_THAT(
      scce(Ints64({3}, {0, 0, 0}), autograd::Variable(Tensor::Zeros({3}))),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("rank >= 2")));
  EXPECT_THAT(CategoricalCrossentropy()(Tensor::Zeros({3, 9}), x),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received y_true (3, 9) and y_pred (3, 10)")));
}

TEST(CrossentropyTest, ConfigRoundTrip) {
  SparseCategoricalCrossentropy scce({.from_logits = true, .name = "xent"});
  ConfigDict config = scce.GetConfig();
  EXPECT_TRUE(config.fields().at("from_logits").bool_value());
  EXPECT_EQ(config.fields().at("name").string_value(), "xent");
  // Keras 2.11+ also writes "ignore_class": null.
  (*config.mutable_fields())["ignore_class"].set_null_value(
      google::protobuf::NULL_VALUE);
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto again, SparseCategoricalCrossentropy::FromConfig(config));
  EXPECT_TRUE(again->options().from_logits);
  EXPECT_EQ(again->name(), "xent");
  (*config.mutable_fields())["ignore_class"].set_number_value(0);
  EXPECT_FALSE(SparseCategoricalCrossentropy::FromConfig(config).ok());

  CategoricalCrossentropy cce(
      {.label_smoothing = 0.1f, .reduction = Reduction::kSumOverBatchSize});
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto cce2, CategoricalCrossentropy::FromConfig(cce.GetConfig()));
  EXPECT_FALSE(cce2->options().from_logits);
  EXPECT_FLOAT_EQ(cce2->options().label_smoothing, 0.1f);
  EXPECT_EQ(cce2->reduction(), Reduction::kSumOverBatchSize);
}

}  // namespace
}  // namespace strata::losses
