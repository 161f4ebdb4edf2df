// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/early_stopping.h"

#include <cmath>
#include <cstring>
#include <iostream>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "callbacks/internal/python_format.h"
#include "models/model.h"

namespace strata::callbacks {

using internal::FormatPythonFloat;

absl::StatusOr<std::unique_ptr<EarlyStopping>> EarlyStopping::Create(
    EarlyStoppingOptions options) {
  auto error = [](absl::string_view option, absl::string_view expected,
                  const auto& received) {
    return absl::InvalidArgumentError(
        absl::StrCat("EarlyStopping option '", option, "': expected ", expected,
                     "; received ", received, "."));
  };
  if (options.monitor.empty()) return error("monitor", "a log key", "\"\"");
  if (!std::isfinite(options.min_delta)) {
    return error("min_delta", "a finite number",
                 FormatPythonFloat(options.min_delta));
  }
  if (options.patience < 0) return error("patience", ">= 0", options.patience);
  if (options.verbose < 0) return error("verbose", ">= 0", options.verbose);
  if (options.start_from_epoch < 0) {
    return error("start_from_epoch", ">= 0", options.start_from_epoch);
  }
  if (options.baseline.has_value() && !std::isfinite(*options.baseline)) {
    return error("baseline", "a finite number or none",
                 FormatPythonFloat(*options.baseline));
  }
  return std::unique_ptr<EarlyStopping>(new EarlyStopping(std::move(options)));
}

EarlyStopping::EarlyStopping(EarlyStoppingOptions options)
    : options_(std::move(options)),
      higher_is_better_(HigherIsBetter(options_.mode, options_.monitor)) {
  // Keras keeps |min_delta| and signs it by direction; IsImprovement does the
  // same comparison without storing a signed copy.
  options_.min_delta = std::abs(options_.min_delta);
}

bool EarlyStopping::IsImprovement(double value, double reference) const {
  return higher_is_better_ ? value - options_.min_delta > reference
                           : value + options_.min_delta < reference;
}

absl::Status EarlyStopping::OnTrainBegin(const Logs& logs) {
  wait_ = 0;
  stopped_epoch_ = 0;
  best_ = higher_is_better_ ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
  best_epoch_ = 0;
  best_weights_.clear();
  has_best_weights_ = false;
  return absl::OkStatus();
}

absl::Status EarlyStopping::OnEpochEnd(int epoch, const Logs& logs) {
  STRATA_ASSIGN_OR_RETURN(double current,
                          FindMonitor("EarlyStopping", options_.monitor, logs));
  if (epoch < options_.start_from_epoch) return absl::OkStatus();
  if (options_.restore_best_weights && !has_best_weights_) {
    // If nothing ever improves, the first monitored epoch is the best one.
    SaveWeights();
    best_epoch_ = epoch;
  }
  ++wait_;
  if (IsImprovement(current, best_)) {
    best_ = current;
    best_epoch_ = epoch;
    if (options_.restore_best_weights) SaveWeights();
    // The patience counter restarts only when the baseline is beaten too.
    if (!options_.baseline.has_value() ||
        IsImprovement(current, *options_.baseline)) {
      wait_ = 0;
    }
    return absl::OkStatus();
  }
  if (wait_ >= options_.patience && epoch > 0) {
    stopped_epoch_ = epoch;
    model().StopTraining();
  }
  return absl::OkStatus();
}

absl::Status EarlyStopping::OnTrainEnd(const Logs& logs) {
  if (stopped_epoch_ > 0 && options_.verbose > 0) {
    std::cout << "Epoch " << stopped_epoch_ + 1 << ": early stopping\n";
  }
  if (options_.restore_best_weights && has_best_weights_) {
    if (options_.verbose > 0) {
      std::cout << "Restoring model weights from the end of the best epoch: "
                << best_epoch_ + 1 << ".\n";
    }
    STRATA_RETURN_IF_ERROR(RestoreWeights());
  }
  return absl::OkStatus();
}

void EarlyStopping::SaveWeights() {
  has_best_weights_ = true;
  best_weights_.clear();
  for (const Weight& weight : model().weights()) {
    best_weights_.push_back(weight.variable.value().Clone());
  }
}

absl::Status EarlyStopping::RestoreWeights() {
  std::vector<Weight> weights = model().weights();
  if (weights.size() != best_weights_.size()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "EarlyStopping restore_best_weights: expected the model to have the ",
        best_weights_.size(), " weights saved at epoch ", best_epoch_ + 1,
        "; received a model with ", weights.size(), " weights."));
  }
  for (size_t i = 0; i < weights.size(); ++i) {
    const Tensor& saved = best_weights_[i];
    Tensor& value = weights[i].variable.mutable_value();
    if (value.shape() != saved.shape() || value.dtype() != saved.dtype()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "EarlyStopping restore_best_weights: expected weight '",
          weights[i].name, "' to keep its shape ", saved.shape().ToString(),
          " and dtype; received ", value.shape().ToString(), "."));
    }
    // In place, so the variables stay the ones the optimizer's slots are keyed
    // by (Optimizer matches variables by identity).
    std::memcpy(value.raw_data(), saved.raw_data(), saved.num_bytes());
  }
  return absl::OkStatus();
}

}  // namespace strata::callbacks
