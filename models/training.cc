// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Model::Compile, Fit, Evaluate, Predict, TrainOnBatch and TestOnBatch (models/training.h).
#include "models/training.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "autograd/grad_mode.h"
#include "autograd/ops/elementwise.h"
#include "base/status_macros.h"
#include "layers/initializers.h"
#include "losses/losses.h"
#include "metrics/metrics.h"
#include "tensor/ops/gather.h"
#include "tensor/ops/random.h"
#include "tensor/ops/reduce.h"
#include "tensor/ops/shape_ops.h"

namespace strata {

// What Compile fixes: one entry per model output.
struct TrainingState {
  std::shared_ptr<optimizers::Optimizer> optimizer;
  std::vector<std::shared_ptr<losses::Loss>> losses;  // Null: the output has no loss.
  std::vector<double> loss_weights;
  std::vector<std::vector<std::string>> metric_names;
  // Made on the first batch (Keras resolves "accuracy" from the shapes it sees).
  std::vector<std::vector<std::unique_ptr<metrics::Metric>>> metrics;
  CompileOptions options;
};

namespace {

// A weighted running mean, as Keras's loss trackers (weighted by the batch size).
struct RunningMean {
  double sum = 0, weight = 0;
  void Add(double value, double w) {
    sum += value * w;
    weight += w;
  }
  double Result() const { return weight > 0 ? sum / weight : 0.0; }
};

bool StdoutIsTerminal() { return ::isatty(::fileno(stdout)) != 0; }

absl::StatusOr<Tensor> Rows(const Tensor& t, const Tensor& indices) {
  return ops::Gather(t, indices, 0);
}

Tensor RangeIndices(int64_t begin, int64_t end) {
  Tensor idx = Tensor::Empty({end - begin}, DType::kInt64);
  int64_t* p = idx.mutable_data<int64_t>();
  for (int64_t i = begin; i < end; ++i) p[i - begin] = i;
  return idx;
}

}  // namespace

absl::StatusOr<std::shared_ptr<optimizers::Optimizer>> OptimizerSpec::Resolve() const {
  if (optimizer_ != nullptr) return optimizer_;
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<optimizers::Optimizer> optimizer,
                          optimizers::Get(name_));
  return std::shared_ptr<optimizers::Optimizer>(std::move(optimizer));
}

absl::StatusOr<std::shared_ptr<losses::Loss>> LossSpec::Resolve() const {
  if (loss_ != nullptr) return loss_;
  return losses::Get(name_);
}

absl::StatusOr<std::vector<Tensor>> DataFeed::Resolve(const std::vector<std::string>& names,
                                                      absl::string_view what) const {
  if (!named_.empty()) {
    std::vector<Tensor> out;
    for (const std::string& name : names) {
      auto it = named_.find(name);
      if (it == named_.end()) {
        std::vector<std::string> given;
        for (const auto& [k, v] : named_) given.push_back(k);
        return absl::InvalidArgumentError(absl::StrCat(
            "expected ", what, " data for '", name, "' (the model's ", what, "s are ",
            absl::StrJoin(names, ", "), "); received data for ", absl::StrJoin(given, ", "),
            "."));
      }
      out.push_back(it->second);
    }
    for (const auto& [k, v] : named_) {
      if (std::find(names.begin(), names.end(), k) == names.end()) {
        return absl::InvalidArgumentError(absl::StrCat("expected ", what, " names among ",
                                                       absl::StrJoin(names, ", "),
                                                       "; received unknown name '", k, "'."));
      }
    }
    return out;
  }
  if (list_.size() != names.size()) {
    return absl::InvalidArgumentError(absl::StrCat("expected ", names.size(), " ", what,
                                                   " array(s) (", absl::StrJoin(names, ", "),
                                                   "); received ", list_.size(), "."));
  }
  return list_;
}

std::shared_ptr<optimizers::Optimizer> Model::optimizer() const {
  return training_ ? training_->optimizer : nullptr;
}

absl::Status Model::Compile(const CompileOptions& options) {
  auto state = std::make_shared<TrainingState>();
  state->options = options;
  STRATA_ASSIGN_OR_RETURN(state->optimizer, options.optimizer.Resolve());
  const std::vector<std::string> names = output_names();
  const size_t n = names.size();
  auto index_of = [&](const std::string& name) -> absl::StatusOr<size_t> {
    for (size_t i = 0; i < n; ++i) {
      if (names[i] == name) return i;
    }
    return absl::InvalidArgumentError(absl::StrCat("Compile: expected an output name among ",
                                                   absl::StrJoin(names, ", "),
                                                   "; received '", name, "'."));
  };

  state->losses.assign(n, nullptr);
  if (!options.loss_by_output.empty()) {
    for (const auto& [name, spec] : options.loss_by_output) {
      STRATA_ASSIGN_OR_RETURN(size_t i, index_of(name));
      STRATA_ASSIGN_OR_RETURN(state->losses[i], spec.Resolve());
    }
  } else if (options.loss.size() == 1) {
    STRATA_ASSIGN_OR_RETURN(std::shared_ptr<losses::Loss> loss, options.loss[0].Resolve());
    state->losses.assign(n, loss);
  } else if (options.loss.size() == n) {
    for (size_t i = 0; i < n; ++i) {
      STRATA_ASSIGN_OR_RETURN(state->losses[i], options.loss[i].Resolve());
    }
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "Compile: expected one loss, or one per output (", n, ": ", absl::StrJoin(names, ", "),
        "); received ", options.loss.size(), "."));
  }

  state->loss_weights.assign(n, 1.0);
  if (!options.loss_weights_by_output.empty()) {
    for (const auto& [name, w] : options.loss_weights_by_output) {
      STRATA_ASSIGN_OR_RETURN(size_t i, index_of(name));
      state->loss_weights[i] = w;
    }
  } else if (!options.loss_weights.empty()) {
    if (options.loss_weights.size() != n) {
      return absl::InvalidArgumentError(absl::StrCat("Compile: expected ", n,
                                                     " loss weights; received ",
                                                     options.loss_weights.size(), "."));
    }
    state->loss_weights = options.loss_weights;
  }

  state->metric_names.assign(n, options.metrics);
  for (const auto& [name, list] : options.metrics_by_output) {
    STRATA_ASSIGN_OR_RETURN(size_t i, index_of(name));
    state->metric_names[i] = list;
  }
  state->metrics.resize(n);
  training_ = std::move(state);
  return absl::OkStatus();
}

namespace {

// The names of the values a step logs, in Keras's order: loss, per-output losses (several
// outputs), then metrics ("accuracy", or "<output>_accuracy" with several outputs).
std::string MetricLogName(const std::vector<std::string>& outputs, size_t i,
                          const std::string& metric) {
  return outputs.size() > 1 ? absl::StrCat(outputs[i], "_", metric) : metric;
}

struct Batch {
  std::vector<Tensor> x, y;
  Tensor sample_weight;  // Undefined: all ones.
};

// Accumulates a pass (an epoch or an evaluation) over batches.
struct PassTrackers {
  RunningMean loss;
  std::vector<RunningMean> output_losses;
};

absl::Status CheckSampleCounts(const std::vector<Tensor>& x, const std::vector<Tensor>& y,
                               const std::vector<std::string>& input_names,
                               const std::vector<std::string>& output_names) {
  std::vector<std::string> sizes;
  bool same = true;
  const int64_t n = x.empty() ? 0 : (x[0].rank() > 0 ? x[0].dim(0) : 0);
  for (size_t i = 0; i < x.size(); ++i) {
    const int64_t count = x[i].rank() > 0 ? x[i].dim(0) : -1;
    sizes.push_back(absl::StrCat(input_names[i], ": ", count));
    same = same && count == n;
  }
  for (size_t i = 0; i < y.size(); ++i) {
    const int64_t count = y[i].rank() > 0 ? y[i].dim(0) : -1;
    sizes.push_back(absl::StrCat(output_names[i], " (target): ", count));
    same = same && count == n;
  }
  if (!same) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected the same number of samples in every input and target array; received ",
        absl::StrJoin(sizes, ", "), "."));
  }
  return absl::OkStatus();
}

}  // namespace

// Runs one batch: forward (recording the graph when training), losses, metrics, and when
// training the backward pass and the optimizer step. Fills `trackers` and the metrics.
static absl::Status RunBatch(Model& model, TrainingState& state, const Batch& batch,
                             bool training, ops::RandomGenerator* rng, PassTrackers& trackers) {
  std::vector<autograd::Variable> trainable;
  if (training) {
    trainable = model.TrainableVariables();
    for (autograd::Variable& v : trainable) v.ZeroGrad();
  }
  std::optional<autograd::NoGradScope> no_grad;
  if (!training) no_grad.emplace();
  std::vector<autograd::Variable> inputs;
  for (const Tensor& t : batch.x) inputs.emplace_back(t);
  STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> outputs,
                          model.Apply(inputs, CallContext{.training = training, .rng = rng}));
  const int64_t batch_size = batch.x[0].dim(0);
  autograd::Variable total;
  std::vector<double> output_loss_values(outputs.size(), 0.0);
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (state.losses[i] == nullptr) continue;
    const Tensor* sw = batch.sample_weight.defined() ? &batch.sample_weight : nullptr;
    absl::StatusOr<autograd::Variable> loss = (*state.losses[i])(batch.y[i], outputs[i], sw);
    if (!loss.ok()) {
      return absl::Status(loss.status().code(),
                          absl::StrCat("Loss of output '", model.output_names()[i],
                                       "': ", loss.status().message()));
    }
    STRATA_ASSIGN_OR_RETURN(float value, loss->value().Item<float>());
    output_loss_values[i] = value;
    autograd::Variable weighted = *loss;
    if (state.loss_weights[i] != 1.0) {
      STRATA_ASSIGN_OR_RETURN(
          weighted, autograd::MulScalar(weighted, static_cast<float>(state.loss_weights[i])));
    }
    if (!total.defined()) {
      total = weighted;
    } else {
      STRATA_ASSIGN_OR_RETURN(total, autograd::Add(total, weighted));
    }
  }
  if (!total.defined()) {
    return absl::FailedPreconditionError("expected at least one output with a loss; received none.");
  }
  STRATA_ASSIGN_OR_RETURN(float total_value, total.value().Item<float>());
  if (training) {
    STRATA_RETURN_IF_ERROR(total.Backward());
    STRATA_RETURN_IF_ERROR(state.optimizer->ApplyGradients(trainable));
  }
  trackers.loss.Add(total_value, static_cast<double>(batch_size));
  trackers.output_losses.resize(outputs.size());
  for (size_t i = 0; i < outputs.size(); ++i) {
    trackers.output_losses[i].Add(output_loss_values[i], static_cast<double>(batch_size));
    if (state.metrics[i].empty() && !state.metric_names[i].empty()) {
      for (const std::string& name : state.metric_names[i]) {
        STRATA_ASSIGN_OR_RETURN(std::unique_ptr<metrics::Metric> metric,
                                metrics::Get(name, batch.y[i].shape(), outputs[i].shape()));
        state.metrics[i].push_back(std::move(metric));
      }
    }
    for (auto& metric : state.metrics[i]) {
      const Tensor* sw = batch.sample_weight.defined() ? &batch.sample_weight : nullptr;
      STRATA_RETURN_IF_ERROR(metric->Update(batch.y[i], outputs[i].value(), sw));
    }
  }
  return absl::OkStatus();
}

static Logs PassLogs(const Model& model, const TrainingState& state, const PassTrackers& t,
                     const std::string& prefix) {
  Logs logs;
  const std::vector<std::string> outputs = model.output_names();
  SetLog(logs, prefix + "loss", t.loss.Result());
  if (outputs.size() > 1) {
    for (size_t i = 0; i < outputs.size(); ++i) {
      if (state.losses[i] == nullptr) continue;
      SetLog(logs, absl::StrCat(prefix, outputs[i], "_loss"), t.output_losses[i].Result());
    }
  }
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (const auto& metric : state.metrics[i]) {
      SetLog(logs, prefix + MetricLogName(outputs, i, metric->name()), metric->Result());
    }
  }
  return logs;
}

static void ResetMetrics(TrainingState& state) {
  for (auto& list : state.metrics) {
    for (auto& metric : list) metric->Reset();
  }
}

static absl::StatusOr<Batch> MakeBatch(const std::vector<Tensor>& x, const std::vector<Tensor>& y,
                                       const Tensor& sample_weight, const Tensor& indices) {
  Batch batch;
  for (const Tensor& t : x) {
    STRATA_ASSIGN_OR_RETURN(Tensor rows, Rows(t, indices));
    batch.x.push_back(std::move(rows));
  }
  for (const Tensor& t : y) {
    STRATA_ASSIGN_OR_RETURN(Tensor rows, Rows(t, indices));
    batch.y.push_back(std::move(rows));
  }
  if (sample_weight.defined()) {
    STRATA_ASSIGN_OR_RETURN(batch.sample_weight, Rows(sample_weight, indices));
  }
  return batch;
}

// Checks data against the model before any training: sample counts, input shapes, and labels
// of sparse categorical losses within the number of classes.
static absl::Status ValidateData(const Model& model, const TrainingState& state,
                                 const std::vector<Tensor>& x, const std::vector<Tensor>& y) {
  STRATA_RETURN_IF_ERROR(CheckSampleCounts(x, y, model.input_names(), model.output_names()));
  for (size_t i = 0; i < x.size(); ++i) {
    const PartialShape& expected = model.inputs()[i].shape();
    bool ok = x[i].rank() == expected.rank();
    for (int d = 1; ok && d < expected.rank(); ++d) {
      ok = expected.dim(d) == kUnknownDim || expected.dim(d) == x[i].dim(d);
    }
    if (!ok) {
      return absl::InvalidArgumentError(absl::StrCat(
          "input '", model.input_names()[i], "': expected data of shape ", expected.ToString(),
          "; received ", x[i].shape().ToString(), "."));
    }
  }
  for (size_t i = 0; i < y.size(); ++i) {
    if (state.losses[i] == nullptr ||
        state.losses[i]->class_name() != "SparseCategoricalCrossentropy") {
      continue;
    }
    const PartialShape& out = model.outputs()[i].shape();
    const int64_t classes = out.rank() > 0 ? out.dim(-1) : kUnknownDim;
    if (classes == kUnknownDim) continue;
    const std::vector<double> labels = y[i].ToVector<double>();
    for (size_t k = 0; k < labels.size(); ++k) {
      if (!(labels[k] >= 0 && labels[k] < classes) || labels[k] != std::floor(labels[k])) {
        return absl::InvalidArgumentError(absl::StrCat(
            "target '", model.output_names()[i], "': expected integer labels in [0, ", classes,
            ") for sparse categorical cross-entropy; received ", labels[k], " at sample ", k,
            "."));
      }
    }
  }
  return absl::OkStatus();
}

static absl::StatusOr<Logs> EvaluatePass(Model& model, TrainingState& state,
                                         const std::vector<Tensor>& x,
                                         const std::vector<Tensor>& y, const Tensor& sample_weight,
                                         int64_t batch_size, int verbose,
                                         const std::string& prefix) {
  ResetMetrics(state);
  PassTrackers trackers;
  const int64_t n = x[0].dim(0);
  const int64_t steps = (n + batch_size - 1) / batch_size;
  Progbar bar(steps, verbose, std::cout, StdoutIsTerminal());
  for (int64_t step = 0; step < steps; ++step) {
    const int64_t begin = step * batch_size, end = std::min(n, begin + batch_size);
    STRATA_ASSIGN_OR_RETURN(Batch batch, MakeBatch(x, y, sample_weight, RangeIndices(begin, end)));
    STRATA_RETURN_IF_ERROR(RunBatch(model, state, batch, /*training=*/false, nullptr, trackers));
    bar.Update(step + 1, PassLogs(model, state, trackers, prefix));
  }
  Logs logs = PassLogs(model, state, trackers, prefix);
  bar.Finish(logs);
  return logs;
}

absl::StatusOr<Logs> Model::Evaluate(const DataFeed& x_feed, const DataFeed& y_feed,
                                     const EvaluateOptions& options) {
  if (!training_) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Model '", name(), "': expected a compiled model in Evaluate; call Compile first."));
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> x, x_feed.Resolve(input_names(), "input"));
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> y, y_feed.Resolve(output_names(), "target"));
  STRATA_RETURN_IF_ERROR(ValidateData(*this, *training_, x, y));
  if (options.batch_size <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("Evaluate: expected batch_size > 0; received ", options.batch_size, "."));
  }
  return EvaluatePass(*this, *training_, x, y, options.sample_weight, options.batch_size,
                      options.verbose, "");
}

absl::StatusOr<History> Model::Fit(const DataFeed& x_feed, const DataFeed& y_feed,
                                   const FitOptions& options) {
  if (!training_) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Model '", name(), "': expected a compiled model in Fit; call Compile first."));
  }
  TrainingState& state = *training_;
  if (options.batch_size <= 0 || options.epochs < 0 || options.validation_split < 0 ||
      options.validation_split >= 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Fit: expected batch_size > 0, epochs >= 0 and validation_split in [0, 1); received "
        "batch_size=", options.batch_size, ", epochs=", options.epochs,
        ", validation_split=", options.validation_split, "."));
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> x, x_feed.Resolve(input_names(), "input"));
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> y, y_feed.Resolve(output_names(), "target"));
  STRATA_RETURN_IF_ERROR(ValidateData(*this, state, x, y));

  // Sample weights: given ones times class weights (Keras multiplies them).
  int64_t n = x[0].dim(0);
  Tensor sample_weight = options.sample_weight;
  if (sample_weight.defined() && (sample_weight.rank() != 1 || sample_weight.dim(0) != n)) {
    return absl::InvalidArgumentError(absl::StrCat("Fit: expected sample_weight of shape (", n,
                                                   ",); received ",
                                                   sample_weight.shape().ToString(), "."));
  }
  if (!options.class_weight.empty()) {
    if (y.size() != 1) {
      return absl::InvalidArgumentError(
          "Fit: expected a single-output model for class_weight; received several outputs.");
    }
    Tensor labels = y[0];
    if (labels.rank() == 2 && labels.dim(1) > 1) {
      STRATA_ASSIGN_OR_RETURN(labels, ops::ArgMax(labels, -1));
    }
    const std::vector<int64_t> ids = labels.ToVector<int64_t>();
    Tensor weights = sample_weight.defined() ? sample_weight.Cast(DType::kFloat32)
                                             : Tensor::Ones({n});
    float* w = weights.mutable_data<float>();
    for (int64_t k = 0; k < n; ++k) {
      auto it = options.class_weight.find(ids[k]);
      if (it != options.class_weight.end()) w[k] *= static_cast<float>(it->second);
    }
    sample_weight = weights;
  }

  // Validation data: explicit, or the last validation_split of the samples (before shuffling).
  std::vector<Tensor> val_x, val_y;
  if (!options.validation_x.empty()) {
    STRATA_ASSIGN_OR_RETURN(val_x, options.validation_x.Resolve(input_names(), "input"));
    STRATA_ASSIGN_OR_RETURN(val_y, options.validation_y.Resolve(output_names(), "target"));
    STRATA_RETURN_IF_ERROR(ValidateData(*this, state, val_x, val_y));
  } else if (options.validation_split > 0) {
    const int64_t split_at = static_cast<int64_t>(n * (1.0 - options.validation_split));
    for (std::vector<Tensor>* data : {&x, &y}) {
      std::vector<Tensor>& val = data == &x ? val_x : val_y;
      for (Tensor& t : *data) {
        STRATA_ASSIGN_OR_RETURN(Tensor tail, t.SliceRows(split_at, n));
        STRATA_ASSIGN_OR_RETURN(Tensor head, t.SliceRows(0, split_at));
        val.push_back(tail);
        t = head;
      }
    }
    if (sample_weight.defined()) {
      STRATA_ASSIGN_OR_RETURN(sample_weight, sample_weight.SliceRows(0, split_at));
    }
    n = split_at;
  }
  if (n == 0) return absl::InvalidArgumentError("Fit: expected training samples; received none.");

  ops::RandomGenerator shuffle_rng(options.seed);
  ops::RandomGenerator dropout_rng(options.seed ^ 0x5DEECE66Dull);
  History history;
  stop_training_ = false;
  for (auto& cb : options.callbacks) cb->set_model(this);
  for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnTrainBegin({}));
  const int64_t steps = (n + options.batch_size - 1) / options.batch_size;
  const bool interactive = StdoutIsTerminal();
  for (int epoch = options.initial_epoch; epoch < options.epochs && !stop_training_; ++epoch) {
    for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnEpochBegin(epoch, {}));
    if (options.verbose > 0) std::cout << "Epoch " << epoch + 1 << "/" << options.epochs << "\n";
    Tensor order;
    if (options.shuffle) {
      STRATA_ASSIGN_OR_RETURN(order, shuffle_rng.Permutation(n));
    } else {
      order = RangeIndices(0, n);
    }
    ResetMetrics(state);
    PassTrackers trackers;
    Progbar bar(steps, options.verbose, std::cout, interactive);
    for (int64_t step = 0; step < steps && !stop_training_; ++step) {
      for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnTrainBatchBegin(step, {}));
      const int64_t begin = step * options.batch_size;
      const int64_t end = std::min(n, begin + options.batch_size);
      STRATA_ASSIGN_OR_RETURN(Tensor indices, order.SliceRows(begin, end));
      STRATA_ASSIGN_OR_RETURN(Batch batch, MakeBatch(x, y, sample_weight, indices));
      STRATA_RETURN_IF_ERROR(RunBatch(*this, state, batch, /*training=*/true, &dropout_rng,
                                      trackers));
      if (!options.callbacks.empty() || (options.verbose == 1 && interactive)) {
        Logs logs = PassLogs(*this, state, trackers, "");
        bar.Update(step + 1, logs);
        for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnTrainBatchEnd(step, logs));
      }
    }
    Logs logs = PassLogs(*this, state, trackers, "");
    if (!val_x.empty()) {
      STRATA_ASSIGN_OR_RETURN(Logs val_logs,
                              EvaluatePass(*this, state, val_x, val_y, Tensor(),
                                           options.batch_size, /*verbose=*/0, "val_"));
      for (const auto& [k, v] : val_logs) SetLog(logs, k, v);
    }
    bar.Finish(logs);
    history.epochs.push_back(epoch);
    for (const auto& [k, v] : logs) history.history[k].push_back(v);
    for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnEpochEnd(epoch, logs));
  }
  for (auto& cb : options.callbacks) STRATA_RETURN_IF_ERROR(cb->OnTrainEnd({}));
  return history;
}

absl::StatusOr<std::vector<Tensor>> Model::Predict(const DataFeed& x_feed,
                                                   const PredictOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> x, x_feed.Resolve(input_names(), "input"));
  STRATA_RETURN_IF_ERROR(CheckSampleCounts(x, {}, input_names(), {}));
  if (options.batch_size <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("Predict: expected batch_size > 0; received ", options.batch_size, "."));
  }
  const int64_t n = x[0].dim(0);
  std::vector<std::vector<Tensor>> pieces(outputs().size());
  for (int64_t begin = 0; begin < n; begin += options.batch_size) {
    const int64_t end = std::min(n, begin + options.batch_size);
    std::vector<Tensor> batch;
    for (const Tensor& t : x) {
      STRATA_ASSIGN_OR_RETURN(Tensor rows, t.SliceRows(begin, end));
      batch.push_back(rows);
    }
    STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> out, Predict(batch));
    for (size_t i = 0; i < out.size(); ++i) pieces[i].push_back(std::move(out[i]));
  }
  std::vector<Tensor> result;
  for (auto& list : pieces) {
    STRATA_ASSIGN_OR_RETURN(Tensor joined, ops::Concat(list, 0));
    result.push_back(std::move(joined));
  }
  return result;
}

absl::StatusOr<Logs> Model::TrainOnBatch(const DataFeed& x_feed, const DataFeed& y_feed) {
  if (!training_) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Model '", name(), "': expected a compiled model in TrainOnBatch; call Compile first."));
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> x, x_feed.Resolve(input_names(), "input"));
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> y, y_feed.Resolve(output_names(), "target"));
  STRATA_RETURN_IF_ERROR(ValidateData(*this, *training_, x, y));
  ResetMetrics(*training_);
  PassTrackers trackers;
  ops::RandomGenerator rng(NextRandomSeed());
  STRATA_RETURN_IF_ERROR(RunBatch(*this, *training_, Batch{x, y, Tensor()}, true, &rng, trackers));
  return PassLogs(*this, *training_, trackers, "");
}

absl::StatusOr<Logs> Model::TestOnBatch(const DataFeed& x_feed, const DataFeed& y_feed) {
  if (!training_) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Model '", name(), "': expected a compiled model in TestOnBatch; call Compile first."));
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> x, x_feed.Resolve(input_names(), "input"));
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> y, y_feed.Resolve(output_names(), "target"));
  STRATA_RETURN_IF_ERROR(ValidateData(*this, *training_, x, y));
  ResetMetrics(*training_);
  PassTrackers trackers;
  STRATA_RETURN_IF_ERROR(RunBatch(*this, *training_, Batch{x, y, Tensor()}, false, nullptr,
                                  trackers));
  return PassLogs(*this, *training_, trackers, "");
}

}  // namespace strata
