// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_SOFTMAX_H_
#define STRATA_AUTOGRAD_OPS_SOFTMAX_H_

// Differentiable softmax, log-softmax and log-sum-exp along one axis: ops::Softmax and friends
// (tensor/ops/softmax.h) on Variables, with the same defaults and errors. Backward works from the
// saved output: dx = y * (dy - sum(dy * y)) for softmax, dx = dy - exp(y) * sum(dy) for
// log-softmax; log-sum-exp keeps its input, dx = dy * softmax(x).
//
//   STRATA_ASSIGN_OR_RETURN(Variable logp, LogSoftmax(logits));
//   STRATA_ASSIGN_OR_RETURN(Variable attention, Softmax(scores, /*axis=*/-1));

#include "absl/status/statusor.h"
#include "autograd/variable.h"

namespace strata::autograd {

// exp(x) / sum(exp(x)) along `axis`.
absl::StatusOr<Variable> Softmax(const Variable& x, int axis = -1);
// x - log(sum(exp(x))) along `axis`.
absl::StatusOr<Variable> LogSoftmax(const Variable& x, int axis = -1);
// log(sum(exp(x))) along `axis`, which is removed unless `keepdims`.
absl::StatusOr<Variable> LogSumExp(const Variable& x, int axis = -1, bool keepdims = false);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_SOFTMAX_H_
