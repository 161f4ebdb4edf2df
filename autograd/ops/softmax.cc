// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/softmax.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "base/status_macros.h"
#include "tensor/kernels/reduce.h"
#include "tensor/ops/softmax.h"

namespace strata::autograd {
namespace {

enum class Kind { kSoftmax, kLogSoftmax, kLogSumExp };

// The input viewed as (outer, n, inner) around the softmax axis.
struct AxisView {
  int64_t outer = 1, n = 1, inner = 1;
};

class SoftmaxFamilyNode final : public Node {
 public:
  // Keeps the output y for (log-)softmax, the input x for log-sum-exp.
  SoftmaxFamilyNode(Kind kind, absl::string_view name, const Variable& x, Tensor y, AxisView view)
      : Node({x}),
        kind_(kind),
        name_(name),
        view_(view),
        saved_(kind == Kind::kLogSumExp ? x.value() : std::move(y)) {}

  absl::string_view name() const override { return name_; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    Tensor dx = Tensor::Empty(saved_.shape());
    const float* g = grad.data<float>();
    const float* saved = saved_.data<float>();
    float* d = dx.mutable_data<float>();
    switch (kind_) {
      case Kind::kSoftmax:
        kernels::SoftmaxGrad(saved, g, view_.outer, view_.n, view_.inner, d);
        break;
      case Kind::kLogSoftmax:
        kernels::LogSoftmaxGrad(saved, g, view_.outer, view_.n, view_.inner, d);
        break;
      case Kind::kLogSumExp:
        kernels::LogSumExpGrad(saved, g, view_.outer, view_.n, view_.inner, d);
        break;
    }
    return std::vector<Tensor>{std::move(dx)};
  }

  // Moving the tensor out frees its storage here (assigning a fresh Tensor() trips g++ 12's
  // -Wuninitialized on absl::InlinedVector, a false positive).
  void ReleaseSavedTensors() override { Tensor released = std::move(saved_); }

 private:
  const Kind kind_;
  const absl::string_view name_;  // A literal.
  const AxisView view_;
  Tensor saved_;
};

absl::StatusOr<Variable> Run(const Variable& x, int axis, bool keepdims, Kind kind,
                             absl::string_view name) {
  if (!x.defined()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": expected a defined variable; received an undefined one."));
  }
  absl::StatusOr<Tensor> y = kind == Kind::kSoftmax ? ops::Softmax(x.value(), axis)
                             : kind == Kind::kLogSoftmax
                                 ? ops::LogSoftmax(x.value(), axis)
                                 : ops::LogSumExp(x.value(), axis, keepdims);
  if (!y.ok()) return y.status();
  if (!ShouldRecord({x})) return Variable(*std::move(y));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.value().rank(), name));
  AxisView view;
  for (int k = 0; k < x.value().rank(); ++k) {
    const int64_t d = x.value().dim(k);
    if (k < a) view.outer *= d;
    if (k == a) view.n = d;
    if (k > a) view.inner *= d;
  }
  auto node = std::make_shared<SoftmaxFamilyNode>(kind, name, x, *y, view);
  return Variable::FromNode(*std::move(y), std::move(node));
}

}  // namespace

absl::StatusOr<Variable> Softmax(const Variable& x, int axis) {
  return Run(x, axis, false, Kind::kSoftmax, "Softmax");
}

absl::StatusOr<Variable> LogSoftmax(const Variable& x, int axis) {
  return Run(x, axis, false, Kind::kLogSoftmax, "LogSoftmax");
}

absl::StatusOr<Variable> LogSumExp(const Variable& x, int axis, bool keepdims) {
  return Run(x, axis, keepdims, Kind::kLogSumExp, "LogSumExp");
}

}  // namespace strata::autograd
