// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/regression.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "base/status_macros.h"

namespace strata::metrics {
namespace {

// Adds the per-row means of error(y_pred - y_true) to `state`.
template <typename ErrorFn>
absl::Status AddRowMeans(absl::string_view metric, const Tensor& y_true,
                         const Tensor& y_pred, const Tensor* sample_weight,
                         ErrorFn error, internal::WeightedMean& state) {
  STRATA_RETURN_IF_ERROR(internal::CheckSameShape(metric, y_true, y_pred));
  const Shape rows_shape = internal::PerSampleShape(y_pred.shape());
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights(metric, sample_weight, rows_shape));
  const internal::Values t(y_true), p(y_pred);
  const int64_t k = y_pred.rank() <= 1 ? 1 : y_pred.dim(y_pred.rank() - 1);
  const int64_t rows = rows_shape.num_elements();
  for (int64_t r = 0; r < rows; ++r) {
    double sum = 0;
    for (int64_t i = r * k; i < (r + 1) * k; ++i) {
      sum += error(static_cast<double>(p[i]) - static_cast<double>(t[i]));
    }
    state.Add(sum / static_cast<double>(k), w.At(r));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status MeanAbsoluteError::Update(const Tensor& y_true,
                                       const Tensor& y_pred,
                                       const Tensor* sample_weight) {
  return AddRowMeans(
      "MeanAbsoluteError", y_true, y_pred, sample_weight,
      [](double e) { return std::abs(e); }, state_);
}

absl::Status MeanSquaredError::Update(const Tensor& y_true,
                                      const Tensor& y_pred,
                                      const Tensor* sample_weight) {
  return AddRowMeans(
      "MeanSquaredError", y_true, y_pred, sample_weight,
      [](double e) { return e * e; }, state_);
}

}  // namespace strata::metrics
