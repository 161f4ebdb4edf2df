// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_GATHER_H_
#define STRATA_TENSOR_KERNELS_GATHER_H_

// Index-driven kernels behind tensor/ops/gather: gathering rows by index (Embedding's forward),
// its adjoint, a deterministic scatter-add (Embedding's backward), and one-hot encoding. Arrays
// are row-major and viewed as [outer, axis_dim, row] around the gathered axis. Indices come as
// int32 or int64 and must already be validated to lie in [0, axis_dim) (tensor/ops does it).
// Every kernel gives bitwise the same result at any thread count.
//
//   // Embedding lookup: table [vocab, dim] float32, ids int64 [n] -> out [n, dim].
//   kernels::GatherRows(table, 1, vocab, dim * sizeof(float), ids, n, out);
//   // Its gradient: d_table [vocab, dim] from d_out [n, dim].
//   kernels::ScatterAddRows(d_out, 1, n, dim, ids, vocab, d_table);

#include <cstddef>
#include <cstdint>

namespace strata::kernels {

// out[o, i, :] = params[o, indices[i], :] for o < outer, i < num_indices; rows are row_bytes
// bytes (any dtype). params is [outer, axis_dim, row]; out is [outer, num_indices, row].
void GatherRows(const void* params, int64_t outer, int64_t axis_dim, int64_t row_bytes,
                const int32_t* indices, int64_t num_indices, void* out);
void GatherRows(const void* params, int64_t outer, int64_t axis_dim, int64_t row_bytes,
                const int64_t* indices, int64_t num_indices, void* out);

// The adjoint of GatherRows for float32: out [outer, axis_dim, row_size] is overwritten with
// zeros plus, for each i in increasing order, grad[o, i, :] added into out[o, indices[i], :].
// Repeated indices accumulate in index order whatever the thread count (parallel work is split
// by destination row, never by index).
void ScatterAddRows(const float* grad, int64_t outer, int64_t num_indices, int64_t row_size,
                    const int32_t* indices, int64_t axis_dim, float* out);
void ScatterAddRows(const float* grad, int64_t outer, int64_t num_indices, int64_t row_size,
                    const int64_t* indices, int64_t axis_dim, float* out);

// out [n, depth] float32: row i is all zeros except a 1 at column indices[i].
void OneHot(const int32_t* indices, int64_t n, int64_t depth, float* out);
void OneHot(const int64_t* indices, int64_t n, int64_t depth, float* out);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_GATHER_H_
