// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_RMSPROP_H_
#define STRATA_OPTIMIZERS_RMSPROP_H_

// RMSprop divides the gradient by a running root mean square of recent gradients, as
// tf.keras.optimizers.RMSprop of Keras 2.11+. With g the clipped gradient and lr the step's
// learning rate:
//   velocity = rho * velocity + (1 - rho) * g^2                           (slot "velocity")
//   centered: average_gradient = rho * average_gradient + (1 - rho) * g   (slot "average_gradient")
//             denominator = velocity - average_gradient^2 + epsilon
//   otherwise denominator = velocity + epsilon
//   increment = lr * g / sqrt(denominator)
//   momentum > 0: momentum_slot = momentum * momentum_slot + increment;  w -= momentum_slot
//                                                                          (slot "momentum")
//   otherwise:    w -= increment
// NOTE: epsilon sits inside the square root, as in Keras 2.11+ (and Keras 3); the legacy
// optimizer_v2 RMSprop used lr * g / (sqrt(velocity) + epsilon) when momentum == 0.
//
//   STRATA_ASSIGN_OR_RETURN(auto rmsprop, RMSprop::Create({.learning_rate = 1e-3,
//                                                           .centered = true}));
//   STRATA_RETURN_IF_ERROR(rmsprop->ApplyGradients(weights));

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "optimizers/base_optimizer.h"

namespace strata::optimizers {

// Keras's RMSprop arguments and defaults; the common ones are described in CommonOptions.
struct RMSpropOptions {
  double learning_rate = 0.001;
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;
  double rho = 0.9;       // In [0, 1).
  double momentum = 0.0;  // In [0, 1].
  double epsilon = 1e-7;  // Finite, >= 0.
  bool centered = false;
  std::optional<double> weight_decay;
  std::optional<double> clipnorm;
  std::optional<double> clipvalue;
  std::optional<double> global_clipnorm;
  std::string name;  // Empty: "RMSprop".
};

class RMSprop final : public Optimizer {
 public:
  // InvalidArgument naming the option for an invalid one.
  static absl::StatusOr<std::unique_ptr<RMSprop>> Create(RMSpropOptions options = {});
  // From Keras's get_config() keys; InvalidArgument for unknown keys or bad values.
  static absl::StatusOr<std::unique_ptr<RMSprop>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "RMSprop"; }
  ConfigDict GetConfig() const override;
  const RMSpropOptions& options() const { return options_; }

 protected:
  void Update(const UpdateContext& context, float* value, const float* grad, float* const* slots,
              int64_t size) override;

 private:
  explicit RMSprop(RMSpropOptions options);
  RMSpropOptions options_;
};

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_RMSPROP_H_
