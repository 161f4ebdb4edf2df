// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/terminate_on_nan.h"

#include <cmath>
#include <iostream>
#include <memory>

#include "models/model.h"

namespace strata::callbacks {

absl::StatusOr<std::unique_ptr<TerminateOnNaN>> TerminateOnNaN::Create(
    TerminateOnNaNOptions options) {
  return std::unique_ptr<TerminateOnNaN>(new TerminateOnNaN());
}

absl::Status TerminateOnNaN::OnTrainBegin(const Logs& logs) {
  terminated_ = false;
  terminated_batch_ = -1;
  invalid_loss_ = 0.0;
  return absl::OkStatus();
}

absl::Status TerminateOnNaN::OnTrainBatchEnd(int64_t batch, const Logs& logs) {
  const double* loss = FindLog(logs, "loss");
  if (loss == nullptr || std::isfinite(*loss)) return absl::OkStatus();
  std::cout << "Batch " << batch << ": Invalid loss, terminating training\n";
  if (!terminated_) {
    terminated_ = true;
    terminated_batch_ = batch;
    invalid_loss_ = *loss;
  }
  model().StopTraining();
  return absl::OkStatus();
}

}  // namespace strata::callbacks
