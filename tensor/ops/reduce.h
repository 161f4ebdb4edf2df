// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_REDUCE_H_
#define STRATA_TENSOR_OPS_REDUCE_H_

// Reductions of tensors over a set of axes, as Keras's ops.sum/mean/max/min/argmax/argmin.
// `axes` may be negative (-1 is the last) and empty, which means every axis; the reduced axes are
// removed from the result, or kept with size 1 if `keepdims`. Duplicate or out-of-range axes are
// InvalidArgument. Sums are deterministic and accumulated in double in a fixed order, so the
// result is the same for any thread count (NOTE [ Reduction order ] in tensor/kernels/reduce.h).
//
//   STRATA_ASSIGN_OR_RETURN(Tensor total, Sum(x));                        // a scalar
//   STRATA_ASSIGN_OR_RETURN(Tensor col_mean, Mean(x, {0}, /*keepdims=*/true));
//   STRATA_ASSIGN_OR_RETURN(Tensor labels, ArgMax(logits));              // int64, last axis

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tensor/tensor.h"

namespace strata::ops {

// Sum over `axes`; float32, int32 or int64 (integer sums wrap on overflow); the input's dtype.
absl::StatusOr<Tensor> Sum(const Tensor& x, const std::vector<int>& axes = {},
                           bool keepdims = false);
// Sum divided by the number of reduced elements; float32 (NaN for an empty reduction).
absl::StatusOr<Tensor> Mean(const Tensor& x, const std::vector<int>& axes = {},
                            bool keepdims = false);
// Largest / smallest element over `axes`; float32; NaN if any reduced element is NaN.
// InvalidArgument if the reduced axes hold no element.
absl::StatusOr<Tensor> Max(const Tensor& x, const std::vector<int>& axes = {},
                           bool keepdims = false);
absl::StatusOr<Tensor> Min(const Tensor& x, const std::vector<int>& axes = {},
                           bool keepdims = false);

// The int64 index along `axis` (removed from the shape) of the largest / smallest element: the
// first on ties, the first NaN if any (NumPy's rule). float32, int32 or int64; InvalidArgument
// for an empty axis.
absl::StatusOr<Tensor> ArgMax(const Tensor& x, int axis = -1);
absl::StatusOr<Tensor> ArgMin(const Tensor& x, int axis = -1);

// Validates `axes` for a tensor of `shape` as the reductions above do, naming `op` in errors.
// Returns one flag per axis of `shape`: true where it is reduced (all of them for empty axes).
absl::StatusOr<std::vector<bool>> ReductionMask(const Shape& shape, const std::vector<int>& axes,
                                                absl::string_view op);

// The shape of a reduction's result: `shape` without the masked axes, or with them set to 1 if
// `keepdims`.
Shape ReducedShape(const Shape& shape, const std::vector<bool>& mask, bool keepdims);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_REDUCE_H_
