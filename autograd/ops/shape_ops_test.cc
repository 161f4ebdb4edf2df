// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/shape_ops.h"

#include <vector>

#include "autograd/gradcheck.h"
#include "base/status_macros.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Inputs = absl::Span<const Variable>;

Tensor Values(const Shape& shape, std::initializer_list<float> v) {
  return Tensor::FromVector<float>(shape, v).value();
}

TEST(ShapeOpsGradTest, ReshapeExpandDimsSqueeze) {
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Reshape(in[0], {3, -1});
      },
      {GradCheckInput({2, 6}, 1)}));
  STRATA_EXPECT_OK(
      GradCheck([](Inputs in) { return ExpandDims(in[0], -1); }, {GradCheckInput({2, 3}, 2)}));
  STRATA_EXPECT_OK(
      GradCheck([](Inputs in) { return Squeeze(in[0]); }, {GradCheckInput({1, 4, 1}, 3)}));
}

TEST(ShapeOpsGradTest, TransposeAndPermute) {
  STRATA_EXPECT_OK(
      GradCheck([](Inputs in) { return Transpose(in[0]); }, {GradCheckInput({3, 5}, 4)}));
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Permute(in[0], {0, 3, 1, 2});
      },
      {GradCheckInput({2, 3, 4, 5}, 5)}));
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Permute(in[0], {2, 0, -2});
      },
      {GradCheckInput({2, 3, 4}, 6)}));
}

TEST(ShapeOpsGradTest, SliceSliceAxisAndPad) {
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Slice(in[0], {1, 0, 2}, {2, -1, 2});
      },
      {GradCheckInput({3, 4, 5}, 7)}));
  STRATA_EXPECT_OK(
      GradCheck([](Inputs in) { return SliceAxis(in[0], -1, 1, 4); }, {GradCheckInput({3, 5}, 8)}));
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Pad(in[0], {{1, 0}, {2, 1}}, 3.0f);
      },
      {GradCheckInput({2, 3}, 9)}));
}

TEST(ShapeOpsGradTest, ConcatStackSplit) {
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Concat({in[0], in[1], in[0]}, 1);
      },
      {GradCheckInput({2, 3}, 10), GradCheckInput({2, 1}, 11)}));
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        return Stack({in[0], in[1]}, -1);
      },
      {GradCheckInput({2, 3}, 12), GradCheckInput({2, 3}, 13)}));
  // Pieces reordered, one unused (its part of x gets no gradient), one used twice.
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) -> absl::StatusOr<Variable> {
        STRATA_ASSIGN_OR_RETURN(std::vector<Variable> p, Split(in[0], 0, {1, -1, 2}));
        return Concat({p[2], p[0], p[2]}, 0);
      },
      {GradCheckInput({6, 2}, 14)}));
}

TEST(ShapeOpsGradTest, SliceGradientIsZeroOutsideTheBox) {
  Variable x(Values({2, 3}, {1, 2, 3, 4, 5, 6}), /*requires_grad=*/true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Slice(x, {0, 1}, {2, 1}));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(2, 5));
  STRATA_ASSERT_OK(y.Backward(Values({2, 1}, {10, 20})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(0, 10, 0, 0, 20, 0));
}

TEST(ShapeOpsGradTest, ConcatSplitsTheGradientBackToItsInputs) {
  Variable a(Values({2}, {1, 2}), true);
  Variable b(Values({1}, {3}), true);
  Variable c(Values({1}, {4}));  // A constant: gets nothing.
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Concat({a, c, b}, 0));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(1, 2, 4, 3));
  STRATA_ASSERT_OK(y.Backward(Values({4}, {5, 6, 7, 8})));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(5, 6));
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(8));
  EXPECT_FALSE(c.grad().defined());
}

TEST(ShapeOpsGradTest, PadGradientIsTheInterior) {
  Variable x(Values({2}, {1, 2}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Pad(x, {{1, 2}}, -1.0f));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(-1, 1, 2, -1, -1));
  STRATA_ASSERT_OK(y.Backward(Values({5}, {1, 2, 3, 4, 5})));
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(2, 3));
}

TEST(ShapeOpsGradTest, IntegerInputsPassThroughWithoutAGraph) {
  Variable ids(Tensor::FromVector<int64_t>({2, 2}, {1, 2, 3, 4}).value());
  STRATA_ASSERT_OK_AND_ASSIGN(Variable t, Transpose(ids));
  EXPECT_FALSE(t.requires_grad());
  EXPECT_EQ(t.dtype(), DType::kInt64);
  EXPECT_THAT(t.value().ToVector<int64_t>(), ElementsAre(1, 3, 2, 4));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Variable> rows, Split(ids, 0, {1, 1}));
  EXPECT_THAT(rows[1].value().ToVector<int64_t>(), ElementsAre(3, 4));
}

TEST(ShapeOpsGradTest, ErrorsComeFromTheTensorOps) {
  Variable x(GradCheckInput({2, 3}, 15), true);
  EXPECT_THAT(Permute(x, {0, 0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (0, 0)")));
  EXPECT_THAT(SliceAxis(x, 1, 2, 5),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("received [2, 5)")));
  EXPECT_THAT(Split(x, 1, {1, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (1, 1)")));
  EXPECT_THAT(Concat({x, Variable(GradCheckInput({3, 3}, 16))}, 1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
  EXPECT_THAT(Squeeze(x, {1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received size 3")));
}

}  // namespace
}  // namespace strata::autograd
