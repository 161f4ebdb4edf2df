// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/elementwise.h"

#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "autograd/grad_mode.h"
#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Inputs = absl::Span<const Variable>;

Tensor F(const Shape& shape, std::initializer_list<float> values) {
  return Tensor::FromVector<float>(shape, values).value();
}

// Values on the grid 0.2 * k + offset: two tensors with offsets 0 and 0.1 differ everywhere by
// at least 0.1, far from ties compared with GradCheck's eps = 0.01.
Tensor Grid(const Shape& shape, float offset, int phase) {
  Tensor t = Tensor::Empty(shape);
  for (int64_t i = 0; i < t.num_elements(); ++i) {
    t.mutable_data<float>()[i] = 0.2f * static_cast<float>((i * 7 + phase) % 11 - 5) + offset;
  }
  return t;
}

// ---- Binary ----

TEST(ElementwiseGradTest, AddAndSubtractSameShapeAndBroadcast) {
  for (const auto& [sa, sb] : std::vector<std::pair<Shape, Shape>>{
           {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}, {{2, 3}, {}}, {{4}, {2, 3, 4}}}) {
    SCOPED_TRACE(sa.ToString() + " and " + sb.ToString());
    const std::vector<Tensor> in = {GradCheckInput(sa, 1), GradCheckInput(sb, 2)};
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Add(v[0], v[1]); }, in));
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Subtract(v[0], v[1]); }, in));
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Multiply(v[0], v[1]); }, in));
  }
}

TEST(ElementwiseGradTest, DivideSameShapeAndBroadcast) {
  for (const auto& [sa, sb] : std::vector<std::pair<Shape, Shape>>{
           {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{4}, {3, 1}}, {{}, {2, 2}}}) {
    SCOPED_TRACE(sa.ToString() + " and " + sb.ToString());
    const std::vector<Tensor> in = {GradCheckInput(sa, 3),
                                    GradCheckInput(sb, 4, /*low=*/0.5f, /*high=*/2.0f)};
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Divide(v[0], v[1]); }, in));
  }
}

TEST(ElementwiseGradTest, MaximumAndMinimumAwayFromTies) {
  for (const auto& [sa, sb] : std::vector<std::pair<Shape, Shape>>{
           {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}, {{}, {5}}}) {
    SCOPED_TRACE(sa.ToString() + " and " + sb.ToString());
    const std::vector<Tensor> in = {Grid(sa, 0.0f, 1), Grid(sb, 0.1f, 4)};
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Maximum(v[0], v[1]); }, in));
    STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Minimum(v[0], v[1]); }, in));
  }
}

TEST(ElementwiseGradTest, BiasGradientIsTheSumOverRows) {
  Variable x(F({2, 3}, {1, 2, 3, 4, 5, 6}), true);
  Variable b(F({3}, {10, 20, 30}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Add(x, b));
  STRATA_ASSERT_OK(y.Backward(F({2, 3}, {1, 2, 3, 4, 5, 6})));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(5, 7, 9));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(1, 2, 3, 4, 5, 6));
}

TEST(ElementwiseGradTest, SubtractMultiplyDivideValues) {
  Variable a(F({2}, {3, 4}), true);
  Variable b(F({2}, {2, 8}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable d, Subtract(a, b));
  STRATA_ASSERT_OK(d.Backward(Tensor::Ones({2})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(1, 1));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(-1, -1));
  a.ZeroGrad();
  b.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable p, Multiply(a, b));
  STRATA_ASSERT_OK(p.Backward(Tensor::Ones({2})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(2, 8));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(3, 4));
  a.ZeroGrad();
  b.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable q, Divide(a, b));  // d/da = 1/b, d/db = -a/b^2.
  STRATA_ASSERT_OK(q.Backward(Tensor::Ones({2})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(0.5, 0.125));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(-0.75, -0.0625));
}

TEST(ElementwiseGradTest, MaximumTiesSplitTheGradientEvenly) {
  Variable a(F({3}, {1, 2, 3}), true);
  Variable b(F({3}, {2, 2, 2}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable m, Maximum(a, b));
  STRATA_ASSERT_OK(m.Backward(F({3}, {10, 20, 30})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(0, 10, 30));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(10, 10, 0));
  a.ZeroGrad();
  b.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable n, Minimum(a, b));
  STRATA_ASSERT_OK(n.Backward(F({3}, {10, 20, 30})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(10, 10, 0));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(0, 10, 30));
}

TEST(ElementwiseGradTest, ReluAsMaximumWithAConstantZero) {
  Variable x(F({4}, {-1, 0, 2, -3}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable r, Maximum(x, Variable(Tensor::Scalar(0))));
  EXPECT_THAT(r.value().ToVector<float>(), ElementsAre(0, 0, 2, 0));
  STRATA_ASSERT_OK(r.Backward(Tensor::Ones({4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(0, 0.5, 1, 0));
}

// ---- Unary ----

TEST(ElementwiseGradTest, UnaryGradChecks) {
  const Tensor any = GradCheckInput({3, 4}, 5);
  const Tensor positive = GradCheckInput({3, 4}, 6, 0.5f, 2.0f);
  const Tensor away_from_zero = Grid({3, 4}, 0.1f, 2);
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Negate(v[0]); }, {any}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Exp(v[0]); }, {any}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Log(v[0]); }, {positive}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Sqrt(v[0]); }, {positive}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Rsqrt(v[0]); }, {positive}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Square(v[0]); }, {any}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Abs(v[0]); }, {away_from_zero}));
  // Grid values are multiples of 0.2 (+0.1), so +-0.45 and 0.65 are at least 0.05 away.
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return Clip(v[0], -0.45f, 0.65f); }, {away_from_zero}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return AddScalar(v[0], 3.0f); }, {any}));
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return MulScalar(v[0], -2.5f); }, {any}));
  for (float exponent : {0.0f, 1.0f, 2.0f, 3.0f, 0.5f, -0.5f, -1.0f, 2.5f}) {
    SCOPED_TRACE(exponent);
    STRATA_EXPECT_OK(
        GradCheck([exponent](Inputs v) { return PowScalar(v[0], exponent); }, {positive}));
  }
  STRATA_EXPECT_OK(GradCheck([](Inputs v) { return PowScalar(v[0], 3.0f); }, {any}));
}

TEST(ElementwiseGradTest, UnaryGradValues) {
  Variable x(F({4}, {-2, 0, 1, 4}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable a, Abs(x));
  STRATA_ASSERT_OK(a.Backward(Tensor::Ones({4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(-1, 0, 1, 1));  // 0 at 0.
  x.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable c, Clip(x, 0, 1));  // Bounds are inside.
  STRATA_ASSERT_OK(c.Backward(Tensor::Ones({4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(0, 1, 1, 0));
  x.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable s, Square(x));
  STRATA_ASSERT_OK(s.Backward(Tensor::Ones({4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(-4, 0, 2, 8));
  x.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable m, MulScalar(x, 3));
  STRATA_ASSERT_OK(m.Backward(Tensor::Ones({4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(3, 3, 3, 3));

  Variable p(F({2}, {1, 4}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable r, Sqrt(p));  // 1 / (2 sqrt(p)).
  STRATA_ASSERT_OK(r.Backward(Tensor::Ones({2})));
  EXPECT_THAT(p.grad().ToVector<float>(), ElementsAre(0.5, 0.25));
  p.ZeroGrad();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable l, Log(p));
  STRATA_ASSERT_OK(l.Backward(Tensor::Ones({2})));
  EXPECT_THAT(p.grad().ToVector<float>(), ElementsAre(1, 0.25));
}

// ---- Where, BroadcastTo, SumToShape ----

TEST(ElementwiseGradTest, WhereRoutesTheGradientByTheMask) {
  const Tensor cond = F({3, 1}, {1, 0, 1});
  STRATA_EXPECT_OK(GradCheck([&](Inputs v) { return Where(cond, v[0], v[1]); },
                             {GradCheckInput({3, 4}, 7), GradCheckInput({4}, 8)}));
  Variable x(F({2}, {1, 2}), true);
  Variable y(Tensor::Scalar(5), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable w, Where(F({2}, {0, 1}), x, y));
  EXPECT_THAT(w.value().ToVector<float>(), ElementsAre(5, 2));
  STRATA_ASSERT_OK(w.Backward(F({2}, {3, 4})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(0, 4));
  EXPECT_THAT(y.grad().ToVector<float>(), ElementsAre(3));
}

TEST(ElementwiseGradTest, BroadcastToAndSumToShapeAreAdjoint) {
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs v) {
        return BroadcastTo(v[0], {2, 3, 4});
      },
      {GradCheckInput({3, 1}, 9)}));
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs v) {
        return SumToShape(v[0], {3, 1});
      },
      {GradCheckInput({2, 3, 4}, 10)}));
  STRATA_EXPECT_OK(
      GradCheck([](Inputs v) { return SumToShape(v[0], {}); }, {GradCheckInput({2, 3}, 11)}));
  Variable x(F({2}, {1, 2}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable b, BroadcastTo(x, {3, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable s, SumToShape(b, {}));
  EXPECT_THAT(s.value().ToVector<float>(), ElementsAre(9));
  STRATA_ASSERT_OK(s.Backward());
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(3, 3));
}

// ---- Recording and errors ----

TEST(ElementwiseGradTest, RecordsOnlyWhenAnInputRequiresGrad) {
  Variable c(F({2}, {1, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Exp(c));
  EXPECT_TRUE(y.is_leaf());
  EXPECT_FALSE(y.requires_grad());
  Variable x(F({2}, {1, 2}), true);
  {
    NoGradScope no_grad;
    STRATA_ASSERT_OK_AND_ASSIGN(Variable z, Multiply(x, c));
    EXPECT_FALSE(z.requires_grad());
  }
  STRATA_ASSERT_OK_AND_ASSIGN(Variable z, Multiply(x, c));
  EXPECT_TRUE(z.requires_grad());
  EXPECT_EQ(z.grad_fn()->name(), "Multiply");
  // Integer variables work forward and never record.
  Variable ids(Tensor::Ones({3}, DType::kInt64));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable sum, Add(ids, ids));
  EXPECT_EQ(sum.dtype(), DType::kInt64);
  EXPECT_FALSE(sum.requires_grad());
}

TEST(ElementwiseGradTest, ErrorsComeFromTheOps) {
  Variable a(Tensor::Ones({2, 3}), true);
  Variable b(Tensor::Ones({4}), true);
  EXPECT_THAT(Add(a, b), StatusIs(absl::StatusCode::kInvalidArgument,
                                  HasSubstr("Add: expected shapes that broadcast together; "
                                            "received (2, 3) and (4,)")));
  EXPECT_THAT(Where(Tensor::Ones({2}, DType::kInt32), a, a),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received int32")));
  EXPECT_THAT(Clip(a, 1, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received min=1 and max=0")));
  EXPECT_THAT(SumToShape(a, {2}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (2,)")));
}

}  // namespace
}  // namespace strata::autograd
