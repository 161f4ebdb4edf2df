// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/categorical_crossentropy.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "losses/internal/loss_config.h"
#include "losses/internal/row_loss.h"
#include "losses/internal/row_math.h"

namespace strata::losses {
namespace {

using internal::kEpsilon;
using internal::RowInputs;
using internal::RowScale;

constexpr absl::string_view kCategorical = "CategoricalCrossentropy";
constexpr absl::string_view kSparse = "SparseCategoricalCrossentropy";
constexpr float kHigh = 1.0f - kEpsilon;

// ---- SparseCategoricalCrossentropy ----

// THE hot path: loss_r = logsumexp(x_r) - x_r[label]; backward
// d = scale (softmax(x_r) - onehot(label)), with one exp per logit each way
// (NOTE [ Row blocks ]).
struct SparseFromLogits {
  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* x = in.pred;
    const int64_t k = in.cols;
    const int64_t block = internal::BlockRows(k);
    float max[internal::kExpBlockRows], sum[internal::kExpBlockRows];
    for (int64_t b = begin; b < end; b += block) {
      const int64_t n = std::min(block, end - b);
      internal::RowMaxSum(x + b * k, n, k, max, sum);
      for (int64_t i = 0; i < n; ++i) {
        const int64_t r = b + i;
        // (max - x_l) + log(sum): the large terms cancel before the log is
        // added, so large logits lose no precision.
        loss[r - begin] =
            (max[i] - x[r * k + in.labels.At(r)]) + std::log(sum[i]);
      }
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* x = in.pred;
    const int64_t k = in.cols;
    const int64_t block = internal::BlockRows(k);
    float max[internal::kExpBlockRows], sum[internal::kExpBlockRows];
    for (int64_t b = begin; b < end; b += block) {
      const int64_t n = std::min(block, end - b);
      internal::RowExp(x + b * k, n, k, max, sum, d + b * k);
      for (int64_t i = 0; i < n; ++i) {
        const int64_t r = b + i;
        const float g = scale(r);
        const float f = g / sum[i];
        float* dr = d + r * k;
        for (int64_t j = 0; j < k; ++j) dr[j] *= f;
        dr[in.labels.At(r)] -= g;
      }
    }
  }
};

// Keras on probabilities: logits log(clip(p)); loss = log(sum q) - log(q_l).
struct SparseFromProbabilities {
  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* p = in.pred;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      const float* row = p + r * k;
      double total = 0;
      for (int64_t j = 0; j < k; ++j) {
        total += std::clamp(row[j], kEpsilon, kHigh);
      }
      const float picked = std::clamp(row[in.labels.At(r)], kEpsilon, kHigh);
      loss[r - begin] = static_cast<float>(std::log(total)) - std::log(picked);
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* p = in.pred;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      const float* row = p + r * k;
      float* dr = d + r * k;
      double total = 0;
      for (int64_t j = 0; j < k; ++j) {
        total += std::clamp(row[j], kEpsilon, kHigh);
      }
      const float g = scale(r);
      const float inv_total = static_cast<float>(g / total);
      // d/dp_j = [p_j unclipped] (1 / sum q - [j == l] / q_l).
      for (int64_t j = 0; j < k; ++j) {
        dr[j] = row[j] >= kEpsilon && row[j] <= kHigh ? inv_total : 0.0f;
      }
      const int64_t l = in.labels.At(r);
      if (row[l] >= kEpsilon && row[l] <= kHigh) dr[l] -= g / row[l];
    }
  }
};

// ---- CategoricalCrossentropy ----

// Keras's smoothing toward the uniform distribution: t (1 - ls) + ls / k.
struct Smoothing {
  float keep;       // 1 - ls
  float smoothing;  // ls, divided by the class count per row
  float Shift(int64_t k) const { return smoothing / static_cast<float>(k); }
};

// softmax_cross_entropy_with_logits: loss = sum_j t_j (lse - x_j).
struct CategoricalFromLogits {
  Smoothing smooth;

  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* x = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    const float shift = smooth.Shift(k);
    const int64_t block = internal::BlockRows(k);
    float max[internal::kExpBlockRows], sum[internal::kExpBlockRows];
    for (int64_t b = begin; b < end; b += block) {
      const int64_t n = std::min(block, end - b);
      internal::RowMaxSum(x + b * k, n, k, max, sum);
      for (int64_t i = 0; i < n; ++i) {
        const int64_t r = b + i;
        const float* row = x + r * k;
        const float* tr = t + r * k;
        const float log_sum = std::log(sum[i]);
        double total = 0;
        for (int64_t j = 0; j < k; ++j) {
          const float target = tr[j] * smooth.keep + shift;
          total += target * ((max[i] - row[j]) + log_sum);
        }
        loss[r - begin] = static_cast<float>(total);
      }
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* x = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    const float shift = smooth.Shift(k);
    const int64_t block = internal::BlockRows(k);
    float max[internal::kExpBlockRows], sum[internal::kExpBlockRows];
    for (int64_t b = begin; b < end; b += block) {
      const int64_t n = std::min(block, end - b);
      internal::RowExp(x + b * k, n, k, max, sum, d + b * k);
      for (int64_t i = 0; i < n; ++i) {
        const int64_t r = b + i;
        const float* tr = t + r * k;
        float* dr = d + r * k;
        double target_sum = 0;
        for (int64_t j = 0; j < k; ++j) {
          target_sum += tr[j] * smooth.keep + shift;
        }
        const float g = scale(r);
        // d = g (softmax sum(t) - t); sum(t) is 1 for proper targets.
        const float f = static_cast<float>(g * target_sum / sum[i]);
        for (int64_t j = 0; j < k; ++j) {
          dr[j] = dr[j] * f - g * (tr[j] * smooth.keep + shift);
        }
      }
    }
  }
};

// Keras on probabilities: u = p / sum(p), clipped; loss = -sum t log(u).
struct CategoricalFromProbabilities {
  Smoothing smooth;

  static float RowSum(const float* p, int64_t k) {
    double sum = 0;
    for (int64_t j = 0; j < k; ++j) sum += p[j];
    return static_cast<float>(sum);
  }

  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    const float shift = smooth.Shift(k);
    for (int64_t r = begin; r < end; ++r) {
      const float* row = p + r * k;
      const float* tr = t + r * k;
      const float sum = RowSum(row, k);
      double total = 0;
      for (int64_t j = 0; j < k; ++j) {
        const float u = std::clamp(row[j] / sum, kEpsilon, kHigh);
        total -= (tr[j] * smooth.keep + shift) * std::log(u);
      }
      loss[r - begin] = static_cast<float>(total);
    }
  }

  // With a_j = d(loss)/d(u_j) = -t_j / u_j where u_j is unclipped (else 0),
  // the renormalization gives d(loss)/d(p_k) = (a_k - sum_j a_j u_j) / sum(p).
  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    const float shift = smooth.Shift(k);
    for (int64_t r = begin; r < end; ++r) {
      const float* row = p + r * k;
      const float* tr = t + r * k;
      float* dr = d + r * k;
      const float sum = RowSum(row, k);
      double dot = 0;  // sum_j a_j u_j
      for (int64_t j = 0; j < k; ++j) {
        const float u = row[j] / sum;
        const float a = u >= kEpsilon && u <= kHigh
                            ? -(tr[j] * smooth.keep + shift) / u
                            : 0.0f;
        dr[j] = a;
        dot += static_cast<double>(a) * u;
      }
      const float g = scale(r) / sum;
      const float offset = static_cast<float>(dot);
      for (int64_t j = 0; j < k; ++j) dr[j] = g * (dr[j] - offset);
    }
  }
};

}  // namespace

// ---- CategoricalCrossentropy ----

CategoricalCrossentropy::CategoricalCrossentropy(
    CategoricalCrossentropyOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name, "categorical_crossentropy")),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<CategoricalCrossentropy>>
CategoricalCrossentropy::FromConfig(const ConfigDict& config) {
  ConfigReader r(config, kCategorical);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  CategoricalCrossentropyOptions options;
  STRATA_ASSIGN_OR_RETURN(options.from_logits, r.GetBool("from_logits", false));
  STRATA_ASSIGN_OR_RETURN(double smoothing, r.GetFloat("label_smoothing", 0.0));
  STRATA_ASSIGN_OR_RETURN(int64_t axis, r.GetInt("axis", -1));
  STRATA_RETURN_IF_ERROR(r.Finish());
  if (axis != -1) {
    return absl::InvalidArgumentError(
        absl::StrCat(kCategorical, ": expected axis -1; received ", axis, "."));
  }
  STRATA_RETURN_IF_ERROR(
      internal::CheckOption(kCategorical, "label_smoothing", smoothing, 0, 1));
  options.label_smoothing = static_cast<float>(smoothing);
  options.reduction = common.reduction;
  options.name = common.name;
  return std::make_unique<CategoricalCrossentropy>(std::move(options));
}

ConfigDict CategoricalCrossentropy::GetConfig() const {
  ConfigDict config = Loss::GetConfig();
  ConfigWriter w(&config);
  w.SetBool("from_logits", options_.from_logits);
  w.SetFloat("label_smoothing", options_.label_smoothing);
  w.SetInt("axis", -1);
  return config;
}

absl::StatusOr<autograd::Variable> CategoricalCrossentropy::Compute(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight, Reduction reduction) const {
  const float ls = options_.label_smoothing;
  STRATA_RETURN_IF_ERROR(
      internal::CheckOption(kCategorical, "label_smoothing", ls, 0, 1));
  STRATA_ASSIGN_OR_RETURN(
      RowInputs in,
      internal::PrepareDense(kCategorical, y_true, y_pred, /*min_rank=*/2));
  STRATA_ASSIGN_OR_RETURN(
      internal::RowWeights w,
      internal::PrepareWeights(kCategorical, sample_weight, in));
  const Smoothing smooth{1.0f - ls, ls};
  if (options_.from_logits) {
    return internal::RunRowLoss(kCategorical, CategoricalFromLogits{smooth},
                                y_pred, std::move(in), std::move(w), reduction);
  }
  return internal::RunRowLoss(kCategorical,
                              CategoricalFromProbabilities{smooth}, y_pred,
                              std::move(in), std::move(w), reduction);
}

absl::StatusOr<autograd::Variable> CategoricalCrossentropy::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return Compute(y_true, y_pred, nullptr, Reduction::kNone);
}

absl::StatusOr<autograd::Variable> CategoricalCrossentropy::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return Compute(y_true, y_pred, sample_weight, reduction());
}

// ---- SparseCategoricalCrossentropy ----

SparseCategoricalCrossentropy::SparseCategoricalCrossentropy(
    SparseCategoricalCrossentropyOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name,
                                   "sparse_categorical_crossentropy")),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<SparseCategoricalCrossentropy>>
SparseCategoricalCrossentropy::FromConfig(const ConfigDict& config) {
  ConfigReader r(config, kSparse);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  SparseCategoricalCrossentropyOptions options;
  STRATA_ASSIGN_OR_RETURN(options.from_logits, r.GetBool("from_logits", false));
  // Keras 2.11+ writes ignore_class; strata supports only its default.
  STRATA_RETURN_IF_ERROR(r.IgnoreNull("ignore_class"));
  STRATA_RETURN_IF_ERROR(r.Finish());
  options.reduction = common.reduction;
  options.name = common.name;
  return std::make_unique<SparseCategoricalCrossentropy>(std::move(options));
}

ConfigDict SparseCategoricalCrossentropy::GetConfig() const {
  ConfigDict config = Loss::GetConfig();
  ConfigWriter(&config).SetBool("from_logits", options_.from_logits);
  return config;
}

absl::StatusOr<autograd::Variable> SparseCategoricalCrossentropy::Compute(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight, Reduction reduction) const {
  STRATA_ASSIGN_OR_RETURN(RowInputs in,
                          internal::PrepareSparse(kSparse, y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(internal::RowWeights w,
                          internal::PrepareWeights(kSparse, sample_weight, in));
  if (options_.from_logits) {
    return internal::RunRowLoss(kSparse, SparseFromLogits{}, y_pred,
                                std::move(in), std::move(w), reduction);
  }
  return internal::RunRowLoss(kSparse, SparseFromProbabilities{}, y_pred,
                              std::move(in), std::move(w), reduction);
}

absl::StatusOr<autograd::Variable> SparseCategoricalCrossentropy::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return Compute(y_true, y_pred, nullptr, Reduction::kNone);
}

absl::StatusOr<autograd::Variable> SparseCategoricalCrossentropy::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return Compute(y_true, y_pred, sample_weight, reduction());
}

}  // namespace strata::losses
