// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_CATEGORICAL_CROSSENTROPY_H_
#define STRATA_LOSSES_CATEGORICAL_CROSSENTROPY_H_

// The multi-class cross-entropies of Keras 2.x, over y_pred's last axis (the
// classes): CategoricalCrossentropy takes one-hot (or soft) targets shaped
// like y_pred, SparseCategoricalCrossentropy one integer label per row.
//
// From logits x (the classifier's usual case), loss = logsumexp(x) - x[label]
// (or sum_j t_j (logsumexp(x) - x_j)), computed shifted by the row's max so it
// never overflows; its gradient is softmax(x) - onehot(label) (or
// softmax(x) sum(t) - t). Each call is ONE fused op: forward reads every
// logit once for the max and once for the exponentials, without making the
// log-softmax; backward writes softmax - onehot, scaled by the incoming
// gradient and weight, straight into d(loss)/d(x).
//
// From probabilities p, exactly as Keras's backend:
//   CategoricalCrossentropy: p is renormalized, u = p / sum(p), clipped to
//     [eps, 1 - eps] (eps = 1e-7): loss = -sum_j t_j log(u_j).
//   SparseCategoricalCrossentropy: q = clip(p, eps, 1 - eps) is read as logits
//     log(q): loss = log(sum_j q_j) - log(q[label]).
// The gradient is 0 where a clip is active, as TF's clip_by_value.
//
//   SparseCategoricalCrossentropy loss({.from_logits = true});
//   STRATA_ASSIGN_OR_RETURN(autograd::Variable value, loss(labels, logits));
//   CategoricalCrossentropy smooth({.label_smoothing = 0.1f});

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "losses/loss.h"
#include "tensor/tensor.h"

namespace strata::losses {

struct CategoricalCrossentropyOptions {
  bool from_logits = false;  // y_pred holds logits, not probabilities.
  // In [0, 1]: targets become t (1 - ls) + ls / classes.
  float label_smoothing = 0.0f;
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "categorical_crossentropy".
};

// Cross-entropy against one-hot or soft targets shaped like y_pred.
class CategoricalCrossentropy final : public Loss {
 public:
  explicit CategoricalCrossentropy(CategoricalCrossentropyOptions options = {});
  // Keys "reduction", "name", "from_logits", "label_smoothing" and "axis"
  // (only -1).
  static absl::StatusOr<std::unique_ptr<CategoricalCrossentropy>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "CategoricalCrossentropy"; }
  // y_pred of rank >= 2; InvalidArgument also for label_smoothing outside
  // [0, 1].
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;
  // Adds "from_logits", "label_smoothing" and "axis": -1.
  ConfigDict GetConfig() const override;
  const CategoricalCrossentropyOptions& options() const { return options_; }

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;

 private:
  absl::StatusOr<autograd::Variable> Compute(const Tensor& y_true,
                                             const autograd::Variable& y_pred,
                                             const Tensor* sample_weight,
                                             Reduction reduction) const;
  CategoricalCrossentropyOptions options_;
};

struct SparseCategoricalCrossentropyOptions {
  bool from_logits = false;  // y_pred holds logits, not probabilities.
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty: "sparse_categorical_crossentropy".
};

// Cross-entropy against integer labels: y_true is int32, int64 or integral
// float32, shaped like y_pred without its last axis, or with it as 1
// ((batch,) or (batch, 1) for (batch, classes)). A label outside
// [0, classes) is InvalidArgument naming the label and the class count.
class SparseCategoricalCrossentropy final : public Loss {
 public:
  explicit SparseCategoricalCrossentropy(
      SparseCategoricalCrossentropyOptions options = {});
  // Keys "reduction", "name", "from_logits" and "ignore_class" (only null).
  static absl::StatusOr<std::unique_ptr<SparseCategoricalCrossentropy>>
  FromConfig(const ConfigDict& config);

  std::string class_name() const override {
    return "SparseCategoricalCrossentropy";
  }
  absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const override;
  // Adds "from_logits".
  ConfigDict GetConfig() const override;
  const SparseCategoricalCrossentropyOptions& options() const {
    return options_;
  }

 protected:
  absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const override;

 private:
  absl::StatusOr<autograd::Variable> Compute(const Tensor& y_true,
                                             const autograd::Variable& y_pred,
                                             const Tensor* sample_weight,
                                             Reduction reduction) const;
  SparseCategoricalCrossentropyOptions options_;
};

}  // namespace strata::losses

#endif  // STRATA_LOSSES_CATEGORICAL_CROSSENTROPY_H_
