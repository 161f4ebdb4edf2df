// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/accuracy.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"

namespace strata::metrics {
namespace {

using internal::Values;

// The row's last-axis width: 1 for a rank-1 tensor (each element a row).
int64_t Cols(const Tensor& t) {
  return t.rank() <= 1 ? 1 : t.dim(t.rank() - 1);
}

// The index of the first largest of x[begin, begin + n), as tf.argmax.
int64_t ArgMax(const Values& x, int64_t begin, int64_t n) {
  int64_t best = 0;
  float best_value = n > 0 ? x[begin] : 0.0f;
  for (int64_t j = 1; j < n; ++j) {
    if (x[begin + j] > best_value) {
      best_value = x[begin + j];
      best = j;
    }
  }
  return best;
}

}  // namespace

absl::Status Accuracy::Update(const Tensor& y_true, const Tensor& y_pred,
                              const Tensor* sample_weight) {
  STRATA_RETURN_IF_ERROR(internal::CheckSameShape("Accuracy", y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights("Accuracy", sample_weight, y_pred.shape()));
  const Values t(y_true), p(y_pred);
  const int64_t n = y_pred.num_elements();
  for (int64_t i = 0; i < n; ++i) state_.Add(t[i] == p[i] ? 1 : 0, w.At(i));
  return absl::OkStatus();
}

absl::Status BinaryAccuracy::Update(const Tensor& y_true, const Tensor& y_pred,
                                    const Tensor* sample_weight) {
  STRATA_RETURN_IF_ERROR(
      internal::CheckSameShape("BinaryAccuracy", y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights("BinaryAccuracy", sample_weight,
                            internal::PerSampleShape(y_pred.shape())));
  const Values t(y_true), p(y_pred);
  const int64_t k = Cols(y_pred);
  const int64_t rows = k > 0 ? y_pred.num_elements() / k : 0;
  const float threshold = options_.threshold;
  for (int64_t r = 0; r < rows; ++r) {
    int64_t matches = 0;
    for (int64_t i = r * k; i < (r + 1) * k; ++i) {
      matches += t[i] == (p[i] > threshold ? 1.0f : 0.0f);
    }
    state_.Add(static_cast<double>(matches) / static_cast<double>(k), w.At(r));
  }
  return absl::OkStatus();
}

absl::Status CategoricalAccuracy::Update(const Tensor& y_true,
                                         const Tensor& y_pred,
                                         const Tensor* sample_weight) {
  constexpr absl::string_view kName = "CategoricalAccuracy";
  STRATA_RETURN_IF_ERROR(internal::CheckSameShape(kName, y_true, y_pred));
  if (y_pred.rank() < 2) {
    return absl::InvalidArgumentError(absl::StrCat(
        kName,
        ": expected y_pred of rank >= 2 (batch, ..., classes); received "
        "shape ",
        y_pred.shape().ToString(), "."));
  }
  const Shape rows_shape = internal::PerSampleShape(y_pred.shape());
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights(kName, sample_weight, rows_shape));
  const Values t(y_true), p(y_pred);
  const int64_t k = Cols(y_pred);
  const int64_t rows = rows_shape.num_elements();
  for (int64_t r = 0; r < rows; ++r) {
    const bool hit = ArgMax(t, r * k, k) == ArgMax(p, r * k, k);
    state_.Add(hit ? 1 : 0, w.At(r));
  }
  return absl::OkStatus();
}

absl::Status SparseCategoricalAccuracy::Update(const Tensor& y_true,
                                               const Tensor& y_pred,
                                               const Tensor* sample_weight) {
  constexpr absl::string_view kName = "SparseCategoricalAccuracy";
  STRATA_RETURN_IF_ERROR(internal::CheckSparseShapes(kName, y_true, y_pred));
  const Shape rows_shape = internal::PerSampleShape(y_pred.shape());
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights(kName, sample_weight, rows_shape));
  const Values labels(y_true), p(y_pred);
  const int64_t k = Cols(y_pred);
  const int64_t rows = rows_shape.num_elements();
  for (int64_t r = 0; r < rows; ++r) {
    // Keras compares the label, cast to float, with the argmax.
    const bool hit = labels[r] == static_cast<float>(ArgMax(p, r * k, k));
    state_.Add(hit ? 1 : 0, w.At(r));
  }
  return absl::OkStatus();
}

}  // namespace strata::metrics
