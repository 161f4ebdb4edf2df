// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/gather.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "tensor/kernels/gather.h"

namespace strata::ops {
namespace {

absl::Status CheckIndexDType(absl::string_view op, const Tensor& indices) {
  if (indices.dtype() != DType::kInt32 && indices.dtype() != DType::kInt64) {
    return absl::InvalidArgumentError(absl::StrCat(
        op, ": expected int32 or int64 indices; received ", DTypeName(indices.dtype()), "."));
  }
  return absl::OkStatus();
}

// One pass over the indices before any kernel runs, so kernels can index without checks.
template <typename Index>
absl::Status CheckRangeImpl(absl::string_view op, const Index* indices, int64_t n, int64_t limit,
                            absl::string_view what) {
  for (int64_t i = 0; i < n; ++i) {
    if (indices[i] < 0 || indices[i] >= limit) {
      return absl::OutOfRangeError(absl::StrCat(op, ": expected indices in [0, ", limit, ") ", what,
                                                "; received ", indices[i], " at flat position ", i,
                                                " of the indices."));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckRange(absl::string_view op, const Tensor& indices, int64_t limit,
                        absl::string_view what) {
  if (indices.dtype() == DType::kInt32) {
    return CheckRangeImpl(op, indices.data<int32_t>(), indices.num_elements(), limit, what);
  }
  return CheckRangeImpl(op, indices.data<int64_t>(), indices.num_elements(), limit, what);
}

// The output shape of Gather: params.shape[:axis] + indices.shape + params.shape[axis+1:].
Shape GatherShape(const Shape& params, const Shape& indices, int axis) {
  std::vector<int64_t> dims(params.dims().begin(), params.dims().begin() + axis);
  dims.insert(dims.end(), indices.dims().begin(), indices.dims().end());
  dims.insert(dims.end(), params.dims().begin() + axis + 1, params.dims().end());
  return Shape(dims);
}

// params as [outer, axis_dim, inner] around `axis`.
struct AxisView {
  int64_t outer = 1, axis_dim = 1, inner = 1;
};

AxisView ViewAround(const Shape& shape, int axis) {
  AxisView v;
  for (int a = 0; a < axis; ++a) v.outer *= shape.dim(a);
  v.axis_dim = shape.dim(axis);
  for (int a = axis + 1; a < shape.rank(); ++a) v.inner *= shape.dim(a);
  return v;
}

}  // namespace

absl::StatusOr<Tensor> Gather(const Tensor& params, const Tensor& indices, int axis) {
  STRATA_RETURN_IF_ERROR(CheckIndexDType("Gather", indices));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, params.rank(), "Gather"));
  STRATA_RETURN_IF_ERROR(CheckRange(
      "Gather", indices, params.dim(a),
      absl::StrCat("for axis ", axis, " of params of shape ", params.shape().ToString())));
  Tensor out = Tensor::Empty(GatherShape(params.shape(), indices.shape(), a), params.dtype());
  const AxisView v = ViewAround(params.shape(), a);
  const int64_t row_bytes = v.inner * static_cast<int64_t>(DTypeSize(params.dtype()));
  if (indices.dtype() == DType::kInt32) {
    kernels::GatherRows(params.raw_data(), v.outer, v.axis_dim, row_bytes, indices.data<int32_t>(),
                        indices.num_elements(), out.raw_data());
  } else {
    kernels::GatherRows(params.raw_data(), v.outer, v.axis_dim, row_bytes, indices.data<int64_t>(),
                        indices.num_elements(), out.raw_data());
  }
  return out;
}

absl::StatusOr<Tensor> GatherGrad(const Tensor& grad, const Tensor& indices,
                                  const Shape& params_shape, int axis) {
  STRATA_RETURN_IF_ERROR(CheckIndexDType("GatherGrad", indices));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, params_shape.rank(), "GatherGrad"));
  const Shape expected = GatherShape(params_shape, indices.shape(), a);
  if (grad.dtype() != DType::kFloat32 || grad.shape() != expected) {
    return absl::InvalidArgumentError(absl::StrCat(
        "GatherGrad: expected a float32 gradient of shape ", expected.ToString(), " (params ",
        params_shape.ToString(), ", indices ", indices.shape().ToString(), ", axis ", axis,
        "); received ", DTypeName(grad.dtype()), " ", grad.shape().ToString(), "."));
  }
  STRATA_RETURN_IF_ERROR(
      CheckRange("GatherGrad", indices, params_shape.dim(a),
                 absl::StrCat("for axis ", axis, " of params of shape ", params_shape.ToString())));
  Tensor out = Tensor::Empty(params_shape);
  const AxisView v = ViewAround(params_shape, a);
  if (indices.dtype() == DType::kInt32) {
    kernels::ScatterAddRows(grad.data<float>(), v.outer, indices.num_elements(), v.inner,
                            indices.data<int32_t>(), v.axis_dim, out.mutable_data<float>());
  } else {
    kernels::ScatterAddRows(grad.data<float>(), v.outer, indices.num_elements(), v.inner,
                            indices.data<int64_t>(), v.axis_dim, out.mutable_data<float>());
  }
  return out;
}

absl::StatusOr<Tensor> OneHot(const Tensor& indices, int64_t depth) {
  STRATA_RETURN_IF_ERROR(CheckIndexDType("OneHot", indices));
  if (depth <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("OneHot: expected depth > 0; received ", depth, "."));
  }
  STRATA_RETURN_IF_ERROR(CheckRange("OneHot", indices, depth, absl::StrCat("for depth ", depth)));
  std::vector<int64_t> dims = indices.shape().ToVector();
  dims.push_back(depth);
  Tensor out = Tensor::Empty(Shape(dims));
  if (indices.dtype() == DType::kInt32) {
    kernels::OneHot(indices.data<int32_t>(), indices.num_elements(), depth,
                    out.mutable_data<float>());
  } else {
    kernels::OneHot(indices.data<int64_t>(), indices.num_elements(), depth,
                    out.mutable_data<float>());
  }
  return out;
}

}  // namespace strata::ops
