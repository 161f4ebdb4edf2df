// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/confusion.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "metrics/internal/inputs.h"

namespace strata::metrics {
namespace {

// Weighted counts of one update.
struct Counts {
  double tp = 0, fp = 0, fn = 0;
};

absl::StatusOr<Counts> Count(absl::string_view metric, float threshold,
                             const Tensor& y_true, const Tensor& y_pred,
                             const Tensor* sample_weight) {
  if (!(threshold >= 0.0f && threshold <= 1.0f)) {
    return absl::InvalidArgumentError(absl::StrCat(
        metric, ": expected a threshold in [0, 1]; received ", threshold, "."));
  }
  STRATA_RETURN_IF_ERROR(internal::CheckSameShape(metric, y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights(metric, sample_weight, y_pred.shape()));
  const internal::Values t(y_true), p(y_pred);
  Counts c;
  const int64_t n = y_pred.num_elements();
  for (int64_t i = 0; i < n; ++i) {
    const bool label = t[i] != 0;
    const bool predicted = p[i] > threshold;
    if (label && predicted) c.tp += w.At(i);
    if (!label && predicted) c.fp += w.At(i);
    if (label && !predicted) c.fn += w.At(i);
  }
  return c;
}

double DivideNoNan(double a, double b) { return b != 0 ? a / b : 0.0; }

}  // namespace

absl::Status Precision::Update(const Tensor& y_true, const Tensor& y_pred,
                               const Tensor* sample_weight) {
  STRATA_ASSIGN_OR_RETURN(Counts c, Count("Precision", options_.threshold,
                                          y_true, y_pred, sample_weight));
  tp_ += c.tp;
  fp_ += c.fp;
  return absl::OkStatus();
}

double Precision::Result() const { return DivideNoNan(tp_, tp_ + fp_); }

absl::Status Recall::Update(const Tensor& y_true, const Tensor& y_pred,
                            const Tensor* sample_weight) {
  STRATA_ASSIGN_OR_RETURN(Counts c, Count("Recall", options_.threshold, y_true,
                                          y_pred, sample_weight));
  tp_ += c.tp;
  fn_ += c.fn;
  return absl::OkStatus();
}

double Recall::Result() const { return DivideNoNan(tp_, tp_ + fn_); }

}  // namespace strata::metrics
