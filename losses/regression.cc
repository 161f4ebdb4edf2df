// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/regression.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "losses/internal/loss_config.h"
#include "losses/internal/row_loss.h"

namespace strata::losses {
namespace {

using internal::RowInputs;
using internal::RowScale;

constexpr absl::string_view kMse = "MeanSquaredError";
constexpr absl::string_view kMae = "MeanAbsoluteError";
constexpr absl::string_view kHuber = "Huber";

struct SquaredError {
  float Value(float e) const { return e * e; }
  float Grad(float e) const { return 2.0f * e; }
};

struct AbsoluteError {
  float Value(float e) const { return std::abs(e); }
  // TF's gradient of abs is sign(e): 0 at e == 0.
  float Grad(float e) const { return e > 0 ? 1.0f : (e < 0 ? -1.0f : 0.0f); }
};

struct HuberError {
  float delta;
  // As Keras: where(|e| <= delta, 0.5 e^2, delta |e| - 0.5 delta^2).
  float Value(float e) const {
    const float a = std::abs(e);
    return a <= delta ? 0.5f * e * e : delta * a - 0.5f * (delta * delta);
  }
  float Grad(float e) const {
    if (std::abs(e) <= delta) return e;
    return e > 0 ? delta : -delta;
  }
};

// The mean of fn(y_pred - y_true) over each row (NOTE [ Fused row losses ]).
template <typename ErrorFn>
struct MeanErrorKernel {
  ErrorFn fn;

  void Forward(const RowInputs& in, int64_t begin, int64_t end,
               float* loss) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      double sum = 0;
      for (int64_t i = r * k; i < (r + 1) * k; ++i)
        sum += fn.Value(p[i] - t[i]);
      loss[r - begin] = static_cast<float>(sum / static_cast<double>(k));
    }
  }

  void Backward(const RowInputs& in, int64_t begin, int64_t end,
                const RowScale& scale, float* d) const {
    const float* p = in.pred;
    const float* t = in.dense;
    const int64_t k = in.cols;
    for (int64_t r = begin; r < end; ++r) {
      const float s = scale(r) / static_cast<float>(k);
      for (int64_t i = r * k; i < (r + 1) * k; ++i) {
        d[i] = s * fn.Grad(p[i] - t[i]);
      }
    }
  }
};

template <typename ErrorFn>
absl::StatusOr<autograd::Variable> RunMeanError(
    absl::string_view name, ErrorFn fn, const Tensor& y_true,
    const autograd::Variable& y_pred, const Tensor* sample_weight,
    Reduction reduction) {
  STRATA_ASSIGN_OR_RETURN(RowInputs in,
                          internal::PrepareDense(name, y_true, y_pred));
  STRATA_ASSIGN_OR_RETURN(internal::RowWeights w,
                          internal::PrepareWeights(name, sample_weight, in));
  return internal::RunRowLoss(name, MeanErrorKernel<ErrorFn>{fn}, y_pred,
                              std::move(in), std::move(w), reduction);
}

}  // namespace

// ---- MeanSquaredError ----

MeanSquaredError::MeanSquaredError(MeanSquaredErrorOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name, "mean_squared_error")) {}

absl::StatusOr<std::unique_ptr<MeanSquaredError>> MeanSquaredError::FromConfig(
    const ConfigDict& config) {
  ConfigReader r(config, kMse);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  STRATA_RETURN_IF_ERROR(r.Finish());
  return std::make_unique<MeanSquaredError>(
      MeanSquaredErrorOptions{common.reduction, common.name});
}

absl::StatusOr<autograd::Variable> MeanSquaredError::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return RunMeanError(kMse, SquaredError{}, y_true, y_pred, nullptr,
                      Reduction::kNone);
}

absl::StatusOr<autograd::Variable> MeanSquaredError::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return RunMeanError(kMse, SquaredError{}, y_true, y_pred, sample_weight,
                      reduction());
}

// ---- MeanAbsoluteError ----

MeanAbsoluteError::MeanAbsoluteError(MeanAbsoluteErrorOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name, "mean_absolute_error")) {}

absl::StatusOr<std::unique_ptr<MeanAbsoluteError>>
MeanAbsoluteError::FromConfig(const ConfigDict& config) {
  ConfigReader r(config, kMae);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  STRATA_RETURN_IF_ERROR(r.Finish());
  return std::make_unique<MeanAbsoluteError>(
      MeanAbsoluteErrorOptions{common.reduction, common.name});
}

absl::StatusOr<autograd::Variable> MeanAbsoluteError::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return RunMeanError(kMae, AbsoluteError{}, y_true, y_pred, nullptr,
                      Reduction::kNone);
}

absl::StatusOr<autograd::Variable> MeanAbsoluteError::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return RunMeanError(kMae, AbsoluteError{}, y_true, y_pred, sample_weight,
                      reduction());
}

// ---- Huber ----

Huber::Huber(HuberOptions options)
    : Loss(options.reduction,
           internal::NameOrDefault(options.name, "huber_loss")),
      delta_(options.delta) {}

absl::StatusOr<std::unique_ptr<Huber>> Huber::FromConfig(
    const ConfigDict& config) {
  ConfigReader r(config, kHuber);
  STRATA_ASSIGN_OR_RETURN(internal::CommonLossConfig common,
                          internal::ReadCommonConfig(r));
  STRATA_ASSIGN_OR_RETURN(double delta, r.GetFloat("delta", 1.0));
  STRATA_RETURN_IF_ERROR(r.Finish());
  STRATA_RETURN_IF_ERROR(internal::CheckOption(
      kHuber, "delta", delta, 0, std::numeric_limits<double>::infinity()));
  return std::make_unique<Huber>(
      HuberOptions{static_cast<float>(delta), common.reduction, common.name});
}

ConfigDict Huber::GetConfig() const {
  ConfigDict config = Loss::GetConfig();
  ConfigWriter(&config).SetFloat("delta", delta_);
  return config;
}

absl::StatusOr<autograd::Variable> Huber::Compute(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight, Reduction reduction) const {
  STRATA_RETURN_IF_ERROR(internal::CheckOption(
      kHuber, "delta", delta_, 0, std::numeric_limits<double>::infinity()));
  return RunMeanError(kHuber, HuberError{delta_}, y_true, y_pred, sample_weight,
                      reduction);
}

absl::StatusOr<autograd::Variable> Huber::PerSample(
    const Tensor& y_true, const autograd::Variable& y_pred) const {
  return Compute(y_true, y_pred, nullptr, Reduction::kNone);
}

absl::StatusOr<autograd::Variable> Huber::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  return Compute(y_true, y_pred, sample_weight, reduction());
}

}  // namespace strata::losses
