// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_ADAM_H_
#define STRATA_OPTIMIZERS_ADAM_H_

// Adam and AdamW, as tf.keras.optimizers.Adam and AdamW of Keras 2.11+. With g the clipped
// gradient, lr the step's learning rate and t = iterations() + 1:
//   m = m + (g - m) * (1 - beta_1)                                        (slot "m")
//   v = v + (g^2 - v) * (1 - beta_2)                                      (slot "v")
//   amsgrad: vhat = max(vhat, v), used in place of v                      (slot "vhat")
//   alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
//   w -= alpha * m / (sqrt(v) + epsilon)
// AdamW is the same update after decoupled weight decay, w -= w * weight_decay * lr, which
// Keras 2.11+ applies in its base optimizer (so Adam with a weight_decay is AdamW too).
//
//   STRATA_ASSIGN_OR_RETURN(auto adam, Adam::Create({.learning_rate = 3e-4, .amsgrad = true}));
//   STRATA_ASSIGN_OR_RETURN(auto adamw, AdamW::Create({.weight_decay = 0.01}));
//   STRATA_RETURN_IF_ERROR(adam->ApplyGradients(weights));

#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "optimizers/base_optimizer.h"

namespace strata::optimizers {

// Keras's Adam arguments and defaults; the common ones are described in CommonOptions.
struct AdamOptions {
  double learning_rate = 0.001;
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;
  double beta_1 = 0.9;    // In [0, 1).
  double beta_2 = 0.999;  // In [0, 1).
  double epsilon = 1e-7;  // Finite, >= 0.
  bool amsgrad = false;
  std::optional<double> weight_decay;
  std::optional<double> clipnorm;
  std::optional<double> clipvalue;
  std::optional<double> global_clipnorm;
  std::string name;  // Empty: "Adam".
};

// Keras's AdamW arguments and defaults (in Keras's order: weight_decay comes second).
struct AdamWOptions {
  double learning_rate = 0.001;
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;
  std::optional<double> weight_decay = 0.004;  // Required, >= 0 (Keras rejects None).
  double beta_1 = 0.9;
  double beta_2 = 0.999;
  double epsilon = 1e-7;
  bool amsgrad = false;
  std::optional<double> clipnorm;
  std::optional<double> clipvalue;
  std::optional<double> global_clipnorm;
  std::string name;  // Empty: "AdamW".
};

class Adam : public Optimizer {
 public:
  // InvalidArgument naming the option for an invalid one.
  static absl::StatusOr<std::unique_ptr<Adam>> Create(AdamOptions options = {});
  // From Keras's get_config() keys; InvalidArgument for unknown keys or bad values.
  static absl::StatusOr<std::unique_ptr<Adam>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Adam"; }
  ConfigDict GetConfig() const override;
  // The hyperparameters (for an AdamW, converted to AdamOptions).
  const AdamOptions& options() const { return options_; }

 protected:
  explicit Adam(AdamOptions options);
  void Update(const UpdateContext& context, float* value, const float* grad, float* const* slots,
              int64_t size) override;
  static absl::Status ValidateAdamOptions(absl::string_view class_name, const AdamOptions& options);

 private:
  AdamOptions options_;
};

class AdamW final : public Adam {
 public:
  // InvalidArgument naming the option for an invalid one (and for weight_decay none).
  static absl::StatusOr<std::unique_ptr<AdamW>> Create(AdamWOptions options = {});
  // From Keras's get_config() keys; InvalidArgument for unknown keys or bad values.
  static absl::StatusOr<std::unique_ptr<AdamW>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "AdamW"; }

 private:
  explicit AdamW(AdamOptions options) : Adam(std::move(options)) {}
};

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_ADAM_H_
