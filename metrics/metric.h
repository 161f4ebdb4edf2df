// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_METRIC_H_
#define STRATA_METRICS_METRIC_H_

// Metric is the base of the stateful metrics, as keras.metrics.Metric: a
// metric accumulates statistics over any number of Update calls (one per
// batch) and Result() reads the value so far; Reset() starts over (Keras's
// reset_state, called at each epoch's start). Updates accumulate in double,
// in a fixed order, so a result depends only on the data and the order of
// the batches.
//
// Update never changes the state when it fails: inputs are validated first.
// Metrics take plain Tensors (no gradient flows through a metric).
//
//   SparseCategoricalAccuracy accuracy;
//   for (const Batch& b : batches) {
//     STRATA_RETURN_IF_ERROR(accuracy.Update(b.labels, b.logits));
//   }
//   std::cout << accuracy.name() << ": " << accuracy.Result();
//   accuracy.Reset();
//
// Shapes: y_true has y_pred's shape or differs from it by a trailing 1, as
// Keras's squeeze_or_expand_dimensions allows (sparse metrics take one label
// per row). sample_weight is optional: a scalar, (batch,), (batch, 1) or the
// shape of the metric's per-sample values; weights scale each value's share
// of the mean.

#include <string>

#include "absl/status/status.h"
#include "tensor/tensor.h"

namespace strata::metrics {

class Metric {
 public:
  virtual ~Metric() = default;

  // What the progress bar and History print: "accuracy", "auc", "mae".
  virtual std::string name() const = 0;
  // Forgets every update.
  virtual void Reset() = 0;
  // Accumulates one batch. InvalidArgument (naming the shapes received) for
  // mismatched shapes or invalid options; the state is then unchanged.
  virtual absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                              const Tensor* sample_weight = nullptr) = 0;
  // The value over every update since the last Reset (0 before any).
  virtual double Result() const = 0;
};

}  // namespace strata::metrics

#endif  // STRATA_METRICS_METRIC_H_
