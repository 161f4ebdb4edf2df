// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/softmax.h"

#include <cmath>
#include <cstdint>
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
using ::testing::Pointwise;

constexpr float kInf = std::numeric_limits<float>::infinity();

Tensor Make(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

// Deterministic values in [-scale, scale).
Tensor Pattern(const Shape& shape, float scale) {
  Tensor t = Tensor::Empty(shape);
  uint32_t state = 12345;
  for (int64_t i = 0; i < t.num_elements(); ++i) {
    state = state * 1664525u + 1013904223u;
    t.mutable_data<float>()[i] = scale * (static_cast<float>(state >> 8) / (1 << 23) - 1.0f);
  }
  return t;
}

// Double-precision log-sum-exp along `axis` of a rank-3 tensor, for reference.
std::vector<double> ReferenceLse(const Tensor& x, int axis) {
  const int64_t d0 = x.dim(0), d1 = x.dim(1), d2 = x.dim(2);
  const int64_t outer = axis == 0 ? 1 : (axis == 1 ? d0 : d0 * d1);
  const int64_t n = x.dim(axis);
  const int64_t inner = axis == 0 ? d1 * d2 : (axis == 1 ? d2 : 1);
  std::vector<double> lse(outer * inner);
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      double sum = 0;
      for (int64_t r = 0; r < n; ++r) sum += std::exp(x.data<float>()[(o * n + r) * inner + i]);
      lse[o * inner + i] = std::log(sum);
    }
  }
  return lse;
}

TEST(SoftmaxTest, HandComputedRows) {
  const Tensor x = Make({2, 3}, {1, 2, 3, 0, 0, 0});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, Softmax(x));
  EXPECT_EQ(p.shape(), x.shape());
  EXPECT_THAT(p.ToVector<float>(),
              Pointwise(FloatNear(1e-7f),
                        {0.0900305732f, 0.244728471f, 0.665240956f, 1 / 3.0f, 1 / 3.0f, 1 / 3.0f}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor logp, LogSoftmax(x, 1));
  EXPECT_THAT(logp.ToVector<float>(),
              Pointwise(FloatNear(1e-6f), {-2.40760596f, -1.40760596f, -0.40760596f, -1.09861229f,
                                           -1.09861229f, -1.09861229f}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor lse, LogSumExp(x));
  EXPECT_EQ(lse.shape(), Shape({2}));
  EXPECT_THAT(lse.ToVector<float>(), Pointwise(FloatNear(1e-6f), {3.40760596f, 1.09861229f}));
}

TEST(SoftmaxTest, AlongTheFirstAxis) {
  const Tensor x = Make({2, 2}, {0, 1, 2, 3});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, Softmax(x, 0));
  EXPECT_THAT(p.ToVector<float>(), Pointwise(FloatNear(1e-7f), {0.119202922f, 0.119202922f,
                                                                0.880797078f, 0.880797078f}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor lse, LogSumExp(x, 0, /*keepdims=*/true));
  EXPECT_EQ(lse.shape(), Shape({1, 2}));
  EXPECT_THAT(lse.ToVector<float>(), Pointwise(FloatNear(1e-6f), {2.12692801f, 3.12692801f}));
}

TEST(SoftmaxTest, EveryAxisOfARankThreeTensorMatchesADoubleReference) {
  const Tensor x = Pattern({3, 5, 7}, 4.0f);
  for (int axis : {0, 1, 2, -1}) {
    const int a = axis < 0 ? axis + 3 : axis;
    const std::vector<double> lse = ReferenceLse(x, a);
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, Softmax(x, axis));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor logp, LogSoftmax(x, axis));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor got_lse, LogSumExp(x, axis));
    const int64_t n = x.dim(a);
    const int64_t inner = a == 0 ? 35 : (a == 1 ? 7 : 1);
    for (int64_t e = 0; e < x.num_elements(); ++e) {
      const int64_t out = (e / (n * inner)) * inner + e % inner;
      const double want = x.data<float>()[e] - lse[out];
      ASSERT_NEAR(logp.data<float>()[e], want, 2e-6) << "axis " << axis << " element " << e;
      ASSERT_NEAR(p.data<float>()[e], std::exp(want), 1e-7) << "axis " << axis << " " << e;
    }
    for (int64_t o = 0; o < got_lse.num_elements(); ++o) {
      ASSERT_NEAR(got_lse.data<float>()[o], lse[o], 2e-6) << "axis " << axis << " " << o;
    }
  }
}

TEST(SoftmaxTest, StableForHugeAndInfiniteLogits) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, Softmax(Make({4}, {1000, 1000, -1000, -kInf})));
  EXPECT_THAT(p.ToVector<float>(), ElementsAre(0.5f, 0.5f, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor logp, LogSoftmax(Make({2}, {1000, 0})));
  EXPECT_THAT(logp.ToVector<float>(), ElementsAre(0, -1000));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor lse, LogSumExp(Make({2, 2}, {1000, 1000, -kInf, -kInf})));
  EXPECT_THAT(lse.ToVector<float>(), ElementsAre(FloatNear(1000.693147f, 1e-3f), -kInf));
  // A NaN poisons its own row only.
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor nan, Softmax(Make({2, 2}, {std::numeric_limits<float>::quiet_NaN(), 0, 0, 0})));
  EXPECT_THAT(nan.ToVector<float>(), ElementsAre(IsNan(), IsNan(), 0.5f, 0.5f));
  // An empty axis sums to zero terms: log(0) = -inf.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor empty, LogSumExp(Tensor::Zeros({3, 0})));
  EXPECT_THAT(empty.ToVector<float>(), ElementsAre(-kInf, -kInf, -kInf));
}

TEST(SoftmaxTest, RejectsBadDtypesAndAxes) {
  EXPECT_THAT(Softmax(Tensor::Zeros({2, 3}, DType::kInt32)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Softmax: expected a float32 tensor; received int32 (2, 3).")));
  EXPECT_THAT(LogSoftmax(Tensor::Zeros({2, 3}), 2),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("LogSoftmax: expected an axis in [-2, 2) for a tensor of rank "
                                 "2; received axis 2.")));
  EXPECT_THAT(LogSumExp(Tensor::Scalar(1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received axis -1")));
}

TEST(SoftmaxTest, ARowGivesTheSameBitsAloneAndInABatch) {
  const Tensor batch = Pattern({64, 10}, 6.0f);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor all, Softmax(batch));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor all_log, LogSoftmax(batch));
  for (int64_t row : {0, 5, 63}) {
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor one, batch.SliceRows(row, row + 1));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, Softmax(one));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor logp, LogSoftmax(one));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor want, all.SliceRows(row, row + 1));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor want_log, all_log.SliceRows(row, row + 1));
    EXPECT_TRUE(Equal(p, want)) << row;
    EXPECT_TRUE(Equal(logp, want_log)) << row;
  }
}

TEST(SoftmaxTest, BitwiseIdenticalOnOneAndTwoThreads) {
  const Tensor rows = Pattern({4096, 100}, 8.0f);
  const Tensor slabs = Pattern({16, 200, 300}, 8.0f);
  for (int variant = 0; variant < 6; ++variant) {
    auto run = [&]() -> absl::StatusOr<Tensor> {
      const Tensor& x = variant % 2 == 0 ? rows : slabs;
      const int axis = variant % 2 == 0 ? -1 : 1;
      if (variant / 2 == 0) return Softmax(x, axis);
      if (variant / 2 == 1) return LogSoftmax(x, axis);
      return LogSumExp(x, axis);
    };
    absl::StatusOr<Tensor> one_thread;
    {
      ScopedThreadLimit limit(1);
      one_thread = run();
    }
    absl::StatusOr<Tensor> two_threads = run();
    ASSERT_TRUE(one_thread.ok() && two_threads.ok());
    EXPECT_TRUE(Equal(*one_thread, *two_threads)) << "variant " << variant;
  }
}

}  // namespace
}  // namespace strata::ops
