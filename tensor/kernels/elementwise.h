// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_ELEMENTWISE_H_
#define STRATA_TENSOR_KERNELS_ELEMENTWISE_H_

// Elementwise kernels: unary maps, broadcasting binary ops and comparisons, select, broadcast
// copies and their adjoint (summing to a shape), plus the backward maps autograd needs. They
// take raw contiguous row-major buffers; tensor/ops/elementwise validates shapes and dtypes
// first, so a kernel only STRATA_CHECKs its own invariants. Outputs never alias inputs.
//
// Broadcasting follows NumPy: a BroadcastDims gives the output's dims and each input's dims
// left-padded with 1s to the output's rank. Size-1 dimensions are dropped and runs of
// dimensions that broadcast alike are merged, so the same-shape, scalar-operand and
// row-broadcast (bias) cases run as flat vectorizable loops, with index arithmetic once per row.
//
// Every kernel splits its work into chunks that depend only on the sizes (ParallelFor, grain
// kElementwiseGrain), so results are bitwise the same at any thread count
// (NOTE [ Deterministic parallelism ]); inputs below one grain run inline on the calling thread.
//
//   const int64_t out[] = {64, 10}, bias[] = {1, 10};
//   kernels::Binary(kernels::BinaryOp::kAdd, {.rank = 2, .out = out, .in = {out, bias}},
//                   x_data, bias_data, y_data);

#include <cstdint>

namespace strata::kernels {

// Elements per parallel chunk: ~128 KiB of float32 per operand, large enough to amortize a
// task and small enough that a 2-core machine splits tensors of ~64 Ki elements and up.
inline constexpr int64_t kElementwiseGrain = int64_t{1} << 15;

// The shapes of a broadcasting kernel call. Pointers are borrowed for the call only.
struct BroadcastDims {
  int rank = 0;                  // The output's rank (0 for a scalar).
  const int64_t* out = nullptr;  // The output's `rank` dims.
  const int64_t* in[3] = {};     // Each input's dims padded to `rank`: out's value or 1.
};

// Binary arithmetic. kDivide is float32 only; integer ops wrap on overflow (two's complement).
// Maximum/Minimum propagate NaN, as NumPy's maximum/minimum do.
enum class BinaryOp { kAdd, kSubtract, kMultiply, kDivide, kMaximum, kMinimum };

// Comparisons; the result is 1.0f where the relation holds and 0.0f elsewhere (NaN compares
// unequal to everything).
enum class CompareOp { kEqual, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual };

// float32 unary maps. kSign maps NaN and +-0 to themselves; kExp/kLog use Eigen's vectorized
// Cephes approximations (within a few ulp) on every element, tail included.
enum class UnaryOp { kNegate, kExp, kLog, kSqrt, kRsqrt, kSquare, kAbs, kSign, kReciprocal };

// out = a (op) b with broadcasting over dims.in[0] (a) and dims.in[1] (b).
void Binary(BinaryOp op, const BroadcastDims& dims, const float* a, const float* b, float* out);
void Binary(BinaryOp op, const BroadcastDims& dims, const int32_t* a, const int32_t* b,
            int32_t* out);
void Binary(BinaryOp op, const BroadcastDims& dims, const int64_t* a, const int64_t* b,
            int64_t* out);

// out = (a (op) b) ? 1.0f : 0.0f with broadcasting, as Binary.
void Compare(CompareOp op, const BroadcastDims& dims, const float* a, const float* b, float* out);
void Compare(CompareOp op, const BroadcastDims& dims, const int32_t* a, const int32_t* b,
             float* out);
void Compare(CompareOp op, const BroadcastDims& dims, const int64_t* a, const int64_t* b,
             float* out);

// out = cond != 0 ? x : y (NaN counts as true), broadcasting cond, x and y (dims.in[0..2]).
void Where(const BroadcastDims& dims, const float* cond, const float* x, const float* y,
           float* out);
void Where(const BroadcastDims& dims, const float* cond, const int32_t* x, const int32_t* y,
           int32_t* out);
void Where(const BroadcastDims& dims, const float* cond, const int64_t* x, const int64_t* y,
           int64_t* out);

// Copies x (dims.in[0]) broadcast to dims.out.
void BroadcastTo(const BroadcastDims& dims, const float* x, float* out);
void BroadcastTo(const BroadcastDims& dims, const int32_t* x, int32_t* out);
void BroadcastTo(const BroadcastDims& dims, const int64_t* x, int64_t* out);

// The adjoint of BroadcastTo: x has the `rank` dims `x_dims`; out gets `out_dims` (padded to
// `rank`: x_dims' value or 1), each element the sum of the x elements that broadcast from it.
// Sums run in a fixed order that depends only on the shapes.
void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const float* x,
                float* out);
void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const int32_t* x,
                int32_t* out);
void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const int64_t* x,
                int64_t* out);

// out[i] = op(x[i]) for n elements.
void Unary(UnaryOp op, const float* x, float* out, int64_t n);
// out[i] = x[i] clamped to [min, max] (NaN stays NaN); requires min <= max.
void Clip(const float* x, float min, float max, float* out, int64_t n);
// out[i] = x[i] + value.
void AddScalar(const float* x, float value, float* out, int64_t n);
// out[i] = x[i] * value.
void MulScalar(const float* x, float value, float* out, int64_t n);
// out[i] = pow(x[i], exponent); exponents 0, 1, 2, 0.5, -0.5 and -1 take exact fast paths.
void PowScalar(const float* x, float exponent, float* out, int64_t n);

// Backward of Unary: dx[i] = grad[i] * op'(x[i]). `x` is the op's input and `y` its output;
// each op reads the one it needs (kExp, kSqrt, kRsqrt, kReciprocal: y; kLog, kSquare, kAbs,
// kSign: x; kNegate: neither, so both may be null). kAbs and kSign use sign(0) = 0.
void UnaryGrad(UnaryOp op, const float* x, const float* y, const float* grad, float* dx, int64_t n);
// dx[i] = min <= x[i] <= max ? grad[i] : 0.
void ClipGrad(const float* x, float min, float max, const float* grad, float* dx, int64_t n);
// dx[i] = grad[i] * exponent * pow(x[i], exponent - 1) (0 when exponent is 0).
void PowScalarGrad(const float* x, float exponent, const float* grad, float* dx, int64_t n);
// Share of Maximum(a, b)'s gradient that flows to a, shaped like the output: grad where
// a > b, grad / 2 where a == b, 0 elsewhere (b's share: swap a and b). dims.in = {grad, a, b}.
void MaximumGrad(const BroadcastDims& dims, const float* grad, const float* a, const float* b,
                 float* da);
// As MaximumGrad with a < b in place of a > b.
void MinimumGrad(const BroadcastDims& dims, const float* grad, const float* a, const float* b,
                 float* da);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_ELEMENTWISE_H_
