// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_ACTIVATION_H_
#define STRATA_TENSOR_OPS_ACTIVATION_H_

// Keras's activation functions on float32 tensors. Each returns a new tensor of x's shape
// (InvalidArgument for another dtype or an undefined tensor); the math is in
// tensor/kernels/activation.h and is numerically stable for any finite or infinite input.
// Layers name their activation with the Activation enum (a value, never a template parameter),
// parsed from and printed as Keras's names.
//
//   STRATA_ASSIGN_OR_RETURN(Activation act, ParseActivation("relu"));
//   STRATA_ASSIGN_OR_RETURN(Tensor y, Activate(x, act));
//   STRATA_ASSIGN_OR_RETURN(Tensor g, Gelu(x, /*approximate=*/true));
//   ActivationName(Activation::kSwish);  // "swish"

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tensor/tensor.h"

namespace strata::ops {

// The activations a layer can name (Keras's `activation=` argument).
enum class Activation {
  kLinear,
  kRelu,
  kSigmoid,
  kTanh,
  kSoftmax,
  kElu,
  kSelu,
  kGelu,
  kSoftplus,
  kSwish,
};

// Keras's name -> Activation: "linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu",
// "gelu", "softplus", "swish", and "silu" for swish. InvalidArgument naming an unknown name and
// listing the valid ones.
absl::StatusOr<Activation> ParseActivation(absl::string_view name);

// Keras's spelling of `activation` ("swish" for kSwish); round-trips through ParseActivation.
absl::string_view ActivationName(Activation activation);

// max(x, 0).
absl::StatusOr<Tensor> Relu(const Tensor& x);
// 1 / (1 + exp(-x)); no overflow for large |x|.
absl::StatusOr<Tensor> Sigmoid(const Tensor& x);
// tanh(x).
absl::StatusOr<Tensor> Tanh(const Tensor& x);
// x > 0 ? x : alpha * (exp(x) - 1).
absl::StatusOr<Tensor> Elu(const Tensor& x, float alpha = 1.0f);
// 1.0507 * Elu(x, 1.67326), the self-normalizing constants of Keras.
absl::StatusOr<Tensor> Selu(const Tensor& x);
// x * Phi(x): the exact erf form by default (Keras's default), the tanh form if `approximate`.
absl::StatusOr<Tensor> Gelu(const Tensor& x, bool approximate = false);
// log(1 + exp(x)); no overflow for large x.
absl::StatusOr<Tensor> Softplus(const Tensor& x);
// x * sigmoid(x) (SiLU).
absl::StatusOr<Tensor> Swish(const Tensor& x);
// x > 0 ? x : alpha * x; 0.3 is the default of Keras 2's LeakyReLU layer.
absl::StatusOr<Tensor> LeakyRelu(const Tensor& x, float alpha = 0.3f);

// Applies `activation` with its Keras defaults: kLinear returns x itself (shared storage, no
// copy), kSoftmax is Softmax over the last axis (InvalidArgument for a scalar).
absl::StatusOr<Tensor> Activate(const Tensor& x, Activation activation);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_ACTIVATION_H_
