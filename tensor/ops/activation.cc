// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/activation.h"

#include <array>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tensor/kernels/activation.h"
#include "tensor/ops/softmax.h"

namespace strata::ops {
namespace {

struct NamedActivation {
  absl::string_view name;
  Activation activation;
};

// Keras's names, in the enum's order; "silu" is an alias parsed but never printed.
constexpr std::array<NamedActivation, 10> kActivations = {{
    {"linear", Activation::kLinear},
    {"relu", Activation::kRelu},
    {"sigmoid", Activation::kSigmoid},
    {"tanh", Activation::kTanh},
    {"softmax", Activation::kSoftmax},
    {"elu", Activation::kElu},
    {"selu", Activation::kSelu},
    {"gelu", Activation::kGelu},
    {"softplus", Activation::kSoftplus},
    {"swish", Activation::kSwish},
}};

absl::Status CheckFloat(const Tensor& x, absl::string_view op) {
  if (!x.defined()) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected a float32 tensor; received an undefined tensor."));
  }
  if (x.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(op, ": expected a float32 tensor; received ",
                                                   DTypeName(x.dtype()), " ", x.shape().ToString(),
                                                   "."));
  }
  return absl::OkStatus();
}

// Validates x, allocates y like it and runs kernel(x, n, y): every activation but softmax has
// this shape. Kernel is a plain function pointer (one indirect call per tensor, none per element).
absl::StatusOr<Tensor> Unary(const Tensor& x, absl::string_view op,
                             void (*kernel)(const float*, int64_t, float*)) {
  STRATA_RETURN_IF_ERROR(CheckFloat(x, op));
  Tensor y = Tensor::Empty(x.shape());
  kernel(x.data<float>(), x.num_elements(), y.mutable_data<float>());
  return y;
}

}  // namespace

absl::StatusOr<Activation> ParseActivation(absl::string_view name) {
  if (name == "silu") return Activation::kSwish;
  std::string valid;
  for (const NamedActivation& entry : kActivations) {
    if (entry.name == name) return entry.activation;
    absl::StrAppend(&valid, valid.empty() ? "" : ", ", "'", entry.name, "'");
  }
  return absl::InvalidArgumentError(absl::StrCat("ParseActivation: expected one of ", valid,
                                                 " or 'silu'; received '", name, "'."));
}

absl::string_view ActivationName(Activation activation) {
  for (const NamedActivation& entry : kActivations) {
    if (entry.activation == activation) return entry.name;
  }
  return "unknown";
}

absl::StatusOr<Tensor> Relu(const Tensor& x) { return Unary(x, "Relu", &kernels::Relu); }

absl::StatusOr<Tensor> Sigmoid(const Tensor& x) { return Unary(x, "Sigmoid", &kernels::Sigmoid); }

absl::StatusOr<Tensor> Tanh(const Tensor& x) { return Unary(x, "Tanh", &kernels::Tanh); }

absl::StatusOr<Tensor> Elu(const Tensor& x, float alpha) {
  STRATA_RETURN_IF_ERROR(CheckFloat(x, "Elu"));
  Tensor y = Tensor::Empty(x.shape());
  kernels::Elu(x.data<float>(), x.num_elements(), alpha, y.mutable_data<float>());
  return y;
}

absl::StatusOr<Tensor> Selu(const Tensor& x) { return Unary(x, "Selu", &kernels::Selu); }

absl::StatusOr<Tensor> Gelu(const Tensor& x, bool approximate) {
  STRATA_RETURN_IF_ERROR(CheckFloat(x, "Gelu"));
  Tensor y = Tensor::Empty(x.shape());
  kernels::Gelu(x.data<float>(), x.num_elements(), approximate, y.mutable_data<float>());
  return y;
}

absl::StatusOr<Tensor> Softplus(const Tensor& x) {
  return Unary(x, "Softplus", &kernels::Softplus);
}

absl::StatusOr<Tensor> Swish(const Tensor& x) { return Unary(x, "Swish", &kernels::Swish); }

absl::StatusOr<Tensor> LeakyRelu(const Tensor& x, float alpha) {
  STRATA_RETURN_IF_ERROR(CheckFloat(x, "LeakyRelu"));
  Tensor y = Tensor::Empty(x.shape());
  kernels::LeakyRelu(x.data<float>(), x.num_elements(), alpha, y.mutable_data<float>());
  return y;
}

absl::StatusOr<Tensor> Activate(const Tensor& x, Activation activation) {
  switch (activation) {
    case Activation::kLinear:
      STRATA_RETURN_IF_ERROR(CheckFloat(x, "Activate"));
      return x;
    case Activation::kRelu:
      return Relu(x);
    case Activation::kSigmoid:
      return Sigmoid(x);
    case Activation::kTanh:
      return Tanh(x);
    case Activation::kSoftmax:
      return Softmax(x, -1);
    case Activation::kElu:
      return Elu(x);
    case Activation::kSelu:
      return Selu(x);
    case Activation::kGelu:
      return Gelu(x);
    case Activation::kSoftplus:
      return Softplus(x);
    case Activation::kSwish:
      return Swish(x);
  }
  return absl::InvalidArgumentError(absl::StrCat("Activate: expected a valid Activation; received ",
                                                 static_cast<int>(activation), "."));
}

}  // namespace strata::ops
