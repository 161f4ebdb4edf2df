// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_SOFTMAX_H_
#define STRATA_TENSOR_OPS_SOFTMAX_H_

// Softmax, log-softmax and log-sum-exp of float32 tensors along one axis (negative counts from
// the end). All subtract the max along the axis before exponentiating, so they neither overflow
// nor underflow to NaN for large logits; the kernels are in tensor/kernels/reduce.h. Softmax over
// the last axis of a (batch, classes) tensor, the classifier's case, runs as one tight loop.
//
//   STRATA_ASSIGN_OR_RETURN(Tensor p, Softmax(logits));                  // rows sum to 1
//   STRATA_ASSIGN_OR_RETURN(Tensor logp, LogSoftmax(logits, /*axis=*/1));
//   STRATA_ASSIGN_OR_RETURN(Tensor lse, LogSumExp(logits, -1, /*keepdims=*/true));

#include "absl/status/statusor.h"
#include "tensor/tensor.h"

namespace strata::ops {

// exp(x) / sum(exp(x)) along `axis`; x's shape. InvalidArgument for a non-float32 tensor or a
// bad axis (a scalar has none).
absl::StatusOr<Tensor> Softmax(const Tensor& x, int axis = -1);

// x - log(sum(exp(x))) along `axis`: log(Softmax(x)) without its rounding to 0.
absl::StatusOr<Tensor> LogSoftmax(const Tensor& x, int axis = -1);

// log(sum(exp(x))) along `axis`, which is removed (kept with size 1 if `keepdims`); -inf where
// the axis is empty.
absl::StatusOr<Tensor> LogSumExp(const Tensor& x, int axis = -1, bool keepdims = false);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_SOFTMAX_H_
