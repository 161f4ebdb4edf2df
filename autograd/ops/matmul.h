// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_MATMUL_H_
#define STRATA_AUTOGRAD_OPS_MATMUL_H_

// Differentiable matrix multiplication: ops::MatMul (tensor/ops/matmul.h) on Variables, with the
// same transposes, batch broadcasting and errors.
//
// For C = op(A) @ op(B) and an output gradient G, backward computes dA = G @ op(B)^T (stored
// transposed when transpose_a) and dB = op(A)^T @ G (likewise), each summed over the batch
// dimensions its input was broadcast along, in a fixed order, straight into a tensor of that
// input's shape (ops::MatMulSumToBatch). For Dense on 3-D input, (b, m, k) @ (k, n), both are
// single GEMMs: dA over the folded b*m rows, dB = A^T @ G with the batch in the contraction.
// The node keeps b only if a needs a gradient and a only if b does.
//
//   Variable w(GlorotUniform({784, 64}), /*requires_grad=*/true);
//   STRATA_ASSIGN_OR_RETURN(Variable y, MatMul(Variable(x), w));        // (64, 64)
//   STRATA_ASSIGN_OR_RETURN(Variable s, MatMul(q, k, {.transpose_b = true}));

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "tensor/ops/matmul.h"

namespace strata::autograd {

// op(a) @ op(b), batched with broadcasting; see ops::MatMul.
absl::StatusOr<Variable> MatMul(const Variable& a, const Variable& b,
                                ops::MatMulOptions options = {});

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_MATMUL_H_
