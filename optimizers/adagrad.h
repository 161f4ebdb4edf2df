// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_ADAGRAD_H_
#define STRATA_OPTIMIZERS_ADAGRAD_H_

// Adagrad scales each parameter's learning rate by the inverse root of the sum of its squared
// gradients, as tf.keras.optimizers.Adagrad of Keras 2.11+. With g the clipped gradient and lr
// the step's learning rate:
//   accumulator += g^2              (slot "accumulator", starting at initial_accumulator_value)
//   w -= lr * g / sqrt(accumulator + epsilon)
//
//   STRATA_ASSIGN_OR_RETURN(auto adagrad, Adagrad::Create({.learning_rate = 0.01}));
//   STRATA_RETURN_IF_ERROR(adagrad->ApplyGradients(weights));

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "optimizers/base_optimizer.h"

namespace strata::optimizers {

// Keras's Adagrad arguments and defaults; the common ones are described in CommonOptions.
struct AdagradOptions {
  double learning_rate = 0.001;
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;
  double initial_accumulator_value = 0.1;  // Finite, >= 0.
  double epsilon = 1e-7;                   // Finite, >= 0.
  std::optional<double> weight_decay;
  std::optional<double> clipnorm;
  std::optional<double> clipvalue;
  std::optional<double> global_clipnorm;
  std::string name;  // Empty: "Adagrad".
};

class Adagrad final : public Optimizer {
 public:
  // InvalidArgument naming the option for an invalid one.
  static absl::StatusOr<std::unique_ptr<Adagrad>> Create(AdagradOptions options = {});
  // From Keras's get_config() keys; InvalidArgument for unknown keys or bad values.
  static absl::StatusOr<std::unique_ptr<Adagrad>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Adagrad"; }
  ConfigDict GetConfig() const override;
  const AdagradOptions& options() const { return options_; }

 protected:
  void Update(const UpdateContext& context, float* value, const float* grad, float* const* slots,
              int64_t size) override;

 private:
  explicit Adagrad(AdagradOptions options);
  AdagradOptions options_;
};

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_ADAGRAD_H_
