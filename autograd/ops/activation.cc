// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/activation.h"

#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "autograd/ops/softmax.h"
#include "base/status_macros.h"
#include "tensor/kernels/activation.h"

namespace strata::autograd {
namespace {

// One node type serves every elementwise activation: its backward is one kernel call chosen by
// a switch per tensor (never per element), and a class per activation would only repeat it.
enum class Kind { kRelu, kLeakyRelu, kSigmoid, kTanh, kElu, kSelu, kGelu, kSoftplus, kSwish };

// Which of input and output the derivative of `kind` reads.
bool UsesInput(Kind kind) { return kind != Kind::kSigmoid && kind != Kind::kTanh; }
bool UsesOutput(Kind kind) {
  return kind == Kind::kSigmoid || kind == Kind::kTanh || kind == Kind::kElu || kind == Kind::kSelu;
}

struct Params {
  float alpha = 0.0f;        // Elu, LeakyRelu.
  bool approximate = false;  // Gelu.
};

class ActivationNode final : public Node {
 public:
  ActivationNode(Kind kind, absl::string_view name, const Variable& x, Tensor y, Params params)
      : Node({x}),
        kind_(kind),
        name_(name),
        params_(params),
        x_(UsesInput(kind) ? x.value() : Tensor()),
        y_(UsesOutput(kind) ? std::move(y) : Tensor()) {}

  absl::string_view name() const override { return name_; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    Tensor dx = Tensor::Empty(grad.shape());
    const float* g = grad.data<float>();
    const float* x = x_.defined() ? x_.data<float>() : nullptr;
    const float* y = y_.defined() ? y_.data<float>() : nullptr;
    float* d = dx.mutable_data<float>();
    const int64_t n = grad.num_elements();
    switch (kind_) {
      case Kind::kRelu:
        kernels::ReluGrad(x, g, n, d);
        break;
      case Kind::kLeakyRelu:
        kernels::LeakyReluGrad(x, g, n, params_.alpha, d);
        break;
      case Kind::kSigmoid:
        kernels::SigmoidGrad(y, g, n, d);
        break;
      case Kind::kTanh:
        kernels::TanhGrad(y, g, n, d);
        break;
      case Kind::kElu:
        kernels::EluGrad(x, y, g, n, params_.alpha, d);
        break;
      case Kind::kSelu:
        kernels::SeluGrad(x, y, g, n, d);
        break;
      case Kind::kGelu:
        kernels::GeluGrad(x, g, n, params_.approximate, d);
        break;
      case Kind::kSoftplus:
        kernels::SoftplusGrad(x, g, n, d);
        break;
      case Kind::kSwish:
        kernels::SwishGrad(x, g, n, d);
        break;
    }
    return std::vector<Tensor>{std::move(dx)};
  }

  void ReleaseSavedTensors() override { x_ = y_ = Tensor(); }

 private:
  const Kind kind_;
  const absl::string_view name_;  // A literal.
  const Params params_;
  Tensor x_, y_;  // Saved input / output, when the derivative reads them.
};

absl::Status CheckDefined(const Variable& x, absl::string_view op) {
  if (x.defined()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(op, ": expected a defined variable; received an undefined one."));
}

// Wraps the forward result `y` of activation `kind` applied to x, recording a node if needed.
absl::StatusOr<Variable> Wrap(const Variable& x, absl::StatusOr<Tensor> y, Kind kind,
                              absl::string_view name, Params params = {}) {
  if (!y.ok()) return std::move(y).status();
  if (!ShouldRecord({x})) return Variable(*std::move(y));
  Tensor value = *y;
  return Variable::FromNode(std::move(value),
                            std::make_shared<ActivationNode>(kind, name, x, *std::move(y), params));
}

}  // namespace

absl::StatusOr<Variable> Relu(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Relu"));
  return Wrap(x, ops::Relu(x.value()), Kind::kRelu, "Relu");
}

absl::StatusOr<Variable> Sigmoid(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Sigmoid"));
  return Wrap(x, ops::Sigmoid(x.value()), Kind::kSigmoid, "Sigmoid");
}

absl::StatusOr<Variable> Tanh(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Tanh"));
  return Wrap(x, ops::Tanh(x.value()), Kind::kTanh, "Tanh");
}

absl::StatusOr<Variable> Elu(const Variable& x, float alpha) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Elu"));
  return Wrap(x, ops::Elu(x.value(), alpha), Kind::kElu, "Elu", {.alpha = alpha});
}

absl::StatusOr<Variable> Selu(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Selu"));
  return Wrap(x, ops::Selu(x.value()), Kind::kSelu, "Selu");
}

absl::StatusOr<Variable> Gelu(const Variable& x, bool approximate) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Gelu"));
  return Wrap(x, ops::Gelu(x.value(), approximate), Kind::kGelu, "Gelu",
              {.approximate = approximate});
}

absl::StatusOr<Variable> Softplus(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Softplus"));
  return Wrap(x, ops::Softplus(x.value()), Kind::kSoftplus, "Softplus");
}

absl::StatusOr<Variable> Swish(const Variable& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "Swish"));
  return Wrap(x, ops::Swish(x.value()), Kind::kSwish, "Swish");
}

absl::StatusOr<Variable> LeakyRelu(const Variable& x, float alpha) {
  STRATA_RETURN_IF_ERROR(CheckDefined(x, "LeakyRelu"));
  return Wrap(x, ops::LeakyRelu(x.value(), alpha), Kind::kLeakyRelu, "LeakyRelu", {.alpha = alpha});
}

absl::StatusOr<Variable> Activate(const Variable& x, ops::Activation activation) {
  switch (activation) {
    case ops::Activation::kLinear:
      STRATA_RETURN_IF_ERROR(CheckDefined(x, "Activate"));
      // Validates the dtype like ops::Activate; the variable itself passes through.
      STRATA_RETURN_IF_ERROR(ops::Activate(x.value(), activation).status());
      return x;
    case ops::Activation::kRelu:
      return Relu(x);
    case ops::Activation::kSigmoid:
      return Sigmoid(x);
    case ops::Activation::kTanh:
      return Tanh(x);
    case ops::Activation::kSoftmax:
      return Softmax(x, -1);
    case ops::Activation::kElu:
      return Elu(x);
    case ops::Activation::kSelu:
      return Selu(x);
    case ops::Activation::kGelu:
      return Gelu(x);
    case ops::Activation::kSoftplus:
      return Softplus(x);
    case ops::Activation::kSwish:
      return Swish(x);
  }
  return absl::InvalidArgumentError(absl::StrCat("Activate: expected a valid Activation; received ",
                                                 static_cast<int>(activation), "."));
}

}  // namespace strata::autograd
