// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/matmul.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/kernels/matmul.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Axis = kernels::GemmPlan::Axis;

Tensor Random(const Shape& shape, uint32_t seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  Tensor t = Tensor::Empty(shape);
  float* data = t.mutable_data<float>();
  for (int64_t i = 0; i < t.num_elements(); ++i) data[i] = dist(engine);
  return t;
}

std::vector<int64_t> Dims(const Shape& s) { return s.ToVector(); }

// The reference product, written independently of the op: batch broadcasting by division and
// modulo, sums in double. Also returns, per element, the worst-case float32 rounding error of
// any summation order, 2 k u sum_l |a_il b_lj| (u = 2^-24), which the op must stay within.
struct Reference {
  Shape shape;
  std::vector<double> value, bound;
};

Reference NaiveMatMul(const Tensor& a, const Tensor& b, MatMulOptions o) {
  const std::vector<int64_t> ad = Dims(a.shape()), bd = Dims(b.shape());
  const int ar = ad.size(), br = bd.size();
  const int64_t m = o.transpose_a ? ad[ar - 1] : ad[ar - 2];
  const int64_t k = o.transpose_a ? ad[ar - 2] : ad[ar - 1];
  const int64_t n = o.transpose_b ? bd[br - 2] : bd[br - 1];
  const int rank = std::max(ar, br) - 2;
  // Batch dims right-aligned, padded with ones.
  std::vector<int64_t> ab(rank, 1), bb(rank, 1), ob(rank);
  for (int d = 0; d < ar - 2; ++d) ab[rank - (ar - 2) + d] = ad[d];
  for (int d = 0; d < br - 2; ++d) bb[rank - (br - 2) + d] = bd[d];
  int64_t count = 1;
  for (int d = 0; d < rank; ++d) {
    ob[d] = std::max(ab[d], bb[d]);
    if (ab[d] == 0 || bb[d] == 0) ob[d] = 0;
    count *= ob[d];
  }
  Reference ref;
  std::vector<int64_t> out_dims = ob;
  out_dims.push_back(m);
  out_dims.push_back(n);
  ref.shape = Shape(out_dims);
  ref.value.assign(count * m * n, 0.0);
  ref.bound.assign(count * m * n, 0.0);
  const float* A = a.data<float>();
  const float* B = b.data<float>();
  for (int64_t i = 0; i < count; ++i) {
    int64_t rest = i, ai = 0, bi = 0, a_mul = 1, b_mul = 1;
    for (int d = rank - 1; d >= 0; --d) {
      const int64_t idx = rest % ob[d];
      rest /= ob[d];
      ai += (ab[d] == 1 ? 0 : idx) * a_mul;
      bi += (bb[d] == 1 ? 0 : idx) * b_mul;
      a_mul *= ab[d];
      b_mul *= bb[d];
    }
    const float* Ai = A + ai * m * k;
    const float* Bi = B + bi * k * n;
    for (int64_t r = 0; r < m; ++r) {
      for (int64_t c = 0; c < n; ++c) {
        double sum = 0, abs_sum = 0;
        for (int64_t l = 0; l < k; ++l) {
          const double x = o.transpose_a ? Ai[l * m + r] : Ai[r * k + l];
          const double y = o.transpose_b ? Bi[c * k + l] : Bi[l * n + c];
          sum += x * y;
          abs_sum += std::fabs(x * y);
        }
        ref.value[(i * m + r) * n + c] = sum;
        ref.bound[(i * m + r) * n + c] = 2.0 * (k + 2) * std::ldexp(1.0, -24) * abs_sum + 1e-30;
      }
    }
  }
  return ref;
}

// Checks `got` against the reference within its rounding bound; reports the first mismatch.
void ExpectMatches(const Tensor& got, const Reference& ref, const std::string& what) {
  ASSERT_EQ(got.shape(), ref.shape) << what;
  const float* g = got.data<float>();
  for (size_t i = 0; i < ref.value.size(); ++i) {
    ASSERT_LE(std::fabs(g[i] - ref.value[i]), ref.bound[i])
        << what << ": element " << i << " is " << g[i] << ", expected " << ref.value[i];
  }
}

void CheckAgainstNaive(const Shape& a_shape, const Shape& b_shape, MatMulOptions o,
                       uint32_t seed) {
  const Tensor a = Random(a_shape, seed), b = Random(b_shape, seed + 1);
  const std::string what = a_shape.ToString() + " @ " + b_shape.ToString() +
                           (o.transpose_a ? " ta" : "") + (o.transpose_b ? " tb" : "");
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor got, MatMul(a, b, o));
  ExpectMatches(got, NaiveMatMul(a, b, o), what);
}

// (rows, cols) of an operand whose op() is (r, c).
std::vector<int64_t> Stored(std::vector<int64_t> batch, int64_t r, int64_t c, bool transpose) {
  batch.push_back(transpose ? c : r);
  batch.push_back(transpose ? r : c);
  return batch;
}

constexpr MatMulOptions kAllTransposes[] = {
    {false, false}, {false, true}, {true, false}, {true, true}};

TEST(MatMulTest, HandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<float>({2, 2}, {5, 6, 7, 8}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ab, MatMul(a, b));
  EXPECT_THAT(ab.ToVector<float>(), ElementsAre(19, 22, 43, 50));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor atb, MatMul(a, b, {.transpose_a = true}));
  EXPECT_THAT(atb.ToVector<float>(), ElementsAre(26, 30, 38, 44));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor abt, MatMul(a, b, {.transpose_b = true}));
  EXPECT_THAT(abt.ToVector<float>(), ElementsAre(17, 23, 39, 53));
  // Inputs are untouched.
  EXPECT_THAT(a.ToVector<float>(), ElementsAre(1, 2, 3, 4));
}

TEST(MatMulTest, RandomSmallShapesAllTransposes) {
  std::mt19937 engine(42);
  std::uniform_int_distribution<int64_t> size(1, 17);
  for (int trial = 0; trial < 40; ++trial) {
    const int64_t m = trial < 4 ? 1 : size(engine), n = trial % 4 == 1 ? 1 : size(engine);
    const int64_t k = trial % 5 == 2 ? 1 : size(engine);
    for (const MatMulOptions& o : kAllTransposes) {
      CheckAgainstNaive(Shape(Stored({}, m, k, o.transpose_a)),
                        Shape(Stored({}, k, n, o.transpose_b)), o, 100 + trial);
    }
  }
}

TEST(MatMulTest, BatchedAndBroadcastAllTransposes) {
  struct Case {
    std::vector<int64_t> a_batch, b_batch;
  };
  const Case cases[] = {
      {{3}, {3}},       {{3}, {}},     {{}, {3}},          {{1}, {4}},
      {{4}, {1}},       {{2, 1}, {3}}, {{2, 3}, {1, 3}},   {{1, 1}, {}},
      {{2, 1, 3}, {5, 1}}, {{0}, {}},  {{2, 0}, {1, 1}},
  };
  int seed = 1;
  for (const Case& c : cases) {
    for (const MatMulOptions& o : kAllTransposes) {
      CheckAgainstNaive(Shape(Stored(c.a_batch, 5, 7, o.transpose_a)),
                        Shape(Stored(c.b_batch, 7, 3, o.transpose_b)), o, seed++);
    }
  }
}

TEST(MatMulTest, EmptyContractionGivesZerosAndEmptyRowsAnEmptyResult) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor z, MatMul(Tensor::Ones({2, 0}), Tensor::Ones({0, 3})));
  EXPECT_EQ(z.shape(), Shape({2, 3}));
  EXPECT_THAT(z.ToVector<float>(), ElementsAre(0, 0, 0, 0, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor zb, MatMul(Tensor::Ones({2, 2, 0}), Tensor::Ones({2, 0, 1})));
  EXPECT_THAT(zb.ToVector<float>(), ElementsAre(0, 0, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor e, MatMul(Tensor::Ones({0, 4}), Tensor::Ones({4, 3})));
  EXPECT_EQ(e.shape(), Shape({0, 3}));
}

// Shapes large enough for each blocking of NOTE [ GEMM blocking ], checked against the
// reference with every transpose. The plan is asserted so that this test keeps covering the
// split paths if the thresholds move.
TEST(MatMulTest, SplitProductsMatchTheReference) {
  struct Case {
    int64_t m, n, k;
    Axis axis;
  };
  const Case cases[] = {{520, 72, 61, Axis::kRows},
                        {33, 1100, 70, Axis::kCols},
                        {41, 37, 1500, Axis::kDepth},
                        {1100, 20, 100, Axis::kRows}};
  for (const Case& c : cases) {
    const kernels::GemmPlan plan = kernels::PlanGemm({.m = c.m, .n = c.n, .k = c.k});
    EXPECT_EQ(plan.axis, c.axis) << c.m << "x" << c.n << "x" << c.k;
    EXPECT_GE(plan.blocks, 2);
    for (const MatMulOptions& o : kAllTransposes) {
      CheckAgainstNaive(Shape(Stored({}, c.m, c.k, o.transpose_a)),
                        Shape(Stored({}, c.k, c.n, o.transpose_b)), o, 7);
    }
  }
}

TEST(MatMulTest, SmallProductsRunAsOneCall) {
  EXPECT_EQ(kernels::PlanGemm({.m = 64, .n = 10, .k = 64}).axis, Axis::kNone);
  EXPECT_EQ(kernels::PlanGemm({.m = 128, .n = 128, .k = 128}).axis, Axis::kNone);
  // The MLP's first layer splits its contraction; its weight gradient its rows.
  EXPECT_EQ(kernels::PlanGemm({.m = 64, .n = 64, .k = 784}).axis, Axis::kDepth);
  EXPECT_EQ(kernels::PlanGemm({.m = 784, .n = 64, .k = 64}).axis, Axis::kRows);
  const kernels::GemmPlan big = kernels::PlanGemm({.m = 1024, .n = 1024, .k = 1024});
  EXPECT_EQ(big.axis, Axis::kCols);
  EXPECT_EQ(big.blocks, 2);
}

TEST(MatMulTest, LargeBatchesMatchTheReference) {
  for (const MatMulOptions& o : kAllTransposes) {
    // Many outputs in parallel chunks.
    CheckAgainstNaive(Shape(Stored({16}, 40, 48, o.transpose_a)),
                      Shape(Stored({16}, 48, 56, o.transpose_b)), o, 11);
    // Few large outputs: rows are cut.
    CheckAgainstNaive(Shape(Stored({2}, 300, 40, o.transpose_a)),
                      Shape(Stored({1}, 40, 200, o.transpose_b)), o, 12);
  }
  // Folded (b, m, k) @ (k, n) with a row split of the folded rows.
  CheckAgainstNaive(Shape({3, 200, 64}), Shape({64, 100}), {}, 13);
  CheckAgainstNaive(Shape({3, 200, 64}), Shape({100, 64}), {.transpose_b = true}, 14);
}

// The reference for MatMulSumToBatch: the naive product summed down to `target`.
Reference NaiveSumToBatch(const Tensor& a, const Tensor& b, MatMulOptions o,
                          const Shape& target) {
  const Reference full = NaiveMatMul(a, b, o);
  const std::vector<int64_t> fd = Dims(full.shape);
  const int rank = fd.size() - 2;
  const int64_t mn = fd[rank] * fd[rank + 1];
  std::vector<int64_t> tb(rank, 1);
  for (int d = 0; d < target.rank(); ++d) tb[rank - target.rank() + d] = target.dim(d);
  Reference ref;
  std::vector<int64_t> out_dims = Dims(target);
  out_dims.push_back(fd[rank]);
  out_dims.push_back(fd[rank + 1]);
  ref.shape = Shape(out_dims);
  ref.value.assign(target.num_elements() * mn, 0.0);
  ref.bound.assign(target.num_elements() * mn, 1e-30);
  const int64_t count = full.value.size() / std::max<int64_t>(mn, 1);
  for (int64_t i = 0; i < count; ++i) {
    int64_t rest = i, ti = 0, mul = 1;
    for (int d = rank - 1; d >= 0; --d) {
      const int64_t idx = rest % fd[d];
      rest /= fd[d];
      ti += (tb[d] == 1 ? 0 : idx) * mul;
      mul *= tb[d];
    }
    for (int64_t e = 0; e < mn; ++e) {
      ref.value[ti * mn + e] += full.value[i * mn + e];
      // Adding `count` products adds at most `count` more roundings of the partial sums.
      ref.bound[ti * mn + e] += full.bound[i * mn + e] * (1 + count);
    }
  }
  return ref;
}

TEST(MatMulSumToBatchTest, MatchesTheSummedReference) {
  struct Case {
    std::vector<int64_t> a_batch, b_batch, target;
  };
  const Case cases[] = {
      {{4}, {4}, {}},           // Folds into one GEMM when op(a) = a^T, op(b) = b.
      {{4}, {4}, {1}},          {{4}, {}, {}},           {{}, {4}, {}},
      {{2, 3}, {2, 3}, {3}},    {{2, 3}, {1, 3}, {2, 1}}, {{2, 3}, {3}, {1, 3}},
      {{5}, {5}, {5}},          {{0}, {}, {1}},
  };
  int seed = 50;
  for (const Case& c : cases) {
    for (const MatMulOptions& o : kAllTransposes) {
      const Tensor a = Random(Shape(Stored(c.a_batch, 6, 9, o.transpose_a)), seed++);
      const Tensor b = Random(Shape(Stored(c.b_batch, 9, 4, o.transpose_b)), seed++);
      const Shape target(c.target);
      STRATA_ASSERT_OK_AND_ASSIGN(Tensor got, MatMulSumToBatch(a, b, target, o));
      ExpectMatches(got, NaiveSumToBatch(a, b, o, target),
                    a.shape().ToString() + " @ " + b.shape().ToString() + " to " +
                        target.ToString());
    }
  }
}

TEST(MatMulSumToBatchTest, FoldedWeightGradientOfALargeBatch) {
  // dW of (8, 100, 64) @ (64, 96): x^T @ dy summed over the batch, split along the contraction.
  const Tensor x = Random({8, 100, 64}, 3), dy = Random({8, 100, 96}, 4);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor dw, MatMulSumToBatch(x, dy, Shape(), {.transpose_a = true}));
  ExpectMatches(dw, NaiveSumToBatch(x, dy, {.transpose_a = true}, Shape()), "folded dW");
}

TEST(MatMulTest, RejectsBadShapesNamingBoth) {
  EXPECT_THAT(MatMul(Tensor::Ones({2, 3}), Tensor::Ones({4, 5})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("MatMul: expected a.shape[-1] == b.shape[-2]; received (2, 3) "
                                 "and (4, 5).")));
  EXPECT_THAT(MatMul(Tensor::Ones({2, 3}), Tensor::Ones({3, 5}), {.transpose_a = true}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.shape[-2] == b.shape[-2] (with the requested transposes); "
                                 "received (2, 3) and (3, 5).")));
  EXPECT_THAT(MatMul(Tensor::Ones({3}), Tensor::Ones({3, 5})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("rank >= 2; received (3,) and (3, 5).")));
  EXPECT_THAT(MatMul(Tensor::Ones({2, 4, 3}), Tensor::Ones({3, 3, 5})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("broadcast; received (2, 4, 3) and (3, 3, 5).")));
  EXPECT_THAT(MatMul(Tensor::Ones({2, 3}, DType::kInt32), Tensor::Ones({3, 5})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected float32 inputs; received int32 and float32.")));
  EXPECT_THAT(MatMulShape(Shape({2, 3}), Shape({4, 5})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
  EXPECT_THAT(MatMulSumToBatch(Tensor::Ones({2, 4, 3}), Tensor::Ones({2, 3, 5}), Shape({3})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("broadcasts to the batch dimensions (2,) of (2, 4, 3) @ "
                                 "(2, 3, 5); received (3,).")));
  EXPECT_THAT(MatMulSumToBatch(Tensor::Ones({4, 3}), Tensor::Ones({3, 5}), Shape({1})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (1,).")));
}

TEST(MatMulTest, ShapeInference) {
  STRATA_ASSERT_OK_AND_ASSIGN(Shape s, MatMulShape(Shape({7, 1, 5, 3}), Shape({4, 3, 2})));
  EXPECT_EQ(s, Shape({7, 4, 5, 2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Shape t, MatMulShape(Shape({3, 5}), Shape({2, 3}),
                                                   {.transpose_a = true, .transpose_b = true}));
  EXPECT_EQ(t, Shape({5, 2}));
}

// NOTE [ Deterministic parallelism ]: the same bits on one thread and on all of them.
TEST(MatMulTest, BitwiseIdenticalOnOneAndManyThreads) {
  struct Case {
    std::vector<int64_t> a, b;
    MatMulOptions o;
  };
  const Case cases[] = {
      {{512, 512}, {512, 512}, {}},
      {{1000, 300}, {300, 700}, {}},
      {{300, 1000}, {700, 300}, {.transpose_a = true, .transpose_b = true}},
      {{64, 4096}, {4096, 64}, {}},          // Contraction split.
      {{64, 128}, {2000, 128}, {.transpose_b = true}},  // Column split.
      {{8, 96, 128}, {8, 128, 96}, {}},      // Batched.
      {{2, 400, 64}, {64, 300}, {}},         // Folded.
  };
  if (NumThreads() < 2) GTEST_SKIP() << "needs two threads";
  for (const Case& c : cases) {
    const Tensor a = Random(Shape(c.a), 5), b = Random(Shape(c.b), 6);
    Tensor one;
    {
      ScopedThreadLimit limit(1);
      STRATA_ASSERT_OK_AND_ASSIGN(one, MatMul(a, b, c.o));
    }
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor many, MatMul(a, b, c.o));
    EXPECT_TRUE(Equal(one, many)) << Shape(c.a) << " @ " << Shape(c.b);
  }
  const Tensor x = Random({8, 300, 64}, 7), dy = Random({8, 300, 80}, 8);
  Tensor one;
  {
    ScopedThreadLimit limit(1);
    STRATA_ASSERT_OK_AND_ASSIGN(one, MatMulSumToBatch(x, dy, Shape({1}), {.transpose_a = true}));
  }
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor many,
                              MatMulSumToBatch(x, dy, Shape({1}), {.transpose_a = true}));
  EXPECT_TRUE(Equal(one, many));
}

}  // namespace
}  // namespace strata::ops
