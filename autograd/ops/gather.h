// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_GATHER_H_
#define STRATA_AUTOGRAD_OPS_GATHER_H_

// Differentiable Gather: slices of a Variable picked by integer indices, the op behind
// Embedding. The gradient flows to `params` only (indices are integers, constant by nature):
// ops::GatherGrad sums the output gradient's slices into a zero tensor of params' shape, with
// repeated indices accumulated in index order, so training is deterministic at any thread count.
//
//   Variable table(initial_embeddings, /*requires_grad=*/true);   // [vocab, dim]
//   STRATA_ASSIGN_OR_RETURN(Variable vectors, Gather(table, token_ids));  // [batch, seq, dim]

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "tensor/tensor.h"

namespace strata::autograd {

// ops::Gather(params.value(), indices, axis) with a gradient for params. Indices are int32 or
// int64; one outside [0, params.dim(axis)) is OutOfRange.
absl::StatusOr<Variable> Gather(const Variable& params, const Tensor& indices, int axis = 0);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_GATHER_H_
