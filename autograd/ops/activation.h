// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_ACTIVATION_H_
#define STRATA_AUTOGRAD_OPS_ACTIVATION_H_

// Differentiable activations: ops::Relu and friends (tensor/ops/activation.h) on Variables, with
// the same names, defaults and errors. When x requires grad the result records a node that keeps
// only what its derivative needs: the output for sigmoid and tanh (s' = s (1 - s),
// tanh' = 1 - tanh^2), the input for relu, leaky relu, gelu, softplus and swish, both for elu and
// selu. Relu's derivative at exactly 0 is 0, as in Keras/TF; leaky relu's is alpha.
//
//   Variable x(input, /*requires_grad=*/true);
//   STRATA_ASSIGN_OR_RETURN(Variable h, Activate(x, ops::Activation::kGelu));
//   STRATA_ASSIGN_OR_RETURN(Variable y, LeakyRelu(h, 0.2f));

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "tensor/ops/activation.h"

namespace strata::autograd {

// max(x, 0); gradient 0 for x <= 0.
absl::StatusOr<Variable> Relu(const Variable& x);
// 1 / (1 + exp(-x)).
absl::StatusOr<Variable> Sigmoid(const Variable& x);
// tanh(x).
absl::StatusOr<Variable> Tanh(const Variable& x);
// x > 0 ? x : alpha * (exp(x) - 1).
absl::StatusOr<Variable> Elu(const Variable& x, float alpha = 1.0f);
// Keras's scaled elu.
absl::StatusOr<Variable> Selu(const Variable& x);
// x * Phi(x), exact (erf) or with `approximate` the tanh form.
absl::StatusOr<Variable> Gelu(const Variable& x, bool approximate = false);
// log(1 + exp(x)).
absl::StatusOr<Variable> Softplus(const Variable& x);
// x * sigmoid(x).
absl::StatusOr<Variable> Swish(const Variable& x);
// x > 0 ? x : alpha * x.
absl::StatusOr<Variable> LeakyRelu(const Variable& x, float alpha = 0.3f);
// Dispatches on `activation` like ops::Activate: kLinear returns x itself, kSoftmax is the
// differentiable Softmax over the last axis (autograd/ops/softmax.h).
absl::StatusOr<Variable> Activate(const Variable& x, ops::Activation activation);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_ACTIVATION_H_
