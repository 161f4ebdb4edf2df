// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_MEAN_H_
#define STRATA_METRICS_MEAN_H_

// Mean is the weighted mean of the values it is given, as keras.metrics.Mean:
// what fit uses to track the loss over an epoch ("loss: 0.4321").
// Result() = sum(value * weight) / sum(weight), weights broadcast over the
// values (a (batch,) weight covers each sample's values).
//
//   Mean loss_tracker({.name = "loss"});
//   loss_tracker.Update(batch_loss, /*weight=*/64);   // a scalar: no tensor
//   STRATA_RETURN_IF_ERROR(loss_tracker.UpdateValues(per_sample_losses));
//   double epoch_loss = loss_tracker.Result();

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "metrics/internal/inputs.h"
#include "metrics/metric.h"
#include "tensor/tensor.h"

namespace strata::metrics {

struct MeanOptions {
  std::string name = "mean";
};

class Mean final : public Metric {
 public:
  explicit Mean(MeanOptions options = {}) : name_(std::move(options.name)) {}

  std::string name() const override { return name_; }
  void Reset() override { state_ = {}; }
  // Adds one value with `weight` (the cheap path for a scalar loss).
  void Update(double value, double weight = 1.0) { state_.Add(value, weight); }
  // Adds every element of `values` (any shape, any dtype), each weighted by
  // `sample_weight`: a scalar, values' shape, or (batch,) / (batch, 1).
  absl::Status UpdateValues(const Tensor& values,
                            const Tensor* sample_weight = nullptr);
  // As a metric over (y_true, y_pred): the mean of y_pred; y_true is not read,
  // so a Mean can sit in a list of metrics to average a model output.
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override {
    return UpdateValues(y_pred, sample_weight);
  }
  double Result() const override { return state_.Result(); }

 private:
  std::string name_;
  internal::WeightedMean state_;
};

}  // namespace strata::metrics

#endif  // STRATA_METRICS_MEAN_H_
