// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_ELEMENTWISE_H_
#define STRATA_AUTOGRAD_OPS_ELEMENTWISE_H_

// Differentiable elementwise ops on Variables: the ops of tensor/ops/elementwise.h, with the
// same names, shapes, dtypes and errors, recording a backward node when an input requires grad.
//
// Broadcasting: the gradient of a broadcast input is summed back to that input's shape with
// ops::SumToShape (so a (10,) bias added to (64, 10) rows gets the sum over the 64 rows).
//
// Conventions at points where the derivative is not defined:
//   Maximum/Minimum: at ties (a == b) the gradient is split evenly, half to each input (as in
//     PyTorch), so both shares always add up to the incoming gradient.
//   Abs: gradient 0 at x == 0. Clip: gradient 1 on the closed interval [min, max], 0 outside.
//   Sqrt/Rsqrt/Log/PowScalar at 0: whatever IEEE gives (inf or NaN), as the math says.
//
//   Variable w(Tensor::Ones({10}), /*requires_grad=*/true);
//   STRATA_ASSIGN_OR_RETURN(Variable y, Add(x, w));          // (64, 10) + (10,)
//   STRATA_ASSIGN_OR_RETURN(Variable r, Maximum(y, Variable(Tensor::Scalar(0))));
//   STRATA_ASSIGN_OR_RETURN(Variable loss, SumToShape(r, Shape()));
//   STRATA_RETURN_IF_ERROR(loss.Backward());                 // w.grad() has shape (10,)

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

namespace strata::autograd {

// ---- Binary, with NumPy broadcasting (see ops:: for dtypes). ----

// a + b. da = g, db = g (each summed to its input's shape).
absl::StatusOr<Variable> Add(const Variable& a, const Variable& b);
// a - b. da = g, db = -g.
absl::StatusOr<Variable> Subtract(const Variable& a, const Variable& b);
// a * b. da = g * b, db = g * a.
absl::StatusOr<Variable> Multiply(const Variable& a, const Variable& b);
// a / b. da = g / b, db = -g * a / b^2.
absl::StatusOr<Variable> Divide(const Variable& a, const Variable& b);
// max(a, b). The larger input gets g; ties split it half and half.
absl::StatusOr<Variable> Maximum(const Variable& a, const Variable& b);
// min(a, b). The smaller input gets g; ties split it half and half.
absl::StatusOr<Variable> Minimum(const Variable& a, const Variable& b);

// ---- Unary, float32. ----

// -x.
absl::StatusOr<Variable> Negate(const Variable& x);
// e^x; dx = g * e^x.
absl::StatusOr<Variable> Exp(const Variable& x);
// log(x); dx = g / x.
absl::StatusOr<Variable> Log(const Variable& x);
// sqrt(x); dx = g / (2 sqrt(x)).
absl::StatusOr<Variable> Sqrt(const Variable& x);
// 1 / sqrt(x); dx = -g / (2 x^(3/2)).
absl::StatusOr<Variable> Rsqrt(const Variable& x);
// x^2; dx = 2 x g.
absl::StatusOr<Variable> Square(const Variable& x);
// |x|; dx = sign(x) g (0 at 0).
absl::StatusOr<Variable> Abs(const Variable& x);
// x clamped to [min, max]; dx = g inside [min, max], 0 outside.
absl::StatusOr<Variable> Clip(const Variable& x, float min, float max);
// x + value; dx = g.
absl::StatusOr<Variable> AddScalar(const Variable& x, float value);
// x * value; dx = value * g.
absl::StatusOr<Variable> MulScalar(const Variable& x, float value);
// x^exponent; dx = exponent * x^(exponent - 1) * g.
absl::StatusOr<Variable> PowScalar(const Variable& x, float exponent);

// ---- Selection and broadcasting. ----

// cond != 0 ? x : y, broadcasting all three. cond is a constant float32 mask (no gradient);
// x gets g where cond holds and y gets it elsewhere.
absl::StatusOr<Variable> Where(const Tensor& cond, const Variable& x, const Variable& y);
// x broadcast to `shape`; dx = SumToShape(g, x.shape()).
absl::StatusOr<Variable> BroadcastTo(const Variable& x, const Shape& shape);
// x summed to `shape`; dx = BroadcastTo(g, x.shape()).
absl::StatusOr<Variable> SumToShape(const Variable& x, const Shape& shape);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_ELEMENTWISE_H_
