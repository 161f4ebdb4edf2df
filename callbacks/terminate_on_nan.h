// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_TERMINATE_ON_NAN_H_
#define STRATA_CALLBACKS_TERMINATE_ON_NAN_H_

// TerminateOnNaN is Keras's callback that stops training as soon as a batch's
// "loss" log is NaN or infinite: it prints Keras's message
// "Batch <n>: Invalid loss, terminating training" to stdout and calls
// model().StopTraining(), so Fit returns normally after that batch (with the
// epoch's logs, as Keras). terminated() tells Fit's caller that it happened.
// Batch logs without a "loss" key are ignored. The state resets at each
// OnTrainBegin.
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<TerminateOnNaN> nan_guard,
//                           TerminateOnNaN::Create());
//   STRATA_ASSIGN_OR_RETURN(History history,
//       model->Fit(x, y, {.epochs = 10, .callbacks = {nan_guard}}));
//   if (nan_guard->terminated()) return absl::InternalError("loss diverged");

#include <cstdint>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "models/callback.h"
#include "models/logs.h"

namespace strata::callbacks {

// TerminateOnNaN has no options (nor has Keras's); the struct keeps the
// factory's shape uniform with the other callbacks.
struct TerminateOnNaNOptions {};

class TerminateOnNaN final : public Callback {
 public:
  // Never fails.
  static absl::StatusOr<std::unique_ptr<TerminateOnNaN>> Create(
      TerminateOnNaNOptions options = {});

  // Clears terminated().
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Stops training if logs["loss"] is NaN or +-inf.
  absl::Status OnTrainBatchEnd(int64_t batch, const Logs& logs) override;

  // True once it has stopped the current (or last) Fit.
  bool terminated() const { return terminated_; }
  // The batch index (within its epoch) whose loss was invalid; -1 if none.
  int64_t terminated_batch() const { return terminated_batch_; }
  // The invalid loss value (NaN or +-inf); 0 if none.
  double invalid_loss() const { return invalid_loss_; }

 private:
  TerminateOnNaN() = default;

  bool terminated_ = false;
  int64_t terminated_batch_ = -1;
  double invalid_loss_ = 0.0;
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_TERMINATE_ON_NAN_H_
