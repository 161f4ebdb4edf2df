// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_AUC_H_
#define STRATA_METRICS_AUC_H_

// AUC approximates the area under the ROC (or precision-recall) curve of
// binary predictions exactly as Keras 2.x's keras.metrics.AUC does with
// evenly spaced thresholds.
//
// Thresholds: num_thresholds values, -eps, 1/(T-1), ..., (T-2)/(T-1), 1+eps
// (T = num_thresholds, eps = 1e-7). A prediction p (clipped to [0, 1]; passed
// through a sigmoid first if from_logits) counts as positive at threshold t
// when p > t; labels are positive when nonzero. Updates add each weighted
// element to the bucket max(ceil(p (T - 1)) - 1, 0) (Keras's optimized
// update), so the true/false positives at threshold i are the sums of the
// buckets >= i.
//
// Result, as Keras's AUC.result: with recall = tp / (tp + fn) and
// fp_rate = fp / (fp + tn) (0 where the denominator is 0), the ROC curve is
// x = fp_rate, y = recall and the area is
//   sum_i (x_i - x_{i+1}) * h_i,
// h_i = (y_i + y_{i+1}) / 2 for "interpolation" (the default; a trapezoid),
// min(y_i, y_{i+1}) for "minoring", max for "majoring". The PR curve
// (x = recall, y = precision) with interpolation uses Keras's closed form
// (Davis & Goadrich), interpolating true positives linearly between
// thresholds.
//
//   AUC auc;                                  // 200 thresholds, ROC
//   STRATA_RETURN_IF_ERROR(auc.Update(labels, probabilities));
//   double area = auc.Result();               // 1 perfect, 0.5 random

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "metrics/metric.h"
#include "tensor/tensor.h"

namespace strata::metrics {

enum class AucCurve { kROC, kPR };
enum class AucSummation { kInterpolation, kMinoring, kMajoring };

struct AucOptions {
  int64_t num_thresholds = 200;  // > 1.
  AucCurve curve = AucCurve::kROC;
  AucSummation summation_method = AucSummation::kInterpolation;
  bool from_logits = false;  // y_pred holds logits: a sigmoid comes first.
  std::string name = "auc";
};

class AUC final : public Metric {
 public:
  explicit AUC(AucOptions options = {});
  std::string name() const override { return options_.name; }
  void Reset() override;
  // Every element of y_pred is one prediction; InvalidArgument also for
  // num_thresholds <= 1 or a NaN prediction.
  absl::Status Update(const Tensor& y_true, const Tensor& y_pred,
                      const Tensor* sample_weight = nullptr) override;
  double Result() const override;

  // The thresholds, as Keras's AUC.thresholds.
  std::vector<double> Thresholds() const;

 private:
  double RocOrMinorMajor() const;
  double InterpolatedPr() const;

  AucOptions options_;
  // Weighted positives / negatives whose prediction falls in each bucket.
  std::vector<double> positive_buckets_;
  std::vector<double> negative_buckets_;
};

}  // namespace strata::metrics

#endif  // STRATA_METRICS_AUC_H_
