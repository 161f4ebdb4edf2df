// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/softmax.h"

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "tensor/kernels/reduce.h"

namespace strata::ops {
namespace {

// x viewed as (outer, n, inner) around the normalized axis.
struct AxisView {
  int axis;
  int64_t outer = 1, n = 1, inner = 1;
};

absl::StatusOr<AxisView> ViewAlong(const Tensor& x, int axis, absl::string_view op) {
  if (!x.defined() || x.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected a float32 tensor; received ",
                     x.defined() ? absl::StrCat(DTypeName(x.dtype()), " ", x.shape().ToString())
                                 : "an undefined tensor",
                     "."));
  }
  AxisView view;
  STRATA_ASSIGN_OR_RETURN(view.axis, NormalizeAxis(axis, x.rank(), op));
  for (int k = 0; k < x.rank(); ++k) {
    if (k < view.axis) view.outer *= x.dim(k);
    if (k == view.axis) view.n = x.dim(k);
    if (k > view.axis) view.inner *= x.dim(k);
  }
  return view;
}

}  // namespace

absl::StatusOr<Tensor> Softmax(const Tensor& x, int axis) {
  STRATA_ASSIGN_OR_RETURN(AxisView v, ViewAlong(x, axis, "Softmax"));
  Tensor y = Tensor::Empty(x.shape());
  kernels::Softmax(x.data<float>(), v.outer, v.n, v.inner, y.mutable_data<float>());
  return y;
}

absl::StatusOr<Tensor> LogSoftmax(const Tensor& x, int axis) {
  STRATA_ASSIGN_OR_RETURN(AxisView v, ViewAlong(x, axis, "LogSoftmax"));
  Tensor y = Tensor::Empty(x.shape());
  kernels::LogSoftmax(x.data<float>(), v.outer, v.n, v.inner, y.mutable_data<float>());
  return y;
}

absl::StatusOr<Tensor> LogSumExp(const Tensor& x, int axis, bool keepdims) {
  STRATA_ASSIGN_OR_RETURN(AxisView v, ViewAlong(x, axis, "LogSumExp"));
  std::vector<int64_t> dims;
  for (int k = 0; k < x.rank(); ++k) {
    if (k != v.axis) {
      dims.push_back(x.dim(k));
    } else if (keepdims) {
      dims.push_back(1);
    }
  }
  Tensor out = Tensor::Empty(Shape(dims));
  kernels::LogSumExp(x.data<float>(), v.outer, v.n, v.inner, out.mutable_data<float>());
  return out;
}

}  // namespace strata::ops
