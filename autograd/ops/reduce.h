// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_REDUCE_H_
#define STRATA_AUTOGRAD_OPS_REDUCE_H_

// Differentiable reductions: ops::Sum/Mean/Max/Min (tensor/ops/reduce.h) on Variables, with the
// same axes rules, keepdims and errors. Backward broadcasts the output gradient back over the
// reduced axes: unchanged for Sum, divided by the number of reduced elements for Mean. Max and
// Min route each output's gradient to one element only, the first (in row-major order within
// the reduced axes) that equals the result, so ties get no split gradient; they keep the input
// and the output for that.
//
//   STRATA_ASSIGN_OR_RETURN(Variable loss, Mean(per_example_loss));
//   STRATA_ASSIGN_OR_RETURN(Variable pooled, Max(features, {1}, /*keepdims=*/true));

#include <vector>

#include "absl/status/statusor.h"
#include "autograd/variable.h"

namespace strata::autograd {

// Sum over `axes` (empty: all).
absl::StatusOr<Variable> Sum(const Variable& x, const std::vector<int>& axes = {},
                             bool keepdims = false);
// Mean over `axes` (empty: all).
absl::StatusOr<Variable> Mean(const Variable& x, const std::vector<int>& axes = {},
                              bool keepdims = false);
// Max over `axes`; the gradient goes to the first maximal element of each reduction.
absl::StatusOr<Variable> Max(const Variable& x, const std::vector<int>& axes = {},
                             bool keepdims = false);
// Min over `axes`; the gradient goes to the first minimal element of each reduction.
absl::StatusOr<Variable> Min(const Variable& x, const std::vector<int>& axes = {},
                             bool keepdims = false);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_REDUCE_H_
