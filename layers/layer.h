// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_LAYER_H_
#define STRATA_LAYERS_LAYER_H_

// Layer is the base of every layer, with Keras's lifecycle:
//   1. construction from an options struct (Create validates it) or from a config (FromConfig);
//   2. Build(input_shapes) on the first call, which creates the weights;
//   3. Call(inputs, context), the computation on autograd Variables (const: no hidden state);
//   4. GetConfig(), which FromConfig turns back into an equal layer.
//
// Layers are held by std::shared_ptr: a layer called on symbolic tensors (the functional API,
// layers/symbolic.h) is kept alive by the graph it joined, and calling it twice shares its
// weights. Subclasses implement ComputeOutputShapes, Call and usually Build and GetConfig.
//
//   auto dense = Make<Dense>({.units = 64, .activation = "relu"});  // layers/dense.h
//   SymbolicTensor y = dense(x);          // graph building: builds the weights, records a node
//   STRATA_ASSIGN_OR_RETURN(auto out, dense->Apply({input}, {.training = true}));  // eager

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "layers/initializers.h"
#include "layers/partial_shape.h"
#include "tensor/ops/random.h"

namespace strata {

class SymbolicTensor;
struct LayerNode;

// What a call may depend on besides its inputs. There is no global training flag (STYLE.md):
// it travels with each call.
struct CallContext {
  // Dropout drops, BatchNormalization uses batch statistics, ... only when true.
  bool training = false;
  // The stream stochastic layers draw from; required when training with such layers.
  ops::RandomGenerator* rng = nullptr;
};

// A weight of a layer. The Variable is shared by every call of the layer.
struct Weight {
  std::string name;  // Keras's short name: "kernel", "bias", "embeddings".
  autograd::Variable variable;
  bool trainable = true;
};

class Layer : public std::enable_shared_from_this<Layer> {
 public:
  virtual ~Layer();
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  const std::string& name() const { return name_; }
  // Keras's class name, as in summaries and configs: "Dense", "Functional".
  virtual std::string class_name() const = 0;
  // Whether the weights train (Keras's layer.trainable).
  bool trainable() const { return trainable_; }
  virtual void set_trainable(bool trainable) { trainable_ = trainable; }
  bool built() const { return built_; }

  // This layer's weights in creation order, then those of the layers it tracks (see Track); a
  // Model returns its layers' weights.
  virtual std::vector<Weight> weights() const;
  // Weights that train: trainable ones of a trainable layer.
  std::vector<autograd::Variable> TrainableVariables() const;
  std::vector<autograd::Variable> NonTrainableVariables() const;
  // Elements of every weight, as Keras's count_params().
  int64_t CountParams() const;

  // Functional API: records a call on symbolic tensors (see layers/symbolic.h). A failing call
  // returns tensors that carry the error (naming this layer), so chains need no error checks;
  // Model creation reports it.
  SymbolicTensor operator()(const SymbolicTensor& input);
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs);
  // For layers with several outputs (LSTM with return_state).
  std::vector<SymbolicTensor> CallSymbolic(const std::vector<SymbolicTensor>& inputs);

  // Eager call on concrete values: builds on first use, checks the inputs against the shapes the
  // layer was built for, then Call()s. Errors name the layer.
  absl::StatusOr<std::vector<autograd::Variable>> Apply(
      const std::vector<autograd::Variable>& inputs, const CallContext& context);
  // Single input and output.
  absl::StatusOr<autograd::Variable> Apply(const autograd::Variable& input,
                                           const CallContext& context);

  // Builds the weights for `input_shapes` unless built; idempotent.
  absl::Status EnsureBuilt(absl::Span<const PartialShape> input_shapes);

  // Output shapes for `input_shapes` (batch dimension included, possibly unknown).
  virtual absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const = 0;
  // The dtypes of the `num_outputs` outputs for these input dtypes; by default float32, as Keras
  // layers autocast their inputs.
  virtual absl::StatusOr<std::vector<DType>> ComputeOutputDTypes(
      absl::Span<const DType> input_dtypes, int num_outputs) const;

  // Keras's get_config(): "name", "trainable", "dtype" plus the subclass's keys.
  virtual ConfigDict GetConfig() const;

  // Keras's layer.input / layer.output: the symbolic tensors of the layer's only call (a Model:
  // its own input and output). FailedPrecondition if there is no single one.
  virtual absl::StatusOr<SymbolicTensor> input() const;
  virtual absl::StatusOr<SymbolicTensor> output() const;
  // The calls (Keras's inbound nodes) still alive, in call order; index = node_index.
  std::vector<std::shared_ptr<LayerNode>> inbound_nodes() const;
  int num_inbound_nodes() const { return static_cast<int>(inbound_nodes_.size()); }

  // The shapes the layer was built for (the batch dimension unknown); empty before Build.
  const std::vector<PartialShape>& build_input_shapes() const { return build_input_shapes_; }

 protected:
  // `name` empty: a unique name from the class ("dense", "dense_1", ...), as Keras gives.
  Layer(absl::string_view name, absl::string_view class_name_for_default);

  // Creates the weights. The default creates none.
  virtual absl::Status Build(absl::Span<const PartialShape> input_shapes);
  // The computation. Inputs were checked against the build shapes.
  virtual absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const = 0;

  // Makes `layer` a sublayer (Keras tracks layers assigned as attributes): its weights count as
  // this layer's. For subclassed layers and models that call other layers in Call. Returns it.
  template <typename T>
  std::shared_ptr<T> Track(std::shared_ptr<T> layer) {
    tracked_layers_.push_back(layer);
    return layer;
  }
  // Adds a weight initialized by `initializer` and returns its Variable (see Weight).
  absl::StatusOr<autograd::Variable> AddWeight(absl::string_view name, const Shape& shape,
                                               const Initializer& initializer,
                                               bool trainable = true);
  // Records a call on `inputs` with the given output shapes and dtypes, and returns its
  // outputs (used by CallSymbolic and by InputLayer, whose node has no inputs).
  std::vector<SymbolicTensor> RecordNode(const std::vector<SymbolicTensor>& inputs,
                                         std::vector<PartialShape> output_shapes,
                                         std::vector<DType> output_dtypes);
  // Takes node index 0 without a call: Keras gives a functional model a node linking its own
  // inputs to its outputs, so that its calls on new tensors are nodes 1, 2, ... Reserving the
  // index keeps node indices (summaries, saved configs) equal to Keras's.
  void ReserveNodeIndex() { inbound_nodes_.emplace_back(); }
  // Marks the layer built for `input_shapes` without calling Build (InputLayer, Model).
  void MarkBuilt(absl::Span<const PartialShape> input_shapes);
  // The only shape of `input_shapes`; InvalidArgument if there is not exactly one.
  static absl::StatusOr<PartialShape> SingleInput(absl::Span<const PartialShape> input_shapes);
  // Reads "name", "trainable" and "dtype" from a config (for subclasses' FromConfig).
  static absl::Status ReadBaseConfig(ConfigReader& reader, std::string* name, bool* trainable);
  // Applies the base keys read by ReadBaseConfig.
  void set_name(std::string name) { name_ = std::move(name); }
  // An error status naming this layer: "Layer 'dense' (Dense): <message>".
  absl::Status Error(absl::StatusCode code, absl::string_view message) const;
  absl::Status Annotate(const absl::Status& status) const;

 private:
  friend class Model;
  std::string name_;
  bool trainable_ = true;
  bool built_ = false;
  std::vector<PartialShape> build_input_shapes_;
  std::vector<Weight> weights_;
  std::vector<std::shared_ptr<Layer>> tracked_layers_;
  std::vector<std::weak_ptr<LayerNode>> inbound_nodes_;
};

// Keras's to_snake_case of a class name: "Conv2DTranspose" -> "conv2d_transpose".
std::string ToSnakeCase(absl::string_view class_name);
// A unique name from `prefix`: "dense", then "dense_1", ... (zero_based), or "input_1",
// "input_2", ... (!zero_based), as keras.backend.unique_object_name. Thread-safe.
std::string UniqueLayerName(absl::string_view prefix, bool zero_based = true);
// Forgets the names given so far, as keras.backend.clear_session().
void ClearSession();

}  // namespace strata

#endif  // STRATA_LAYERS_LAYER_H_
