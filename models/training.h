// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_TRAINING_H_
#define STRATA_MODELS_TRAINING_H_

// Training a Model as Keras does: Compile (optimizer, losses, metrics, loss weights), then Fit,
// Evaluate, Predict, TrainOnBatch and TestOnBatch. Include this header (target
// //models:training) to use those Model members.
//
//   STRATA_RETURN_IF_ERROR(model->Compile({
//       .optimizer = std::make_shared<optimizers::RMSprop>(...),   // or "rmsprop"
//       .loss = {std::make_shared<losses::SparseCategoricalCrossentropy>(
//           losses::SparseCategoricalCrossentropyOptions{.from_logits = true})},
//       .metrics = {"accuracy"}}));
//   STRATA_ASSIGN_OR_RETURN(History history,
//       model->Fit(x_train, y_train, {.batch_size = 64, .epochs = 2, .validation_split = 0.2}));
//   STRATA_ASSIGN_OR_RETURN(Logs scores, model->Evaluate(x_test, y_test, {.verbose = 2}));
//
// Inputs and targets are a DataFeed: one tensor, a list in the model's input (output) order, or
// a map keyed by input (output) layer names, as Keras accepts.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "losses/loss.h"
#include "metrics/metric.h"
#include "models/callback.h"
#include "models/model.h"
#include "optimizers/optimizer.h"
#include "tensor/tensor.h"

namespace strata {

// An optimizer object or a Keras name ("adam").
class OptimizerSpec {
 public:
  // Any optimizer class: std::make_shared<optimizers::Adam>(...) converts directly.
  template <typename T,
            typename = std::enable_if_t<std::is_base_of_v<optimizers::Optimizer, T>>>
  OptimizerSpec(std::shared_ptr<T> optimizer)  // NOLINT
      : optimizer_(std::move(optimizer)) {}
  OptimizerSpec(const char* name) : name_(name) {}  // NOLINT
  OptimizerSpec(std::string name) : name_(std::move(name)) {}  // NOLINT
  absl::StatusOr<std::shared_ptr<optimizers::Optimizer>> Resolve() const;

 private:
  std::shared_ptr<optimizers::Optimizer> optimizer_;
  std::string name_;
};

// A loss object or a Keras name ("sparse_categorical_crossentropy").
class LossSpec {
 public:
  template <typename T, typename = std::enable_if_t<std::is_base_of_v<losses::Loss, T>>>
  LossSpec(std::shared_ptr<T> loss) : loss_(std::move(loss)) {}  // NOLINT
  LossSpec(const char* name) : name_(name) {}  // NOLINT
  LossSpec(std::string name) : name_(std::move(name)) {}  // NOLINT
  absl::StatusOr<std::shared_ptr<losses::Loss>> Resolve() const;

 private:
  std::shared_ptr<losses::Loss> loss_;
  std::string name_;
};

struct CompileOptions {
  OptimizerSpec optimizer = "rmsprop";
  // One loss for every output, or one per output in output order.
  std::vector<LossSpec> loss;
  // Or per output layer name (the seed's {"priority": ..., "department": ...}).
  std::map<std::string, LossSpec> loss_by_output;
  // The total loss is sum(weight_i * loss_i); by position or by output name; default 1.
  std::vector<double> loss_weights;
  std::map<std::string, double> loss_weights_by_output;
  // Metrics for every output ("accuracy", "auc", "mae", ...), or per output name.
  std::vector<std::string> metrics;
  std::map<std::string, std::vector<std::string>> metrics_by_output;
};

// One tensor, a list in model order, or a map by input/output layer name.
class DataFeed {
 public:
  DataFeed() = default;
  DataFeed(Tensor t) : list_{std::move(t)} {}  // NOLINT
  DataFeed(std::vector<Tensor> list) : list_(std::move(list)) {}  // NOLINT
  DataFeed(std::initializer_list<Tensor> list) : list_(list) {}  // NOLINT
  DataFeed(std::map<std::string, Tensor> named) : named_(std::move(named)) {}  // NOLINT

  bool empty() const { return list_.empty() && named_.empty(); }
  // The tensors in the order of `names`; InvalidArgument naming a missing or unknown name, or a
  // count that does not match. `what` is "input" or "target", for errors.
  absl::StatusOr<std::vector<Tensor>> Resolve(const std::vector<std::string>& names,
                                              absl::string_view what) const;

 private:
  std::vector<Tensor> list_;
  std::map<std::string, Tensor> named_;
};

struct FitOptions {
  int64_t batch_size = 32;
  int epochs = 1;
  int verbose = 1;                 // 0 silent, 1 progress bar, 2 one line per epoch
  double validation_split = 0.0;   // The last fraction of the samples, before shuffling.
  DataFeed validation_x;           // Or explicit validation data.
  DataFeed validation_y;
  bool shuffle = true;
  std::map<int64_t, double> class_weight;  // Per class index, single-output models.
  Tensor sample_weight;                    // (samples,), optional.
  std::vector<std::shared_ptr<Callback>> callbacks;
  int initial_epoch = 0;
  uint64_t seed = 0;               // Shuffling and dropout streams.
};

struct EvaluateOptions {
  int64_t batch_size = 32;
  int verbose = 1;
  Tensor sample_weight;
};

struct PredictOptions {
  int64_t batch_size = 32;
};

}  // namespace strata

#endif  // STRATA_MODELS_TRAINING_H_
