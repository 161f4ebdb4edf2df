// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/binary_crossentropy.h"

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

constexpr absl::string_view kName = "BinaryCrossentropy";

// Keras's smoothing toward 1/2: t (1 - ls) + ls / 2.
struct Smoothing {
  float keep;   // 1 - ls
  float shift;  // ls / 2
  float operator()(float t) const { return t * keep + shift; }
};

// Keras's backend.binary_crossentropy on probabilities.
struct FromProbabilities {
  Smoothing smooth;

  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    constexpr float kHigh = 1.0f - kEpsilon;
    for (int64_t r = begin; r < end; ++r) {
      double sum = 0;
      for (int64_t i = r * k; i < (r + 1) * k; ++i) {
        const float q = std::clamp(p[i], kEpsilon, kHigh);
        const float target = smooth(t[i]);
        // Keras adds eps inside the logs too, on top of the clip.
        float bce = target * std::log(q + kEpsilon);
        bce += (1.0f - target) * std::log(1.0f - q + kEpsilon);
        sum -= bce;
      }
      loss[r - begin] = static_cast<float>(sum / static_cast<double>(k));
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    constexpr float kHigh = 1.0f - kEpsilon;
    for (int64_t r = begin; r < end; ++r) {
      const float s = scale(r) / static_cast<float>(k);
      for (int64_t i = r * k; i < (r + 1) * k; ++i) {
        // clip_by_value passes the gradient on [eps, 1 - eps] only.
        if (!(p[i] >= kEpsilon && p[i] <= kHigh)) {
          d[i] = 0.0f;
          continue;
        }
        const float target = smooth(t[i]);
        d[i] = s * ((1.0f - target) / (1.0f - p[i] + kEpsilon) -
                    target / (p[i] + kEpsilon));
      }
    }
  }
};

// tf.nn.sigmoid_cross_entropy_with_logits.
struct FromLogits {
  Smoothing smooth;

  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* x = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      double sum = 0;
      for (int64_t i = r * k; i < (r + 1) * k; ++i) {
        sum += std::max(x[i], 0.0f) - x[i] * smooth(t[i]) +
               std::log1p(internal::ExpNonPositive(-std::abs(x[i])));
      }
      loss[r - begin] = static_cast<float>(sum / static_cast<double>(k));
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* x = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      const float s = scale(r) / static_cast<float>(k);
      for (int64_t i = r * k; i < (r + 1) * k; ++i) {
        // sigmoid(x) without overflow for either sign.
        const float e = internal::ExpNonPositive(-std::abs(x[i]));
        const float sigmoid = x[i] >= 0 ? 1.0f / (1.0f + e) : e / (1.0f + e);
        d[i] = s * (sigmoid - smooth(t[i]));
      }
    }
  }
};

}  // namespace

BinaryCrossentropy::BinaryCrossentropy(BinaryCrossentropyOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name, "binary_crossentropy")),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<BinaryCrossentropy>>
BinaryCrossentropy::FromConfig(const ConfigDict& config) {
  ConfigReader r(config, kName);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  BinaryCrossentropyOptions options;
  STRATA_ASSIGN_OR_RETURN(options.from_logits, r.GetBool("from_logits", false));
  STRATA_ASSIGN_OR_RETURN(double smoothing, r.GetFloat("label_smoothing", 0.0));
  STRATA_ASSIGN_OR_RETURN(int64_t axis, r.GetInt("axis", -1));
  STRATA_RETURN_IF_ERROR(r.Finish());
  if (axis != -1) {
    return absl::InvalidArgumentError(
        absl::StrCat(kName, ": expected axis -1; received ", axis, "."));
  }
  STRATA_RETURN_IF_ERROR(
      internal::CheckOption(kName, "label_smoothing", smoothing, 0, 1));
  options.label_smoothing = static_cast<float>(smoothing);
  options.reduction = common.reduction;
  options.name = common.name;
  return std::make_unique<BinaryCrossentropy>(std::move(options));
}

ConfigDict BinaryCrossentropy::GetConfig() const {
  ConfigDict config = Loss::GetConfig();
  ConfigWriter w(&config);
  w.SetBool("from_logits", options_.from_logits);
  w.SetFloat("label_smoothing", options_.label_smoothing);
  w.SetInt("axis", -1);
  return config;
}

absl::StatusOr<autograd::Variable> BinaryCrossentropy::Compute(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight, Reduction reduction) const {
  const float ls = options_.label_smoothing;
  STRATA_RETURN_IF_ERROR(
      internal::CheckOption(kName, "label_smoothing", ls, 0, 1));
  STRATA_ASSIGN_OR_RETURN(RowInputs in,
                          internal::PrepareDense(kName, y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(internal::RowWeights w,
                          internal::PrepareWeights(kName, sample_weight, in));
  const Smoothing smooth{1.0f - ls, 0.5f * ls};
  if (options_.from_logits) {
    return internal::RunRowLoss(kName, FromLogits{smooth}, y_pred,
                                std::move(in), std::move(w), reduction);
  }
  return internal::RunRowLoss(kName, FromProbabilities{smooth}, y_pred,
                              std::move(in), std::move(w), reduction);
}

absl::StatusOr<autograd::Variable> BinaryCrossentropy::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return Compute(y_true, y_pred, nullptr, Reduction::kNone);
}

absl::StatusOr<autograd::Variable> BinaryCrossentropy::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return Compute(y_true, y_pred, sample_weight, reduction());
}

}  // namespace strata::losses
