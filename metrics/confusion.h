// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_CONFUSION_H_
#define STRATA_METRICS_CONFUSION_H_

// Precision and Recall of binary predictions, as Keras 2.x with one
// threshold: every element is a (label, prediction) pair; the label is
// positive if nonzero, the prediction if y_pred > threshold. Weighted true
// positives (tp), false positives (fp) and false negatives (fn) accumulate
// over updates;
//   Precision = tp / (tp + fp),  Recall = tp / (tp + fn),
// 0 when the denominator is 0 (Keras's divide_no_nan).
//
//   Precision precision;
//   STRATA_RETURN_IF_ERROR(precision.Update(labels, probabilities));
//   Recall recall({.threshold = 0.0f});  // for logits

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "metrics/metric.h"
#include "tensor/tensor.h"

namespace strata::metrics {

struct PrecisionOptions {
  float threshold = 0.5f;  // In [0, 1], as Keras requires.
  std::string name = "precision";
};

class Precision final : public Metric {
 public:
  explicit Precision(PrecisionOptions options = {})
      : options_(std::move(options)) {}
  std::string name() const override { return options_.name; }
  void Reset() override { tp_ = fp_ = 0; }
  // InvalidArgument also for a threshold outside [0, 1].
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override;

 private:
  PrecisionOptions options_;
  double tp_ = 0;
  double fp_ = 0;
};

struct RecallOptions {
  float threshold = 0.5f;  // In [0, 1], as Keras requires.
  std::string name = "recall";
};

class Recall final : public Metric {
 public:
  explicit Recall(RecallOptions options = {}) : options_(std::move(options)) {}
  std::string name() const override { return options_.name; }
  void Reset() override { tp_ = fn_ = 0; }
  // InvalidArgument also for a threshold outside [0, 1].
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override;

 private:
  RecallOptions options_;
  double tp_ = 0;
  double fn_ = 0;
};

}  // namespace strata::metrics

#endif  // STRATA_METRICS_CONFUSION_H_
