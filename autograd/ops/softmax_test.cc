// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/softmax.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::autograd {
namespace {

using ::strata::testing::IsOk;
using ::strata::testing::StatusIs;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::Pointwise;

using Fn = std::function<absl::StatusOr<Variable>(const Variable&)>;

Tensor Make(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

// dL/dx for L = sum(seed * f(x)).
absl::StatusOr<Tensor> GradOf(const Fn& f, const Tensor& x, const Tensor& seed) {
  Variable v(x, /*requires_grad=*/true);
  absl::StatusOr<Variable> y = f(v);
  if (!y.ok()) return y.status();
  absl::Status s = y->Backward(seed);
  if (!s.ok()) return s;
  return v.grad();
}

TEST(SoftmaxGradTest, EveryOpPassesGradCheckAlongEveryAxis) {
  const Tensor x = GradCheckInput({3, 4, 5}, 8, -2.0f, 2.0f);
  for (int axis : {0, 1, 2, -1}) {
    EXPECT_THAT(GradCheck([&](absl::Span<const Variable> in) { return Softmax(in[0], axis); }, {x}),
                IsOk())
        << axis;
    EXPECT_THAT(
        GradCheck([&](absl::Span<const Variable> in) { return LogSoftmax(in[0], axis); }, {x}),
        IsOk())
        << axis;
    for (bool keepdims : {false, true}) {
      EXPECT_THAT(
          GradCheck([&](absl::Span<const Variable> in) { return LogSumExp(in[0], axis, keepdims); },
                    {x}),
          IsOk())
          << axis;
    }
  }
}

TEST(SoftmaxGradTest, HandComputedGradients) {
  const Tensor zeros = Make({2}, {0, 0});
  const Tensor seed = Make({2}, {1, 0});
  // y = (0.5, 0.5); dx = y * (dy - y . dy) = (0.25, -0.25).
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor soft,
                              GradOf([](const Variable& v) { return Softmax(v); }, zeros, seed));
  EXPECT_THAT(soft.ToVector<float>(), Pointwise(FloatNear(1e-7f), {0.25f, -0.25f}));
  // dx = dy - softmax * sum(dy) = (0.5, -0.5).
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor log_soft,
                              GradOf([](const Variable& v) { return LogSoftmax(v); }, zeros, seed));
  EXPECT_THAT(log_soft.ToVector<float>(), Pointwise(FloatNear(1e-7f), {0.5f, -0.5f}));
  // lse(0, ln 3) has gradient softmax = (0.25, 0.75), times dy = 2.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor lse,
                              GradOf([](const Variable& v) { return LogSumExp(v); },
                                     Make({2}, {0, std::log(3.0f)}), Tensor::Scalar(2)));
  EXPECT_THAT(lse.ToVector<float>(), Pointwise(FloatNear(1e-6f), {0.5f, 1.5f}));
  // Huge logits stay finite.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor big,
                              GradOf([](const Variable& v) { return LogSumExp(v, 0, true); },
                                     Make({2}, {1000, 1000}), Make({1}, {1})));
  EXPECT_THAT(big.ToVector<float>(), Pointwise(FloatNear(1e-7f), {0.5f, 0.5f}));
}

TEST(SoftmaxGradTest, ErrorsComeFromTheForward) {
  EXPECT_THAT(Softmax(Variable(Tensor::Zeros({2}, DType::kInt64))),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Softmax: expected a float32 tensor; received int64 (2,).")));
  EXPECT_THAT(LogSumExp(Variable(Tensor::Zeros({2, 2}), true), -3),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis -3")));
  EXPECT_THAT(LogSoftmax(Variable()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received an undefined one")));
}

TEST(SoftmaxGradTest, BackwardIsBitwiseIdenticalOnOneAndTwoThreads) {
  struct Case {
    Shape shape;
    int axis;
  };
  for (const Case& c : {Case{{4096, 100}, -1}, Case{{16, 200, 300}, 1}}) {
    const Tensor x = GradCheckInput(c.shape, 4, -5.0f, 5.0f);
    const Tensor seed = GradCheckInput(c.shape, 5);
    std::vector<int64_t> reduced_dims = c.shape.ToVector();
    reduced_dims.erase(reduced_dims.begin() + (c.axis < 0 ? c.axis + c.shape.rank() : c.axis));
    const Tensor lse_seed = GradCheckInput(Shape(reduced_dims), 6);
    const std::vector<std::pair<Fn, const Tensor*>> ops = {
        {[&](const Variable& v) { return Softmax(v, c.axis); }, &seed},
        {[&](const Variable& v) { return LogSoftmax(v, c.axis); }, &seed},
        {[&](const Variable& v) { return LogSumExp(v, c.axis); }, &lse_seed},
    };
    for (size_t k = 0; k < ops.size(); ++k) {
      absl::StatusOr<Tensor> one_thread;
      {
        ScopedThreadLimit limit(1);
        one_thread = GradOf(ops[k].first, x, *ops[k].second);
      }
      absl::StatusOr<Tensor> two_threads = GradOf(ops[k].first, x, *ops[k].second);
      ASSERT_TRUE(one_thread.ok() && two_threads.ok()) << one_thread.status();
      EXPECT_TRUE(Equal(*one_thread, *two_threads)) << c.shape << " op " << k;
    }
  }
}

}  // namespace
}  // namespace strata::autograd
