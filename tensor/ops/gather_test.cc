// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/gather.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Tensor Iota(const Shape& shape) {
  Tensor t = Tensor::Empty(shape);
  for (int64_t i = 0; i < t.num_elements(); ++i) t.mutable_data<float>()[i] = i;
  return t;
}

TEST(GatherTest, EmbeddingLookupAlongAxis0) {
  Tensor table = Iota({4, 3});  // Row r is 3r, 3r + 1, 3r + 2.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ids, Tensor::FromVector<int64_t>({2, 2}, {3, 0, 1, 3}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Gather(table, ids));
  EXPECT_EQ(y.shape(), Shape({2, 2, 3}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(9, 10, 11, 0, 1, 2, 3, 4, 5, 9, 10, 11));
}

TEST(GatherTest, InnerAxisAndInt32Indices) {
  Tensor params = Iota({2, 4});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor idx, Tensor::FromVector<int32_t>({3}, {2, 0, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Gather(params, idx, -1));
  EXPECT_EQ(y.shape(), Shape({2, 3}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(2, 0, 2, 6, 4, 6));
  // A middle axis of a rank-3 tensor, with int64 params (8-byte rows of one element).
  Tensor p3 = Iota({2, 3, 2}).Cast(DType::kInt64);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor one, Tensor::FromVector<int32_t>({1}, {2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor z, Gather(p3, one, 1));
  EXPECT_EQ(z.shape(), Shape({2, 1, 2}));
  EXPECT_THAT(z.ToVector<int64_t>(), ElementsAre(4, 5, 10, 11));
}

TEST(GatherTest, ScalarIndexDropsTheAxis) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor idx, Tensor::FromVector<int64_t>(Shape(), {1}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Gather(Iota({3, 2}), idx));
  EXPECT_EQ(y.shape(), Shape({2}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(2, 3));
}

TEST(GatherTest, RejectsBadIndices) {
  Tensor table = Iota({4, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor high, Tensor::FromVector<int64_t>({3}, {0, 4, 1}));
  EXPECT_THAT(Gather(table, high),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("expected indices in [0, 4) for axis 0 of params of shape "
                                 "(4, 3); received 4 at flat position 1")));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor negative, Tensor::FromVector<int32_t>({1}, {-1}));
  EXPECT_THAT(Gather(table, negative),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("received -1")));
  EXPECT_THAT(Gather(table, Iota({2})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected int32 or int64 indices; received float32")));
  EXPECT_THAT(Gather(table, negative, 2),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 2")));
}

TEST(GatherGradTest, SumsRepeatedIndices) {
  // Gather rows {2, 0, 2} of a (3, 2) table; the gradient of row 2 is the sum of two rows.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor idx, Tensor::FromVector<int64_t>({3}, {2, 0, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor g, Tensor::FromVector<float>({3, 2}, {1, 2, 3, 4, 10, 20}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor d, GatherGrad(g, idx, Shape({3, 2})));
  EXPECT_EQ(d.shape(), Shape({3, 2}));
  EXPECT_THAT(d.ToVector<float>(), ElementsAre(3, 4, 0, 0, 11, 22));
  // Along axis 1 of a (2, 3) params.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor g1, Tensor::FromVector<float>({2, 3}, {1, 2, 3, 4, 5, 6}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor d1, GatherGrad(g1, idx, Shape({2, 3}), 1));
  EXPECT_THAT(d1.ToVector<float>(), ElementsAre(2, 0, 4, 5, 0, 10));
  EXPECT_THAT(GatherGrad(Iota({3, 3}), idx, Shape({3, 2})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected a float32 gradient of shape (3, 2)")));
}

TEST(OneHotTest, EncodesLabels) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor labels, Tensor::FromVector<int32_t>({3}, {1, 0, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, OneHot(labels, 3));
  EXPECT_EQ(y.shape(), Shape({3, 3}));
  EXPECT_EQ(y.dtype(), DType::kFloat32);
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(0, 1, 0, 1, 0, 0, 0, 0, 1));
  EXPECT_THAT(OneHot(labels, 2),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("[0, 2) for depth 2; received 2")));
  EXPECT_THAT(OneHot(labels, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received 0")));
}

TEST(GatherTest, BigGathersAreTheSameAtOneAndTwoThreadsAndMatchASequentialScatter) {
  constexpr int64_t kVocab = 5000, kDim = 64, kN = 60000;
  Tensor table = Iota({kVocab, kDim});
  Tensor ids = Tensor::Empty({kN}, DType::kInt64);
  Tensor grad = Tensor::Empty({kN, kDim});
  Tensor labels = Tensor::Empty({kN}, DType::kInt32);  // 60000 x 100 one-hot: 24 MB.
  for (int64_t i = 0; i < kN; ++i) {
    ids.mutable_data<int64_t>()[i] = (i * 7919) % kVocab;
    labels.mutable_data<int32_t>()[i] = static_cast<int32_t>(i % 100);
  }
  for (int64_t i = 0; i < grad.num_elements(); ++i) {
    grad.mutable_data<float>()[i] = std::sin(0.001f * i);
  }
  Tensor y1, d1, h1;
  {
    ScopedThreadLimit limit(1);
    STRATA_ASSERT_OK_AND_ASSIGN(y1, Gather(table, ids));
    STRATA_ASSERT_OK_AND_ASSIGN(d1, GatherGrad(grad, ids, table.shape()));
    STRATA_ASSERT_OK_AND_ASSIGN(h1, OneHot(labels, 100));
  }
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y2, Gather(table, ids));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor d2, GatherGrad(grad, ids, table.shape()));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor h2, OneHot(labels, 100));
  EXPECT_TRUE(Equal(y1, y2));
  EXPECT_TRUE(Equal(d1, d2));
  EXPECT_TRUE(Equal(h1, h2));
  // Row 7 of the output is table row (7 * 7919) % 5000.
  EXPECT_EQ(y2.data<float>()[7 * kDim], ((7 * 7919) % kVocab) * kDim);
  // The scatter adds in index order exactly like this loop.
  std::vector<float> expected(kVocab * kDim, 0.0f);
  for (int64_t i = 0; i < kN; ++i) {
    const int64_t r = ids.data<int64_t>()[i];
    for (int64_t k = 0; k < kDim; ++k) expected[r * kDim + k] += grad.data<float>()[i * kDim + k];
  }
  EXPECT_TRUE(Equal(d2, Tensor::FromVector<float>({kVocab, kDim}, expected).value()));
}

}  // namespace
}  // namespace strata::ops
