// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_MATMUL_H_
#define STRATA_TENSOR_OPS_MATMUL_H_

// Matrix multiplication of float32 tensors, as NumPy's matmul and Keras's ops.matmul, with
// optional transposes of the last two dimensions of either operand.
//
// Both inputs have rank >= 2. The last two dimensions multiply: op(a) is (m, k), op(b) is (k, n),
// where op transposes them when the option is set. Leading dimensions are batch dimensions and
// broadcast as in NumPy: (b, m, k) @ (k, n) -> (b, m, n) (Dense on 3-D input, computed as one
// GEMM over b*m rows), (b, m, k) @ (b, k, n) -> (b, m, n), (1, m, k) @ (b, k, n) -> (b, m, n).
// Results are bitwise identical for any thread count (NOTE [ GEMM blocking ] in
// tensor/kernels/matmul.h).
//
//   STRATA_ASSIGN_OR_RETURN(Tensor y, MatMul(x, w));                            // (64, 10)
//   STRATA_ASSIGN_OR_RETURN(Tensor dw, MatMul(x, dy, {.transpose_a = true}));   // x^T @ dy
//   STRATA_ASSIGN_OR_RETURN(Tensor scores, MatMul(q, k, {.transpose_b = true}));  // batched
//   // The gradient of w for y = MatMul(x3d, w): x3d^T @ dy3d summed over the batch, one GEMM.
//   STRATA_ASSIGN_OR_RETURN(Tensor dw3,
//                           MatMulSumToBatch(x3d, dy3d, Shape(), {.transpose_a = true}));

#include "absl/status/statusor.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

namespace strata::ops {

struct MatMulOptions {
  bool transpose_a = false;  // Multiply by a's last two dimensions swapped.
  bool transpose_b = false;  // Multiply by b's last two dimensions swapped.
};

// The shape of MatMul(a, b, options): the broadcast batch dimensions, then (m, n).
// InvalidArgument, naming both shapes, if a rank is < 2, the contraction dimensions differ, or
// the batch dimensions do not broadcast.
absl::StatusOr<Shape> MatMulShape(const Shape& a, const Shape& b, MatMulOptions options = {});

// op(a) @ op(b) over the last two dimensions, batched with broadcasting over the others.
// float32 only; errors as MatMulShape, and InvalidArgument for other dtypes.
absl::StatusOr<Tensor> MatMul(const Tensor& a, const Tensor& b, MatMulOptions options = {});

// MatMul(a, b, options) summed over its batch dimensions down to `batch_shape`, in one pass
// without materializing the unsummed product: the result has shape batch_shape + (m, n).
// `batch_shape` must broadcast to the product's batch dimensions (dimensions it lacks or has as 1
// are summed, in a fixed order). This is the gradient of a broadcast operand of MatMul; when a
// and b have equal batch dimensions, op(a) = a^T, op(b) = b and everything is summed, it is one
// GEMM over the batch (the weight gradient of Dense on 3-D input). InvalidArgument as MatMul, or
// if `batch_shape` does not broadcast to the product's batch dimensions.
absl::StatusOr<Tensor> MatMulSumToBatch(const Tensor& a, const Tensor& b, const Shape& batch_shape,
                                        MatMulOptions options = {});

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_MATMUL_H_
