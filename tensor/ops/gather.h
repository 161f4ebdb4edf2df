// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_GATHER_H_
#define STRATA_TENSOR_OPS_GATHER_H_

// Index-based ops: Gather picks slices of a tensor by integer index (Embedding's lookup, taking
// the logits of the true classes), GatherGrad is its adjoint (Embedding's backward), and OneHot
// encodes class labels. Indices are int32 or int64 tensors of any shape; an index outside the
// valid range is OutOfRange naming the index and the range, never a crash.
//
//   // table: float32 [vocab, dim]; ids: int64 [batch, seq] -> [batch, seq, dim].
//   STRATA_ASSIGN_OR_RETURN(Tensor vectors, ops::Gather(table, ids));
//   STRATA_ASSIGN_OR_RETURN(Tensor d_table, ops::GatherGrad(d_vectors, ids, table.shape()));
//   STRATA_ASSIGN_OR_RETURN(Tensor targets, ops::OneHot(labels, /*depth=*/10));

#include <cstdint>

#include "absl/status/statusor.h"
#include "tensor/tensor.h"

namespace strata::ops {

// Slices of `params` (any dtype, rank >= 1) along `axis` at `indices`: the output's shape is
// params.shape[:axis] + indices.shape + params.shape[axis+1:], and its dtype is params'.
absl::StatusOr<Tensor> Gather(const Tensor& params, const Tensor& indices, int axis = 0);

// The gradient of Gather with respect to params: a float32 tensor of `params_shape`, zero
// except that each slice of `grad` (float32, shaped like Gather's output) is added at its
// index; repeated indices accumulate in index order, so the result is the same at any thread
// count.
absl::StatusOr<Tensor> GatherGrad(const Tensor& grad, const Tensor& indices,
                                  const Shape& params_shape, int axis = 0);

// float32 indices.shape + (depth,): 1 at each index, 0 elsewhere. An index outside
// [0, depth) is OutOfRange (TensorFlow would silently give an all-zero row).
absl::StatusOr<Tensor> OneHot(const Tensor& indices, int64_t depth);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_GATHER_H_
