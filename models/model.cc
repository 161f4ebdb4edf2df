// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/model.h"

#include <algorithm>
#include <iostream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "autograd/grad_mode.h"
#include "base/status_macros.h"
#include "layers/input_layer.h"

namespace strata {
namespace {

std::string TensorDescription(const SymbolicTensor& t) {
  Layer* layer = t.layer();
  return absl::StrCat("KerasTensor(shape=", t.shape().ToString(), ", dtype=",
                      DTypeName(t.dtype()), ", created by layer '",
                      layer ? layer->name() : "?", "')");
}

// An insertion-ordered map from node to depth (Python dicts keep insertion order, and Keras's
// nodes_by_depth inherits that order).
class NodeDepths {
 public:
  int* Find(const std::shared_ptr<LayerNode>& node) {
    auto it = index_.find(node.get());
    return it == index_.end() ? nullptr : &entries_[it->second].second;
  }
  int& operator[](const std::shared_ptr<LayerNode>& node) {
    auto [it, inserted] = index_.try_emplace(node.get(), entries_.size());
    if (inserted) entries_.push_back({node, 0});
    return entries_[it->second].second;
  }
  const std::vector<std::pair<std::shared_ptr<LayerNode>, int>>& entries() const {
    return entries_;
  }

 private:
  absl::flat_hash_map<const LayerNode*, size_t> index_;
  std::vector<std::pair<std::shared_ptr<LayerNode>, int>> entries_;
};

struct GraphMap {
  std::vector<std::shared_ptr<LayerNode>> nodes_in_decreasing_depth;
  absl::flat_hash_map<const Layer*, int> layer_indices;
  std::vector<std::shared_ptr<Layer>> layers_in_discovery_order;
};

// Keras's _build_map_helper, iteratively (deep graphs would overflow the stack).
absl::Status BuildMap(const SymbolicTensor& output, absl::flat_hash_set<const LayerNode*>& finished,
                      GraphMap& map) {
  struct Frame {
    std::shared_ptr<LayerNode> node;
    size_t next_input = 0;
  };
  absl::flat_hash_set<const LayerNode*> in_progress;
  std::vector<Frame> stack;
  auto visit = [&](const SymbolicTensor& tensor) -> absl::Status {
    const std::shared_ptr<LayerNode>& node = tensor.node();
    if (finished.contains(node.get())) return absl::OkStatus();
    if (in_progress.contains(node.get())) {
      return absl::InvalidArgumentError(absl::StrCat("Model: tensor ", TensorDescription(tensor),
                                                     " is part of a cycle."));
    }
    const Layer* layer = node->layer.get();
    if (!map.layer_indices.contains(layer)) {
      map.layer_indices[layer] = static_cast<int>(map.layer_indices.size());
      map.layers_in_discovery_order.push_back(node->layer);
    }
    in_progress.insert(node.get());
    stack.push_back({node, 0});
    return absl::OkStatus();
  };
  STRATA_RETURN_IF_ERROR(visit(output));
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next_input < frame.node->inputs.size()) {
      const SymbolicTensor input = frame.node->inputs[frame.next_input++];
      STRATA_RETURN_IF_ERROR(visit(input));
      continue;
    }
    std::shared_ptr<LayerNode> node = std::move(frame.node);
    stack.pop_back();
    in_progress.erase(node.get());
    finished.insert(node.get());
    map.nodes_in_decreasing_depth.push_back(std::move(node));
  }
  return absl::OkStatus();
}

}  // namespace

Model::Model(std::string name)
    : Layer(name.empty() ? UniqueLayerName("model") : std::move(name), "Functional") {}

absl::StatusOr<std::shared_ptr<Model>> Model::Create(const SymbolicTensor& input,
                                                     const SymbolicTensor& output,
                                                     std::string name) {
  return Create(std::vector<SymbolicTensor>{input}, std::vector<SymbolicTensor>{output},
                std::move(name));
}

absl::StatusOr<std::shared_ptr<Model>> Model::Create(std::vector<SymbolicTensor> inputs,
                                                     std::vector<SymbolicTensor> outputs,
                                                     std::string name) {
  // A tensor that carries an error explains the failure best: report it first.
  for (const std::vector<SymbolicTensor>* list : {&inputs, &outputs}) {
    for (const SymbolicTensor& t : *list) {
      if (!t.ok()) return t.status();
    }
  }
  if (inputs.empty() || outputs.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Model: expected at least one input and one output; received ", inputs.size(),
        " input(s) and ", outputs.size(), " output(s)."));
  }
  for (const SymbolicTensor& t : inputs) {
    if (dynamic_cast<InputLayer*>(t.layer()) == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Model: expected input tensors made by Input(); received ", TensorDescription(t),
          ". To start a model from an internal tensor, build the model from the original "
          "inputs and select outputs instead."));
    }
  }
  auto model = std::shared_ptr<Model>(new Model(std::move(name)));
  STRATA_RETURN_IF_ERROR(model->Reset(std::move(inputs), std::move(outputs)));
  return model;
}

absl::StatusOr<SymbolicTensor> Model::input() const {
  if (inputs_.size() != 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Model '", name(), "': expected one input; received ", inputs_.size(), ". Use inputs()."));
  }
  return inputs_[0];
}

absl::StatusOr<SymbolicTensor> Model::output() const {
  if (outputs_.size() != 1) {
    return absl::FailedPreconditionError(absl::StrCat("Model '", name(),
                                                      "': expected one output; received ",
                                                      outputs_.size(), ". Use outputs()."));
  }
  return outputs_[0];
}

absl::Status Model::Reset(std::vector<SymbolicTensor> inputs,
                          std::vector<SymbolicTensor> outputs) {
  inputs_ = std::move(inputs);
  outputs_ = std::move(outputs);
  layers_.clear();
  execution_order_.clear();
  node_depth_.clear();
  nodes_by_depth_.clear();
  STRATA_RETURN_IF_ERROR(MapGraph());
  if (num_inbound_nodes() == 0) ReserveNodeIndex();
  std::vector<PartialShape> input_shapes;
  for (const SymbolicTensor& t : inputs_) input_shapes.push_back(t.shape());
  MarkBuilt(input_shapes);
  return absl::OkStatus();
}

// Keras's _map_graph_network (keras/engine/functional.py), step for step, so that layer order,
// depths and errors match Keras.
absl::Status Model::MapGraph() {
  GraphMap map;
  absl::flat_hash_set<const LayerNode*> finished;
  for (const SymbolicTensor& output : outputs_) {
    STRATA_RETURN_IF_ERROR(BuildMap(output, finished, map));
  }

  NodeDepths nodes_depths;
  absl::flat_hash_map<const Layer*, int> layers_depths;
  for (auto it = map.nodes_in_decreasing_depth.rbegin();
       it != map.nodes_in_decreasing_depth.rend(); ++it) {
    const std::shared_ptr<LayerNode>& node = *it;
    int depth = nodes_depths[node];
    auto previous = layers_depths.find(node->layer.get());
    if (previous != layers_depths.end()) depth = std::max(depth, previous->second);
    layers_depths[node->layer.get()] = depth;
    nodes_depths[node] = depth;
    for (const SymbolicTensor& input : node->inputs) {
      int* parent_depth = nodes_depths.Find(input.node());
      const int updated = std::max(depth + 1, parent_depth ? *parent_depth : 0);
      nodes_depths[input.node()] = updated;
    }
  }
  // Inputs that no output depends on still belong to the model, at depth 0.
  for (const SymbolicTensor& input : inputs_) {
    Layer* layer = input.layer();
    if (!layers_depths.contains(layer)) {
      layers_depths[layer] = 0;
      map.layer_indices[layer] = -1;
      map.layers_in_discovery_order.push_back(input.node()->layer);
      nodes_depths[input.node()] = 0;
    }
  }

  // Layers by decreasing depth, then by traversal order.
  std::vector<std::shared_ptr<Layer>> layers = map.layers_in_discovery_order;
  std::stable_sort(layers.begin(), layers.end(),
                   [&](const std::shared_ptr<Layer>& a, const std::shared_ptr<Layer>& b) {
                     const int da = layers_depths.at(a.get()), db = layers_depths.at(b.get());
                     if (da != db) return da > db;
                     return map.layer_indices.at(a.get()) < map.layer_indices.at(b.get());
                   });

  // Nodes by decreasing depth, in insertion order within a depth.
  int max_depth = 0;
  for (const auto& [node, depth] : nodes_depths.entries()) max_depth = std::max(max_depth, depth);
  nodes_by_depth_.assign(max_depth + 1, {});
  for (const auto& [node, depth] : nodes_depths.entries()) {
    nodes_by_depth_[max_depth - depth].push_back(node);
    node_depth_[node.get()] = depth;
  }

  // Every tensor a node needs must be computable from the inputs.
  absl::flat_hash_set<const void*> computable;
  for (const SymbolicTensor& input : inputs_) computable.insert(input.id());
  std::vector<std::string> layers_with_complete_input;
  for (const auto& nodes : nodes_by_depth_) {
    for (const std::shared_ptr<LayerNode>& node : nodes) {
      if (!node->is_input()) {
        for (const SymbolicTensor& x : node->inputs) {
          if (!computable.contains(x.id())) {
            return absl::InvalidArgumentError(absl::StrCat(
                "Graph disconnected: cannot obtain value for tensor ", TensorDescription(x),
                " at layer '", node->layer->name(),
                "'. The following previous layers were accessed without issue: [",
                absl::StrJoin(layers_with_complete_input, ", "),
                "]. Pass every Input() the outputs depend on to Model::Create."));
          }
        }
        execution_order_.push_back(node);
      }
      // An Input() node adds nothing: the model's own inputs are computable already, and what
      // depends on another Input() is disconnected.
      if (!node->is_input()) {
        for (const SymbolicTensor& out : NodeOutputs(*node)) {
          if (out.ok()) computable.insert(out.id());
        }
      }
      layers_with_complete_input.push_back(node->layer->name());
    }
  }

  absl::flat_hash_map<std::string, int> name_counts;
  for (const auto& layer : layers) ++name_counts[layer->name()];
  for (const auto& layer : layers) {
    if (name_counts[layer->name()] != 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Model: the name '", layer->name(), "' is used ", name_counts[layer->name()],
          " times in the model; received layers with duplicate names. All layer names should "
          "be unique."));
    }
  }
  if (hide_input_layers_) {
    std::erase_if(layers, [](const std::shared_ptr<Layer>& layer) {
      return dynamic_cast<const InputLayer*>(layer.get()) != nullptr;
    });
  }
  layers_ = std::move(layers);
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<Layer>> Model::GetLayer(absl::string_view name) const {
  std::vector<std::string> names;
  for (const auto& layer : layers_) {
    if (layer->name() == name) return layer;
    names.push_back(layer->name());
  }
  return absl::NotFoundError(absl::StrCat("Model '", this->name(), "': no layer named '", name,
                                          "'; its layers are: ", absl::StrJoin(names, ", "),
                                          "."));
}

absl::StatusOr<std::shared_ptr<Layer>> Model::GetLayer(int index) const {
  if (index < 0 || index >= static_cast<int>(layers_.size())) {
    return absl::OutOfRangeError(absl::StrCat("Model '", name(), "': expected a layer index in [0, ",
                                              layers_.size(), "); received ", index, "."));
  }
  return layers_[index];
}

std::vector<std::string> Model::input_names() const {
  std::vector<std::string> names;
  for (const SymbolicTensor& t : inputs_) names.push_back(t.layer()->name());
  return names;
}

std::vector<std::string> Model::output_names() const {
  std::vector<std::string> names;
  for (const SymbolicTensor& t : outputs_) names.push_back(t.layer()->name());
  return names;
}

std::vector<Weight> Model::weights() const {
  std::vector<Weight> all;
  std::vector<autograd::Variable> seen;
  for (const auto& layer : layers_) {
    for (Weight w : layer->weights()) {
      bool duplicate = false;
      for (const autograd::Variable& v : seen) {
        if (v.IsSameAs(w.variable)) duplicate = true;
      }
      if (duplicate) continue;
      seen.push_back(w.variable);
      w.trainable = w.trainable && layer->trainable();
      all.push_back(std::move(w));
    }
  }
  return all;
}

absl::StatusOr<std::vector<PartialShape>> Model::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  if (input_shapes.size() != inputs_.size()) {
    return absl::InvalidArgumentError(absl::StrCat("expected ", inputs_.size(),
                                                   " input(s); received ", input_shapes.size(),
                                                   "."));
  }
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const PartialShape& expected = inputs_[i].shape();
    const PartialShape& got = input_shapes[i];
    bool compatible = expected.rank() == got.rank();
    for (int d = 0; compatible && d < got.rank(); ++d) {
      compatible = expected.dim(d) == kUnknownDim || got.dim(d) == kUnknownDim ||
                   expected.dim(d) == got.dim(d);
    }
    if (!compatible) {
      return absl::InvalidArgumentError(absl::StrCat("expected input ", i, " of shape ",
                                                     expected.ToString(), "; received ",
                                                     got.ToString(), "."));
    }
  }
  std::vector<PartialShape> shapes;
  for (const SymbolicTensor& t : outputs_) shapes.push_back(t.shape());
  return shapes;
}

absl::StatusOr<std::vector<DType>> Model::ComputeOutputDTypes(absl::Span<const DType>,
                                                              int) const {
  std::vector<DType> dtypes;
  for (const SymbolicTensor& t : outputs_) dtypes.push_back(t.dtype());
  return dtypes;
}

absl::StatusOr<std::vector<autograd::Variable>> Model::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext& context) const {
  absl::flat_hash_map<const void*, autograd::Variable> values;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    autograd::Variable v = inputs[i];
    if (v.dtype() != inputs_[i].dtype()) {
      v = autograd::Variable(v.value().Cast(inputs_[i].dtype()));  // As Keras casts its feeds.
    }
    values[inputs_[i].id()] = std::move(v);
  }
  std::vector<autograd::Variable> node_inputs;
  for (const std::shared_ptr<LayerNode>& node : execution_order_) {
    node_inputs.clear();
    for (const SymbolicTensor& x : node->inputs) node_inputs.push_back(values.at(x.id()));
    STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> outs,
                            node->layer->Apply(node_inputs, context));
    for (size_t i = 0; i < outs.size() && i < node->weak_outputs.size(); ++i) {
      if (auto impl = node->weak_outputs[i].lock()) values[impl.get()] = std::move(outs[i]);
    }
  }
  std::vector<autograd::Variable> result;
  for (const SymbolicTensor& t : outputs_) result.push_back(values.at(t.id()));
  return result;
}

absl::StatusOr<std::vector<Tensor>> Model::Predict(const std::vector<Tensor>& inputs) {
  autograd::NoGradScope no_grad;
  std::vector<autograd::Variable> feeds;
  for (const Tensor& t : inputs) feeds.emplace_back(t);
  STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> outs,
                          Apply(feeds, CallContext{.training = false}));
  std::vector<Tensor> result;
  for (const autograd::Variable& v : outs) result.push_back(v.value());
  return result;
}

bool Model::IsSequentialLike() const {
  absl::flat_hash_set<const LayerNode*> nodes;
  for (const auto& depth_nodes : nodes_by_depth_) {
    if (depth_nodes.size() > 1) return false;
    if (depth_nodes.size() == 1 && depth_nodes[0]->inputs.size() > 1) return false;
    for (const auto& node : depth_nodes) nodes.insert(node.get());
  }
  for (const auto& layer : layers_) {
    int calls_in_model = 0;
    for (const auto& node : layer->inbound_nodes()) {
      if (nodes.contains(node.get())) ++calls_in_model;
    }
    if (calls_in_model > 1) return false;
  }
  return true;
}

void Model::Summary() const { Summary(std::cout); }

std::string Model::SummaryString() const {
  std::ostringstream out;
  Summary(out);
  return out.str();
}

}  // namespace strata
