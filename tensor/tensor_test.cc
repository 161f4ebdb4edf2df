// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/tensor.h"

#include <cstdint>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(TensorTest, FactoriesFillAndAlign) {
  Tensor z = Tensor::Zeros({2, 3});
  EXPECT_TRUE(z.defined());
  EXPECT_EQ(z.dtype(), DType::kFloat32);
  EXPECT_THAT(z.ToVector<float>(), ElementsAre(0, 0, 0, 0, 0, 0));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(z.raw_data()) % kTensorAlignment, 0u);
  Tensor f = Tensor::Full({2}, 7, DType::kInt64);
  EXPECT_THAT(f.ToVector<int64_t>(), ElementsAre(7, 7));
  STRATA_ASSERT_OK_AND_ASSIGN(float item, Tensor::Scalar(2.5f).Item<float>());
  EXPECT_EQ(item, 2.5f);
  EXPECT_FALSE(Tensor().defined());
}

TEST(TensorTest, FromVectorChecksTheCount) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}));
  EXPECT_EQ(t.data<float>()[3], 4.0f);
  EXPECT_THAT(Tensor::FromVector<float>({2, 2}, {1, 2, 3}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected 4 values for shape (2, 2); received 3")));
}

TEST(TensorTest, CopiesShareStorageAndCloneDoesNot) {
  Tensor a = Tensor::Zeros({3});
  Tensor shared = a;
  Tensor cloned = a.Clone();
  a.mutable_data<float>()[1] = 5;
  EXPECT_EQ(shared.data<float>()[1], 5);
  EXPECT_EQ(cloned.data<float>()[1], 0);
  EXPECT_TRUE(shared.SharesStorageWith(a));
  EXPECT_FALSE(cloned.SharesStorageWith(a));
}

TEST(TensorTest, ReshapeIsAViewAndInfersMinusOne) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Tensor::FromVector<float>({2, 3}, {0, 1, 2, 3, 4, 5}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor r, t.Reshape({3, -1}));
  EXPECT_EQ(r.shape(), Shape({3, 2}));
  EXPECT_TRUE(r.SharesStorageWith(t));
  EXPECT_THAT(t.Reshape({4, 2}), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("received (4, 2) with 8")));
  EXPECT_THAT(t.Reshape({-1, -1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at most one -1")));
}

TEST(TensorTest, SliceRowsViewsARangeOfTheFirstAxis) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Tensor::FromVector<int32_t>({3, 2}, {0, 1, 2, 3, 4, 5}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, t.SliceRows(1, 3));
  EXPECT_EQ(rows.shape(), Shape({2, 2}));
  EXPECT_THAT(rows.ToVector<int32_t>(), ElementsAre(2, 3, 4, 5));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor nested, rows.SliceRows(1, 2));
  EXPECT_THAT(nested.ToVector<int32_t>(), ElementsAre(4, 5));
  EXPECT_THAT(t.SliceRows(2, 4), StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("[2, 4)")));
}

TEST(TensorTest, CastConvertsBetweenDtypes) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Tensor::FromVector<float>({3}, {1.75f, -2.5f, 3.0f}));
  Tensor i = t.Cast(DType::kInt64);
  EXPECT_THAT(i.ToVector<int64_t>(), ElementsAre(1, -2, 3));
  EXPECT_THAT(i.Cast(DType::kFloat32).ToVector<float>(), ElementsAre(1, -2, 3));
}

TEST(TensorTest, EqualAndAllClose) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<float>({2}, {1.0f, 2.0f}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<float>({2}, {1.0f, 2.0000001f}));
  EXPECT_TRUE(Equal(a, a.Clone()));
  EXPECT_TRUE(AllClose(a, b));
  EXPECT_FALSE(AllClose(a, Tensor::Zeros({2})));
  EXPECT_FALSE(Equal(a, a.Cast(DType::kInt32)));
}

TEST(TensorTest, ItemNeedsOneElement) {
  EXPECT_THAT(Tensor::Zeros({2}).Item<float>(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received shape (2,)")));
}

}  // namespace
}  // namespace strata
