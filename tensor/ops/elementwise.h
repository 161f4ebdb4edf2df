// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_ELEMENTWISE_H_
#define STRATA_TENSOR_OPS_ELEMENTWISE_H_

// Elementwise operations on Tensors: arithmetic with NumPy broadcasting, unary math,
// comparisons, Where, and BroadcastTo with its adjoint SumToShape. Every op validates shapes and
// dtypes (InvalidArgument naming the op and what it received) and returns a new tensor; inputs
// are never written. Large tensors are computed in parallel with bitwise the same result at any
// thread count.
//
// Broadcasting: shapes are aligned at their last dimension and each pair of dims must be equal
// or contain a 1, as in NumPy and Keras ((64, 10) + (10,) adds a bias to every row).
//
// Masks: strata has no bool dtype, so comparisons return float32 tensors of 1.0 (true) and 0.0
// (false). They feed Multiply (masking), Mean (accuracy) and Where directly.
//
//   STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Add(x, bias));            // (64, 10) + (10,)
//   STRATA_ASSIGN_OR_RETURN(Tensor relu, ops::Maximum(y, Tensor::Scalar(0.0f)));
//   STRATA_ASSIGN_OR_RETURN(Tensor hit, ops::Equal(predicted, labels));  // 1.0 / 0.0
//   STRATA_ASSIGN_OR_RETURN(Tensor db, ops::SumToShape(dy, bias.shape()));  // (10,)
//
// Note: strata::Equal(a, b) (tensor.h) is a bool test for tests; ops::Equal is the op. Inside
// namespace strata::ops, call strata::Equal qualified (ADL would otherwise find both).

#include "absl/status/statusor.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

namespace strata::ops {

// ---- Binary arithmetic, broadcasting. Both operands must have the same dtype. ----

// a + b; float32, int32, int64 (integers wrap on overflow).
absl::StatusOr<Tensor> Add(const Tensor& a, const Tensor& b);
// a - b; float32, int32, int64.
absl::StatusOr<Tensor> Subtract(const Tensor& a, const Tensor& b);
// a * b; float32, int32, int64.
absl::StatusOr<Tensor> Multiply(const Tensor& a, const Tensor& b);
// a / b; float32 only (IEEE: x / 0 is +-inf or NaN).
absl::StatusOr<Tensor> Divide(const Tensor& a, const Tensor& b);
// The larger of a and b; float32, int32, int64. NaN propagates.
absl::StatusOr<Tensor> Maximum(const Tensor& a, const Tensor& b);
// The smaller of a and b; float32, int32, int64. NaN propagates.
absl::StatusOr<Tensor> Minimum(const Tensor& a, const Tensor& b);

// ---- Unary math, float32 only. ----

// -x.
absl::StatusOr<Tensor> Negate(const Tensor& x);
// e^x (Eigen's vectorized approximation, within a few ulp; overflows to inf).
absl::StatusOr<Tensor> Exp(const Tensor& x);
// Natural log (log(0) = -inf, log(x < 0) = NaN).
absl::StatusOr<Tensor> Log(const Tensor& x);
// Square root, correctly rounded.
absl::StatusOr<Tensor> Sqrt(const Tensor& x);
// 1 / sqrt(x), computed as a correctly rounded sqrt and a division.
absl::StatusOr<Tensor> Rsqrt(const Tensor& x);
// x * x.
absl::StatusOr<Tensor> Square(const Tensor& x);
// |x|.
absl::StatusOr<Tensor> Abs(const Tensor& x);
// -1, 0 or 1 by the sign of x (0 keeps its sign bit; NaN stays NaN).
absl::StatusOr<Tensor> Sign(const Tensor& x);
// 1 / x.
absl::StatusOr<Tensor> Reciprocal(const Tensor& x);
// x clamped to [min, max]; NaN stays NaN. InvalidArgument unless min <= max.
absl::StatusOr<Tensor> Clip(const Tensor& x, float min, float max);
// x + value.
absl::StatusOr<Tensor> AddScalar(const Tensor& x, float value);
// x * value.
absl::StatusOr<Tensor> MulScalar(const Tensor& x, float value);
// x ^ exponent (std::pow; exponents 0, 1, 2, 0.5, -0.5, -1 use x*x, sqrt, 1/x and such).
absl::StatusOr<Tensor> PowScalar(const Tensor& x, float exponent);

// ---- Comparisons, broadcasting: float32 masks of 1.0 / 0.0 (any dtype; same for both). ----

// a == b (NaN is never equal).
absl::StatusOr<Tensor> Equal(const Tensor& a, const Tensor& b);
// a != b.
absl::StatusOr<Tensor> NotEqual(const Tensor& a, const Tensor& b);
// a > b.
absl::StatusOr<Tensor> Greater(const Tensor& a, const Tensor& b);
// a >= b.
absl::StatusOr<Tensor> GreaterEqual(const Tensor& a, const Tensor& b);
// a < b.
absl::StatusOr<Tensor> Less(const Tensor& a, const Tensor& b);
// a <= b.
absl::StatusOr<Tensor> LessEqual(const Tensor& a, const Tensor& b);

// ---- Selection and broadcasting. ----

// x where cond != 0 (NaN counts as true), else y. cond is a float32 mask; x and y share a
// dtype (any); all three broadcast together.
absl::StatusOr<Tensor> Where(const Tensor& cond, const Tensor& x, const Tensor& y);
// x repeated along broadcast dims to exactly `shape`; InvalidArgument if x's shape does not
// broadcast to it. Any dtype.
absl::StatusOr<Tensor> BroadcastTo(const Tensor& x, const Shape& shape);
// The adjoint of BroadcastTo: sums x over the dims that `shape` broadcasts along, giving a
// tensor of `shape` (e.g. (64, 10) -> (10,) sums the rows; (64, 10) -> (64, 1) sums each row).
// InvalidArgument if `shape` does not broadcast to x's shape. Any dtype. Sums run in a fixed
// order that depends only on the shapes.
absl::StatusOr<Tensor> SumToShape(const Tensor& x, const Shape& shape);

// ---- Backward helpers (autograd/ops/elementwise), float32. ----

// The share of Maximum(a, b)'s gradient that flows to a, shaped like `grad` (which must have
// the broadcast shape of a and b): grad where a > b, grad / 2 where a == b (ties split evenly),
// 0 elsewhere. b's share is MaximumGrad(grad, b, a). Not yet summed to a's shape.
absl::StatusOr<Tensor> MaximumGrad(const Tensor& grad, const Tensor& a, const Tensor& b);
// As MaximumGrad, for Minimum (grad where a < b).
absl::StatusOr<Tensor> MinimumGrad(const Tensor& grad, const Tensor& a, const Tensor& b);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_ELEMENTWISE_H_
