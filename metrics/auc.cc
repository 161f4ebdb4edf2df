// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/auc.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "metrics/internal/inputs.h"

namespace strata::metrics {
namespace {

constexpr double kEpsilon = 1e-7;  // Keras's backend.epsilon().

double DivideNoNan(double a, double b) { return b != 0 ? a / b : 0.0; }

}  // namespace

AUC::AUC(AucOptions options)
    : options_(std::move(options)),
      positive_buckets_(std::max<int64_t>(options_.num_thresholds, 2)),
      negative_buckets_(positive_buckets_.size()) {}

void AUC::Reset() {
  std::fill(positive_buckets_.begin(), positive_buckets_.end(), 0.0);
  std::fill(negative_buckets_.begin(), negative_buckets_.end(), 0.0);
}

std::vector<double> AUC::Thresholds() const {
  const int64_t t = options_.num_thresholds;
  std::vector<double> thresholds = {-kEpsilon};
  for (int64_t i = 0; i + 2 < t; ++i) {
    thresholds.push_back(static_cast<double>(i + 1) /
                         static_cast<double>(t - 1));
  }
  thresholds.push_back(1 + kEpsilon);
  return thresholds;
}

absl::Status AUC::Update(const Tensor& y_true, const Tensor& y_pred,
                         const Tensor* sample_weight) {
  const int64_t t = options_.num_thresholds;
  if (t <= 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("AUC: expected num_thresholds > 1; received ", t, "."));
  }
  STRATA_RETURN_IF_ERROR(internal::CheckSameShape("AUC", y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights("AUC", sample_weight, y_pred.shape()));
  const internal::Values labels(y_true), p(y_pred);
  const int64_t n = y_pred.num_elements();
  for (int64_t i = 0; i < n; ++i) {
    if (std::isnan(p[i])) {
      return absl::InvalidArgumentError(absl::StrCat(
          "AUC: expected predictions that are numbers; received NaN at index ",
          i, "."));
    }
  }
  // Keras computes the bucket in float32: ceil(p * (T - 1)) - 1, relu'd.
  const float scale = static_cast<float>(t - 1);
  for (int64_t i = 0; i < n; ++i) {
    float v = p[i];
    if (options_.from_logits) v = 1.0f / (1.0f + std::exp(-v));
    v = std::clamp(v, 0.0f, 1.0f);
    const int64_t bucket =
        std::max<int64_t>(static_cast<int64_t>(std::ceil(v * scale)) - 1, 0);
    (labels[i] != 0 ? positive_buckets_ : negative_buckets_)[bucket] += w.At(i);
  }
  return absl::OkStatus();
}

double AUC::Result() const {
  if (options_.num_thresholds <= 1) return 0;
  if (options_.curve == AucCurve::kPR &&
      options_.summation_method == AucSummation::kInterpolation) {
    return InterpolatedPr();
  }
  return RocOrMinorMajor();
}

// Walks thresholds from the top (T - 1) down to 0, keeping threshold i + 1's
// point; the terms are added in that fixed order.
double AUC::RocOrMinorMajor() const {
  const int64_t t = options_.num_thresholds;
  double positives = 0, negatives = 0;
  for (int64_t i = 0; i < t; ++i) {
    positives += positive_buckets_[i];
    negatives += negative_buckets_[i];
  }
  auto point = [&](double tp, double fp, double* x, double* y) {
    const double fn = positives - tp, tn = negatives - fp;
    const double recall = DivideNoNan(tp, tp + fn);
    if (options_.curve == AucCurve::kROC) {
      *x = DivideNoNan(fp, fp + tn);
      *y = recall;
    } else {
      *x = recall;
      *y = DivideNoNan(tp, tp + fp);
    }
  };
  double tp = positive_buckets_[t - 1], fp = negative_buckets_[t - 1];
  double x_next, y_next;
  point(tp, fp, &x_next, &y_next);
  double area = 0;
  for (int64_t i = t - 2; i >= 0; --i) {
    tp += positive_buckets_[i];
    fp += negative_buckets_[i];
    double x, y;
    point(tp, fp, &x, &y);
    double height;
    switch (options_.summation_method) {
      case AucSummation::kInterpolation:
        height = (y + y_next) / 2;
        break;
      case AucSummation::kMinoring:
        height = std::min(y, y_next);
        break;
      case AucSummation::kMajoring:
      default:
        height = std::max(y, y_next);
        break;
    }
    area += (x - x_next) * height;
    x_next = x;
    y_next = y;
  }
  return area;
}

// Keras's interpolate_pr_auc: between thresholds i and i + 1 precision is
// modeled with tp and p = tp + fp varying linearly, whose integral has the
// closed form slope * (dtp + intercept * log(p_i / p_{i+1})) / positives.
double AUC::InterpolatedPr() const {
  const int64_t t = options_.num_thresholds;
  double positives = 0;
  for (int64_t i = 0; i < t; ++i) positives += positive_buckets_[i];
  double tp_next = positive_buckets_[t - 1];
  double p_next = tp_next + negative_buckets_[t - 1];
  double area = 0;
  for (int64_t i = t - 2; i >= 0; --i) {
    const double tp = tp_next + positive_buckets_[i];
    const double p = p_next + positive_buckets_[i] + negative_buckets_[i];
    const double dtp = tp - tp_next;
    const double dp = p - p_next;
    const double slope = DivideNoNan(dtp, std::max(dp, 0.0));
    const double intercept = tp_next - slope * p_next;
    const double ratio =
        p > 0 && p_next > 0 ? DivideNoNan(p, std::max(p_next, 0.0)) : 1.0;
    // tp_{i+1} + fn_{i+1} is every positive.
    area += DivideNoNan(slope * (dtp + intercept * std::log(ratio)),
                        std::max(positives, 0.0));
    tp_next = tp;
    p_next = p;
  }
  return area;
}

}  // namespace strata::metrics
