// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_METRICS_H_
#define STRATA_METRICS_METRICS_H_

// Every built-in metric, and Get: the metric a string in compile's
// `metrics=[...]` stands for, resolved as Keras 2.x's compile_utils does.
//
// "accuracy" and "acc" depend on the shapes of the first batch:
//   BinaryAccuracy             if y_pred's last dimension is 1;
//   SparseCategoricalAccuracy  else if y_true has a lower rank than y_pred,
//                              or y_true's last dimension is 1 (and
//                              y_pred's is > 1);
//   CategoricalAccuracy        otherwise;
// and keep the string as their name(), as Keras prints it ("accuracy").
// Keras's function names keep theirs too ("mae" prints "mae"); class names
// get the class's default name ("MeanAbsoluteError" prints
// "mean_absolute_error", "AUC" prints "auc").
//
//   STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Metric> accuracy,
//                           Get("accuracy", labels.shape(), logits.shape()));

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "metrics/accuracy.h"
#include "metrics/auc.h"
#include "metrics/confusion.h"
#include "metrics/mean.h"
#include "metrics/metric.h"
#include "metrics/regression.h"
#include "tensor/shape.h"

namespace strata::metrics {

// The metric for `identifier`: "accuracy"/"acc" (by the shapes, above),
// "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
// "auc", "mae"/"mean_absolute_error", "mse"/"mean_squared_error",
// "precision", "recall", or a class name ("Accuracy", "BinaryAccuracy",
// "CategoricalAccuracy", "SparseCategoricalAccuracy", "AUC", "Precision",
// "Recall", "MeanAbsoluteError", "MeanSquaredError", "Mean"). NotFound naming
// the identifier and listing the valid ones; InvalidArgument if "accuracy"
// meets a rank-0 y_pred.
absl::StatusOr<std::unique_ptr<Metric>> Get(absl::string_view identifier,
                                            const Shape& y_true_shape,
                                            const Shape& y_pred_shape);

}  // namespace strata::metrics

#endif  // STRATA_METRICS_METRICS_H_
