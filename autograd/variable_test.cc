// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Tests the engine with two ops defined here (tensor/ops is tested on its own), so that a bug in
// an op cannot hide a bug in the engine.
#include "autograd/variable.h"

#include <memory>
#include <utility>
#include <vector>

#include "autograd/function.h"
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

// y = a * b elementwise (same shapes).
class MulNode final : public Node {
 public:
  MulNode(Variable a, Variable b) : Node({a, b}), a_(a.value()), b_(b.value()) {}
  absl::string_view name() const override { return "TestMul"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    ++backward_calls;
    Tensor da = Tensor::Empty(g.shape()), db = Tensor::Empty(g.shape());
    for (int64_t i = 0; i < g.num_elements(); ++i) {
      da.mutable_data<float>()[i] = g.data<float>()[i] * b_.data<float>()[i];
      db.mutable_data<float>()[i] = g.data<float>()[i] * a_.data<float>()[i];
    }
    return std::vector<Tensor>{da, db};
  }
  void ReleaseSavedTensors() override { a_ = b_ = Tensor(); }
  static inline int backward_calls = 0;

 private:
  Tensor a_, b_;
};

absl::StatusOr<Variable> Mul(const Variable& a, const Variable& b) {
  Tensor y = Tensor::Empty(a.shape());
  for (int64_t i = 0; i < y.num_elements(); ++i) {
    y.mutable_data<float>()[i] = a.value().data<float>()[i] * b.value().data<float>()[i];
  }
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<MulNode>(a, b));
}

// y = sum(x), a scalar.
class SumNode final : public Node {
 public:
  explicit SumNode(Variable x) : Node({x}), shape_(x.shape()) {}
  absl::string_view name() const override { return "TestSum"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    return std::vector<Tensor>{Tensor::Full(shape_, g.data<float>()[0])};
  }

 private:
  Shape shape_;
};

absl::StatusOr<Variable> Sum(const Variable& x) {
  float total = 0;
  for (int64_t i = 0; i < x.value().num_elements(); ++i) total += x.value().data<float>()[i];
  if (!ShouldRecord({x})) return Variable(Tensor::Scalar(total));
  return Variable::FromNode(Tensor::Scalar(total), std::make_shared<SumNode>(x));
}

Tensor Vec(std::initializer_list<float> v) {
  return Tensor::FromVector<float>({static_cast<int64_t>(v.size())}, v).value();
}

TEST(VariableTest, ChainRuleThroughASharedInput) {
  Variable x(Vec({1, 2, 3}), /*requires_grad=*/true);
  // L = sum(x * x * x): x feeds two nodes, dL/dx = 3x^2.
  STRATA_ASSERT_OK_AND_ASSIGN(Variable x2, Mul(x, x));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable x3, Mul(x2, x));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable loss, Sum(x3));
  EXPECT_FALSE(loss.is_leaf());
  STRATA_ASSERT_OK(loss.Backward());
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(3, 12, 27));
}

TEST(VariableTest, GradientsAccumulateAcrossBackwardCallsUntilZeroed) {
  Variable x(Vec({1, 2}), true);
  for (int i = 0; i < 2; ++i) {
    STRATA_ASSERT_OK_AND_ASSIGN(Variable loss, Sum(x));
    STRATA_ASSERT_OK(loss.Backward());
  }
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(2, 2));
  x.ZeroGrad();
  EXPECT_FALSE(x.grad().defined());
}

TEST(VariableTest, ConstantsGetNoGradientAndRecordNothing) {
  Variable x(Vec({1, 2}), true);
  Variable c(Vec({5, 6}));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Mul(x, c));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable loss, Sum(y));
  STRATA_ASSERT_OK(loss.Backward());
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(5, 6));
  EXPECT_FALSE(c.grad().defined());
  STRATA_ASSERT_OK_AND_ASSIGN(Variable constant, Mul(c, c));
  EXPECT_TRUE(constant.is_leaf());
  EXPECT_FALSE(constant.requires_grad());
}

TEST(VariableTest, NoGradScopeRecordsNothing) {
  Variable x(Vec({1, 2}), true);
  {
    NoGradScope no_grad;
    EXPECT_FALSE(GradMode::IsEnabled());
    STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Mul(x, x));
    EXPECT_FALSE(y.requires_grad());
    EXPECT_THAT(y.Backward(Vec({1, 1})),
                StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("NoGradScope")));
  }
  EXPECT_TRUE(GradMode::IsEnabled());
}

TEST(VariableTest, SavedTensorsAreFreedAndASecondBackwardIsAnError) {
  Variable x(Vec({1, 2}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Mul(x, x));
  STRATA_ASSERT_OK_AND_ASSIGN(Variable loss, Sum(y));
  MulNode::backward_calls = 0;
  STRATA_ASSERT_OK(loss.Backward());
  EXPECT_EQ(MulNode::backward_calls, 1);
  EXPECT_THAT(loss.Backward(), StatusIs(absl::StatusCode::kFailedPrecondition,
                                        HasSubstr("already backpropagated")));
}

TEST(VariableTest, BackwardNeedsAScalarOrAMatchingGradient) {
  Variable x(Vec({1, 2}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Mul(x, x));
  EXPECT_THAT(y.Backward(), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("received shape (2,)")));
  EXPECT_THAT(y.Backward(Tensor::Ones({3})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected a float32 gradient of shape (2,); received float32 "
                                 "(3,)")));
}

TEST(VariableTest, DeepChainsDoNotOverflowTheStack) {
  Variable x(Vec({1}), true);
  Variable y = x;
  Variable one(Vec({1}));
  for (int i = 0; i < 100000; ++i) {
    STRATA_ASSERT_OK_AND_ASSIGN(y, Mul(y, one));
  }
  STRATA_ASSERT_OK(y.Backward());
  EXPECT_THAT(x.grad().ToVector<float>(), ElementsAre(1));
}

TEST(VariableTest, DetachCutsTheGraph) {
  Variable x(Vec({3}), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Mul(x, x));
  Variable d = y.Detach();
  EXPECT_TRUE(d.is_leaf());
  EXPECT_FALSE(d.requires_grad());
  EXPECT_THAT(d.value().ToVector<float>(), ElementsAre(9));
}

TEST(GradCheckTest, AcceptsACorrectGradient) {
  STRATA_EXPECT_OK(GradCheck(
      [](absl::Span<const Variable> in) -> absl::StatusOr<Variable> {
        STRATA_ASSIGN_OR_RETURN(Variable ab, Mul(in[0], in[1]));
        return Mul(ab, in[0]);
      },
      {GradCheckInput({4}, 1), GradCheckInput({4}, 2)}));
}

// y = x * x with a backward that forgets the factor 2.
class WrongSquareNode final : public Node {
 public:
  explicit WrongSquareNode(Variable x) : Node({x}), x_(x.value()) {}
  absl::string_view name() const override { return "WrongSquare"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    Tensor dx = Tensor::Empty(g.shape());
    for (int64_t i = 0; i < g.num_elements(); ++i) {
      dx.mutable_data<float>()[i] = g.data<float>()[i] * x_.data<float>()[i];
    }
    return std::vector<Tensor>{dx};
  }

 private:
  Tensor x_;
};

TEST(GradCheckTest, RejectsAWrongGradientNamingTheElement) {
  auto wrong_square = [](absl::Span<const Variable> in) -> absl::StatusOr<Variable> {
    STRATA_ASSIGN_OR_RETURN(Variable y, Mul(in[0], in[0]));
    if (!in[0].requires_grad() || !GradMode::IsEnabled()) return y;
    return Variable::FromNode(y.value(), std::make_shared<WrongSquareNode>(in[0]));
  };
  EXPECT_THAT(GradCheck(wrong_square, {GradCheckInput({3}, 7, 0.5f, 1.0f)}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("gradient of input 0 (shape (3,)) at element 0")));
}

}  // namespace
}  // namespace strata::autograd
