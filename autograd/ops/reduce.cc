// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/reduce.h"

#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "base/status_macros.h"
#include "tensor/kernels/reduce.h"
#include "tensor/ops/reduce.h"

namespace strata::autograd {
namespace {

// Sum and Mean: dx = scale * dy broadcast over the reduced axes.
class SumNode final : public Node {
 public:
  SumNode(const Variable& x, kernels::ReduceLayout layout, float scale, absl::string_view name)
      : Node({x}), layout_(std::move(layout)), scale_(scale), name_(name) {}

  absl::string_view name() const override { return name_; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    Tensor dx = Tensor::Empty(Shape(layout_.dims));
    kernels::BroadcastReduced(grad.data<float>(), layout_, scale_, dx.mutable_data<float>());
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  const kernels::ReduceLayout layout_;
  const float scale_;
  const absl::string_view name_;  // A literal.
};

// Max and Min: dy goes to the first element equal to the result.
class MaxMinNode final : public Node {
 public:
  MaxMinNode(const Variable& x, Tensor y, kernels::ReduceLayout layout, absl::string_view name)
      : Node({x}), x_(x.value()), y_(std::move(y)), layout_(std::move(layout)), name_(name) {}

  absl::string_view name() const override { return name_; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    Tensor dx = Tensor::Empty(x_.shape());
    kernels::MaxMinGrad(x_.data<float>(), y_.data<float>(), grad.data<float>(), layout_,
                        dx.mutable_data<float>());
    return std::vector<Tensor>{std::move(dx)};
  }

  void ReleaseSavedTensors() override { x_ = y_ = Tensor(); }

 private:
  Tensor x_, y_;
  const kernels::ReduceLayout layout_;
  const absl::string_view name_;  // A literal.
};

enum class Op { kSum, kMean, kMax, kMin };

absl::StatusOr<Variable> Reduce(const Variable& x, const std::vector<int>& axes, bool keepdims,
                                Op op, absl::string_view name) {
  if (!x.defined()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": expected a defined variable; received an undefined one."));
  }
  absl::StatusOr<Tensor> y;
  switch (op) {
    case Op::kSum:
      y = ops::Sum(x.value(), axes, keepdims);
      break;
    case Op::kMean:
      y = ops::Mean(x.value(), axes, keepdims);
      break;
    case Op::kMax:
      y = ops::Max(x.value(), axes, keepdims);
      break;
    case Op::kMin:
      y = ops::Min(x.value(), axes, keepdims);
      break;
  }
  if (!y.ok()) return y.status();
  if (!ShouldRecord({x})) return Variable(*std::move(y));
  kernels::ReduceLayout layout;
  layout.dims = x.shape().ToVector();
  STRATA_ASSIGN_OR_RETURN(layout.reduced, ops::ReductionMask(x.shape(), axes, name));
  std::shared_ptr<Node> node;
  if (op == Op::kSum || op == Op::kMean) {
    const int64_t count = kernels::ReducedCount(layout);
    const float scale = op == Op::kSum || count == 0 ? 1.0f : static_cast<float>(1.0 / count);
    node = std::make_shared<SumNode>(x, std::move(layout), scale, name);
  } else {
    node = std::make_shared<MaxMinNode>(x, *y, std::move(layout), name);
  }
  return Variable::FromNode(*std::move(y), std::move(node));
}

}  // namespace

absl::StatusOr<Variable> Sum(const Variable& x, const std::vector<int>& axes, bool keepdims) {
  return Reduce(x, axes, keepdims, Op::kSum, "Sum");
}

absl::StatusOr<Variable> Mean(const Variable& x, const std::vector<int>& axes, bool keepdims) {
  return Reduce(x, axes, keepdims, Op::kMean, "Mean");
}

absl::StatusOr<Variable> Max(const Variable& x, const std::vector<int>& axes, bool keepdims) {
  return Reduce(x, axes, keepdims, Op::kMax, "Max");
}

absl::StatusOr<Variable> Min(const Variable& x, const std::vector<int>& axes, bool keepdims) {
  return Reduce(x, axes, keepdims, Op::kMin, "Min");
}

}  // namespace strata::autograd
