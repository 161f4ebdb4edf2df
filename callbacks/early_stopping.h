// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_EARLY_STOPPING_H_
#define STRATA_CALLBACKS_EARLY_STOPPING_H_

// EarlyStopping is Keras's callback that stops Fit when a monitored quantity
// has stopped improving. At each epoch end it reads `monitor` from the logs;
// a value better than the best so far by more than |min_delta| is an
// improvement. After `patience` epochs without one (and never at the first
// epoch) it calls model().StopTraining(). With a `baseline`, the patience
// counter only restarts on values that also beat the baseline, so a run that
// never beats it stops after `patience` epochs of no improvement.
//
// restore_best_weights copies the values of Model::weights() at the best
// epoch (or at the first monitored epoch, if nothing ever improves) and writes
// them back in place at train end, as tf.keras 2.13+ and Keras 3 do: whether
// training stopped early or ran all its epochs. (Keras 2.2-2.12 restored only
// when it stopped; then as now, the model ends with the best epoch's weights
// whenever training stops early.)
//
// Unlike Keras, which warns and skips the epoch, a `monitor` missing from the
// epoch logs is an error that stops Fit: InvalidArgument naming the key and
// the keys the logs have (typically "val_loss" without validation data).
//
// The callback resets its state at each OnTrainBegin, so it can be reused.
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<EarlyStopping> stop,
//       EarlyStopping::Create({.monitor = "val_loss", .patience = 3,
//                              .restore_best_weights = true}));
//   STRATA_ASSIGN_OR_RETURN(History history, model->Fit(x, y,
//       {.epochs = 100, .validation_split = 0.2, .callbacks = {stop}}));
//   if (stop->stopped_epoch() > 0) std::cout << stop->best_epoch() << "\n";

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "callbacks/monitor.h"
#include "models/callback.h"
#include "models/logs.h"
#include "tensor/tensor.h"

namespace strata::callbacks {

// Keras's arguments and defaults.
struct EarlyStoppingOptions {
  std::string monitor = "val_loss";  // A key of the epoch logs; not empty.
  double min_delta = 0.0;   // Finite; its absolute value is used, as Keras.
  int patience = 0;         // Epochs without improvement before stopping.
  int verbose = 0;          // >= 0; 1 prints when it stops and restores.
  Mode mode = Mode::kAuto;  // See callbacks/monitor.h.
  std::optional<double> baseline;  // Finite if set.
  bool restore_best_weights = false;
  int start_from_epoch = 0;  // >= 0: epochs of warm-up not monitored.
};

class EarlyStopping final : public Callback {
 public:
  // InvalidArgument for an empty monitor, a negative patience, verbose or
  // start_from_epoch, or a non-finite min_delta or baseline.
  static absl::StatusOr<std::unique_ptr<EarlyStopping>> Create(
      EarlyStoppingOptions options = {});

  const EarlyStoppingOptions& options() const { return options_; }

  // Resets the counters, the best value and the saved weights.
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Compares the monitored value with the best; may stop training.
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;
  // Prints (verbose) and restores the best weights (restore_best_weights).
  absl::Status OnTrainEnd(const Logs& logs) override;

  // The epoch (from 0) at which it stopped training; 0 if it did not, as
  // Keras's stopped_epoch (it never stops at epoch 0).
  int stopped_epoch() const { return stopped_epoch_; }
  // The best monitored value so far (+-inf before the first epoch).
  double best() const { return best_; }
  // The epoch of best(), or of the saved weights before any improvement.
  int best_epoch() const { return best_epoch_; }
  // Epochs counted towards patience.
  int wait() const { return wait_; }

 private:
  explicit EarlyStopping(EarlyStoppingOptions options);
  bool IsImprovement(double value, double reference) const;
  void SaveWeights();
  absl::Status RestoreWeights();

  EarlyStoppingOptions options_;
  bool higher_is_better_ = false;
  int wait_ = 0;
  int stopped_epoch_ = 0;
  double best_ = 0.0;
  int best_epoch_ = 0;
  // Deep copies of Model::weights() values, in that order.
  bool has_best_weights_ = false;
  std::vector<Tensor> best_weights_;
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_EARLY_STOPPING_H_
