// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/reduce.h"

#include <algorithm>
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
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Fn = std::function<absl::StatusOr<Variable>(const Variable&)>;

Tensor Make(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

// Distinct values 0.1 apart in a scrambled order: max/min have no ties, and no perturbation of
// the gradient check (eps = 0.01) changes which element wins.
Tensor Distinct(const Shape& shape) {
  Tensor t = Tensor::Empty(shape);
  const int64_t n = t.num_elements();
  for (int64_t i = 0; i < n; ++i) {
    t.mutable_data<float>()[i] = static_cast<float>((i * 37) % n) * 0.1f - 0.05f * n;
  }
  return t;
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

TEST(ReduceGradTest, SumAndMeanPassGradCheckOverEveryAxisSet) {
  const Tensor x = GradCheckInput({3, 4, 5}, 21);
  for (const std::vector<int>& axes :
       std::vector<std::vector<int>>{{}, {0}, {1}, {-1}, {0, 1}, {1, 2}, {0, 2}, {2, 0, 1}}) {
    for (bool keepdims : {false, true}) {
      EXPECT_THAT(
          GradCheck([&](absl::Span<const Variable> in) { return Sum(in[0], axes, keepdims); }, {x}),
          IsOk());
      EXPECT_THAT(
          GradCheck([&](absl::Span<const Variable> in) { return Mean(in[0], axes, keepdims); },
                    {x}),
          IsOk());
    }
  }
}

TEST(ReduceGradTest, MaxAndMinPassGradCheck) {
  const Tensor x = Distinct({3, 4, 5});
  for (const std::vector<int>& axes :
       std::vector<std::vector<int>>{{}, {0}, {1}, {-1}, {0, 2}, {1, 2}}) {
    EXPECT_THAT(GradCheck([&](absl::Span<const Variable> in) { return Max(in[0], axes); }, {x}),
                IsOk());
    EXPECT_THAT(
        GradCheck([&](absl::Span<const Variable> in) { return Min(in[0], axes, true); }, {x}),
        IsOk());
  }
}

TEST(ReduceGradTest, HandComputedGradients) {
  const Tensor x = Make({2, 3}, {1, 3, 3, 2, 2, 0});
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor sum, GradOf([](const Variable& v) { return Sum(v, {0}); }, x, Make({3}, {1, 2, 3})));
  EXPECT_THAT(sum.ToVector<float>(), ElementsAre(1, 2, 3, 1, 2, 3));
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor mean,
      GradOf([](const Variable& v) { return Mean(v, {1}, true); }, x, Make({2, 1}, {3, 6})));
  EXPECT_THAT(mean.ToVector<float>(), ElementsAre(1, 1, 1, 2, 2, 2));
  // Ties: the whole gradient goes to the first maximal / minimal element.
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor max, GradOf([](const Variable& v) { return Max(v, {1}); }, x, Make({2}, {5, 7})));
  EXPECT_THAT(max.ToVector<float>(), ElementsAre(0, 5, 0, 7, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor min, GradOf([](const Variable& v) { return Min(v, {0}); },
                                                 Make({2, 2}, {4, 1, 4, 1}), Make({2}, {5, 7})));
  EXPECT_THAT(min.ToVector<float>(), ElementsAre(5, 7, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor all, GradOf([](const Variable& v) { return Max(v); }, x, Tensor::Scalar(2)));
  EXPECT_THAT(all.ToVector<float>(), ElementsAre(0, 2, 0, 0, 0, 0));
}

TEST(ReduceGradTest, FirstTieOverNonAdjacentAxesIsInRowMajorOrder) {
  // Max over axes {0, 2} of (2, 2, 2): for j = 0 the reduced elements in row-major order are
  // x[0,0,0], x[0,0,1], x[1,0,0], x[1,0,1]; the tied maxima sit at x[0,0,1] and x[1,0,0].
  const Tensor x = Make({2, 2, 2}, {1, 5, 0, 0, 5, 2, 0, 9});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor g, GradOf(
                                            [](const Variable& v) {
                                              return Max(v, {2, 0});
                                            },
                                            x, Make({2}, {1, 1})));
  EXPECT_THAT(g.ToVector<float>(), ElementsAre(0, 1, 0, 0, 0, 0, 0, 1));
}

TEST(ReduceGradTest, ErrorsComeFromTheForward) {
  Variable x(Tensor::Zeros({2, 3}), true);
  EXPECT_THAT(Sum(x, {1, 1}), StatusIs(absl::StatusCode::kInvalidArgument,
                                       HasSubstr("Sum: expected distinct axes; received [1, 1]")));
  EXPECT_THAT(Max(Variable(Tensor::Zeros({0, 3}), true), {0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received shape (0, 3)")));
  EXPECT_THAT(Mean(Variable()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received an undefined one")));
}

TEST(ReduceGradTest, IntegerSumsRecordNothing) {
  STRATA_ASSERT_OK_AND_ASSIGN(Variable s, Sum(Variable(Tensor::Ones({3}, DType::kInt64))));
  EXPECT_FALSE(s.requires_grad());
  EXPECT_THAT(s.value().ToVector<int64_t>(), ElementsAre(3));
}

TEST(ReduceGradTest, BackwardIsBitwiseIdenticalOnOneAndTwoThreads) {
  const Tensor x = Distinct({256, 64, 130});
  const std::vector<std::pair<Fn, std::vector<int>>> cases = {
      {[](const Variable& v) { return Sum(v, {0}); }, {0}},
      {[](const Variable& v) {
         return Mean(v, {0, 2});
       },
       {0, 2}},
      {[](const Variable& v) { return Max(v, {1}); }, {1}},
      {[](const Variable& v) {
         return Min(v, {0, 2});
       },
       {0, 2}},
      {[](const Variable& v) { return Max(v, {2}); }, {2}},
  };
  for (size_t k = 0; k < cases.size(); ++k) {
    // The seed has the result's shape (the reduced axes removed).
    std::vector<int64_t> dims;
    for (int a = 0; a < x.rank(); ++a) {
      const auto& axes = cases[k].second;
      if (std::find(axes.begin(), axes.end(), a) == axes.end()) dims.push_back(x.dim(a));
    }
    const Tensor seed = GradCheckInput(Shape(dims), 9);
    absl::StatusOr<Tensor> one_thread;
    {
      ScopedThreadLimit limit(1);
      one_thread = GradOf(cases[k].first, x, seed);
    }
    absl::StatusOr<Tensor> two_threads = GradOf(cases[k].first, x, seed);
    ASSERT_TRUE(one_thread.ok() && two_threads.ok()) << one_thread.status();
    EXPECT_TRUE(Equal(*one_thread, *two_threads)) << "case " << k;
  }
}

}  // namespace
}  // namespace strata::autograd
