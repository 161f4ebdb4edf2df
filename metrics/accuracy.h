// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_ACCURACY_H_
#define STRATA_METRICS_ACCURACY_H_

// The accuracy metrics of Keras 2.x: each turns a batch into per-sample
// matches (1 or 0) and reports their weighted mean over every update.
//   Accuracy                   y_true == y_pred, elementwise (exact match).
//   BinaryAccuracy             y_true == (y_pred > threshold), averaged over
//                              the last axis.
//   CategoricalAccuracy        argmax(y_true) == argmax(y_pred), per row.
//   SparseCategoricalAccuracy  y_true == argmax(y_pred), per row; labels
//                              shaped like y_pred without its last axis (or
//                              with it as 1). A label outside the classes
//                              simply never matches, as in Keras.
// Argmax takes the first of equal maxima, as tf.argmax. A rank-1 y_pred
// (batch,) counts each element as a sample, as (batch, 1) would.
// "accuracy" in compile resolves to one of the last three (metrics.h).
//
//   SparseCategoricalAccuracy accuracy({.name = "accuracy"});
//   STRATA_RETURN_IF_ERROR(accuracy.Update(labels, logits));
//   double fraction_right = accuracy.Result();

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "metrics/internal/inputs.h"
#include "metrics/metric.h"
#include "tensor/tensor.h"

namespace strata::metrics {

struct AccuracyOptions {
  std::string name = "accuracy";
};

// Exact elementwise match.
class Accuracy final : public Metric {
 public:
  explicit Accuracy(AccuracyOptions options = {})
      : name_(std::move(options.name)) {}
  std::string name() const override { return name_; }
  void Reset() override { state_ = {}; }
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override { return state_.Result(); }

 private:
  std::string name_;
  internal::WeightedMean state_;
};

struct BinaryAccuracyOptions {
  float threshold = 0.5f;  // y_pred > threshold predicts 1.
  std::string name = "binary_accuracy";
};

// Thresholded match of binary targets.
class BinaryAccuracy final : public Metric {
 public:
  explicit BinaryAccuracy(BinaryAccuracyOptions options = {})
      : options_(std::move(options)) {}
  std::string name() const override { return options_.name; }
  void Reset() override { state_ = {}; }
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override { return state_.Result(); }

 private:
  BinaryAccuracyOptions options_;
  internal::WeightedMean state_;
};

struct CategoricalAccuracyOptions {
  std::string name = "categorical_accuracy";
};

// Argmax match against one-hot targets shaped like y_pred.
class CategoricalAccuracy final : public Metric {
 public:
  explicit CategoricalAccuracy(CategoricalAccuracyOptions options = {})
      : name_(std::move(options.name)) {}
  std::string name() const override { return name_; }
  void Reset() override { state_ = {}; }
  // y_pred of rank >= 2.
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override { return state_.Result(); }

 private:
  std::string name_;
  internal::WeightedMean state_;
};

struct SparseCategoricalAccuracyOptions {
  std::string name = "sparse_categorical_accuracy";
};

// Argmax match against integer labels.
class SparseCategoricalAccuracy final : public Metric {
 public:
  explicit SparseCategoricalAccuracy(
      SparseCategoricalAccuracyOptions options = {})
      : name_(std::move(options.name)) {}
  std::string name() const override { return name_; }
  void Reset() override { state_ = {}; }
  // y_pred of rank >= 2; labels of any dtype (compared as float).
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override { return state_.Result(); }

 private:
  std::string name_;
  internal::WeightedMean state_;
};

}  // namespace strata::metrics

#endif  // STRATA_METRICS_ACCURACY_H_
