// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_REGRESSION_H_
#define STRATA_METRICS_REGRESSION_H_

// Regression metrics of Keras 2.x: the weighted mean over every update of the
// per-sample mean (over y_pred's last axis) of |y_pred - y_true|
// (MeanAbsoluteError) or (y_pred - y_true)^2 (MeanSquaredError). A rank-1
// y_pred (batch,) counts each element as a sample.
//
//   MeanAbsoluteError mae({.name = "mae"});   // "mae" as compile prints it
//   STRATA_RETURN_IF_ERROR(mae.Update(targets, predictions));
//   double error = mae.Result();

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "metrics/internal/inputs.h"
#include "metrics/metric.h"
#include "tensor/tensor.h"

namespace strata::metrics {

struct MeanAbsoluteErrorOptions {
  std::string name = "mean_absolute_error";
};

class MeanAbsoluteError final : public Metric {
 public:
  explicit MeanAbsoluteError(MeanAbsoluteErrorOptions options = {})
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

struct MeanSquaredErrorOptions {
  std::string name = "mean_squared_error";
};

class MeanSquaredError final : public Metric {
 public:
  explicit MeanSquaredError(MeanSquaredErrorOptions options = {})
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

}  // namespace strata::metrics

#endif  // STRATA_METRICS_REGRESSION_H_
