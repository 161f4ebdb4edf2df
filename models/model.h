// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_MODEL_H_
#define STRATA_MODELS_MODEL_H_

// Model is Keras's functional model: a DAG of layer calls from input tensors to output tensors.
//
// Model::Create walks the graph back from the outputs exactly as Keras's _map_graph_network
// does, so layers come in Keras's order (by decreasing depth, then discovery order) and summaries
// match Keras's row for row. Every graph error is reported here, at construction: an error
// carried by a symbolic tensor (a bad layer call), an output that cannot be computed from the
// given inputs ("Graph disconnected"), or two layers with one name.
//
// A Model is a Layer: it can be called on new symbolic tensors (its weights are shared with
// every call), nested in other models, and Apply()'d eagerly.
//
//   SymbolicTensor inputs = Input({784}, "img");
//   SymbolicTensor x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);
//   SymbolicTensor outputs = Make<Dense>({.units = 10})(x);
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Model> model,
//                           Model::Create({inputs}, {outputs}, "mnist_model"));
//   model->Summary();                            // Keras's table, to stdout
//   STRATA_ASSIGN_OR_RETURN(auto y, model->Predict({batch}));  // no grad recorded

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "layers/layer.h"
#include "layers/symbolic.h"
#include "models/logs.h"

namespace strata {

namespace optimizers {
class Optimizer;
}  // namespace optimizers

// Defined in models/training.h (target //models:training), which also defines the training
// members of Model below: a model that is only built and run links no training code.
struct CompileOptions;
struct FitOptions;
struct EvaluateOptions;
struct PredictOptions;
struct History;
class DataFeed;
struct TrainingState;

class Model : public Layer {
 public:
  // A functional model from `inputs` (tensors made by Input()) to `outputs`. `name` empty:
  // "model", "model_1", ...
  static absl::StatusOr<std::shared_ptr<Model>> Create(std::vector<SymbolicTensor> inputs,
                                                       std::vector<SymbolicTensor> outputs,
                                                       std::string name = "");
  static absl::StatusOr<std::shared_ptr<Model>> Create(const SymbolicTensor& input,
                                                       const SymbolicTensor& output,
                                                       std::string name = "");

  std::string class_name() const override { return "Functional"; }

  // The model's layers in Keras's order (model.layers), input layers included (except in a
  // Sequential, as in Keras).
  const std::vector<std::shared_ptr<Layer>>& layers() const { return layers_; }
  // The layer called `name`; NotFound (listing the names) otherwise.
  absl::StatusOr<std::shared_ptr<Layer>> GetLayer(absl::string_view name) const;
  // The layer at position `index` of layers(); OutOfRange otherwise.
  absl::StatusOr<std::shared_ptr<Layer>> GetLayer(int index) const;

  const std::vector<SymbolicTensor>& inputs() const { return inputs_; }
  const std::vector<SymbolicTensor>& outputs() const { return outputs_; }
  // Names of the input and output layers, in order (Keras's input_names / output_names).
  std::vector<std::string> input_names() const;
  std::vector<std::string> output_names() const;

  // The model's only input / output; FailedPrecondition if it has several.
  absl::StatusOr<SymbolicTensor> input() const override;
  absl::StatusOr<SymbolicTensor> output() const override;

  // Every layer's weights, each shared Variable once, in layer order.
  std::vector<Weight> weights() const override;

  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  absl::StatusOr<std::vector<DType>> ComputeOutputDTypes(absl::Span<const DType> input_dtypes,
                                                         int num_outputs) const override;

  // Runs the model in inference mode without recording gradients, on all samples at once.
  absl::StatusOr<std::vector<Tensor>> Predict(const std::vector<Tensor>& inputs);

  // Training (models/training.h). Compile sets the optimizer, losses and metrics; Fit trains;
  // Evaluate returns the loss and metrics; Predict runs batch by batch. FailedPrecondition for
  // Fit/Evaluate/TrainOnBatch before Compile.
  absl::Status Compile(const CompileOptions& options);
  absl::StatusOr<History> Fit(const DataFeed& x, const DataFeed& y, const FitOptions& options);
  absl::StatusOr<Logs> Evaluate(const DataFeed& x, const DataFeed& y,
                                const EvaluateOptions& options);
  absl::StatusOr<std::vector<Tensor>> Predict(const DataFeed& x, const PredictOptions& options);
  // One gradient step on one batch; returns the batch's loss and metrics.
  absl::StatusOr<Logs> TrainOnBatch(const DataFeed& x, const DataFeed& y);
  // The loss and metrics of one batch, without training.
  absl::StatusOr<Logs> TestOnBatch(const DataFeed& x, const DataFeed& y);
  bool compiled() const { return training_ != nullptr; }
  // The compiled optimizer (null before Compile).
  std::shared_ptr<optimizers::Optimizer> optimizer() const;
  // Asks Fit to stop after the current batch (Keras's model.stop_training = True).
  void StopTraining() { stop_training_ = true; }
  bool stop_training() const { return stop_training_; }

  // Prints Keras's summary table (name, output shapes, params, "Connected to" for non-sequential
  // graphs, totals).
  void Summary(std::ostream& out) const;
  void Summary() const;
  std::string SummaryString() const;

  // True if every node has one input and no layer is called twice (Keras's sequential_like:
  // the summary then has no "Connected to" column).
  bool IsSequentialLike() const;

  // The calls of this model's graph ordered for execution (by decreasing depth).
  const std::vector<std::shared_ptr<LayerNode>>& execution_order() const {
    return execution_order_;
  }
  // True if `node` is one of this model's calls.
  bool ContainsNode(const LayerNode* node) const { return node_depth_.contains(node); }

 protected:
  explicit Model(std::string name);
  // Replaces the graph (Sequential grows its graph one layer at a time).
  absl::Status Reset(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs);
  // Keras's Sequential.layers leave out the InputLayer.
  bool hide_input_layers_ = false;

  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  absl::Status MapGraph();

  std::vector<SymbolicTensor> inputs_;
  std::vector<SymbolicTensor> outputs_;
  std::vector<std::shared_ptr<Layer>> layers_;
  std::vector<std::shared_ptr<LayerNode>> execution_order_;
  absl::flat_hash_map<const LayerNode*, int> node_depth_;
  // Nodes grouped by depth, deepest first (Keras's nodes_by_depth, in its key order).
  std::vector<std::vector<std::shared_ptr<LayerNode>>> nodes_by_depth_;
  // Set by Compile; shared_ptr so that model.cc needs no definition of TrainingState.
  std::shared_ptr<TrainingState> training_;
  bool stop_training_ = false;
};

}  // namespace strata

#endif  // STRATA_MODELS_MODEL_H_
