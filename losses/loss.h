// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_LOSS_H_
#define STRATA_LOSSES_LOSS_H_

// Loss is the base of the loss classes, as keras.losses.Loss in Keras 2.x: a
// loss maps (y_true, y_pred) to per-sample losses (Keras's loss *function*,
// e.g. the mean of the squared error over the last axis for MSE) and reduces
// them, weighted by optional per-sample weights, to the scalar a model
// minimizes. y_true is a constant Tensor (targets carry no gradient); y_pred
// is a Variable, and the result backpropagates into it.
//
// Lifecycle: a loss is a small immutable value (its options); calling it never
// changes it, so one loss may serve any number of models and threads.
//
// Built-in losses (regression.h, binary_crossentropy.h,
// categorical_crossentropy.h) compute each call as one fused differentiable
// op. A custom loss overrides PerSample with autograd ops; the base class then
// weights and reduces its result.
//
//   SparseCategoricalCrossentropy loss({.from_logits = true});
//   STRATA_ASSIGN_OR_RETURN(autograd::Variable value, loss(labels, logits));
//   STRATA_RETURN_IF_ERROR(value.Backward());   // d(value)/d(logits)
//   ConfigDict config = loss.GetConfig();       // {"reduction": "auto", ...}
//
// Shapes: y_true has y_pred's shape, or differs from it by a trailing 1
// ((64,) against (64, 1)), as Keras's squeeze_or_expand_dimensions allows;
// sparse losses take one label per row instead. Per-sample losses have
// y_pred's shape without the last axis ((batch,) for (batch, classes));
// a rank-1 y_pred (batch,) is read as (batch, 1).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "tensor/tensor.h"

namespace strata::losses {

// How per-sample losses become the loss value (Keras's
// tf.keras.losses.Reduction).
enum class Reduction {
  kAuto,              // "auto": sum_over_batch_size (Keras 2.x's default).
  kSumOverBatchSize,  // sum(per_sample * weight) / number of per-sample losses.
  kSum,               // sum(per_sample * weight).
  kNone,              // per_sample * weight, unreduced.
};

// Keras's spelling: "auto", "sum_over_batch_size", "sum", "none".
absl::string_view ReductionName(Reduction reduction);
// The inverse of ReductionName; InvalidArgument naming an unknown name.
absl::StatusOr<Reduction> ParseReduction(absl::string_view name);

class Loss {
 public:
  virtual ~Loss();

  // Keras's class name: "SparseCategoricalCrossentropy".
  virtual std::string class_name() const = 0;
  // The instance's name; Keras's default is the snake_case function name
  // ("sparse_categorical_crossentropy").
  const std::string& name() const { return name_; }
  // The reduction operator() applies.
  Reduction reduction() const { return reduction_; }

  // Keras's loss function: the unweighted per-sample losses, shaped like
  // y_pred without its last axis. InvalidArgument for mismatched shapes or
  // dtypes, naming both shapes.
  virtual absl::StatusOr<autograd::Variable> PerSample(
      const Tensor& y_true, const autograd::Variable& y_pred) const = 0;

  // The loss value: per-sample losses times `sample_weight` (optional: a
  // scalar, (batch,), (batch, 1) or the per-sample shape), reduced by
  // reduction(): a scalar, or the per-sample shape for Reduction::kNone.
  absl::StatusOr<autograd::Variable> operator()(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight = nullptr) const {
    return Call(y_true, y_pred, sample_weight);
  }

  // Keras's get_config: "reduction" and "name", plus each class's options
  // ("from_logits", "label_smoothing", "delta", ...). Round-trips through
  // FromConfig (losses.h).
  virtual ConfigDict GetConfig() const;

 protected:
  Loss(Reduction reduction, std::string name);
  Loss(const Loss&) = default;
  Loss& operator=(const Loss&) = default;

  // operator()'s implementation. The default weights and reduces PerSample's
  // result with autograd ops (WeightAndReduce); built-in losses override it
  // with one fused op.
  virtual absl::StatusOr<autograd::Variable> Call(
      const Tensor& y_true, const autograd::Variable& y_pred,
      const Tensor* sample_weight) const;

  // Multiplies `per_sample` by `sample_weight` (shapes as for operator()) and
  // applies `reduction`, differentiably. `owner` names the loss in errors.
  static absl::StatusOr<autograd::Variable> WeightAndReduce(
      absl::string_view owner, const autograd::Variable& per_sample,
      const Tensor* sample_weight, Reduction reduction);

 private:
  Reduction reduction_;
  std::string name_;
};

}  // namespace strata::losses

#endif  // STRATA_LOSSES_LOSS_H_
