// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/activation.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::IsNan;
using ::testing::Not;
using ::testing::Pointwise;

Tensor Vec(std::vector<float> v) {
  return Tensor::FromVector<float>({static_cast<int64_t>(v.size())}, absl::MakeConstSpan(v))
      .value();
}

// n values evenly spread over [low, high].
Tensor Linspace(float low, float high, int64_t n) {
  Tensor t = Tensor::Empty({n});
  for (int64_t i = 0; i < n; ++i) {
    t.mutable_data<float>()[i] = low + (high - low) * static_cast<float>(i) / (n - 1);
  }
  return t;
}

std::vector<float> Values(const absl::StatusOr<Tensor>& t) {
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? t->ToVector<float>() : std::vector<float>{};
}

TEST(ActivationTest, ParsesKerasNamesAndRoundTrips) {
  for (const char* name : {"linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "gelu",
                           "softplus", "swish"}) {
    STRATA_ASSERT_OK_AND_ASSIGN(Activation a, ParseActivation(name));
    EXPECT_EQ(ActivationName(a), name);
  }
  STRATA_ASSERT_OK_AND_ASSIGN(Activation silu, ParseActivation("silu"));
  EXPECT_EQ(silu, Activation::kSwish);
  EXPECT_EQ(ActivationName(Activation::kGelu), "gelu");
}

TEST(ActivationTest, UnknownNameListsTheValidOnes) {
  EXPECT_THAT(ParseActivation("Relu"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'softplus', 'swish' or 'silu'; received 'Relu'.")));
  EXPECT_THAT(ParseActivation(""), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("expected one of 'linear', 'relu'")));
}

TEST(ActivationTest, HandComputedValues) {
  constexpr float kTol = 2e-6f;
  EXPECT_THAT(Values(Relu(Vec({-2, -0.5f, 0, 1.5f}))), ElementsAre(0, 0, 0, 1.5f));
  EXPECT_THAT(Values(LeakyRelu(Vec({-2, 0, 3}))), ElementsAre(-0.6f, 0, 3));
  EXPECT_THAT(Values(LeakyRelu(Vec({-2, 3}), 0.1f)), ElementsAre(-0.2f, 3));
  EXPECT_THAT(Values(Sigmoid(Vec({0, 2, -2}))),
              Pointwise(FloatNear(kTol), {0.5f, 0.880797078f, 0.119202922f}));
  EXPECT_THAT(Values(Tanh(Vec({0, 0.5f, -1}))),
              Pointwise(FloatNear(kTol), {0.0f, 0.462117157f, -0.761594156f}));
  EXPECT_THAT(Values(Elu(Vec({-1, 0, 2}))),
              Pointwise(FloatNear(kTol), {-0.632120559f, 0.0f, 2.0f}));
  EXPECT_THAT(Values(Elu(Vec({-1}), 0.5f)), Pointwise(FloatNear(kTol), {-0.316060279f}));
  EXPECT_THAT(Values(Selu(Vec({-1, 1}))),
              Pointwise(FloatNear(kTol), {-1.111330738f, 1.050700987f}));
  EXPECT_THAT(Values(Gelu(Vec({-1, 0, 1, 2}))),
              Pointwise(FloatNear(kTol), {-0.158655254f, 0.0f, 0.841344746f, 1.954499736f}));
  EXPECT_THAT(Values(Gelu(Vec({-1, 1, 2}), /*approximate=*/true)),
              Pointwise(FloatNear(kTol), {-0.158808009f, 0.841191991f, 1.954597694f}));
  EXPECT_THAT(Values(Softplus(Vec({0, 1}))),
              Pointwise(FloatNear(kTol), {0.693147181f, 1.313261688f}));
  EXPECT_THAT(Values(Swish(Vec({-1, 0, 1, 2}))),
              Pointwise(FloatNear(kTol), {-0.268941421f, 0.0f, 0.731058579f, 1.761594156f}));
}

TEST(ActivationTest, LargeInputsStayFiniteAndCorrect) {
  const Tensor x = Vec({-100, 100, -1e30f, 1e30f});
  EXPECT_THAT(Values(Sigmoid(x)), Pointwise(FloatNear(1e-30f), {0.0f, 1.0f, 0.0f, 1.0f}));
  EXPECT_THAT(Values(Softplus(x)), ElementsAre(FloatNear(0, 1e-30f), 100, 0, 1e30f));
  EXPECT_THAT(Values(Swish(x)), ElementsAre(FloatNear(0, 1e-30f), 100, 0, 1e30f));
  EXPECT_THAT(Values(Tanh(x)), Pointwise(FloatNear(1e-7f), {-1.0f, 1.0f, -1.0f, 1.0f}));
  EXPECT_THAT(Values(Elu(x)), ElementsAre(-1, 100, -1, 1e30f));
  EXPECT_THAT(Values(Gelu(x)), ElementsAre(0, 100, 0, 1e30f));
  EXPECT_THAT(Values(Gelu(x, true)), ElementsAre(0, 100, 0, 1e30f));
  // Far in the negative tail sigmoid keeps its relative accuracy: 1 / (1 + e^20) = 2.0611537e-9.
  EXPECT_THAT(Values(Sigmoid(Vec({-20}))), ElementsAre(FloatNear(2.0611537e-9f, 1e-15f)));
}

// Every activation against a double-precision reference on a dense grid.
TEST(ActivationTest, MatchesDoubleReferencesOverARange) {
  const Tensor x = Linspace(-12, 12, 4801);
  auto sigmoid = [](double v) { return 1 / (1 + std::exp(-v)); };
  const std::vector<std::pair<absl::StatusOr<Tensor>, std::function<double(double)>>> cases = {
      {Sigmoid(x), sigmoid},
      {Tanh(x), [](double v) { return std::tanh(v); }},
      {Elu(x, 0.7f), [](double v) { return v > 0 ? v : 0.7 * std::expm1(v); }},
      {Selu(x),
       [](double v) {
         return 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * std::expm1(v));
       }},
      {Gelu(x), [](double v) { return 0.5 * v * std::erfc(-v / std::sqrt(2.0)); }},
      {Gelu(x, true),
       [](double v) {
         return 0.5 * v * (1 + std::tanh(std::sqrt(2 / M_PI) * (v + 0.044715 * v * v * v)));
       }},
      {Softplus(x), [](double v) { return std::log1p(std::exp(v)); }},
      {Swish(x), [&](double v) { return v * sigmoid(v); }},
      {LeakyRelu(x, 0.2f), [](double v) { return v > 0 ? v : 0.2 * v; }},
  };
  for (size_t c = 0; c < cases.size(); ++c) {
    ASSERT_TRUE(cases[c].first.ok()) << cases[c].first.status();
    const float* y = cases[c].first->data<float>();
    for (int64_t i = 0; i < x.num_elements(); ++i) {
      const double v = x.data<float>()[i];
      const double want = cases[c].second(v);
      ASSERT_NEAR(y[i], want, 1e-6 + 4e-6 * std::abs(want)) << "case " << c << " at x = " << v;
    }
  }
}

TEST(ActivationTest, NaNPropagates) {
  const Tensor x = Vec({std::numeric_limits<float>::quiet_NaN(), 1});
  for (Activation a :
       {Activation::kRelu, Activation::kSigmoid, Activation::kTanh, Activation::kElu,
        Activation::kSelu, Activation::kGelu, Activation::kSoftplus, Activation::kSwish}) {
    EXPECT_THAT(Values(Activate(x, a)), ElementsAre(IsNan(), Not(IsNan()))) << ActivationName(a);
  }
  EXPECT_THAT(Values(LeakyRelu(x)), ElementsAre(IsNan(), 1));
  EXPECT_THAT(Values(Gelu(x, true)), ElementsAre(IsNan(), Not(IsNan())));
}

TEST(ActivationTest, ActivateDispatches) {
  const Tensor x = Vec({-1, 0.5f, 2});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor linear, Activate(x, Activation::kLinear));
  EXPECT_TRUE(linear.SharesStorageWith(x));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor relu, Activate(x, Activation::kRelu));
  EXPECT_THAT(relu.ToVector<float>(), ElementsAre(0, 0.5f, 2));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor gelu, Activate(x, Activation::kGelu));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor exact, Gelu(x, false));
  EXPECT_TRUE(Equal(gelu, exact));  // Keras's default is the exact form.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor logits, Tensor::FromVector<float>({2, 2}, {0, 0, 1, 3}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor probs, Activate(logits, Activation::kSoftmax));
  EXPECT_THAT(probs.ToVector<float>(),
              Pointwise(FloatNear(1e-6f), {0.5f, 0.5f, 0.119202922f, 0.880797078f}));
  for (Activation a : {Activation::kSigmoid, Activation::kTanh, Activation::kElu, Activation::kSelu,
                       Activation::kSoftplus, Activation::kSwish}) {
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Activate(x, a));
    EXPECT_EQ(y.shape(), x.shape());
    EXPECT_FALSE(y.SharesStorageWith(x));
  }
}

TEST(ActivationTest, RejectsNonFloatAndUndefinedInputs) {
  const Tensor ints = Tensor::Zeros({2}, DType::kInt32);
  EXPECT_THAT(Relu(ints), StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("Relu: expected a float32 tensor; received int32 "
                                             "(2,).")));
  EXPECT_THAT(Gelu(Tensor()), StatusIs(absl::StatusCode::kInvalidArgument,
                                       HasSubstr("received an undefined tensor")));
  EXPECT_THAT(Activate(ints, Activation::kLinear),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received int32")));
  EXPECT_THAT(Activate(Tensor::Scalar(1), Activation::kSoftmax),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis -1")));
}

TEST(ActivationTest, ValueDoesNotDependOnPositionOrSize) {
  // NOTE [ Position-independent SIMD ]: an element computed alone (a padded tail) equals the same
  // element inside a long array (a full SIMD packet), for every activation.
  const Tensor x = Linspace(-5, 5, 101);
  for (Activation a : {Activation::kSigmoid, Activation::kTanh, Activation::kElu, Activation::kSelu,
                       Activation::kGelu, Activation::kSoftplus, Activation::kSwish}) {
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor all, Activate(x, a));
    for (int64_t i : {0, 17, 63, 100}) {
      STRATA_ASSERT_OK_AND_ASSIGN(Tensor one, Activate(Vec({x.data<float>()[i]}), a));
      EXPECT_EQ(one.data<float>()[0], all.data<float>()[i]) << ActivationName(a) << " " << i;
    }
  }
}

TEST(ActivationTest, BitwiseIdenticalOnOneAndTwoThreads) {
  const Tensor x = Linspace(-8, 8, (1 << 20) + 3);
  std::vector<std::function<absl::StatusOr<Tensor>()>> ops = {
      [&] { return Relu(x); },       [&] { return Sigmoid(x); },  [&] { return Tanh(x); },
      [&] { return Elu(x); },        [&] { return Selu(x); },     [&] { return Gelu(x); },
      [&] { return Gelu(x, true); }, [&] { return Softplus(x); }, [&] { return Swish(x); },
      [&] { return LeakyRelu(x); },
  };
  for (size_t k = 0; k < ops.size(); ++k) {
    absl::StatusOr<Tensor> one_thread;
    {
      ScopedThreadLimit limit(1);
      one_thread = ops[k]();
    }
    absl::StatusOr<Tensor> two_threads = ops[k]();
    ASSERT_TRUE(one_thread.ok() && two_threads.ok());
    EXPECT_TRUE(Equal(*one_thread, *two_threads)) << "op " << k;
  }
}

}  // namespace
}  // namespace strata::ops
