// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/reduce_lr_on_plateau.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "callbacks/internal/python_format.h"
#include "models/model.h"
#include "optimizers/optimizer.h"

namespace strata::callbacks {

using internal::FormatPythonFloat;

absl::StatusOr<std::unique_ptr<ReduceLROnPlateau>> ReduceLROnPlateau::Create(
    ReduceLROnPlateauOptions options) {
  auto error = [](absl::string_view option, absl::string_view expected,
                  const auto& received) {
    return absl::InvalidArgumentError(
        absl::StrCat("ReduceLROnPlateau option '", option, "': expected ",
                     expected, "; received ", received, "."));
  };
  if (options.monitor.empty()) return error("monitor", "a log key", "\"\"");
  if (!(options.factor >= 0 && options.factor < 1)) {
    return error("factor", "a value in [0, 1)",
                 FormatPythonFloat(options.factor));
  }
  if (options.patience < 0) return error("patience", ">= 0", options.patience);
  if (options.verbose < 0) return error("verbose", ">= 0", options.verbose);
  if (!(options.min_delta >= 0) || std::isinf(options.min_delta)) {
    return error("min_delta", "a finite value >= 0",
                 FormatPythonFloat(options.min_delta));
  }
  if (options.cooldown < 0) return error("cooldown", ">= 0", options.cooldown);
  if (!(options.min_lr >= 0) || std::isinf(options.min_lr)) {
    return error("min_lr", "a finite value >= 0",
                 FormatPythonFloat(options.min_lr));
  }
  return std::unique_ptr<ReduceLROnPlateau>(
      new ReduceLROnPlateau(std::move(options)));
}

ReduceLROnPlateau::ReduceLROnPlateau(ReduceLROnPlateauOptions options)
    : options_(std::move(options)),
      higher_is_better_(HigherIsBetter(options_.mode, options_.monitor)) {
  Reset();
}

void ReduceLROnPlateau::Reset() {
  best_ = higher_is_better_ ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
  wait_ = 0;
  cooldown_counter_ = 0;
}

absl::Status ReduceLROnPlateau::OnTrainBegin(const Logs& logs) {
  Reset();
  return absl::OkStatus();
}

absl::Status ReduceLROnPlateau::OnEpochEnd(int epoch, const Logs& logs) {
  optimizers::Optimizer* optimizer = model().optimizer().get();
  if (optimizer == nullptr) {
    return absl::FailedPreconditionError(
        "ReduceLROnPlateau: expected a compiled model with an optimizer; "
        "received a model without one. Call Compile before Fit.");
  }
  STRATA_ASSIGN_OR_RETURN(
      double current, FindMonitor("ReduceLROnPlateau", options_.monitor, logs));
  if (cooldown_counter_ > 0) {
    --cooldown_counter_;
    wait_ = 0;
  }
  const bool improved = higher_is_better_
                            ? current > best_ + options_.min_delta
                            : current < best_ - options_.min_delta;
  if (improved) {
    best_ = current;
    wait_ = 0;
    return absl::OkStatus();
  }
  if (cooldown_counter_ > 0) return absl::OkStatus();
  ++wait_;
  if (wait_ < options_.patience) return absl::OkStatus();
  const double old_lr = optimizer->learning_rate();
  // Keras compares its float32 learning-rate variable with float32(min_lr):
  // a rate that has reached min_lr up to float32 rounding is not cut again
  // (and does not restart the cooldown).
  if (!(static_cast<float>(old_lr) > static_cast<float>(options_.min_lr))) {
    return absl::OkStatus();
  }
  const double new_lr = std::max(old_lr * options_.factor, options_.min_lr);
  STRATA_RETURN_IF_ERROR(optimizer->set_learning_rate(new_lr));
  if (options_.verbose > 0) {
    std::cout << "\nEpoch " << epoch + 1
              << ": ReduceLROnPlateau reducing learning rate to "
              << FormatPythonFloat(new_lr) << ".\n";
  }
  cooldown_counter_ = options_.cooldown;
  wait_ = 0;
  return absl::OkStatus();
}

}  // namespace strata::callbacks
