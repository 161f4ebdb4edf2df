// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/reduce.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::FloatNear;
using ::testing::HasSubstr;
using ::testing::IsNan;

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

template <typename T = float>
Tensor Make(const Shape& shape, std::vector<T> v) {
  return Tensor::FromVector<T>(shape, absl::MakeConstSpan(v)).value();
}

// 0, 1, 2, ... in `shape`.
Tensor Iota(const Shape& shape) {
  Tensor t = Tensor::Empty(shape);
  for (int64_t i = 0; i < t.num_elements(); ++i) t.mutable_data<float>()[i] = i;
  return t;
}

// Deterministic values in [-1, 1).
Tensor Pattern(const Shape& shape) {
  Tensor t = Tensor::Empty(shape);
  uint32_t state = 777;
  for (int64_t i = 0; i < t.num_elements(); ++i) {
    state = state * 1664525u + 1013904223u;
    t.mutable_data<float>()[i] = static_cast<float>(state >> 8) / (1 << 23) - 1.0f;
  }
  return t;
}

TEST(ReduceTest, SumOverAxesWithAndWithoutKeepdims) {
  const Tensor x = Make({2, 3}, {1, 2, 3, 4, 5, 6});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor all, Sum(x));
  EXPECT_EQ(all.shape(), Shape());
  EXPECT_THAT(all.ToVector<float>(), ElementsAre(21));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor cols, Sum(x, {0}));
  EXPECT_EQ(cols.shape(), Shape({3}));
  EXPECT_THAT(cols.ToVector<float>(), ElementsAre(5, 7, 9));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, Sum(x, {-1}, /*keepdims=*/true));
  EXPECT_EQ(rows.shape(), Shape({2, 1}));
  EXPECT_THAT(rows.ToVector<float>(), ElementsAre(6, 15));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor both, Sum(x, {1, 0}, true));
  EXPECT_EQ(both.shape(), Shape({1, 1}));
  EXPECT_THAT(both.ToVector<float>(), ElementsAre(21));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor scalar, Sum(Tensor::Scalar(2.5f)));
  EXPECT_THAT(scalar.ToVector<float>(), ElementsAre(2.5f));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor empty, Sum(Tensor::Zeros({0, 2}), {0}));
  EXPECT_THAT(empty.ToVector<float>(), ElementsAre(0, 0));
}

TEST(ReduceTest, NonAdjacentAxesMatchLoops) {
  // x[i, j, k] = 12 i + 4 j + k over (2, 3, 4); axes {0, 2} leave j.
  const Tensor x = Iota({2, 3, 4});
  std::vector<float> sum(3, 0), max(3, -1e9f), min(3, 1e9f);
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) {
      for (int k = 0; k < 4; ++k) {
        const float v = 12 * i + 4 * j + k;
        sum[j] += v;
        max[j] = std::max(max[j], v);
        min[j] = std::min(min[j], v);
      }
    }
  }
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor s, Sum(x, {2, 0}));
  EXPECT_EQ(s.ToVector<float>(), sum);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor m, Mean(x, {0, -1}, true));
  EXPECT_EQ(m.shape(), Shape({1, 3, 1}));
  EXPECT_THAT(m.ToVector<float>(), ElementsAre(sum[0] / 8, sum[1] / 8, sum[2] / 8));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor hi, Max(x, {0, 2}));
  EXPECT_EQ(hi.ToVector<float>(), max);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor lo, Min(x, {0, 2}));
  EXPECT_EQ(lo.ToVector<float>(), min);
  // Size-1 axes do not split the reduced groups: (2, 1, 3) over {0, 2} is one block of 6.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor one, Sum(Iota({2, 1, 3}), {0, 2}));
  EXPECT_THAT(one.ToVector<float>(), ElementsAre(15));
}

TEST(ReduceTest, IntegerSumsKeepTheirDtypeAndWrap) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor s, Sum(Make<int32_t>({2, 2}, {1, 2, 3, 4}), {0}));
  EXPECT_EQ(s.dtype(), DType::kInt32);
  EXPECT_THAT(s.ToVector<int32_t>(), ElementsAre(4, 6));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor big,
                              Sum(Make<int64_t>({3}, {int64_t{1} << 40, int64_t{1} << 40, -1})));
  EXPECT_EQ(big.dtype(), DType::kInt64);
  EXPECT_THAT(big.ToVector<int64_t>(), ElementsAre((int64_t{1} << 41) - 1));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor wrapped,
                              Sum(Make<int32_t>({2}, {std::numeric_limits<int32_t>::max(), 1})));
  EXPECT_THAT(wrapped.ToVector<int32_t>(), ElementsAre(std::numeric_limits<int32_t>::min()));
}

TEST(ReduceTest, MeanMaxMin) {
  const Tensor x = Make({2, 3}, {1, -2, 3, 4, 5, -6});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor mean, Mean(x, {1}));
  EXPECT_THAT(mean.ToVector<float>(), ElementsAre(FloatNear(2 / 3.0f, 1e-7f), 1));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor max, Max(x, {0}));
  EXPECT_THAT(max.ToVector<float>(), ElementsAre(4, 5, 3));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor min, Min(x));
  EXPECT_THAT(min.ToVector<float>(), ElementsAre(-6));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor empty_mean, Mean(Tensor::Zeros({0})));
  EXPECT_THAT(empty_mean.ToVector<float>(), ElementsAre(IsNan()));
}

TEST(ReduceTest, MaxAndMinPropagateNaN) {
  const Tensor x = Make({2, 3}, {1, kNaN, 3, 4, 5, 6});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor max, Max(x, {1}));
  EXPECT_THAT(max.ToVector<float>(), ElementsAre(IsNan(), 6));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor min, Min(x, {0}));
  EXPECT_THAT(min.ToVector<float>(), ElementsAre(1, IsNan(), 3));
  // A NaN anywhere in a long (multi-block) reduction still wins.
  Tensor long_x = Tensor::Zeros({100000});
  long_x.mutable_data<float>()[99999] = kNaN;
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor long_max, Max(long_x));
  EXPECT_THAT(long_max.ToVector<float>(), ElementsAre(IsNan()));
}

TEST(ReduceTest, ArgMaxAndArgMinTakeTheFirstOnTies) {
  const Tensor x = Make({2, 4}, {1, 3, 3, 0, 2, 2, -1, -1});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor amax, ArgMax(x));
  EXPECT_EQ(amax.dtype(), DType::kInt64);
  EXPECT_EQ(amax.shape(), Shape({2}));
  EXPECT_THAT(amax.ToVector<int64_t>(), ElementsAre(1, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor amin, ArgMin(x, 1));
  EXPECT_THAT(amin.ToVector<int64_t>(), ElementsAre(3, 2));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor cols, ArgMax(x, 0));
  EXPECT_THAT(cols.ToVector<int64_t>(), ElementsAre(1, 0, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ints, ArgMin(Make<int32_t>({3}, {5, -7, -7})));
  EXPECT_THAT(ints.ToVector<int64_t>(), ElementsAre(1));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor longs, ArgMax(Make<int64_t>({2, 2}, {1, 9, 8, 2}), 0));
  EXPECT_THAT(longs.ToVector<int64_t>(), ElementsAre(1, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor nan, ArgMax(Make({4}, {1, kNaN, 9, kNaN})));
  EXPECT_THAT(nan.ToVector<int64_t>(), ElementsAre(1));
  // Middle axis of (2, 3, 2): x[o, r, i] = 6 o + 2 r + i is largest at r = 2.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor middle, ArgMax(Iota({2, 3, 2}), 1));
  EXPECT_EQ(middle.shape(), Shape({2, 2}));
  EXPECT_THAT(middle.ToVector<int64_t>(), ElementsAre(2, 2, 2, 2));
}

TEST(ReduceTest, RejectsBadAxesAndDtypes) {
  const Tensor x = Tensor::Zeros({2, 3});
  EXPECT_THAT(Sum(x, {0, -2}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Sum: expected distinct axes; received [0, -2]")));
  EXPECT_THAT(Mean(x, {2}), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("Mean: expected an axis in [-2, 2) for a tensor "
                                               "of rank 2; received axis 2.")));
  EXPECT_THAT(Mean(Tensor::Zeros({2}, DType::kInt32)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Mean: expected a float32 tensor; received int32 (2,).")));
  EXPECT_THAT(Sum(Tensor()), StatusIs(absl::StatusCode::kInvalidArgument,
                                      HasSubstr("received an undefined tensor")));
  EXPECT_THAT(Max(Tensor::Zeros({0, 3}), {0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("at least one element; received shape (0, 3) and axes [0]")));
  EXPECT_THAT(ArgMin(Tensor::Zeros({3, 0})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("ArgMin: expected a non-empty axis; received shape (3, 0)")));
  EXPECT_THAT(ArgMax(Tensor::Scalar(1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis -1")));
  EXPECT_THAT(Sum(Tensor::Scalar(1), {0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis 0")));
}

TEST(ReduceTest, MaskAndShapeHelpers) {
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<bool> mask, ReductionMask({2, 3, 4}, {-1, 0}, "Op"));
  EXPECT_THAT(mask, ElementsAre(true, false, true));
  EXPECT_EQ(ReducedShape({2, 3, 4}, mask, false), Shape({3}));
  EXPECT_EQ(ReducedShape({2, 3, 4}, mask, true), Shape({1, 3, 1}));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<bool> all, ReductionMask({2, 3}, {}, "Op"));
  EXPECT_THAT(all, ElementsAre(true, true));
}

TEST(ReduceTest, LongSumsAreAccurate) {
  // 4M copies of 0.1f: a float accumulator would drift by percents; double gives the exact sum
  // rounded once.
  const int64_t n = int64_t{1} << 22;
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor s, Sum(Tensor::Full({n}, 0.1)));
  EXPECT_EQ(s.ToVector<float>()[0], static_cast<float>(n * static_cast<double>(0.1f)));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor m, Mean(Tensor::Full({n / 4, 4}, 0.1), {0}));
  EXPECT_THAT(m.ToVector<float>(), ElementsAre(0.1f, 0.1f, 0.1f, 0.1f));
}

TEST(ReduceTest, BitwiseIdenticalOnOneAndTwoThreads) {
  // Shapes that take every path: many rows, few long rows (split in blocks), columns of a tall
  // matrix (strided, split in blocks), a middle axis, and non-adjacent axes (permuted).
  struct Case {
    Shape shape;
    std::vector<int> axes;
  };
  const std::vector<Case> cases = {
      {{2048, 1000}, {1}},  {{3, 300000}, {1}},      {{300000, 7}, {0}},
      {{40, 500, 64}, {1}}, {{64, 128, 64}, {0, 2}}, {{1 << 20}, {}},
  };
  for (const Case& c : cases) {
    const Tensor x = Pattern(c.shape);
    const std::vector<std::function<absl::StatusOr<Tensor>()>> ops = {
        [&] { return Sum(x, c.axes); },
        [&] { return Mean(x, c.axes); },
        [&] { return Max(x, c.axes); },
        [&] { return Min(x, c.axes); },
        [&] { return ArgMax(x, c.axes.empty() ? 0 : c.axes[0]); },
    };
    for (size_t k = 0; k < ops.size(); ++k) {
      absl::StatusOr<Tensor> one_thread;
      {
        ScopedThreadLimit limit(1);
        one_thread = ops[k]();
      }
      absl::StatusOr<Tensor> two_threads = ops[k]();
      ASSERT_TRUE(one_thread.ok() && two_threads.ok()) << one_thread.status();
      EXPECT_TRUE(Equal(*one_thread, *two_threads)) << c.shape << " op " << k;
    }
  }
}

TEST(ReduceTest, BlockedSumsMatchADoubleReference) {
  // Column sums of a tall matrix and row sums of long rows, both split into several blocks.
  const Tensor tall = Pattern({100000, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor cols, Sum(tall, {0}));
  const Tensor wide = Pattern({2, 100000});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor rows, Sum(wide, {1}));
  for (int j = 0; j < 3; ++j) {
    double want = 0;
    for (int64_t i = 0; i < 100000; ++i) want += tall.data<float>()[i * 3 + j];
    EXPECT_NEAR(cols.data<float>()[j], want, 1e-4 + 1e-6 * std::abs(want)) << j;
  }
  for (int r = 0; r < 2; ++r) {
    double want = 0;
    for (int64_t i = 0; i < 100000; ++i) want += wide.data<float>()[r * 100000 + i];
    EXPECT_NEAR(rows.data<float>()[r], want, 1e-4 + 1e-6 * std::abs(want)) << r;
  }
}

}  // namespace
}  // namespace strata::ops
