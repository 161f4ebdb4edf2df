// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_SGD_H_
#define STRATA_OPTIMIZERS_SGD_H_

// SGD is gradient descent with optional (Nesterov) momentum, as tf.keras.optimizers.SGD
// (Keras 2.11+). With g the clipped gradient and lr the learning rate of the step:
//   momentum == 0:  w -= lr * g
//   otherwise:      m = momentum * m - lr * g;  w += m                       (slot "m")
//   nesterov:       m = momentum * m - lr * g;  w += momentum * m - lr * g
//
//   STRATA_ASSIGN_OR_RETURN(auto sgd, SGD::Create({.learning_rate = 0.1, .momentum = 0.9,
//                                                   .nesterov = true}));
//   STRATA_RETURN_IF_ERROR(sgd->ApplyGradients(weights));

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "optimizers/base_optimizer.h"

namespace strata::optimizers {

// Keras's SGD arguments and defaults; the common ones are described in CommonOptions.
struct SGDOptions {
  double learning_rate = 0.01;
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;
  double momentum = 0.0;  // In [0, 1].
  bool nesterov = false;
  std::optional<double> weight_decay;
  std::optional<double> clipnorm;
  std::optional<double> clipvalue;
  std::optional<double> global_clipnorm;
  std::string name;  // Empty: "SGD".
};

class SGD final : public Optimizer {
 public:
  // InvalidArgument naming the option for an invalid one.
  static absl::StatusOr<std::unique_ptr<SGD>> Create(SGDOptions options = {});
  // From Keras's get_config() keys; InvalidArgument for unknown keys or bad values.
  static absl::StatusOr<std::unique_ptr<SGD>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "SGD"; }
  ConfigDict GetConfig() const override;
  const SGDOptions& options() const { return options_; }

 protected:
  void Update(const UpdateContext& context, float* value, const float* grad, float* const* slots,
              int64_t size) override;

 private:
  explicit SGD(SGDOptions options);
  SGDOptions options_;
};

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_SGD_H_
