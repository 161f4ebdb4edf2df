// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/learning_rate_scheduler.h"

#include <cmath>
#include <iostream>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "callbacks/internal/python_format.h"
#include "models/model.h"
#include "optimizers/optimizer.h"

namespace strata::callbacks {
namespace {

using internal::FormatPythonFloat;

absl::StatusOr<optimizers::Optimizer*> OptimizerOf(const Model& model) {
  optimizers::Optimizer* optimizer = model.optimizer().get();
  if (optimizer == nullptr) {
    return absl::FailedPreconditionError(
        "LearningRateScheduler: expected a compiled model with an optimizer; "
        "received a model without one. Call Compile before Fit.");
  }
  return optimizer;
}

}  // namespace

absl::StatusOr<std::unique_ptr<LearningRateScheduler>>
LearningRateScheduler::Create(LearningRateSchedulerOptions options) {
  if (!options.schedule) {
    return absl::InvalidArgumentError(
        "LearningRateScheduler option 'schedule': expected a function of "
        "(epoch, lr); received none.");
  }
  if (options.verbose < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("LearningRateScheduler option 'verbose': expected >= 0; "
                     "received ",
                     options.verbose, "."));
  }
  return std::unique_ptr<LearningRateScheduler>(
      new LearningRateScheduler(std::move(options)));
}

absl::Status LearningRateScheduler::OnTrainBegin(const Logs& logs) {
  learning_rates_.clear();
  return absl::OkStatus();
}

absl::Status LearningRateScheduler::OnEpochBegin(int epoch, const Logs& logs) {
  STRATA_ASSIGN_OR_RETURN(optimizers::Optimizer * optimizer,
                          OptimizerOf(model()));
  const double lr = options_.schedule(epoch, optimizer->learning_rate());
  if (!std::isfinite(lr) || lr < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "LearningRateScheduler schedule: expected a finite learning rate >= 0; "
        "received ",
        FormatPythonFloat(lr), " for epoch ", epoch, "."));
  }
  STRATA_RETURN_IF_ERROR(optimizer->set_learning_rate(lr));
  if (options_.verbose > 0) {
    std::cout << "\nEpoch " << epoch + 1
              << ": LearningRateScheduler setting learning rate to "
              << FormatPythonFloat(lr) << ".\n";
  }
  return absl::OkStatus();
}

absl::Status LearningRateScheduler::OnEpochEnd(int epoch, const Logs& logs) {
  STRATA_ASSIGN_OR_RETURN(optimizers::Optimizer * optimizer,
                          OptimizerOf(model()));
  learning_rates_.push_back(optimizer->learning_rate());
  return absl::OkStatus();
}

}  // namespace strata::callbacks
