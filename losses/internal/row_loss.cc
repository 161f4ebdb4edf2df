// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/internal/row_loss.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace strata::losses::internal {
namespace {

absl::Status CheckPrediction(absl::string_view loss,
                             const autograd::Variable& y_pred, int min_rank) {
  if (!y_pred.defined()) {
    return absl::InvalidArgumentError(absl::StrCat(
        loss, ": expected a defined y_pred; received an undefined variable."));
  }
  const Tensor& pred = y_pred.value();
  if (pred.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(
        loss, ": expected a float32 y_pred; received ", DTypeName(pred.dtype()),
        " of shape ", pred.shape().ToString(), "."));
  }
  if (pred.rank() < min_rank) {
    return absl::InvalidArgumentError(
        absl::StrCat(loss, ": expected y_pred of rank >= ", min_rank,
                     min_rank >= 2 ? " (batch, ..., classes)" : " (batch, ...)",
                     "; received shape ", pred.shape().ToString(), "."));
  }
  return absl::OkStatus();
}

absl::Status CheckTarget(absl::string_view loss, const Tensor& y_true) {
  if (y_true.defined()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      loss, ": expected a defined y_true; received an undefined tensor."));
}

// `shape` without its last axis.
Shape DropLast(const Shape& shape) {
  return Shape(shape.dims().subspan(0, shape.rank() - 1));
}

// Keras's squeeze_or_expand_dimensions: equal shapes, or shapes that differ
// by one trailing axis of size 1, describe the same elements in the same
// order.
bool SameUpToTrailingOne(const Shape& a, const Shape& b) {
  if (a == b) return true;
  if (a.rank() == b.rank() + 1) {
    return a.dim(a.rank() - 1) == 1 && DropLast(a) == b;
  }
  if (b.rank() == a.rank() + 1) {
    return b.dim(b.rank() - 1) == 1 && DropLast(b) == a;
  }
  return false;
}

// Fills the row view of a validated y_pred.
void ViewRows(const Tensor& pred, RowInputs& in) {
  in.y_pred = pred;
  in.pred = pred.data<float>();
  if (pred.rank() == 1) {
    in.cols = 1;
    in.per_sample_shape = pred.shape();
  } else {
    in.cols = pred.dim(pred.rank() - 1);
    in.per_sample_shape = DropLast(pred.shape());
  }
  in.rows = in.per_sample_shape.num_elements();
}

// The first label outside [0, classes), or that is not an integer, as an
// error; OK if there is none.
template <typename T>
absl::Status CheckLabels(absl::string_view loss, const T* labels, int64_t n,
                         int64_t classes) {
  for (int64_t i = 0; i < n; ++i) {
    const T label = labels[i];
    bool ok = label >= 0 && label < static_cast<T>(classes);
    if constexpr (std::is_floating_point_v<T>) {
      ok = ok && std::floor(label) == label;
    }
    if (ok) continue;
    return absl::InvalidArgumentError(absl::StrCat(
        loss, ": expected integer labels in [0, ", classes,
        ") for y_pred with ", classes, " classes; received a label value of ",
        label, " at index ", i, "."));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RowInputs> PrepareDense(absl::string_view loss,
                                       const Tensor& y_true,
                                       const autograd::Variable& y_pred,
                                       int min_rank) {
  STRATA_RETURN_IF_ERROR(CheckPrediction(loss, y_pred, min_rank));
  STRATA_RETURN_IF_ERROR(CheckTarget(loss, y_true));
  const Tensor& pred = y_pred.value();
  if (!SameUpToTrailingOne(y_true.shape(), pred.shape())) {
    return absl::InvalidArgumentError(absl::StrCat(
        loss,
        ": expected y_true and y_pred of the same shape (up to a trailing 1); "
        "received y_true ",
        y_true.shape().ToString(), " and y_pred ", pred.shape().ToString(),
        "."));
  }
  RowInputs in;
  ViewRows(pred, in);
  // Keras casts y_true to y_pred's dtype; only float32 is read by kernels.
  in.target =
      y_true.dtype() == DType::kFloat32 ? y_true : y_true.Cast(DType::kFloat32);
  in.dense = in.target.data<float>();
  return in;
}

absl::StatusOr<RowInputs> PrepareSparse(absl::string_view loss,
                                        const Tensor& y_true,
                                        const autograd::Variable& y_pred) {
  STRATA_RETURN_IF_ERROR(CheckPrediction(loss, y_pred, /*min_rank=*/2));
  STRATA_RETURN_IF_ERROR(CheckTarget(loss, y_true));
  RowInputs in;
  ViewRows(y_pred.value(), in);
  const Shape& rows = in.per_sample_shape;
  if (!SameUpToTrailingOne(y_true.shape(), rows) ||
      y_true.rank() < rows.rank()) {
    std::vector<int64_t> with_one = rows.ToVector();
    with_one.push_back(1);
    return absl::InvalidArgumentError(
        absl::StrCat(loss, ": expected labels of shape ", rows.ToString(),
                     " or ", Shape(with_one).ToString(),
                     " for y_pred of shape ", y_pred.value().shape().ToString(),
                     "; received y_true ", y_true.shape().ToString(), "."));
  }
  switch (y_true.dtype()) {
    case DType::kInt32:
      STRATA_RETURN_IF_ERROR(
          CheckLabels(loss, y_true.data<int32_t>(), in.rows, in.cols));
      break;
    case DType::kInt64:
      STRATA_RETURN_IF_ERROR(
          CheckLabels(loss, y_true.data<int64_t>(), in.rows, in.cols));
      break;
    case DType::kFloat32:
      STRATA_RETURN_IF_ERROR(
          CheckLabels(loss, y_true.data<float>(), in.rows, in.cols));
      break;
  }
  in.target = y_true;
  in.labels = {y_true.dtype(), y_true.raw_data()};
  return in;
}

absl::StatusOr<RowWeights> PrepareWeights(absl::string_view loss,
                                          const Tensor* sample_weight,
                                          const RowInputs& inputs) {
  RowWeights w;
  if (sample_weight == nullptr) return w;
  const Tensor& sw = *sample_weight;
  const Shape& per_sample = inputs.per_sample_shape;
  const int64_t batch = per_sample.dim(0);
  if (!sw.defined()) {
    return absl::InvalidArgumentError(absl::StrCat(
        loss,
        ": expected a defined sample_weight; received an undefined one."));
  }
  if (sw.rank() == 0) {
    w.divisor = std::max<int64_t>(1, inputs.rows);
  } else if (sw.shape() == per_sample) {
    w.divisor = 1;
  } else if (sw.shape() == Shape{batch} || sw.shape() == Shape{batch, 1}) {
    w.divisor = batch > 0 ? inputs.rows / batch : 1;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(loss, ": expected sample_weight of shape (), (", batch,
                     ",), (", batch, ", 1) or ", per_sample.ToString(),
                     "; received ", sw.shape().ToString(), "."));
  }
  w.weights = sw.dtype() == DType::kFloat32 ? sw : sw.Cast(DType::kFloat32);
  w.data = w.weights.data<float>();
  return w;
}

absl::Status CheckOption(absl::string_view loss, absl::string_view option,
                         double value, double low, double high) {
  if (value >= low && value <= high) return absl::OkStatus();  // Not NaN.
  return absl::InvalidArgumentError(absl::StrCat(loss, ": expected ", option,
                                                 " in [", low, ", ", high,
                                                 "]; received ", value, "."));
}

}  // namespace strata::losses::internal
