// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/shape_ops.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

// 0, 1, 2, ... in `dtype`.
Tensor Iota(const Shape& shape, DType dtype = DType::kFloat32) {
  std::vector<double> v(shape.num_elements());
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i);
  Tensor t = Tensor::Empty(shape, dtype);
  for (int64_t i = 0; i < t.num_elements(); ++i) {
    switch (dtype) {
      case DType::kFloat32:
        t.mutable_data<float>()[i] = static_cast<float>(v[i]);
        break;
      case DType::kInt32:
        t.mutable_data<int32_t>()[i] = static_cast<int32_t>(v[i]);
        break;
      case DType::kInt64:
        t.mutable_data<int64_t>()[i] = static_cast<int64_t>(v[i]);
        break;
    }
  }
  return t;
}

// Element-by-element permutation through multi-indices: the obviously correct version.
Tensor NaivePermute(const Tensor& x, const std::vector<int>& perm) {
  const int rank = x.rank();
  std::vector<int64_t> out_dims(rank);
  for (int k = 0; k < rank; ++k) out_dims[k] = x.dim(perm[k]);
  const Shape out_shape(out_dims);
  const std::vector<int64_t> in_strides = x.shape().Strides();
  const std::vector<double> in = x.ToVector<double>();
  std::vector<float> out(out_shape.num_elements());
  std::vector<int64_t> idx(rank, 0);
  for (int64_t o = 0; o < out_shape.num_elements(); ++o) {
    int64_t rem = o, offset = 0;
    for (int k = rank - 1; k >= 0; --k) {
      offset += (rem % out_dims[k]) * in_strides[perm[k]];
      rem /= out_dims[k];
    }
    out[o] = static_cast<float>(in[offset]);
  }
  return Tensor::FromVector<float>(out_shape, out).value();
}

TEST(ReshapeTest, ViewsTheSameElementsAndInfersMinusOne) {
  Tensor x = Iota({2, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Reshape(x, {3, -1}));
  EXPECT_EQ(y.shape(), Shape({3, 2}));
  EXPECT_TRUE(y.SharesStorageWith(x));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(0, 1, 2, 3, 4, 5));
  EXPECT_THAT(Reshape(x, {4, 2}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (4, 2)")));
}

TEST(TransposeTest, SwapsRowsAndColumns) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Transpose(Iota({2, 3})));
  EXPECT_EQ(y.shape(), Shape({3, 2}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(0, 3, 1, 4, 2, 5));
  EXPECT_THAT(Transpose(Iota({2, 3, 4})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected a tensor of rank 2; received shape (2, 3, 4)")));
}

TEST(PermuteTest, HandComputedRank3) {
  // x[i][j][k] = 6i + 2j + k over (2, 3, 2); y = x.permute(2, 0, 1) has y[k][i][j] = x[i][j][k].
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Permute(Iota({2, 3, 2}, DType::kInt32), {2, 0, 1}));
  EXPECT_EQ(y.shape(), Shape({2, 2, 3}));
  EXPECT_EQ(y.dtype(), DType::kInt32);
  EXPECT_THAT(y.ToVector<int32_t>(), ElementsAre(0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11));
}

TEST(PermuteTest, NhwcToNchwAndBack) {
  // (N=1, H=2, W=2, C=3): channel c of pixel p is 3p + c.
  Tensor nhwc = Iota({1, 2, 2, 3}, DType::kInt64);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor nchw, Permute(nhwc, {0, 3, 1, 2}));
  EXPECT_EQ(nchw.shape(), Shape({1, 3, 2, 2}));
  EXPECT_THAT(nchw.ToVector<int64_t>(), ElementsAre(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor back, Permute(nchw, {0, -2, -1, 1}));
  EXPECT_TRUE(Equal(back, nhwc));
}

TEST(PermuteTest, MovingOnlyUnitAxesIsAView) {
  Tensor x = Iota({2, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Permute(x, {0, 1}));
  EXPECT_TRUE(y.SharesStorageWith(x));
  Tensor z = Iota({2, 1, 3, 1});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor w, Permute(z, {3, 0, 2, 1}));
  EXPECT_TRUE(w.SharesStorageWith(z));
  EXPECT_EQ(w.shape(), Shape({1, 2, 3, 1}));
  EXPECT_THAT(w.ToVector<float>(), ElementsAre(0, 1, 2, 3, 4, 5));
}

TEST(PermuteTest, MatchesTheNaiveVersionOnAwkwardShapes) {
  // Sizes that are not multiples of the 8x8 tiles, size-1 axes, mergeable and 8-byte cases.
  const std::vector<std::pair<Shape, std::vector<int>>> cases = {
      {{37, 53}, {1, 0}},
      {{3, 17, 9, 5}, {0, 3, 1, 2}},
      {{3, 5, 17, 9}, {0, 2, 3, 1}},
      {{4, 1, 6, 1, 7}, {4, 2, 0, 3, 1}},
      {{2, 3, 4, 5}, {1, 0, 3, 2}},
      {{2, 3, 4, 5}, {3, 2, 1, 0}},
      {{2, 3, 4, 5}, {1, 0, 2, 3}},
      {{1, 1, 5}, {2, 1, 0}},
      {{16, 24}, {1, 0}},
  };
  for (const auto& [shape, perm] : cases) {
    for (DType dtype : {DType::kFloat32, DType::kInt64}) {
      SCOPED_TRACE(shape.ToString());
      Tensor x = Iota(shape, dtype);
      STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Permute(x, perm));
      EXPECT_TRUE(Equal(y.Cast(DType::kFloat32), NaivePermute(x, perm)));
    }
  }
}

TEST(PermuteTest, RejectsNonPermutations) {
  Tensor x = Iota({2, 3, 4});
  EXPECT_THAT(Permute(x, {0, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (0, 1)")));
  EXPECT_THAT(Permute(x, {0, 1, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (0, 1, 1)")));
  EXPECT_THAT(Permute(x, {0, 1, 3}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("permutation of the 3 axes")));
}

TEST(PermuteTest, BigPermutesAreTheSameAtOneAndTwoThreads) {
  Tensor x = Iota({8, 64, 64, 32});
  for (const std::vector<int>& perm :
       std::vector<std::vector<int>>{{0, 3, 1, 2}, {0, 2, 3, 1}, {1, 0, 2, 3}, {0, 1, 3, 2}}) {
    Tensor one;
    {
      ScopedThreadLimit limit(1);
      STRATA_ASSERT_OK_AND_ASSIGN(one, Permute(x, perm));
    }
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor two, Permute(x, perm));
    EXPECT_TRUE(Equal(one, two));
  }
  // And a big one against the reference.
  Tensor m = Iota({300, 1000});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor mt, Transpose(m));
  EXPECT_TRUE(Equal(mt, NaivePermute(m, {1, 0})));
}

TEST(SliceTest, HandComputedBox) {
  // Rows 0-1, columns 1-2 of [[0 1 2 3] [4 5 6 7] [8 9 10 11]].
  Tensor x = Iota({3, 4});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Slice(x, {0, 1}, {2, 2}));
  EXPECT_EQ(y.shape(), Shape({2, 2}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(1, 2, 5, 6));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor tail, Slice(x, {1, 2}, {-1, -1}));
  EXPECT_THAT(tail.ToVector<float>(), ElementsAre(6, 7, 10, 11));
  EXPECT_FALSE(tail.SharesStorageWith(x));
}

TEST(SliceTest, ContiguousBoxesAreViews) {
  Tensor x = Iota({4, 3, 2});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, Slice(x, {1, 0, 0}, {2, 3, 2}));
  EXPECT_TRUE(rows.SharesStorageWith(x));
  EXPECT_THAT(rows.ToVector<float>(), ElementsAre(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17));
  // One leading index, then a partial axis: still one run.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor run, Slice(x, {2, 1, 0}, {1, 2, 2}));
  EXPECT_TRUE(run.SharesStorageWith(x));
  EXPECT_THAT(run.ToVector<float>(), ElementsAre(14, 15, 16, 17));
}

TEST(SliceTest, RejectsBadBoxes) {
  Tensor x = Iota({3, 4});
  EXPECT_THAT(Slice(x, {0, 3}, {1, 2}),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("received begins (0, 3)")));
  EXPECT_THAT(Slice(x, {-1, 0}, {1, 1}),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("received")));
  EXPECT_THAT(Slice(x, {0}, {1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received begins (0)")));
}

TEST(SliceAxisTest, TakesARangeOfOneAxis) {
  Tensor x = Iota({2, 3, 2});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, SliceAxis(x, 1, 1, 3));
  EXPECT_EQ(y.shape(), Shape({2, 2, 2}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(2, 3, 4, 5, 8, 9, 10, 11));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor last, SliceAxis(x, -1, 1, 2));
  EXPECT_THAT(last.ToVector<float>(), ElementsAre(1, 3, 5, 7, 9, 11));
  EXPECT_THAT(SliceAxis(x, 1, 2, 4),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("received [2, 4)")));
  EXPECT_THAT(SliceAxis(x, 3, 0, 1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 3")));
}

TEST(ConcatTest, JoinsAlongAnAxis) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<float>({2, 1}, {5, 6}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor cols, Concat({a, b}, 1));
  EXPECT_EQ(cols.shape(), Shape({2, 3}));
  EXPECT_THAT(cols.ToVector<float>(), ElementsAre(1, 2, 5, 3, 4, 6));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, Concat({a, a}, -2));
  EXPECT_THAT(rows.ToVector<float>(), ElementsAre(1, 2, 3, 4, 1, 2, 3, 4));
  EXPECT_THAT(Concat({a, b}, 0), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("received float32 (2, 2), float32 (2, 1)")));
  EXPECT_THAT(Concat({a, a.Cast(DType::kInt32)}, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
  EXPECT_THAT(Concat({}, 0), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("none")));
}

TEST(StackTest, AddsANewAxis) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<int32_t>({2}, {1, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<int32_t>({2}, {3, 4}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, Stack({a, b}, 0));
  EXPECT_EQ(rows.shape(), Shape({2, 2}));
  EXPECT_THAT(rows.ToVector<int32_t>(), ElementsAre(1, 2, 3, 4));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor cols, Stack({a, b}, -1));
  EXPECT_THAT(cols.ToVector<int32_t>(), ElementsAre(1, 3, 2, 4));
  EXPECT_THAT(Stack({a, Iota({3}, DType::kInt32)}, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received int32 (2,)")));
  EXPECT_THAT(Stack({a, b}, 2),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 2")));
}

TEST(SplitTest, CutsIntoPiecesWithOneInferredSize) {
  Tensor x = Iota({2, 5});
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> pieces, Split(x, 1, {2, -1, 1}));
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_THAT(pieces[0].ToVector<float>(), ElementsAre(0, 1, 5, 6));
  EXPECT_THAT(pieces[1].ToVector<float>(), ElementsAre(2, 3, 7, 8));
  EXPECT_THAT(pieces[2].ToVector<float>(), ElementsAre(4, 9));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> rows, Split(x, 0, {1, 1}));
  EXPECT_TRUE(rows[1].SharesStorageWith(x));
  EXPECT_THAT(rows[1].ToVector<float>(), ElementsAre(5, 6, 7, 8, 9));
  EXPECT_THAT(Split(x, 1, {2, 2}), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("sum to 5, the size of axis 1 of shape "
                                                      "(2, 5); received (2, 2)")));
}

TEST(ExpandDimsSqueezeTest, AddAndRemoveUnitAxes) {
  Tensor x = Iota({2, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor e, ExpandDims(x, 1));
  EXPECT_EQ(e.shape(), Shape({2, 1, 3}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor last, ExpandDims(x, -1));
  EXPECT_EQ(last.shape(), Shape({2, 3, 1}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor s, Squeeze(last));
  EXPECT_EQ(s.shape(), Shape({2, 3}));
  EXPECT_TRUE(s.SharesStorageWith(x));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor u, Squeeze(Iota({1, 2, 1}), {-1}));
  EXPECT_EQ(u.shape(), Shape({1, 2}));
  EXPECT_THAT(Squeeze(x, {0}), StatusIs(absl::StatusCode::kInvalidArgument,
                                        HasSubstr("to have size 1; received size 2")));
  EXPECT_THAT(ExpandDims(x, 3),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 3")));
}

TEST(PadTest, ConstantPaddingByHand) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Pad(x, {{1, 0}, {0, 2}}, 9.0f));
  EXPECT_EQ(y.shape(), Shape({3, 4}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9));
  // NHWC image padded on H and W only (the channel run is merged into rows), int dtype.
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor img, Pad(Iota({1, 1, 2, 2}, DType::kInt32), {{0, 0}, {1, 1}, {1, 0}, {0, 0}}));
  EXPECT_EQ(img.shape(), Shape({1, 3, 3, 2}));
  EXPECT_THAT(img.ToVector<int32_t>(),
              ElementsAre(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0));
  EXPECT_THAT(Pad(x, {{1, -1}, {0, 0}}), StatusIs(absl::StatusCode::kInvalidArgument,
                                                  HasSubstr("received {{1, -1}, {0, 0}}")));
  EXPECT_THAT(Pad(x, {{1, 1}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
}

TEST(PadTest, SliceUndoesPad) {
  Tensor x = Iota({3, 4, 5});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Pad(x, {{1, 2}, {0, 3}, {2, 1}}, -1.0f));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor back, Slice(y, {1, 0, 2}, {3, 4, 5}));
  EXPECT_TRUE(Equal(back, x));
}

TEST(LayoutTest, BigCopiesAreTheSameAtOneAndTwoThreads) {
  Tensor x = Iota({64, 130, 70});
  auto run = [&]() {
    std::vector<Tensor> outs;
    outs.push_back(Pad(x, {{1, 1}, {2, 0}, {3, 3}}, 0.5f).value());
    outs.push_back(Slice(x, {3, 5, 7}, {50, 100, 40}).value());
    outs.push_back(Concat({x, x}, 2).value());
    outs.push_back(Stack({x, x}, 1).value());
    return outs;
  };
  std::vector<Tensor> one;
  {
    ScopedThreadLimit limit(1);
    one = run();
  }
  std::vector<Tensor> two = run();
  for (size_t i = 0; i < one.size(); ++i) EXPECT_TRUE(Equal(one[i], two[i])) << i;
  // Spot-check values of the big slice: x[3 + i][5 + j][7 + k] = (3 + i) * 9100 + ...
  EXPECT_EQ(two[1].data<float>()[0], 3 * 9100 + 5 * 70 + 7);
}

}  // namespace
}  // namespace strata::ops
