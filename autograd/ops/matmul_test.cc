// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/matmul.h"

#include <string>
#include <vector>

#include "autograd/gradcheck.h"
#include "autograd/grad_mode.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr ops::MatMulOptions kAllTransposes[] = {
    {false, false}, {false, true}, {true, false}, {true, true}};

// The stored shape of an operand whose op() is (r, c).
Shape Stored(std::vector<int64_t> batch, int64_t r, int64_t c, bool transpose) {
  batch.push_back(transpose ? c : r);
  batch.push_back(transpose ? r : c);
  return Shape(batch);
}

absl::Status CheckMatMul(const Shape& a, const Shape& b, ops::MatMulOptions o, uint64_t seed) {
  return GradCheck(
      [o](absl::Span<const Variable> in) { return MatMul(in[0], in[1], o); },
      {GradCheckInput(a, seed), GradCheckInput(b, seed + 1)});
}

std::string Describe(const Shape& a, const Shape& b, ops::MatMulOptions o) {
  return a.ToString() + " @ " + b.ToString() + (o.transpose_a ? " ta" : "") +
         (o.transpose_b ? " tb" : "");
}

TEST(MatMulTest, HandComputedGradients) {
  Variable a(Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}).value(), /*requires_grad=*/true);
  Variable b(Tensor::FromVector<float>({2, 2}, {5, 6, 7, 8}).value(), /*requires_grad=*/true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, MatMul(a, b));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(19, 22, 43, 50));
  // G = [[1, 0], [0, 2]]: dA = G b^T = [[5, 7], [12, 16]], dB = a^T G = [[1, 6], [2, 8]].
  STRATA_ASSERT_OK(y.Backward(Tensor::FromVector<float>({2, 2}, {1, 0, 0, 2}).value()));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(5, 7, 12, 16));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(1, 6, 2, 8));
}

TEST(MatMulTest, GradCheckTwoDimensionalAllTransposes) {
  for (const ops::MatMulOptions& o : kAllTransposes) {
    const Shape a = Stored({}, 3, 4, o.transpose_a), b = Stored({}, 4, 5, o.transpose_b);
    EXPECT_THAT(CheckMatMul(a, b, o, 1), ::strata::testing::IsOk()) << Describe(a, b, o);
  }
  // Vectors as matrices.
  STRATA_EXPECT_OK(CheckMatMul(Shape({1, 6}), Shape({6, 1}), {}, 3));
  STRATA_EXPECT_OK(CheckMatMul(Shape({6, 1}), Shape({1, 6}), {}, 5));
}

TEST(MatMulTest, GradCheckBatchedAndBroadcastAllTransposes) {
  struct Case {
    std::vector<int64_t> a_batch, b_batch;
  };
  const Case cases[] = {
      {{2}, {2}},          // Batched.
      {{3}, {}},           // Dense on 3-D input: folded forward and gradients.
      {{}, {3}},           // a broadcast over b's batch: dA summed.
      {{1}, {2}},          // Same with an explicit size-1 batch dimension kept in dA.
      {{2, 1}, {3}},       // Both broadcast: dA summed over axis 1, dB over axis 0.
      {{2, 3}, {1, 3}},
  };
  uint64_t seed = 10;
  for (const Case& c : cases) {
    for (const ops::MatMulOptions& o : kAllTransposes) {
      const Shape a = Stored(c.a_batch, 2, 3, o.transpose_a);
      const Shape b = Stored(c.b_batch, 3, 2, o.transpose_b);
      EXPECT_THAT(CheckMatMul(a, b, o, seed), ::strata::testing::IsOk()) << Describe(a, b, o);
      seed += 2;
    }
  }
}

TEST(MatMulTest, OnlyInputsThatRequireGradGetOne) {
  Variable x(GradCheckInput({4, 3}, 1));  // A constant, as a data batch.
  Variable w(GradCheckInput({3, 2}, 2), /*requires_grad=*/true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, MatMul(x, w));
  STRATA_ASSERT_OK(y.Backward(Tensor::Ones({4, 2})));
  EXPECT_FALSE(x.grad().defined());
  ASSERT_TRUE(w.grad().defined());
  EXPECT_EQ(w.grad().shape(), Shape({3, 2}));
  // dW = x^T @ ones: each entry is the column sum of x.
  const std::vector<float> xs = x.value().ToVector<float>();
  const std::vector<float> dw = w.grad().ToVector<float>();
  for (int r = 0; r < 3; ++r) {
    const float column_sum = xs[r] + xs[3 + r] + xs[6 + r] + xs[9 + r];
    EXPECT_FLOAT_EQ(dw[r * 2], column_sum);
    EXPECT_FLOAT_EQ(dw[r * 2 + 1], column_sum);
  }
}

TEST(MatMulTest, GradientRequestedAfterTheForwardPassIsAnError) {
  Variable a(GradCheckInput({2, 3}, 1));
  Variable b(GradCheckInput({3, 2}, 2), /*requires_grad=*/true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, MatMul(a, b));
  a.set_requires_grad(true);  // a's partner b was not kept.
  EXPECT_THAT(y.Backward(Tensor::Ones({2, 2})),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("MatMul")));
}

TEST(MatMulTest, NoGradScopeRecordsNothing) {
  Variable a(GradCheckInput({2, 3}, 1), true);
  NoGradScope no_grad;
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, MatMul(a, a, {.transpose_b = true}));
  EXPECT_TRUE(y.is_leaf());
  EXPECT_FALSE(y.requires_grad());
}

TEST(MatMulTest, ShapeErrorsComeFromTheOp) {
  Variable a(Tensor::Ones({2, 3}), true), b(Tensor::Ones({4, 5}), true);
  EXPECT_THAT(MatMul(a, b), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("received (2, 3) and (4, 5)")));
}

// Gradients of the large, split and folded products: the same bits on one thread and on all.
TEST(MatMulTest, GradientsAreBitwiseIdenticalOnOneAndManyThreads) {
  if (NumThreads() < 2) GTEST_SKIP() << "needs two threads";
  struct Case {
    Shape a, b;
    ops::MatMulOptions o;
  };
  const Case cases[] = {
      {Shape({4, 200, 64}), Shape({64, 300}), {}},  // Folded: dW over 800 contraction steps.
      {Shape({1, 300, 128}), Shape({3, 300, 128}), {.transpose_b = true}},  // dA summed.
      {Shape({64, 784}), Shape({784, 64}), {}},  // The MLP's first layer.
  };
  for (const Case& c : cases) {
    std::vector<Tensor> grads[2];
    for (int run = 0; run < 2; ++run) {
      ScopedThreadLimit limit(run == 0 ? 1 : NumThreads());
      Variable a(GradCheckInput(c.a, 1), true), b(GradCheckInput(c.b, 2), true);
      STRATA_ASSERT_OK_AND_ASSIGN(Variable y, MatMul(a, b, c.o));
      STRATA_ASSERT_OK(y.Backward(GradCheckInput(y.shape(), 3)));
      grads[run] = {y.value(), a.grad(), b.grad()};
    }
    for (int i = 0; i < 3; ++i) {
      EXPECT_TRUE(Equal(grads[0][i], grads[1][i])) << Describe(c.a, c.b, c.o) << " tensor " << i;
    }
  }
}

}  // namespace
}  // namespace strata::autograd
