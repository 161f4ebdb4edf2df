// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/shape.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ShapeTest, BasicProperties) {
  Shape s = {2, 3, 4};
  EXPECT_EQ(s.rank(), 3);
  EXPECT_EQ(s.num_elements(), 24);
  EXPECT_EQ(s.dim(1), 3);
  EXPECT_THAT(s.Strides(), ElementsAre(12, 4, 1));
  EXPECT_EQ(s.ToString(), "(2, 3, 4)");
  EXPECT_EQ(Shape({5}).ToString(), "(5,)");
  EXPECT_EQ(Shape().ToString(), "()");
  EXPECT_EQ(Shape().num_elements(), 1);
  EXPECT_EQ(Shape({3, 0}).num_elements(), 0);
}

TEST(ShapeTest, CreateRejectsNegativeDimensions) {
  std::vector<int64_t> dims = {2, -1};
  EXPECT_THAT(Shape::Create(dims),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (2, -1)")));
}

TEST(ShapeTest, BroadcastsLikeNumPy) {
  STRATA_ASSERT_OK_AND_ASSIGN(Shape s, BroadcastShapes({8, 1, 6, 1}, {7, 1, 5}, "Add"));
  EXPECT_EQ(s, Shape({8, 7, 6, 5}));
  STRATA_ASSERT_OK_AND_ASSIGN(Shape scalar, BroadcastShapes({}, {3, 2}, "Add"));
  EXPECT_EQ(scalar, Shape({3, 2}));
}

TEST(ShapeTest, BroadcastErrorNamesOpAndBothShapes) {
  EXPECT_THAT(BroadcastShapes({2, 3}, {4}, "Multiply"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Multiply: expected shapes that broadcast together; received "
                                 "(2, 3) and (4,)")));
}

TEST(ShapeTest, NormalizeAxis) {
  STRATA_ASSERT_OK_AND_ASSIGN(int axis, NormalizeAxis(-1, 3, "Sum"));
  EXPECT_EQ(axis, 2);
  EXPECT_THAT(NormalizeAxis(3, 3, "Sum"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 3")));
}

}  // namespace
}  // namespace strata
