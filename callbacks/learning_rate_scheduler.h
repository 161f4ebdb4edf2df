// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_LEARNING_RATE_SCHEDULER_H_
#define STRATA_CALLBACKS_LEARNING_RATE_SCHEDULER_H_

// LearningRateScheduler is Keras's per-epoch learning-rate schedule: at each
// epoch begin it calls `schedule(epoch, current_lr)` (epoch from 0, lr the
// optimizer's learning_rate()) and sets the optimizer's learning rate to the
// result. Setting it replaces an optimizer's LearningRateSchedule with that
// constant (Optimizer::set_learning_rate).
//
// Keras also writes logs["lr"] at each epoch end. strata's Callback receives
// the epoch logs as const (and Fit records History before the callbacks run),
// so the value is kept in learning_rates() instead.
//
//   auto schedule = [](int epoch, double lr) {
//     return epoch < 10 ? lr : lr * std::exp(-0.1);
//   };
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<LearningRateScheduler> lr,
//       LearningRateScheduler::Create({.schedule = schedule}));
//   STRATA_RETURN_IF_ERROR(model->Fit(x, y, {.epochs = 15,
//                                            .callbacks = {lr}}).status());

#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "models/callback.h"
#include "models/logs.h"

namespace strata::callbacks {

struct LearningRateSchedulerOptions {
  // Required: the learning rate of epoch `epoch` (from 0) given the current
  // one. Must return a finite value >= 0.
  std::function<double(int epoch, double lr)> schedule;
  int verbose = 0;  // >= 0; 1 prints each update as Keras does.
};

class LearningRateScheduler final : public Callback {
 public:
  // InvalidArgument for a missing schedule or a negative verbose.
  static absl::StatusOr<std::unique_ptr<LearningRateScheduler>> Create(
      LearningRateSchedulerOptions options);

  // Clears learning_rates().
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Sets the learning rate. FailedPrecondition if the model has no optimizer;
  // InvalidArgument if the schedule returns a negative or non-finite rate.
  absl::Status OnEpochBegin(int epoch, const Logs& logs) override;
  // Appends the optimizer's learning rate to learning_rates().
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;

  // The learning rate at the end of each epoch of the last Fit: Keras's
  // history["lr"].
  const std::vector<double>& learning_rates() const { return learning_rates_; }

 private:
  explicit LearningRateScheduler(LearningRateSchedulerOptions options)
      : options_(std::move(options)) {}

  LearningRateSchedulerOptions options_;
  std::vector<double> learning_rates_;
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_LEARNING_RATE_SCHEDULER_H_
