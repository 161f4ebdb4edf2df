// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_REGRESSION_H_
#define STRATA_LOSSES_REGRESSION_H_

// Regression losses of Keras 2.x: MeanSquaredError, MeanAbsoluteError and
// Huber. Each per-sample loss is the mean, over y_pred's last axis, of a
// function of the error e = y_pred - y_true:
//   MeanSquaredError   e^2                      d/dy_pred = 2 e
//   MeanAbsoluteError  |e|                      d/dy_pred = sign(e), 0 at 0
//   Huber(delta)       e^2 / 2       if |e| <= delta,      e
//                      delta |e| - delta^2 / 2 otherwise,  delta sign(e)
// Each call is one fused differentiable op (see loss.h for shapes, weights
// and reductions).
//
//   MeanSquaredError mse;
//   STRATA_ASSIGN_OR_RETURN(autograd::Variable loss, mse(targets, outputs));
//   Huber huber({.delta = 0.5f});
//   STRATA_ASSIGN_OR_RETURN(auto h, Huber::FromConfig(huber.GetConfig()));

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "losses/loss.h"
#include "tensor/tensor.h"

namespace strata::losses {

struct MeanSquaredErrorOptions {
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "mean_squared_error".
};

// mean((y_pred - y_true)^2, axis=-1).
class MeanSquaredError final : public Loss {
 public:
  explicit MeanSquaredError(MeanSquaredErrorOptions options = {});
  // Keys "reduction", "name"; InvalidArgument for a bad or unknown key.
  static absl::StatusOr<std::unique_ptr<MeanSquaredError>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "MeanSquaredError"; }
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;
};

struct MeanAbsoluteErrorOptions {
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "mean_absolute_error".
};

// mean(|y_pred - y_true|, axis=-1).
class MeanAbsoluteError final : public Loss {
 public:
  explicit MeanAbsoluteError(MeanAbsoluteErrorOptions options = {});
  // Keys "reduction", "name".
  static absl::StatusOr<std::unique_ptr<MeanAbsoluteError>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "MeanAbsoluteError"; }
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;
};

struct HuberOptions {
  float delta = 1.0f;  // Where the loss turns from quadratic to linear; >= 0.
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "huber_loss".
};

// Huber loss, quadratic for |error| <= delta and linear beyond.
class Huber final : public Loss {
 public:
  explicit Huber(HuberOptions options = {});
  // Keys "reduction", "name", "delta".
  static absl::StatusOr<std::unique_ptr<Huber>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "Huber"; }
  // InvalidArgument also for a negative or NaN delta.
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;
  // Adds "delta".
  ConfigDict GetConfig() const override;
  float delta() const { return delta_; }

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;

 private:
  absl::StatusOr<autograd::Variable> Compute(const Tensor& y_true,
                                             const autograd::Variable& y_pred,
                                             const Tensor* sample_weight,
                                             Reduction reduction) const;
  float delta_;
};

}  // namespace strata::losses

#endif  // STRATA_LOSSES_REGRESSION_H_
