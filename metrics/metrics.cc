// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/metrics.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace strata::metrics {
namespace {

// compile_utils' rule for "accuracy" (see metrics.h).
absl::StatusOr<std::unique_ptr<Metric>> ResolveAccuracy(
    absl::string_view identifier, const Shape& y_true, const Shape& y_pred) {
  if (y_pred.rank() == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Metric '", identifier,
        "': expected y_pred of rank >= 1 to pick the accuracy; received shape ",
        y_pred.ToString(), "."));
  }
  const std::string name(identifier);
  const int64_t pred_last = y_pred.dim(y_pred.rank() - 1);
  const int64_t true_last =
      y_true.rank() > 0 ? y_true.dim(y_true.rank() - 1) : -1;
  if (pred_last == 1) {
    return std::make_unique<BinaryAccuracy>(
        BinaryAccuracyOptions{.name = name});
  }
  if (y_true.rank() < y_pred.rank() || (true_last == 1 && pred_last > 1)) {
    return std::make_unique<SparseCategoricalAccuracy>(
        SparseCategoricalAccuracyOptions{.name = name});
  }
  return std::make_unique<CategoricalAccuracy>(
      CategoricalAccuracyOptions{.name = name});
}

}  // namespace

absl::StatusOr<std::unique_ptr<Metric>> Get(absl::string_view identifier,
                                            const Shape& y_true_shape,
                                            const Shape& y_pred_shape) {
  const std::string id(identifier);
  if (id == "accuracy" || id == "acc") {
    return ResolveAccuracy(identifier, y_true_shape, y_pred_shape);
  }
  if (id == "binary_accuracy") {
    return std::make_unique<BinaryAccuracy>(BinaryAccuracyOptions{.name = id});
  }
  if (id == "categorical_accuracy") {
    return std::make_unique<CategoricalAccuracy>(
        CategoricalAccuracyOptions{.name = id});
  }
  if (id == "sparse_categorical_accuracy") {
    return std::make_unique<SparseCategoricalAccuracy>(
        SparseCategoricalAccuracyOptions{.name = id});
  }
  if (id == "mae" || id == "mean_absolute_error") {
    return std::make_unique<MeanAbsoluteError>(
        MeanAbsoluteErrorOptions{.name = id});
  }
  if (id == "mse" || id == "mean_squared_error") {
    return std::make_unique<MeanSquaredError>(
        MeanSquaredErrorOptions{.name = id});
  }
  if (id == "auc" || id == "AUC") return std::make_unique<AUC>();
  if (id == "precision" || id == "Precision") {
    return std::make_unique<Precision>();
  }
  if (id == "recall" || id == "Recall") return std::make_unique<Recall>();
  if (id == "Accuracy") return std::make_unique<Accuracy>();
  if (id == "BinaryAccuracy") return std::make_unique<BinaryAccuracy>();
  if (id == "CategoricalAccuracy") {
    return std::make_unique<CategoricalAccuracy>();
  }
  if (id == "SparseCategoricalAccuracy") {
    return std::make_unique<SparseCategoricalAccuracy>();
  }
  if (id == "MeanAbsoluteError") return std::make_unique<MeanAbsoluteError>();
  if (id == "MeanSquaredError") return std::make_unique<MeanSquaredError>();
  if (id == "Mean") return std::make_unique<Mean>();
  return absl::NotFoundError(absl::StrCat(
      "Unknown metric: expected one of accuracy, acc, binary_accuracy, "
      "categorical_accuracy, sparse_categorical_accuracy, auc, mae, "
      "mean_absolute_error, mse, mean_squared_error, precision, recall, or a "
      "class name (Accuracy, AUC, BinaryAccuracy, CategoricalAccuracy, Mean, "
      "MeanAbsoluteError, MeanSquaredError, Precision, Recall, "
      "SparseCategoricalAccuracy); received '",
      identifier, "'."));
}

}  // namespace strata::metrics
