// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_CALLBACK_H_
#define STRATA_MODELS_CALLBACK_H_

// Callback is Keras's training hook: Model::Fit calls it at the start and end of training, of
// each epoch and of each batch, with the logs (loss and metrics) so far. A hook that returns an
// error stops training with that error; one that wants training to stop early (EarlyStopping)
// calls model().StopTraining().
//
//   class PrintLoss : public Callback {
//    public:
//     absl::Status OnEpochEnd(int epoch, const Logs& logs) override {
//       std::cout << "epoch " << epoch << ": " << *FindLog(logs, "loss") << "\n";
//       return absl::OkStatus();
//     }
//   };

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "models/progbar.h"

namespace strata {

class Model;

class Callback {
 public:
  virtual ~Callback() = default;

  // Fit sets the model before OnTrainBegin.
  void set_model(Model* model) { model_ = model; }
  Model& model() const { return *model_; }

  virtual absl::Status OnTrainBegin(const Logs& logs) { return absl::OkStatus(); }
  virtual absl::Status OnTrainEnd(const Logs& logs) { return absl::OkStatus(); }
  // `epoch` counts from 0, as in Keras.
  virtual absl::Status OnEpochBegin(int epoch, const Logs& logs) { return absl::OkStatus(); }
  // `logs` holds the epoch's loss and metrics, val_ ones included.
  virtual absl::Status OnEpochEnd(int epoch, const Logs& logs) { return absl::OkStatus(); }
  virtual absl::Status OnTrainBatchBegin(int64_t batch, const Logs& logs) {
    return absl::OkStatus();
  }
  // `logs` holds the running means of the epoch so far.
  virtual absl::Status OnTrainBatchEnd(int64_t batch, const Logs& logs) {
    return absl::OkStatus();
  }

 private:
  Model* model_ = nullptr;
};

// Keras's History: every logged value, per epoch.
struct History {
  std::vector<int> epochs;
  std::map<std::string, std::vector<double>> history;  // "loss", "val_accuracy", ...
};

}  // namespace strata

#endif  // STRATA_MODELS_CALLBACK_H_
