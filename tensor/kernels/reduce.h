// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_REDUCE_H_
#define STRATA_TENSOR_KERNELS_REDUCE_H_

// Reductions (sum, mean, max, min, argmax, argmin) and the softmax family on row-major arrays,
// with the backward kernels autograd needs. Callers validate shapes; kernels only CHECK
// internal consistency.
//
// A reduction over any set of axes is described by a ReduceLayout; its output holds one value
// per combination of the kept axes, in row-major order (the same data with or without keepdims).
// Single-axis ops (argmax, softmax) view the input as (outer, n, inner) and work along n.
//
//   kernels::ReduceLayout layout{.dims = {64, 10}, .reduced = {true, false}};
//   kernels::Sum(x, layout, out);                   // out[j] = sum_i x[i, j], 10 values
//   kernels::Softmax(x, /*outer=*/64, /*n=*/10, /*inner=*/1, y);
//
// NOTE [ Reduction order ]
// A sum is accumulated in double (int64 for integer inputs) in an order fixed by the sizes alone:
// the reduced elements of each output are cut into blocks of a size that depends only on the
// layout, each block is summed in a fixed lane pattern, and the block sums are added in block
// order. Blocks may run on different threads, so results are bitwise identical for any thread
// count, and accurate to about one float rounding for any length. Max and min propagate NaN.

#include <cstdint>
#include <vector>

namespace strata::kernels {

// The input's dimensions (row-major) and, for each, whether the reduction runs over it.
struct ReduceLayout {
  std::vector<int64_t> dims;
  std::vector<bool> reduced;  // Same length as dims.
};

// The number of reduced elements per output (the product of the reduced dims; 1 if none).
int64_t ReducedCount(const ReduceLayout& layout);
// The number of outputs (the product of the kept dims; 1 if none).
int64_t KeptCount(const ReduceLayout& layout);

// out = sum over the reduced axes (NOTE [ Reduction order ]); 0 for an empty reduction.
// Integer sums wrap around on overflow.
void Sum(const float* x, const ReduceLayout& layout, float* out);
void Sum(const int32_t* x, const ReduceLayout& layout, int32_t* out);
void Sum(const int64_t* x, const ReduceLayout& layout, int64_t* out);
// out = the same sum divided by ReducedCount(layout) before rounding (NaN if empty).
void Mean(const float* x, const ReduceLayout& layout, float* out);
// out = max / min over the reduced axes; NaN if a reduced element is NaN. The reduction must not
// be empty (checked).
void Max(const float* x, const ReduceLayout& layout, float* out);
void Min(const float* x, const ReduceLayout& layout, float* out);

// dx[e] = scale * dy[output of e]: the gradient of Sum (scale 1) and Mean (1 / count), broadcast
// back over the reduced axes. dx has the input's size.
void BroadcastReduced(const float* dy, const ReduceLayout& layout, float scale, float* dx);
// The gradient of Max/Min: dx[e] = dy[output of e] for the first element e (row-major order
// within the reduced axes) of each reduction equal to its result y (or NaN when y is), 0 for
// every other element.
void MaxMinGrad(const float* x, const float* y, const float* dy, const ReduceLayout& layout,
                float* dx);

// out[o, i] = the index along n of the largest / smallest x[o, :, i]: the first one on ties; a
// NaN counts as larger and smaller than any number (NumPy's rule). n must be > 0 (checked).
void ArgMax(const float* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);
void ArgMin(const float* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);
void ArgMax(const int32_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);
void ArgMin(const int32_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);
void ArgMax(const int64_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);
void ArgMin(const int64_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out);

// Softmax along n of an (outer, n, inner) array, shifted by the max for stability:
// y = exp(x - m) / sum(exp(x - m)).
void Softmax(const float* x, int64_t outer, int64_t n, int64_t inner, float* y);
// y = (x - m) - log(sum(exp(x - m))).
void LogSoftmax(const float* x, int64_t outer, int64_t n, int64_t inner, float* y);
// out[o, i] = m + log(sum(exp(x[o, :, i] - m))); -inf for n == 0.
void LogSumExp(const float* x, int64_t outer, int64_t n, int64_t inner, float* out);

// dx = y * (dy - sum_n(dy * y)), from the softmax output y.
void SoftmaxGrad(const float* y, const float* dy, int64_t outer, int64_t n, int64_t inner,
                 float* dx);
// dx = dy - exp(y) * sum_n(dy), from the log-softmax output y.
void LogSoftmaxGrad(const float* y, const float* dy, int64_t outer, int64_t n, int64_t inner,
                    float* dx);
// dx[o, j, i] = dy[o, i] * softmax(x)[o, j, i], from the input: recomputing the softmax is
// accurate where exp(x - lse) would inherit the rounding of a large lse.
void LogSumExpGrad(const float* x, const float* dy, int64_t outer, int64_t n, int64_t inner,
                   float* dx);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_REDUCE_H_
