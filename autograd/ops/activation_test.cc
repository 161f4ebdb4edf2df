// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/activation.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::Pointwise;

using Fn = std::function<absl::StatusOr<Variable>(const Variable&)>;

// Values in +-[0.1, 2.5): at least 10 epsilons away from the kinks at 0 (relu, leaky relu, selu;
// NOTE [ Gradient check tolerances ]).
Tensor AwayFromZero(const Shape& shape, uint64_t seed) {
  Tensor t = GradCheckInput(shape, seed, 0.1f, 2.5f);
  for (int64_t i = 0; i < t.num_elements(); i += 2) t.mutable_data<float>()[i] *= -1;
  return t;
}

Tensor Vec(std::vector<float> v) {
  return Tensor::FromVector<float>({static_cast<int64_t>(v.size())}, absl::MakeConstSpan(v))
      .value();
}

// d(sum f(x))/dx, i.e. f'(x) elementwise.
absl::StatusOr<Tensor> Derivative(const Fn& f, const Tensor& x) {
  Variable v(x, /*requires_grad=*/true);
  absl::StatusOr<Variable> y = f(v);
  if (!y.ok()) return y.status();
  absl::Status s = y->Backward(Tensor::Ones(y->shape()));
  if (!s.ok()) return s;
  return v.grad();
}

std::vector<std::pair<std::string, Fn>> AllActivations() {
  return {
      {"relu", [](const Variable& x) { return Relu(x); }},
      {"leaky_relu", [](const Variable& x) { return LeakyRelu(x, 0.2f); }},
      {"sigmoid", [](const Variable& x) { return Sigmoid(x); }},
      {"tanh", [](const Variable& x) { return Tanh(x); }},
      {"elu", [](const Variable& x) { return Elu(x, 0.7f); }},
      {"selu", [](const Variable& x) { return Selu(x); }},
      {"gelu", [](const Variable& x) { return Gelu(x); }},
      {"gelu_tanh", [](const Variable& x) { return Gelu(x, /*approximate=*/true); }},
      {"softplus", [](const Variable& x) { return Softplus(x); }},
      {"swish", [](const Variable& x) { return Swish(x); }},
  };
}

TEST(ActivationGradTest, EveryActivationPassesGradCheck) {
  for (const auto& [name, f] : AllActivations()) {
    EXPECT_THAT(GradCheck([&](absl::Span<const Variable> in) { return f(in[0]); },
                          {AwayFromZero({3, 5}, 11)}),
                ::strata::testing::IsOk())
        << name;
  }
}

TEST(ActivationGradTest, ActivateIsDifferentiableForEveryActivation) {
  for (ops::Activation a :
       {ops::Activation::kLinear, ops::Activation::kRelu, ops::Activation::kSigmoid,
        ops::Activation::kTanh, ops::Activation::kSoftmax, ops::Activation::kElu,
        ops::Activation::kSelu, ops::Activation::kGelu, ops::Activation::kSoftplus,
        ops::Activation::kSwish}) {
    if (a == ops::Activation::kLinear) continue;  // Returns its input: no graph to check.
    EXPECT_THAT(GradCheck([&](absl::Span<const Variable> in) { return Activate(in[0], a); },
                          {AwayFromZero({2, 4}, 5)}),
                ::strata::testing::IsOk())
        << ops::ActivationName(a);
  }
}

TEST(ActivationGradTest, HandComputedDerivatives) {
  constexpr float kTol = 2e-6f;
  auto d = [](const Fn& f, std::vector<float> x) {
    absl::StatusOr<Tensor> g = Derivative(f, Vec(x));
    EXPECT_TRUE(g.ok()) << g.status();
    return g.ok() ? g->ToVector<float>() : std::vector<float>{};
  };
  // Relu's derivative at exactly 0 is 0 (Keras/TF); leaky relu's is alpha.
  EXPECT_THAT(d([](const Variable& x) { return Relu(x); }, {-1, 0, 2}), ElementsAre(0, 0, 1));
  EXPECT_THAT(d([](const Variable& x) { return LeakyRelu(x); }, {-1, 0, 2}),
              ElementsAre(0.3f, 0.3f, 1));
  EXPECT_THAT(d([](const Variable& x) { return Sigmoid(x); }, {0}), ElementsAre(0.25f));
  EXPECT_THAT(d([](const Variable& x) { return Tanh(x); }, {0}), ElementsAre(1));
  EXPECT_THAT(d([](const Variable& x) { return Elu(x); }, {-1, 2}),
              Pointwise(FloatNear(kTol), {0.367879441f, 1.0f}));
  EXPECT_THAT(d([](const Variable& x) { return Selu(x); }, {-1, 1}),
              Pointwise(FloatNear(kTol), {0.646768603f, 1.050700987f}));
  EXPECT_THAT(d([](const Variable& x) { return Gelu(x); }, {0, 1}),
              Pointwise(FloatNear(kTol), {0.5f, 1.083315471f}));
  EXPECT_THAT(d([](const Variable& x) { return Gelu(x, true); }, {0, 1}),
              Pointwise(FloatNear(kTol), {0.5f, 1.082964084f}));
  EXPECT_THAT(d([](const Variable& x) { return Softplus(x); }, {0}), ElementsAre(0.5f));
  EXPECT_THAT(d([](const Variable& x) { return Swish(x); }, {0}), ElementsAre(0.5f));
  // Saturated inputs give finite (zero or one) derivatives, not NaN.
  EXPECT_THAT(d([](const Variable& x) { return Sigmoid(x); }, {-100, 100}), ElementsAre(0, 0));
  EXPECT_THAT(d([](const Variable& x) { return Softplus(x); }, {-100, 100}), ElementsAre(0, 1));
  EXPECT_THAT(d([](const Variable& x) { return Swish(x); }, {-100, 100}), ElementsAre(0, 1));
}

TEST(ActivationGradTest, RecordsOnlyWhenNeeded) {
  Variable constant(Vec({1, -1}));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Tanh(constant));
  EXPECT_FALSE(y.requires_grad());
  EXPECT_TRUE(y.is_leaf());
  Variable x(Vec({1, -1}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable linear, Activate(x, ops::Activation::kLinear));
  EXPECT_TRUE(linear.IsSameAs(x));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable z, Swish(x));
  ASSERT_NE(z.grad_fn(), nullptr);
  EXPECT_EQ(z.grad_fn()->name(), "Swish");
}

TEST(ActivationGradTest, ErrorsNameTheOp) {
  Variable ints(Tensor::Zeros({2}, DType::kInt32));
  EXPECT_THAT(Relu(ints), StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("Relu: expected a float32 tensor; received int32")));
  EXPECT_THAT(Activate(ints, ops::Activation::kLinear),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received int32")));
  EXPECT_THAT(Gelu(Variable()), StatusIs(absl::StatusCode::kInvalidArgument,
                                         HasSubstr("Gelu: expected a defined variable; received "
                                                   "an undefined one.")));
}

TEST(ActivationGradTest, BackwardIsBitwiseIdenticalOnOneAndTwoThreads) {
  const Tensor x = GradCheckInput({(1 << 20) + 5}, 3, -6.0f, 6.0f);
  for (const auto& [name, f] : AllActivations()) {
    absl::StatusOr<Tensor> one_thread;
    {
      ScopedThreadLimit limit(1);
      one_thread = Derivative(f, x);
    }
    absl::StatusOr<Tensor> two_threads = Derivative(f, x);
    ASSERT_TRUE(one_thread.ok() && two_threads.ok()) << name;
    EXPECT_TRUE(Equal(*one_thread, *two_threads)) << name;
  }
}

}  // namespace
}  // namespace strata::autograd
