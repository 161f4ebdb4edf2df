// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_SHAPE_OPS_H_
#define STRATA_TENSOR_OPS_SHAPE_OPS_H_

// Shape and layout ops: change how elements are arranged without computing anything (Keras's
// Reshape, Permute, Flatten, Concatenate, ZeroPadding, and the slicing behind RNNs and conv
// 'same' padding). They work on every dtype.
//
// Reshape, ExpandDims, Squeeze, a Slice/SliceAxis/Split piece that is one contiguous run of the
// input, and ops that leave every element in place (a Permute that moves only size-1 axes, a
// zero Pad, a Concat or Stack of one tensor) return views that share the input's storage (NOTE [ Tensor storage
// sharing ]), so they cost no copy; everything else returns a new tensor. Axes may be negative
// (-1 is the last). Bad shapes and axes are InvalidArgument; begins/sizes past a dimension are
// OutOfRange.
//
//   STRATA_ASSIGN_OR_RETURN(Tensor nchw, ops::Permute(nhwc, {0, 3, 1, 2}));
//   STRATA_ASSIGN_OR_RETURN(Tensor padded, ops::Pad(image, {{0, 0}, {1, 1}, {1, 1}, {0, 0}}));
//   STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> gates, ops::Split(z, -1, {64, 64, 64, 64}));

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "tensor/tensor.h"

namespace strata::ops {

// x viewed with dims `dims` (same element count; one entry may be -1 and is inferred).
absl::StatusOr<Tensor> Reshape(const Tensor& x, std::vector<int64_t> dims);

// The transpose of a rank-2 tensor.
absl::StatusOr<Tensor> Transpose(const Tensor& x);

// Output axis k is x's axis perm[k] (NumPy's transpose(x, perm)); perm must be a permutation
// of the axes.
absl::StatusOr<Tensor> Permute(const Tensor& x, std::vector<int> perm);

// The box starting at `begins` with extent `sizes` (one entry per axis; a size of -1 means "to
// the end of the axis"). Requires 0 <= begin <= dim and begin + size <= dim.
absl::StatusOr<Tensor> Slice(const Tensor& x, std::vector<int64_t> begins,
                             std::vector<int64_t> sizes);

// Elements [begin, end) along `axis`, all of every other axis.
absl::StatusOr<Tensor> SliceAxis(const Tensor& x, int axis, int64_t begin, int64_t end);

// Joins tensors of one dtype whose dims agree except along `axis`.
absl::StatusOr<Tensor> Concat(absl::Span<const Tensor> xs, int axis);

// Joins tensors of one shape and dtype along a new axis `axis` (in [-(rank+1), rank]).
absl::StatusOr<Tensor> Stack(absl::Span<const Tensor> xs, int axis);

// Cuts x along `axis` into pieces of the given sizes, which must sum to the axis' dim; one
// size may be -1 and takes the rest.
absl::StatusOr<std::vector<Tensor>> Split(const Tensor& x, int axis, std::vector<int64_t> sizes);

// x with a new size-1 axis inserted at `axis` (in [-(rank+1), rank]).
absl::StatusOr<Tensor> ExpandDims(const Tensor& x, int axis);

// x without the given size-1 axes, or without every size-1 axis if `axes` is empty.
// InvalidArgument if a listed axis is not of size 1.
absl::StatusOr<Tensor> Squeeze(const Tensor& x, std::vector<int> axes = {});

// Constant padding: before_after[a] = {elements before, elements after} along axis a (both
// >= 0), filled with `value` (converted to x's dtype).
absl::StatusOr<Tensor> Pad(const Tensor& x, std::vector<std::pair<int64_t, int64_t>> before_after,
                           float value = 0.0f);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_SHAPE_OPS_H_
