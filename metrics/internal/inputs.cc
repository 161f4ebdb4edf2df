// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/internal/inputs.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace strata::metrics::internal {
namespace {

Shape DropLast(const Shape& shape) {
  return Shape(shape.dims().subspan(0, shape.rank() - 1));
}

}  // namespace

absl::Status CheckDefined(absl::string_view metric, absl::string_view what,
                          const Tensor& t) {
  if (t.defined()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(metric, ": expected a defined ", what,
                   "; received an undefined tensor."));
}

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

absl::Status CheckSameShape(absl::string_view metric, const Tensor& y_true,
                            const Tensor& y_pred) {
  STRATA_RETURN_IF_ERROR(CheckDefined(metric, "y_true", y_true));
  STRATA_RETURN_IF_ERROR(CheckDefined(metric, "y_pred", y_pred));
  if (y_pred.rank() >= 1 &&
      SameUpToTrailingOne(y_true.shape(), y_pred.shape())) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      metric,
      ": expected y_true and y_pred of the same shape (up to a trailing 1) "
      "and rank >= 1; received y_true ",
      y_true.shape().ToString(), " and y_pred ", y_pred.shape().ToString(),
      "."));
}

absl::Status CheckSparseShapes(absl::string_view metric, const Tensor& y_true,
                               const Tensor& y_pred) {
  STRATA_RETURN_IF_ERROR(CheckDefined(metric, "y_true", y_true));
  STRATA_RETURN_IF_ERROR(CheckDefined(metric, "y_pred", y_pred));
  if (y_pred.rank() < 2) {
    return absl::InvalidArgumentError(
        absl::StrCat(metric,
                     ": expected y_pred of rank >= 2 (batch, ..., classes); "
                     "received shape ",
                     y_pred.shape().ToString(), "."));
  }
  const Shape rows = DropLast(y_pred.shape());
  if (y_true.rank() >= rows.rank() &&
      SameUpToTrailingOne(y_true.shape(), rows)) {
    return absl::OkStatus();
  }
  std::vector<int64_t> with_one = rows.ToVector();
  with_one.push_back(1);
  return absl::InvalidArgumentError(
      absl::StrCat(metric, ": expected labels of shape ", rows.ToString(),
                   " or ", Shape(with_one).ToString(), " for y_pred of shape ",
                   y_pred.shape().ToString(), "; received y_true ",
                   y_true.shape().ToString(), "."));
}

absl::StatusOr<Weights> ViewWeights(absl::string_view metric,
                                    const Tensor* sample_weight,
                                    const Shape& values_shape) {
  if (sample_weight == nullptr) return Weights();
  const Tensor& w = *sample_weight;
  STRATA_RETURN_IF_ERROR(CheckDefined(metric, "sample_weight", w));
  const int64_t n = values_shape.num_elements();
  if (w.rank() == 0) return Weights(w, std::max<int64_t>(1, n));
  if (SameUpToTrailingOne(w.shape(), values_shape)) return Weights(w, 1);
  const int64_t batch = values_shape.rank() > 0 ? values_shape.dim(0) : 1;
  if (w.shape() == Shape{batch} || w.shape() == Shape{batch, 1}) {
    return Weights(w, batch > 0 ? std::max<int64_t>(1, n / batch) : 1);
  }
  return absl::InvalidArgumentError(
      absl::StrCat(metric, ": expected sample_weight of shape (), (", batch,
                   ",), (", batch, ", 1) or ", values_shape.ToString(),
                   "; received ", w.shape().ToString(), "."));
}

Shape PerSampleShape(const Shape& shape) {
  return shape.rank() <= 1 ? shape : DropLast(shape);
}

}  // namespace strata::metrics::internal
