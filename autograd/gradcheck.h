// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_GRADCHECK_H_
#define STRATA_AUTOGRAD_GRADCHECK_H_

// A finite-difference gradient checker for tests: every differentiable op and layer is checked
// with it.
//
// GradCheck reduces f's output to a scalar L = sum_k w_k * y_k with fixed pseudo-random weights
// w (so that no symmetry hides a wrong gradient), backpropagates L, and compares dL/dx_i for
// every element of every float32 input with the central difference
// (L(x + eps) - L(x - eps)) / (2 eps).
//
// NOTE [ Gradient check tolerances ]
// Ops compute in float32, so a perturbation eps changes y by about eps * |dy/dx| while float32
// rounds y to about 6e-8 * |y|: the difference quotient carries a rounding error near
// 6e-8 * |y| / eps, and a truncation error near eps^2 * |f'''| / 6. eps = 1e-2 balances both
// at ~1e-5 relative for smooth ops with values of order one; L is summed in double so the
// reduction adds no error of its own. The default tolerance, |analytic - numeric| <=
// atol + rtol * |numeric| with atol = rtol = 1e-2, is far below the size of a wrong gradient
// (a missing factor, a transposed operand) and well above float32 noise. Tests place inputs
// away from kinks (relu at 0, max ties) by at least 2 eps.
//
//   STRATA_ASSERT_OK(GradCheck(
//       [](absl::Span<const Variable> in) { return MatMul(in[0], in[1]); },
//       {RandomTensor({3, 4}), RandomTensor({4, 2})}));

#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "autograd/variable.h"
#include "tensor/tensor.h"

namespace strata::autograd {

struct GradCheckOptions {
  double epsilon = 1e-2;  // Half-width of the central difference.
  double atol = 1e-2;     // See NOTE [ Gradient check tolerances ].
  double rtol = 1e-2;
  uint64_t seed = 1234;   // For the weights w of L = sum w * y.
  // Checks at most this many elements of each tensor (spread evenly; all if 0), so that layers
  // with large weights stay fast to check.
  int64_t max_elements_per_tensor = 0;
};

// Checks the gradients of `f` at `inputs` (float32 inputs get requires_grad; int inputs are
// passed as constants). OK if every element matches; otherwise InvalidArgument naming the input,
// the element and both values.
absl::Status GradCheck(
    absl::FunctionRef<absl::StatusOr<Variable>(absl::Span<const Variable>)> f,
    const std::vector<Tensor>& inputs, const GradCheckOptions& options = {});

// Also checks the gradients of leaf `parameters` that `f` uses (a layer's weights): their
// values are perturbed in place and restored.
absl::Status GradCheck(
    absl::FunctionRef<absl::StatusOr<Variable>(absl::Span<const Variable>)> f,
    const std::vector<Tensor>& inputs, const std::vector<Variable>& parameters,
    const GradCheckOptions& options = {});

// A float32 tensor of `shape` with elements uniform in [low, high), from a fixed generator
// (tests' inputs; independent of tensor/random so that the checker does not test itself).
Tensor GradCheckInput(const Shape& shape, uint64_t seed, float low = -1.0f, float high = 1.0f);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_GRADCHECK_H_
