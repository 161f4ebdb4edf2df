// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/elementwise.h"

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "base/status_macros.h"
#include "tensor/kernels/elementwise.h"
#include "tensor/ops/elementwise.h"

namespace strata::autograd {
namespace {

using kernels::UnaryOp;

// Drops a saved tensor. A copy of a named empty tensor, not `t = Tensor()`: g++ 12 falsely
// reports the moved-from temporary's inline shape storage as uninitialized (-Wuninitialized).
void Release(Tensor& t) {
  const Tensor empty;
  t = empty;
}

// g summed to `shape`. Without broadcasting g is passed on as is: a copy would cost a pass
// over memory on every Add of a training step, and the engine never writes into gradients.
absl::StatusOr<Tensor> ReduceTo(const Tensor& g, const Shape& shape) {
  if (g.shape() == shape) return g;
  return ops::SumToShape(g, shape);
}

// Add and Subtract: only the shapes are needed.
class AddNode final : public Node {
 public:
  AddNode(const Variable& a, const Variable& b, bool subtract)
      : Node({a, b}), a_shape_(a.shape()), b_shape_(b.shape()), subtract_(subtract) {}
  absl::string_view name() const override { return subtract_ ? "Subtract" : "Add"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    std::vector<Tensor> grads(2);
    if (NeedsInputGrad(0)) {
      STRATA_ASSIGN_OR_RETURN(grads[0], ReduceTo(g, a_shape_));
    }
    if (NeedsInputGrad(1)) {
      STRATA_ASSIGN_OR_RETURN(grads[1], ReduceTo(g, b_shape_));
      // Negating after the reduction touches fewer elements when b was broadcast.
      if (subtract_) {
        STRATA_ASSIGN_OR_RETURN(grads[1], ops::Negate(grads[1]));
      }
    }
    return grads;
  }

 private:
  Shape a_shape_, b_shape_;
  bool subtract_;
};

class MultiplyNode final : public Node {
 public:
  MultiplyNode(const Variable& a, const Variable& b) : Node({a, b}) {
    if (NeedsInputGrad(0)) b_ = b.value();
    if (NeedsInputGrad(1)) a_ = a.value();
  }
  absl::string_view name() const override { return "Multiply"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    std::vector<Tensor> grads(2);
    if (NeedsInputGrad(0)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, ops::Multiply(g, b_));
      STRATA_ASSIGN_OR_RETURN(grads[0], ReduceTo(full, inputs()[0].shape()));
    }
    if (NeedsInputGrad(1)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, ops::Multiply(g, a_));
      STRATA_ASSIGN_OR_RETURN(grads[1], ReduceTo(full, inputs()[1].shape()));
    }
    return grads;
  }
  void ReleaseSavedTensors() override {
    Release(a_);
    Release(b_);
  }

 private:
  Tensor a_, b_;
};

// d(a/b)/db = -a/b^2 = -(a/b)/b: with the saved output y = a/b, db = -(g/b) * y reuses the
// g/b that da needs.
class DivideNode final : public Node {
 public:
  DivideNode(const Variable& a, const Variable& b, Tensor y)
      : Node({a, b}), b_(b.value()), y_(NeedsInputGrad(1) ? std::move(y) : Tensor()) {}
  absl::string_view name() const override { return "Divide"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    std::vector<Tensor> grads(2);
    STRATA_ASSIGN_OR_RETURN(Tensor g_over_b, ops::Divide(g, b_));
    if (NeedsInputGrad(1)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, ops::Multiply(g_over_b, y_));
      STRATA_ASSIGN_OR_RETURN(Tensor reduced, ReduceTo(full, inputs()[1].shape()));
      STRATA_ASSIGN_OR_RETURN(grads[1], ops::Negate(reduced));
    }
    if (NeedsInputGrad(0)) {
      STRATA_ASSIGN_OR_RETURN(grads[0], ReduceTo(g_over_b, inputs()[0].shape()));
    }
    return grads;
  }
  void ReleaseSavedTensors() override {
    Release(b_);
    Release(y_);
  }

 private:
  Tensor b_, y_;
};

// Maximum and Minimum; ties split the gradient evenly (see the header).
class ExtremumNode final : public Node {
 public:
  ExtremumNode(const Variable& a, const Variable& b, bool maximum)
      : Node({a, b}), a_(a.value()), b_(b.value()), maximum_(maximum) {}
  absl::string_view name() const override { return maximum_ ? "Maximum" : "Minimum"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    auto share = maximum_ ? &ops::MaximumGrad : &ops::MinimumGrad;
    std::vector<Tensor> grads(2);
    if (NeedsInputGrad(0)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, share(g, a_, b_));
      STRATA_ASSIGN_OR_RETURN(grads[0], ReduceTo(full, a_.shape()));
    }
    if (NeedsInputGrad(1)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, share(g, b_, a_));
      STRATA_ASSIGN_OR_RETURN(grads[1], ReduceTo(full, b_.shape()));
    }
    return grads;
  }
  void ReleaseSavedTensors() override {
    Release(a_);
    Release(b_);
  }

 private:
  Tensor a_, b_;
  bool maximum_;
};

// The unary maps whose derivative is a function of x or y alone (kernels::UnaryGrad says
// which it reads). One fused pass: g * f'(.) without temporaries.
class UnaryNode final : public Node {
 public:
  UnaryNode(const Variable& x, UnaryOp op, absl::string_view name, Tensor saved_x, Tensor saved_y)
      : Node({x}), op_(op), name_(name), x_(std::move(saved_x)), y_(std::move(saved_y)) {}
  absl::string_view name() const override { return name_; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    Tensor dx = Tensor::Empty(g.shape());
    kernels::UnaryGrad(op_, x_.defined() ? x_.data<float>() : nullptr,
                       y_.defined() ? y_.data<float>() : nullptr, g.data<float>(),
                       dx.mutable_data<float>(), g.num_elements());
    return std::vector<Tensor>{std::move(dx)};
  }
  void ReleaseSavedTensors() override {
    Release(x_);
    Release(y_);
  }

 private:
  UnaryOp op_;
  absl::string_view name_;  // A literal.
  Tensor x_, y_;
};

class ClipNode final : public Node {
 public:
  ClipNode(const Variable& x, float min, float max)
      : Node({x}), x_(x.value()), min_(min), max_(max) {}
  absl::string_view name() const override { return "Clip"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    Tensor dx = Tensor::Empty(g.shape());
    kernels::ClipGrad(x_.data<float>(), min_, max_, g.data<float>(), dx.mutable_data<float>(),
                      g.num_elements());
    return std::vector<Tensor>{std::move(dx)};
  }
  void ReleaseSavedTensors() override { Release(x_); }

 private:
  Tensor x_;
  float min_, max_;
};

class PowScalarNode final : public Node {
 public:
  PowScalarNode(const Variable& x, float exponent)
      : Node({x}), x_(x.value()), exponent_(exponent) {}
  absl::string_view name() const override { return "PowScalar"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    Tensor dx = Tensor::Empty(g.shape());
    kernels::PowScalarGrad(x_.data<float>(), exponent_, g.data<float>(), dx.mutable_data<float>(),
                           g.num_elements());
    return std::vector<Tensor>{std::move(dx)};
  }
  void ReleaseSavedTensors() override { Release(x_); }

 private:
  Tensor x_;
  float exponent_;
};

// AddScalar (scale 1: the gradient passes through) and MulScalar.
class ScaleNode final : public Node {
 public:
  ScaleNode(const Variable& x, float scale, absl::string_view name)
      : Node({x}), scale_(scale), name_(name) {}
  absl::string_view name() const override { return name_; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    if (scale_ == 1.0f) return std::vector<Tensor>{g};
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::MulScalar(g, scale_));
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  float scale_;
  absl::string_view name_;  // A literal.
};

class WhereNode final : public Node {
 public:
  WhereNode(Tensor cond, const Variable& x, const Variable& y)
      : Node({x, y}), cond_(std::move(cond)) {}
  absl::string_view name() const override { return "Where"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    const Tensor zero = Tensor::Scalar(0.0f);
    std::vector<Tensor> grads(2);
    if (NeedsInputGrad(0)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, ops::Where(cond_, g, zero));
      STRATA_ASSIGN_OR_RETURN(grads[0], ReduceTo(full, inputs()[0].shape()));
    }
    if (NeedsInputGrad(1)) {
      STRATA_ASSIGN_OR_RETURN(Tensor full, ops::Where(cond_, zero, g));
      STRATA_ASSIGN_OR_RETURN(grads[1], ReduceTo(full, inputs()[1].shape()));
    }
    return grads;
  }
  void ReleaseSavedTensors() override { Release(cond_); }

 private:
  Tensor cond_;
};

class BroadcastToNode final : public Node {
 public:
  explicit BroadcastToNode(const Variable& x) : Node({x}) {}
  absl::string_view name() const override { return "BroadcastTo"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ReduceTo(g, inputs()[0].shape()));
    return std::vector<Tensor>{std::move(dx)};
  }
};

class SumToShapeNode final : public Node {
 public:
  explicit SumToShapeNode(const Variable& x) : Node({x}) {}
  absl::string_view name() const override { return "SumToShape"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    const Shape& shape = inputs()[0].shape();
    if (g.shape() == shape) return std::vector<Tensor>{g};
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::BroadcastTo(g, shape));
    return std::vector<Tensor>{std::move(dx)};
  }
};

// The forward of a unary op through UnaryNode; the node keeps x and/or y as the op needs.
absl::StatusOr<Variable> UnaryForward(const Variable& x, UnaryOp op, absl::string_view name,
                                      absl::StatusOr<Tensor> (*forward)(const Tensor&), bool save_x,
                                      bool save_y) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, forward(x.value()));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  auto node = std::make_shared<UnaryNode>(x, op, name, save_x ? x.value() : Tensor(),
                                          save_y ? y : Tensor());
  return Variable::FromNode(std::move(y), std::move(node));
}

}  // namespace

absl::StatusOr<Variable> Add(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Add(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<AddNode>(a, b, /*subtract=*/false));
}

absl::StatusOr<Variable> Subtract(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Subtract(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<AddNode>(a, b, /*subtract=*/true));
}

absl::StatusOr<Variable> Multiply(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Multiply(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<MultiplyNode>(a, b));
}

absl::StatusOr<Variable> Divide(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Divide(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  auto node = std::make_shared<DivideNode>(a, b, y);
  return Variable::FromNode(std::move(y), std::move(node));
}

absl::StatusOr<Variable> Maximum(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Maximum(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<ExtremumNode>(a, b, true));
}

absl::StatusOr<Variable> Minimum(const Variable& a, const Variable& b) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Minimum(a.value(), b.value()));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<ExtremumNode>(a, b, false));
}

absl::StatusOr<Variable> Negate(const Variable& x) {
  return UnaryForward(x, UnaryOp::kNegate, "Negate", &ops::Negate, false, false);
}
absl::StatusOr<Variable> Exp(const Variable& x) {
  return UnaryForward(x, UnaryOp::kExp, "Exp", &ops::Exp, false, true);
}
absl::StatusOr<Variable> Log(const Variable& x) {
  return UnaryForward(x, UnaryOp::kLog, "Log", &ops::Log, true, false);
}
absl::StatusOr<Variable> Sqrt(const Variable& x) {
  return UnaryForward(x, UnaryOp::kSqrt, "Sqrt", &ops::Sqrt, false, true);
}
absl::StatusOr<Variable> Rsqrt(const Variable& x) {
  return UnaryForward(x, UnaryOp::kRsqrt, "Rsqrt", &ops::Rsqrt, false, true);
}
absl::StatusOr<Variable> Square(const Variable& x) {
  return UnaryForward(x, UnaryOp::kSquare, "Square", &ops::Square, true, false);
}
absl::StatusOr<Variable> Abs(const Variable& x) {
  return UnaryForward(x, UnaryOp::kAbs, "Abs", &ops::Abs, true, false);
}

absl::StatusOr<Variable> Clip(const Variable& x, float min, float max) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Clip(x.value(), min, max));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<ClipNode>(x, min, max));
}

absl::StatusOr<Variable> AddScalar(const Variable& x, float value) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::AddScalar(x.value(), value));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<ScaleNode>(x, 1.0f, "AddScalar"));
}

absl::StatusOr<Variable> MulScalar(const Variable& x, float value) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::MulScalar(x.value(), value));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<ScaleNode>(x, value, "MulScalar"));
}

absl::StatusOr<Variable> PowScalar(const Variable& x, float exponent) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::PowScalar(x.value(), exponent));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<PowScalarNode>(x, exponent));
}

absl::StatusOr<Variable> Where(const Tensor& cond, const Variable& x, const Variable& y) {
  STRATA_ASSIGN_OR_RETURN(Tensor out, ops::Where(cond, x.value(), y.value()));
  if (!ShouldRecord({x, y})) return Variable(std::move(out));
  return Variable::FromNode(std::move(out), std::make_shared<WhereNode>(cond, x, y));
}

absl::StatusOr<Variable> BroadcastTo(const Variable& x, const Shape& shape) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::BroadcastTo(x.value(), shape));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<BroadcastToNode>(x));
}

absl::StatusOr<Variable> SumToShape(const Variable& x, const Shape& shape) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::SumToShape(x.value(), shape));
  if (!ShouldRecord({x})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<SumToShapeNode>(x));
}

}  // namespace strata::autograd
