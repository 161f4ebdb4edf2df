// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_SHAPE_OPS_H_
#define STRATA_AUTOGRAD_OPS_SHAPE_OPS_H_

// Differentiable shape and layout ops: the functions of tensor/ops/shape_ops.h on Variables,
// with the same names, arguments, errors and view semantics. Their backwards only move the
// gradient back into place: Reshape/ExpandDims/Squeeze reshape it, Permute applies the inverse
// permutation, Slice pads it with zeros, Pad slices it, Concat/Stack split it. Every op works on
// any dtype, but only float32 inputs can require grad (int inputs just pass through).
//
//   STRATA_ASSIGN_OR_RETURN(Variable flat, Reshape(x, {batch, -1}));          // Flatten
//   STRATA_ASSIGN_OR_RETURN(Variable merged, Concat({left, right}, -1));      // Concatenate
//   STRATA_ASSIGN_OR_RETURN(std::vector<Variable> gates, Split(z, -1, {h, h, h, h}));

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "autograd/variable.h"

namespace strata::autograd {

// x viewed with dims `dims` (one may be -1).
absl::StatusOr<Variable> Reshape(const Variable& x, std::vector<int64_t> dims);

// The transpose of a rank-2 variable.
absl::StatusOr<Variable> Transpose(const Variable& x);

// Output axis k is x's axis perm[k].
absl::StatusOr<Variable> Permute(const Variable& x, std::vector<int> perm);

// The box at `begins` of extent `sizes` (-1: to the end); the gradient is zero outside it.
absl::StatusOr<Variable> Slice(const Variable& x, std::vector<int64_t> begins,
                               std::vector<int64_t> sizes);

// Elements [begin, end) along `axis`.
absl::StatusOr<Variable> SliceAxis(const Variable& x, int axis, int64_t begin, int64_t end);

// Joins variables along an existing axis.
absl::StatusOr<Variable> Concat(absl::Span<const Variable> xs, int axis);

// Joins variables of one shape along a new axis.
absl::StatusOr<Variable> Stack(absl::Span<const Variable> xs, int axis);

// Cuts x into pieces along `axis` (one size may be -1). Each piece is its own node, so unused
// pieces cost nothing in backward; pieces that are used add their zero-padded gradients.
absl::StatusOr<std::vector<Variable>> Split(const Variable& x, int axis,
                                            std::vector<int64_t> sizes);

// x with a new size-1 axis at `axis`.
absl::StatusOr<Variable> ExpandDims(const Variable& x, int axis);

// x without the given size-1 axes (all of them if `axes` is empty).
absl::StatusOr<Variable> Squeeze(const Variable& x, std::vector<int> axes = {});

// Constant padding (ZeroPadding layers, conv 'same'); the padding gets no gradient.
absl::StatusOr<Variable> Pad(const Variable& x,
                             std::vector<std::pair<int64_t, int64_t>> before_after,
                             float value = 0.0f);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_SHAPE_OPS_H_
