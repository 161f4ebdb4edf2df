// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_BINARY_CROSSENTROPY_H_
#define STRATA_LOSSES_BINARY_CROSSENTROPY_H_

// BinaryCrossentropy, as Keras 2.x computes it: the per-sample loss is the
// mean over y_pred's last axis of the cross-entropy of each independent
// binary target t (0 or 1, or a soft target in [0, 1]).
//
// With label smoothing ls, targets become t (1 - ls) + ls / 2 first. Then,
// as Keras's backend.binary_crossentropy:
//   from probabilities: p clipped to [eps, 1 - eps] (eps = 1e-7), then
//     -(t log(p + eps) + (1 - t) log(1 - p + eps)); the gradient is 0 where
//     the clip is active, as TF's clip_by_value.
//   from logits x: max(x, 0) - x t + log(1 + exp(-|x|)), which never
//     overflows; the gradient is sigmoid(x) - t.
// Each call is one fused differentiable op (loss.h: shapes, weights,
// reductions).
//
//   BinaryCrossentropy bce({.from_logits = true, .label_smoothing = 0.1f});
//   STRATA_ASSIGN_OR_RETURN(autograd::Variable loss, bce(labels, logits));

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "losses/loss.h"
#include "tensor/tensor.h"

namespace strata::losses {

struct BinaryCrossentropyOptions {
  bool from_logits = false;      // y_pred holds logits, not probabilities.
  float label_smoothing = 0.0f;  // In [0, 1].
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "binary_crossentropy".
};

class BinaryCrossentropy final : public Loss {
 public:
  explicit BinaryCrossentropy(BinaryCrossentropyOptions options = {});
  // Keys "reduction", "name", "from_logits", "label_smoothing" and "axis"
  // (only -1, the sole axis Keras's classes use).
  static absl::StatusOr<std::unique_ptr<BinaryCrossentropy>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "BinaryCrossentropy"; }
  // InvalidArgument also for label_smoothing outside [0, 1].
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;
  // Adds "from_logits", "label_smoothing" and "axis": -1.
  ConfigDict GetConfig() const override;
  const BinaryCrossentropyOptions& options() const { return options_; }

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;

 private:
  absl::StatusOr<autograd::Variable> Compute(const Tensor& y_true,
                                             const autograd::Variable& y_pred,
                                             const Tensor* sample_weight,
                                             Reduction reduction) const;
  BinaryCrossentropyOptions options_;
};

}  // namespace strata::losses

#endif  // STRATA_LOSSES_BINARY_CROSSENTROPY_H_
