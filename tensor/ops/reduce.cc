// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/reduce.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "tensor/kernels/reduce.h"

namespace strata::ops {
namespace {

std::string Describe(const Tensor& x) {
  if (!x.defined()) return "an undefined tensor";
  return absl::StrCat(DTypeName(x.dtype()), " ", x.shape().ToString());
}

absl::Status CheckDType(const Tensor& x, absl::string_view op, bool allow_integers) {
  if (x.defined() && (x.dtype() == DType::kFloat32 || allow_integers)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(op, ": expected a ", allow_integers ? "float32, int32 or int64" : "float32",
                   " tensor; received ", Describe(x), "."));
}

// What every reduction over axes needs: the kernel's layout and the result's shape.
struct Reduction {
  kernels::ReduceLayout layout;
  Shape shape;
};

absl::StatusOr<Reduction> Prepare(const Tensor& x, const std::vector<int>& axes, bool keepdims,
                                  absl::string_view op, bool allow_integers, bool needs_elements) {
  STRATA_RETURN_IF_ERROR(CheckDType(x, op, allow_integers));
  Reduction r;
  STRATA_ASSIGN_OR_RETURN(r.layout.reduced, ReductionMask(x.shape(), axes, op));
  r.layout.dims = x.shape().ToVector();
  if (needs_elements && kernels::ReducedCount(r.layout) == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected reduced axes holding at least one element; received shape ",
                     x.shape().ToString(), " and axes [", absl::StrJoin(axes, ", "), "]."));
  }
  r.shape = ReducedShape(x.shape(), r.layout.reduced, keepdims);
  return r;
}

// ArgMax/ArgMin: x as (outer, n, inner) around the axis.
template <bool kMax>
absl::StatusOr<Tensor> ArgReduce(const Tensor& x, int axis, absl::string_view op) {
  STRATA_RETURN_IF_ERROR(CheckDType(x, op, /*allow_integers=*/true));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.rank(), op));
  if (x.dim(a) == 0) {
    return absl::InvalidArgumentError(absl::StrCat(op, ": expected a non-empty axis; received ",
                                                   "shape ", x.shape().ToString(), " and axis ",
                                                   axis, "."));
  }
  int64_t outer = 1, inner = 1;
  for (int k = 0; k < a; ++k) outer *= x.dim(k);
  for (int k = a + 1; k < x.rank(); ++k) inner *= x.dim(k);
  std::vector<bool> mask(x.rank(), false);
  mask[a] = true;
  Tensor out = Tensor::Empty(ReducedShape(x.shape(), mask, false), DType::kInt64);
  int64_t* dst = out.mutable_data<int64_t>();
  const int64_t n = x.dim(a);
  switch (x.dtype()) {
    case DType::kFloat32:
      kMax ? kernels::ArgMax(x.data<float>(), outer, n, inner, dst)
           : kernels::ArgMin(x.data<float>(), outer, n, inner, dst);
      break;
    case DType::kInt32:
      kMax ? kernels::ArgMax(x.data<int32_t>(), outer, n, inner, dst)
           : kernels::ArgMin(x.data<int32_t>(), outer, n, inner, dst);
      break;
    case DType::kInt64:
      kMax ? kernels::ArgMax(x.data<int64_t>(), outer, n, inner, dst)
           : kernels::ArgMin(x.data<int64_t>(), outer, n, inner, dst);
      break;
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<bool>> ReductionMask(const Shape& shape, const std::vector<int>& axes,
                                                absl::string_view op) {
  std::vector<bool> mask(shape.rank(), axes.empty());
  for (int axis : axes) {
    STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, shape.rank(), op));
    if (mask[a]) {
      return absl::InvalidArgumentError(
          absl::StrCat(op, ": expected distinct axes; received [", absl::StrJoin(axes, ", "),
                       "] for a tensor of shape ", shape.ToString(), " (axis ", a, " repeats)."));
    }
    mask[a] = true;
  }
  return mask;
}

Shape ReducedShape(const Shape& shape, const std::vector<bool>& mask, bool keepdims) {
  std::vector<int64_t> dims;
  for (int k = 0; k < shape.rank(); ++k) {
    if (!mask[k]) {
      dims.push_back(shape.dim(k));
    } else if (keepdims) {
      dims.push_back(1);
    }
  }
  return Shape(dims);
}

absl::StatusOr<Tensor> Sum(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  STRATA_ASSIGN_OR_RETURN(Reduction r, Prepare(x, axes, keepdims, "Sum", true, false));
  Tensor out = Tensor::Empty(r.shape, x.dtype());
  switch (x.dtype()) {
    case DType::kFloat32:
      kernels::Sum(x.data<float>(), r.layout, out.mutable_data<float>());
      break;
    case DType::kInt32:
      kernels::Sum(x.data<int32_t>(), r.layout, out.mutable_data<int32_t>());
      break;
    case DType::kInt64:
      kernels::Sum(x.data<int64_t>(), r.layout, out.mutable_data<int64_t>());
      break;
  }
  return out;
}

absl::StatusOr<Tensor> Mean(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  STRATA_ASSIGN_OR_RETURN(Reduction r, Prepare(x, axes, keepdims, "Mean", false, false));
  Tensor out = Tensor::Empty(r.shape);
  kernels::Mean(x.data<float>(), r.layout, out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> Max(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  STRATA_ASSIGN_OR_RETURN(Reduction r, Prepare(x, axes, keepdims, "Max", false, true));
  Tensor out = Tensor::Empty(r.shape);
  kernels::Max(x.data<float>(), r.layout, out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> Min(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  STRATA_ASSIGN_OR_RETURN(Reduction r, Prepare(x, axes, keepdims, "Min", false, true));
  Tensor out = Tensor::Empty(r.shape);
  kernels::Min(x.data<float>(), r.layout, out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> ArgMax(const Tensor& x, int axis) {
  return ArgReduce<true>(x, axis, "ArgMax");
}

absl::StatusOr<Tensor> ArgMin(const Tensor& x, int axis) {
  return ArgReduce<false>(x, axis, "ArgMin");
}

}  // namespace strata::ops
