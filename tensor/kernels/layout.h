// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_LAYOUT_H_
#define STRATA_TENSOR_KERNELS_LAYOUT_H_

// Data-movement kernels behind tensor/ops/shape_ops: axis permutation, box slicing, constant
// padding and concatenation of row-major arrays. They only move bytes, so they take an element
// size (4 or 8: every strata dtype) instead of a type, and they are bitwise deterministic at any
// thread count (no arithmetic at all). Callers validate shapes; the kernels only check internal
// invariants. Large copies run in parallel over output rows (NOTE [ Deterministic parallelism ]).
//
//   // NHWC -> NCHW of a float tensor of dims {n, h, w, c}:
//   const int64_t dims[] = {n, h, w, c};
//   const int perm[] = {0, 3, 1, 2};
//   kernels::Permute(in, dims, perm, 4, sizeof(float), out);

#include <cstddef>
#include <cstdint>

namespace strata::kernels {

// out = in with its axes permuted: out's axis k is in's axis perm[k], so out's dims are
// in_dims[perm[k]]. Size-1 axes are dropped and axes that stay adjacent are merged first, so
// that e.g. NHWC -> NCHW runs as a batch of blocked 2-D transposes.
void Permute(const void* in, const int64_t* in_dims, const int* perm, int rank, size_t elem_size,
             void* out);

// Copies the box [begins, begins + out_dims) of `in` (dims in_dims) into the contiguous `out`
// (dims out_dims). Requires 0 <= begins[a] and begins[a] + out_dims[a] <= in_dims[a].
void Slice(const void* in, const int64_t* in_dims, const int64_t* begins, const int64_t* out_dims,
           int rank, size_t elem_size, void* out);

// out (dims in_dims[a] + before[a] + after[a]) = `in` placed at offset `before`, every other
// element equal to *fill (one element of elem_size bytes). before/after must be >= 0.
void Pad(const void* in, const int64_t* in_dims, const int64_t* before, const int64_t* after,
         int rank, size_t elem_size, const void* fill, void* out);

// Row-wise concatenation: for each of `outer` rows, out holds row r of inputs[0] (row_bytes[0]
// bytes), then row r of inputs[1], ... This is Concat along an axis, with `outer` the product of
// the dims before it.
void ConcatRows(const void* const* inputs, const int64_t* row_bytes, int num_inputs, int64_t outer,
                void* out);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_LAYOUT_H_
