// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_REDUCE_LR_ON_PLATEAU_H_
#define STRATA_CALLBACKS_REDUCE_LR_ON_PLATEAU_H_

// ReduceLROnPlateau is Keras's callback that multiplies the optimizer's
// learning rate by `factor` when a monitored quantity has not improved (by
// more than min_delta) for `patience` epochs, never going below min_lr. After
// a reduction it waits `cooldown` epochs, not counting them towards patience.
// A learning rate already at min_lr (compared in float32, as Keras's float32
// variable does) is left alone. Setting the rate replaces an optimizer's
// LearningRateSchedule with a constant (Optimizer::set_learning_rate).
//
// As with EarlyStopping, a `monitor` missing from the epoch logs is an error
// (InvalidArgument naming the available keys) where Keras only warns; and
// Keras's logs["lr"] cannot be written into strata's const epoch logs.
// The state resets at each OnTrainBegin.
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<ReduceLROnPlateau> reduce_lr,
//       ReduceLROnPlateau::Create({.monitor = "val_loss", .factor = 0.2,
//                                  .patience = 5, .min_lr = 0.001}));
//   STRATA_RETURN_IF_ERROR(model->Fit(x, y, {.validation_split = 0.2,
//                                            .callbacks = {reduce_lr}})
//                              .status());

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "callbacks/monitor.h"
#include "models/callback.h"
#include "models/logs.h"

namespace strata::callbacks {

// Keras's arguments and defaults.
struct ReduceLROnPlateauOptions {
  std::string monitor = "val_loss";  // A key of the epoch logs; not empty.
  double factor = 0.1;               // new_lr = lr * factor; in [0, 1).
  int patience = 10;        // >= 0: epochs without improvement before a cut.
  int verbose = 0;          // >= 0; 1 prints each reduction.
  Mode mode = Mode::kAuto;  // See callbacks/monitor.h.
  double min_delta = 1e-4;  // >= 0: the margin an improvement must beat.
  int cooldown = 0;         // >= 0: epochs ignored after a reduction.
  double min_lr = 0.0;      // >= 0: lower bound on the learning rate.
};

class ReduceLROnPlateau final : public Callback {
 public:
  // InvalidArgument for factor >= 1 (Keras's check) or < 0, an empty monitor,
  // a negative patience, verbose, cooldown, min_delta or min_lr, or a
  // non-finite number.
  static absl::StatusOr<std::unique_ptr<ReduceLROnPlateau>> Create(
      ReduceLROnPlateauOptions options = {});

  const ReduceLROnPlateauOptions& options() const { return options_; }

  // Resets the best value and the wait and cooldown counters.
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Compares the monitored value with the best; may reduce the learning rate.
  // FailedPrecondition if the model has no optimizer.
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;

  // The best monitored value so far (+-inf before the first epoch).
  double best() const { return best_; }
  // Epochs without improvement counted towards patience.
  int wait() const { return wait_; }
  // Epochs of cooldown left.
  int cooldown_counter() const { return cooldown_counter_; }

 private:
  explicit ReduceLROnPlateau(ReduceLROnPlateauOptions options);
  void Reset();

  ReduceLROnPlateauOptions options_;
  bool higher_is_better_ = false;
  double best_ = 0.0;
  int wait_ = 0;
  int cooldown_counter_ = 0;
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_REDUCE_LR_ON_PLATEAU_H_
