// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/elementwise.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
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

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

Tensor F(const Shape& shape, std::initializer_list<float> values) {
  return Tensor::FromVector<float>(shape, values).value();
}

template <typename T>
Tensor I(const Shape& shape, std::initializer_list<T> values) {
  return Tensor::FromVector<T>(shape, values).value();
}

std::vector<float> V(const absl::StatusOr<Tensor>& t) {
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? t->ToVector<float>() : std::vector<float>();
}

// Uniform floats in [low, high); with `integers`, rounded so that any sum of them is exact.
Tensor Random(const Shape& shape, uint64_t seed, float low = -2.0f, float high = 2.0f,
              bool integers = false) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<float> dist(low, high);
  Tensor t = Tensor::Empty(shape);
  float* data = t.mutable_data<float>();
  for (int64_t i = 0; i < t.num_elements(); ++i) {
    data[i] = integers ? std::round(dist(engine)) : dist(engine);
  }
  return t;
}

// The element of `t` that broadcasts to multi-index `index` of an output of rank index.size().
int64_t SourceOffset(const Shape& shape, const std::vector<int64_t>& index) {
  const int lead = static_cast<int>(index.size()) - shape.rank();
  int64_t offset = 0;
  for (int i = 0; i < shape.rank(); ++i) {
    offset = offset * shape.dim(i) + (shape.dim(i) == 1 ? 0 : index[lead + i]);
  }
  return offset;
}

// out[i] = f(a[.], b[.]) by explicit NumPy index arithmetic: the reference for the kernels.
std::vector<float> Reference(const Tensor& a, const Tensor& b, const Shape& out,
                             const std::function<float(float, float)>& f) {
  std::vector<float> result(out.num_elements());
  const std::vector<float> av = a.ToVector<float>(), bv = b.ToVector<float>();
  std::vector<int64_t> index(out.rank());
  for (int64_t flat = 0; flat < out.num_elements(); ++flat) {
    int64_t rest = flat;
    for (int i = out.rank() - 1; i >= 0; --i) {
      index[i] = rest % out.dim(i);
      rest /= out.dim(i);
    }
    result[flat] = f(av[SourceOffset(a.shape(), index)], bv[SourceOffset(b.shape(), index)]);
  }
  return result;
}

// Runs `op` with one thread and with two, and expects bitwise equal results.
void ExpectSameAtOneAndTwoThreads(const std::function<absl::StatusOr<Tensor>()>& op) {
  absl::StatusOr<Tensor> one, two;
  {
    ScopedThreadLimit limit(1);
    one = op();
  }
  {
    ScopedThreadLimit limit(2);
    two = op();
  }
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_TRUE(strata::Equal(*one, *two));
}

// ---- Binary arithmetic ----

TEST(ElementwiseTest, AddSameShape) {
  EXPECT_THAT(V(Add(F({2, 2}, {1, 2, 3, 4}), F({2, 2}, {10, 20, 30, 40}))),
              ElementsAre(11, 22, 33, 44));
}

TEST(ElementwiseTest, AddRowBroadcastAddsTheBiasToEveryRow) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Add(F({2, 3}, {1, 2, 3, 4, 5, 6}), F({3}, {10, 20, 30})));
  EXPECT_EQ(y.shape(), Shape({2, 3}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(11, 22, 33, 14, 25, 36));
  // The bias on the left too.
  EXPECT_THAT(V(Subtract(F({3}, {10, 20, 30}), F({2, 3}, {1, 2, 3, 4, 5, 6}))),
              ElementsAre(9, 18, 27, 6, 15, 24));
}

TEST(ElementwiseTest, ScalarOperandOnEitherSide) {
  EXPECT_THAT(V(Multiply(F({3}, {1, 2, 3}), Tensor::Scalar(2))), ElementsAre(2, 4, 6));
  EXPECT_THAT(V(Subtract(Tensor::Scalar(1), F({3}, {1, 2, 3}))), ElementsAre(0, -1, -2));
  EXPECT_THAT(V(Divide(F({1, 1}, {6}), F({2}, {2, 3}))), ElementsAre(3, 2));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor s, Add(Tensor::Scalar(1), Tensor::Scalar(2)));
  EXPECT_EQ(s.shape(), Shape());
  EXPECT_THAT(s.ToVector<float>(), ElementsAre(3));
}

TEST(ElementwiseTest, ColumnAndOuterBroadcasts) {
  // (2, 3) / (2, 1): each row by its own value.
  EXPECT_THAT(V(Divide(F({2, 3}, {2, 4, 6, 3, 6, 9}), F({2, 1}, {2, 3}))),
              ElementsAre(1, 2, 3, 1, 2, 3));
  // (2, 1) - (1, 3): an outer difference.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor d, Subtract(F({2, 1}, {10, 20}), F({1, 3}, {1, 2, 3})));
  EXPECT_EQ(d.shape(), Shape({2, 3}));
  EXPECT_THAT(d.ToVector<float>(), ElementsAre(9, 8, 7, 19, 18, 17));
}

TEST(ElementwiseTest, MixedBroadcastsMatchIndexArithmetic) {
  struct Case {
    Shape a, b;
  };
  // Alternating broadcast patterns, size-1 dims, and sizes past one parallel chunk (1 << 15)
  // so chunks start in the middle of rows.
  const std::vector<Case> cases = {
      {{2, 1, 3}, {1, 4, 1}},
      {{3, 1, 4, 1, 5}, {2, 1, 3, 1}},
      {{1, 1, 7}, {5, 1}},
      {{300, 7, 50}, {7, 1}},
      {{1, 50}, {3001, 1}},
      {{257, 129}, {129}},
      {{5, 1, 1, 9}, {5, 6, 7, 1}},
      {{40000}, {1}},
      {{1}, {40000}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.a.ToString() + " and " + c.b.ToString());
    const Tensor a = Random(c.a, 1), b = Random(c.b, 2);
    STRATA_ASSERT_OK_AND_ASSIGN(Shape out, BroadcastShapes(c.a, c.b, "test"));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor sum, Add(a, b));
    EXPECT_EQ(sum.ToVector<float>(), Reference(a, b, out, std::plus<float>()));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor diff, Subtract(b, a));
    EXPECT_EQ(diff.ToVector<float>(), Reference(b, a, out, std::minus<float>()));
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor less, Less(a, b));
    EXPECT_EQ(less.ToVector<float>(),
              Reference(a, b, out, [](float x, float y) { return x < y ? 1.0f : 0.0f; }));
  }
}

TEST(ElementwiseTest, MultiplyDivideMaximumMinimum) {
  const Tensor a = F({4}, {1, -2, 3, 5});
  const Tensor b = F({4}, {2, 2, -3, 5});
  EXPECT_THAT(V(Multiply(a, b)), ElementsAre(2, -4, -9, 25));
  EXPECT_THAT(V(Divide(a, b)), ElementsAre(0.5, -1, -1, 1));
  EXPECT_THAT(V(Maximum(a, b)), ElementsAre(2, 2, 3, 5));
  EXPECT_THAT(V(Minimum(a, b)), ElementsAre(1, -2, -3, 5));
  // Maximum(x, 0) is relu.
  EXPECT_THAT(V(Maximum(a, Tensor::Scalar(0))), ElementsAre(1, 0, 3, 5));
}

TEST(ElementwiseTest, MaximumAndMinimumPropagateNan) {
  const Tensor a = F({3}, {kNan, 1, kNan});
  const Tensor b = F({3}, {1, kNan, kNan});
  for (const auto& t : {Maximum(a, b), Minimum(a, b), Maximum(b, a), Minimum(b, a)}) {
    for (float v : V(t)) EXPECT_TRUE(std::isnan(v));
  }
}

TEST(ElementwiseTest, DivideByZeroFollowsIeee) {
  const std::vector<float> q = V(Divide(F({3}, {1, -1, 0}), Tensor::Scalar(0)));
  EXPECT_EQ(q[0], kInf);
  EXPECT_EQ(q[1], -kInf);
  EXPECT_TRUE(std::isnan(q[2]));
}

TEST(ElementwiseTest, IntegerArithmeticWithBroadcasting) {
  const Tensor a = I<int32_t>({2, 2}, {1, 2, 3, 4});
  const Tensor b = I<int32_t>({2}, {10, -1});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor sum, Add(a, b));
  EXPECT_EQ(sum.dtype(), DType::kInt32);
  EXPECT_THAT(sum.ToVector<int32_t>(), ElementsAre(11, 1, 13, 3));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor diff, Subtract(a, b));
  EXPECT_THAT(diff.ToVector<int32_t>(), ElementsAre(-9, 3, -7, 5));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor product, Multiply(a, b));
  EXPECT_THAT(product.ToVector<int32_t>(), ElementsAre(10, -2, 30, -4));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor max, Maximum(a, b));
  EXPECT_THAT(max.ToVector<int32_t>(), ElementsAre(10, 2, 10, 4));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor min, Minimum(a, b));
  EXPECT_THAT(min.ToVector<int32_t>(), ElementsAre(1, -1, 3, -1));

  const int64_t big = std::numeric_limits<int64_t>::max();
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor wrapped, Add(I<int64_t>({2}, {big, 5}), I<int64_t>({}, {1})));
  EXPECT_EQ(wrapped.dtype(), DType::kInt64);
  EXPECT_THAT(wrapped.ToVector<int64_t>(), ElementsAre(std::numeric_limits<int64_t>::min(), 6));
}

TEST(ElementwiseTest, BinaryErrorsNameTheOpAndWhatItReceived) {
  EXPECT_THAT(Add(Tensor::Ones({2, 3}), Tensor::Ones({4})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Add: expected shapes that broadcast together; received (2, 3) "
                                 "and (4,)")));
  EXPECT_THAT(Multiply(Tensor::Ones({2}), Tensor::Ones({2}, DType::kInt32)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Multiply: expected operands of the same dtype; received "
                                 "float32 and int32.")));
  EXPECT_THAT(Divide(Tensor::Ones({2}, DType::kInt64), Tensor::Ones({2}, DType::kInt64)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Divide: expected float32 operands; received int64 and int64.")));
  EXPECT_THAT(Maximum(Tensor(), Tensor::Ones({2})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received an undefined")));
}

TEST(ElementwiseTest, EmptyTensorsBroadcast) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Add(Tensor::Ones({0, 3}), Tensor::Ones({3})));
  EXPECT_EQ(y.shape(), Shape({0, 3}));
}

// ---- Unary ----

TEST(ElementwiseTest, UnaryValues) {
  const Tensor x = F({4}, {4, 1, 0.25, 9});
  EXPECT_THAT(V(Negate(x)), ElementsAre(-4, -1, -0.25, -9));
  EXPECT_THAT(V(Sqrt(x)), ElementsAre(2, 1, 0.5, 3));
  EXPECT_THAT(V(Rsqrt(x)), ElementsAre(0.5, 1, 2, 1.0f / 3.0f));
  EXPECT_THAT(V(Square(x)), ElementsAre(16, 1, 0.0625, 81));
  EXPECT_THAT(V(Reciprocal(x)), ElementsAre(0.25, 1, 4, 1.0f / 9.0f));
  EXPECT_THAT(V(Abs(F({3}, {-2, 0, 3}))), ElementsAre(2, 0, 3));
  const std::vector<float> sign = V(Sign(F({5}, {-2, 0, 3, -0.0f, kNan})));
  EXPECT_THAT(std::vector<float>(sign.begin(), sign.begin() + 4), ElementsAre(-1, 0, 1, 0));
  EXPECT_TRUE(std::signbit(sign[3]));
  EXPECT_TRUE(std::isnan(sign[4]));
}

TEST(ElementwiseTest, ExpAndLogAreAccurateAndHandleSpecialValues) {
  const Tensor x = Random({1000}, 3, -20.0f, 20.0f);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor e, Exp(x));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor l, Log(e));
  for (int64_t i = 0; i < x.num_elements(); ++i) {
    const float v = x.data<float>()[i];
    EXPECT_NEAR(e.data<float>()[i], std::exp(v), 4e-7 * std::exp(v)) << v;
    EXPECT_NEAR(l.data<float>()[i], v, 1e-5) << v;
  }
  EXPECT_THAT(V(Exp(F({2}, {0, 1}))), ElementsAre(1, ::testing::FloatEq(std::exp(1.0f))));
  const std::vector<float> special = V(Exp(F({4}, {kInf, -kInf, 100, kNan})));
  EXPECT_EQ(special[0], kInf);
  EXPECT_EQ(special[1], 0);
  EXPECT_EQ(special[2], kInf);
  EXPECT_TRUE(std::isnan(special[3]));
  const std::vector<float> logs = V(Log(F({4}, {0, -1, kInf, kNan})));
  EXPECT_EQ(logs[0], -kInf);
  EXPECT_TRUE(std::isnan(logs[1]));
  EXPECT_EQ(logs[2], kInf);
  EXPECT_TRUE(std::isnan(logs[3]));
}

TEST(ElementwiseTest, ResultsDoNotDependOnPositionInTheVectorLoop) {
  // 37 elements: full packets and a tail, which must compute the same bits.
  const Tensor x = Tensor::Full({37}, 0.3);
  for (const auto& y : {Exp(x), Log(x), Sqrt(x), Rsqrt(x), PowScalar(x, 1.7f)}) {
    const std::vector<float> v = V(y);
    for (float e : v) EXPECT_EQ(e, v[0]);
  }
}

TEST(ElementwiseTest, ClipAndScalarForms) {
  const Tensor x = F({5}, {-2, -1, 0, 1, 2});
  EXPECT_THAT(V(Clip(x, -1, 1.5)), ElementsAre(-1, -1, 0, 1, 1.5));
  EXPECT_TRUE(std::isnan(V(Clip(F({1}, {kNan}), 0, 1))[0]));
  EXPECT_THAT(V(AddScalar(x, 0.5)), ElementsAre(-1.5, -0.5, 0.5, 1.5, 2.5));
  EXPECT_THAT(V(MulScalar(x, -3)), ElementsAre(6, 3, 0, -3, -6));
  const Tensor p = F({3}, {4, 1, 0.25});
  EXPECT_THAT(V(PowScalar(p, 2)), ElementsAre(16, 1, 0.0625));
  EXPECT_THAT(V(PowScalar(p, 0.5)), ElementsAre(2, 1, 0.5));
  EXPECT_THAT(V(PowScalar(p, -0.5)), ElementsAre(0.5, 1, 2));
  EXPECT_THAT(V(PowScalar(p, -1)), ElementsAre(0.25, 1, 4));
  EXPECT_THAT(V(PowScalar(p, 0)), ElementsAre(1, 1, 1));
  EXPECT_THAT(V(PowScalar(p, 1)), ElementsAre(4, 1, 0.25));
  EXPECT_THAT(V(PowScalar(p, 3)), ElementsAre(64, 1, 0.015625));
  EXPECT_THAT(V(PowScalar(p, 1.5)), ElementsAre(8, 1, 0.125));
}

TEST(ElementwiseTest, UnaryErrors) {
  const Tensor ints = Tensor::Ones({2, 2}, DType::kInt32);
  for (const auto& result : {Exp(ints), Negate(ints), Sign(ints), AddScalar(ints, 1),
                             PowScalar(ints, 2), Clip(ints, 0, 1)}) {
    EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument,
                                 HasSubstr("expected a float32 tensor; received int32 (2, 2).")));
  }
  EXPECT_THAT(Clip(Tensor::Ones({2}), 2, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Clip: expected min <= max; received min=2 and max=1.")));
  EXPECT_THAT(Clip(Tensor::Ones({2}), kNan, 1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
}

// ---- Comparisons ----

TEST(ElementwiseTest, ComparisonsAreFloatMasksAndBroadcast) {
  const Tensor a = F({2, 3}, {1, 2, 3, 4, 5, 6});
  const Tensor b = F({3}, {2, 2, 7});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor eq, ops::Equal(a, b));
  EXPECT_EQ(eq.dtype(), DType::kFloat32);
  EXPECT_EQ(eq.shape(), Shape({2, 3}));
  EXPECT_THAT(eq.ToVector<float>(), ElementsAre(0, 1, 0, 0, 0, 0));
  EXPECT_THAT(V(NotEqual(a, b)), ElementsAre(1, 0, 1, 1, 1, 1));
  EXPECT_THAT(V(Greater(a, b)), ElementsAre(0, 0, 0, 1, 1, 0));
  EXPECT_THAT(V(GreaterEqual(a, b)), ElementsAre(0, 1, 0, 1, 1, 0));
  EXPECT_THAT(V(Less(a, b)), ElementsAre(1, 0, 1, 0, 0, 1));
  EXPECT_THAT(V(LessEqual(a, b)), ElementsAre(1, 1, 1, 0, 0, 1));
  // NaN is unequal to everything, itself included.
  EXPECT_THAT(V(ops::Equal(F({2}, {kNan, 1}), F({2}, {kNan, 1}))), ElementsAre(0, 1));
  EXPECT_THAT(V(NotEqual(F({1}, {kNan}), F({1}, {kNan}))), ElementsAre(1));
}

TEST(ElementwiseTest, ComparisonsOfIntegersGiveFloatMasks) {
  // Accuracy: predicted class ids against labels.
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor hit, ops::Equal(I<int64_t>({4}, {3, 1, 2, 0}), I<int64_t>({4}, {3, 2, 2, 1})));
  EXPECT_EQ(hit.dtype(), DType::kFloat32);
  EXPECT_THAT(hit.ToVector<float>(), ElementsAre(1, 0, 1, 0));
  EXPECT_THAT(V(Greater(I<int32_t>({3}, {-1, 0, 5}), I<int32_t>({}, {0}))), ElementsAre(0, 0, 1));
  EXPECT_THAT(Less(I<int32_t>({3}, {1, 2, 3}), I<int64_t>({3}, {1, 2, 3})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Less: expected operands of the same dtype; received int32 and "
                                 "int64.")));
  EXPECT_THAT(GreaterEqual(Tensor::Ones({2}), Tensor::Ones({3})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (2,) and (3,)")));
}

// ---- Where, BroadcastTo, SumToShape ----

TEST(ElementwiseTest, WhereSelectsAndBroadcasts) {
  const Tensor cond = F({2, 1}, {1, 0});
  const Tensor x = F({2, 3}, {1, 2, 3, 4, 5, 6});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Where(cond, x, Tensor::Scalar(-1)));
  EXPECT_EQ(y.shape(), Shape({2, 3}));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(1, 2, 3, -1, -1, -1));
  // Any nonzero (NaN included) is true; x and y broadcast too.
  EXPECT_THAT(V(Where(F({4}, {0.5, 0, kNan, -2}), F({1}, {7}), F({4}, {0, 1, 2, 3}))),
              ElementsAre(7, 1, 7, 7));
  STRATA_ASSERT_OK_AND_ASSIGN(
      Tensor ints, Where(F({3}, {1, 0, 1}), I<int64_t>({3}, {1, 2, 3}), I<int64_t>({}, {0})));
  EXPECT_EQ(ints.dtype(), DType::kInt64);
  EXPECT_THAT(ints.ToVector<int64_t>(), ElementsAre(1, 0, 3));
}

TEST(ElementwiseTest, WhereErrors) {
  EXPECT_THAT(Where(Tensor::Ones({2}, DType::kInt32), Tensor::Ones({2}), Tensor::Ones({2})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Where: expected a float32 condition (a 1.0/0.0 mask); "
                                 "received int32.")));
  EXPECT_THAT(
      Where(Tensor::Ones({2}), Tensor::Ones({2}), Tensor::Ones({2}, DType::kInt32)),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received float32 and int32.")));
  EXPECT_THAT(
      Where(Tensor::Ones({2, 1}), Tensor::Ones({3}), Tensor::Ones({4})),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (2, 1), (3,) and (4,).")));
}

TEST(ElementwiseTest, BroadcastToRepeatsAlongBroadcastDims) {
  EXPECT_THAT(V(BroadcastTo(F({3}, {1, 2, 3}), {2, 3})), ElementsAre(1, 2, 3, 1, 2, 3));
  EXPECT_THAT(V(BroadcastTo(F({2, 1}, {1, 2}), {2, 3})), ElementsAre(1, 1, 1, 2, 2, 2));
  EXPECT_THAT(V(BroadcastTo(Tensor::Scalar(5), {2, 2})), ElementsAre(5, 5, 5, 5));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ids, BroadcastTo(I<int32_t>({2}, {7, 8}), {2, 1, 2}));
  EXPECT_EQ(ids.shape(), Shape({2, 1, 2}));
  EXPECT_THAT(ids.ToVector<int32_t>(), ElementsAre(7, 8, 7, 8));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor same, BroadcastTo(F({2}, {1, 2}), {2}));
  EXPECT_THAT(same.ToVector<float>(), ElementsAre(1, 2));
  EXPECT_THAT(BroadcastTo(Tensor::Ones({2, 3}), {3, 3}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("BroadcastTo: expected a target shape that x's shape (2, 3) "
                                 "broadcasts to; received (3, 3).")));
  // Broadcasting never drops dims.
  EXPECT_THAT(BroadcastTo(Tensor::Ones({1, 3}), {3}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (3,)")));
}

TEST(ElementwiseTest, SumToShapeSumsTheBroadcastDims) {
  const Tensor x = F({2, 3}, {1, 2, 3, 4, 5, 6});
  EXPECT_THAT(V(SumToShape(x, {3})), ElementsAre(5, 7, 9));
  EXPECT_THAT(V(SumToShape(x, {1, 3})), ElementsAre(5, 7, 9));
  EXPECT_THAT(V(SumToShape(x, {2, 1})), ElementsAre(6, 15));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor total, SumToShape(x, {}));
  EXPECT_EQ(total.shape(), Shape());
  EXPECT_THAT(total.ToVector<float>(), ElementsAre(21));
  EXPECT_THAT(V(SumToShape(x, {2, 3})), ElementsAre(1, 2, 3, 4, 5, 6));
  // Summed dims on both sides of a kept one: (2, 3, 2) -> (3, 1).
  EXPECT_THAT(V(SumToShape(F({2, 3, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), {3, 1})),
              ElementsAre(1 + 2 + 7 + 8, 3 + 4 + 9 + 10, 5 + 6 + 11 + 12));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ints, SumToShape(I<int32_t>({2, 2}, {1, 2, 3, 4}), {2}));
  EXPECT_EQ(ints.dtype(), DType::kInt32);
  EXPECT_THAT(ints.ToVector<int32_t>(), ElementsAre(4, 6));
  // Nothing to sum gives zeros.
  EXPECT_THAT(V(SumToShape(Tensor::Ones({0, 3}), {3})), ElementsAre(0, 0, 0));
}

TEST(ElementwiseTest, SumToShapeIsTheAdjointOfBroadcastToOnLargeShapes) {
  // Integer-valued floats make every summation order exact, so the kernels' fixed orders can be
  // checked bitwise against a plain loop. The shapes reach every parallel strategy.
  struct Case {
    Shape x, target;
  };
  const std::vector<Case> cases = {
      {{100003}, {}},
      {{512, 300}, {300}},
      {{300, 512}, {300, 1}},
      {{40, 70, 30}, {70, 1}},
      {{7, 9000}, {1, 9000}},
      {{3, 20000, 2}, {3, 1, 2}},
      {{6, 5, 4, 3}, {5, 1, 3}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.x.ToString() + " -> " + c.target.ToString());
    const Tensor x = Random(c.x, 4, -8.0f, 8.0f, /*integers=*/true);
    STRATA_ASSERT_OK_AND_ASSIGN(Tensor sum, SumToShape(x, c.target));
    ASSERT_EQ(sum.shape(), c.target);
    std::vector<float> expected(c.target.num_elements(), 0.0f);
    std::vector<int64_t> index(c.x.rank());
    for (int64_t flat = 0; flat < x.num_elements(); ++flat) {
      int64_t rest = flat;
      for (int i = c.x.rank() - 1; i >= 0; --i) {
        index[i] = rest % c.x.dim(i);
        rest /= c.x.dim(i);
      }
      expected[SourceOffset(c.target, index)] += x.data<float>()[flat];
    }
    EXPECT_EQ(sum.ToVector<float>(), expected);
  }
}

TEST(ElementwiseTest, SumToShapeErrors) {
  EXPECT_THAT(SumToShape(Tensor::Ones({2, 3}), {4}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("SumToShape: expected a shape that broadcasts to x's shape "
                                 "(2, 3); received (4,).")));
  EXPECT_THAT(SumToShape(Tensor::Ones({3}), {2, 3}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (2, 3)")));
}

// ---- Backward helpers ----

TEST(ElementwiseTest, MaximumAndMinimumGradSplitTies) {
  const Tensor a = F({2, 2}, {1, 5, 3, 0});
  const Tensor b = F({2}, {3, 0});  // Row broadcast; a[1][0] == 3 and a[1][1] == 0 are ties.
  const Tensor g = F({2, 2}, {10, 20, 30, 40});
  EXPECT_THAT(V(MaximumGrad(g, a, b)), ElementsAre(0, 20, 15, 20));
  EXPECT_THAT(V(MaximumGrad(g, b, a)), ElementsAre(10, 0, 15, 20));
  EXPECT_THAT(V(MinimumGrad(g, a, b)), ElementsAre(10, 0, 15, 20));
  EXPECT_THAT(V(MinimumGrad(g, b, a)), ElementsAre(0, 20, 15, 20));
  EXPECT_THAT(MaximumGrad(Tensor::Ones({2}), a, b),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("MaximumGrad: expected grad of the broadcast shape (2, 2) of a "
                                 "(2, 2) and b (2,); received (2,).")));
}

// ---- Determinism ----

TEST(ElementwiseTest, LargeInputsGiveTheSameBitsAtOneAndTwoThreads) {
  const Tensor a = Random({600, 700}, 5);  // 420000 elements: 13 chunks.
  const Tensor b = Random({600, 700}, 6, 0.1f, 3.0f);
  const Tensor row = Random({700}, 7);
  const Tensor col = Random({600, 1}, 8);
  ExpectSameAtOneAndTwoThreads([&] { return Add(a, b); });
  ExpectSameAtOneAndTwoThreads([&] { return Add(a, row); });
  ExpectSameAtOneAndTwoThreads([&] { return Divide(a, col); });
  ExpectSameAtOneAndTwoThreads([&] { return Maximum(a, Tensor::Scalar(0)); });
  ExpectSameAtOneAndTwoThreads([&] { return Exp(a); });
  ExpectSameAtOneAndTwoThreads([&] { return Log(b); });
  ExpectSameAtOneAndTwoThreads([&] { return Rsqrt(b); });
  ExpectSameAtOneAndTwoThreads([&] { return PowScalar(b, 1.3f); });
  ExpectSameAtOneAndTwoThreads([&] { return Clip(a, -0.5f, 0.5f); });
  ExpectSameAtOneAndTwoThreads([&] { return GreaterEqual(a, row); });
  ExpectSameAtOneAndTwoThreads([&] { return Where(col, a, b); });
  ExpectSameAtOneAndTwoThreads([&] { return BroadcastTo(row, {600, 700}); });
  ExpectSameAtOneAndTwoThreads([&] { return MaximumGrad(b, a, row); });
  // Every SumToShape strategy, on non-integer values where the order shows in the bits.
  ExpectSameAtOneAndTwoThreads([&] { return SumToShape(a, {}); });
  ExpectSameAtOneAndTwoThreads([&] { return SumToShape(a, {700}); });
  ExpectSameAtOneAndTwoThreads([&] { return SumToShape(a, {600, 1}); });
  const Tensor c = Random({30, 200, 70}, 9);
  ExpectSameAtOneAndTwoThreads([&] { return SumToShape(c, {200, 1}); });
}

}  // namespace
}  // namespace strata::ops
