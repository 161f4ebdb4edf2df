// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_MONITOR_H_
#define STRATA_CALLBACKS_MONITOR_H_

// The monitored quantity of EarlyStopping and ReduceLROnPlateau: a key of the
// epoch logs ("val_loss", "accuracy", ...) and whether lower or higher is
// better. Mode::kAuto picks "higher is better" for names containing "acc" or
// "auc" (accuracy, val_auc_1, ...) and "lower is better" for everything else,
// as Keras's "auto" mode does.
//
//   bool higher = HigherIsBetter(Mode::kAuto, "val_accuracy");  // true
//   STRATA_ASSIGN_OR_RETURN(double current,
//                           FindMonitor("EarlyStopping", "val_loss", logs));

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "models/logs.h"

namespace strata::callbacks {

// Keras's `mode` argument.
enum class Mode {
  kAuto,  // From the name: higher is better for "acc"/"auc", else lower.
  kMin,   // Lower is better (losses, errors).
  kMax,   // Higher is better (accuracy, AUC).
};

// "auto", "min" or "max".
absl::string_view ModeName(Mode mode);

// True if higher values of `monitor` are improvements under `mode`.
bool HigherIsBetter(Mode mode, absl::string_view monitor);

// The value of `monitor` in `logs`. InvalidArgument naming the callback, the
// key and the keys the logs do have when it is missing. Keras only warns and
// skips the epoch; strata stops instead, since a callback that silently never
// acts (a typo, or "val_loss" without validation data) wastes a whole run.
absl::StatusOr<double> FindMonitor(absl::string_view callback,
                                   const std::string& monitor,
                                   const Logs& logs);

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_MONITOR_H_
