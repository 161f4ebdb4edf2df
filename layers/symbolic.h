// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_SYMBOLIC_H_
#define STRATA_LAYERS_SYMBOLIC_H_

// The functional API's graph: symbolic tensors (Keras's KerasTensor) and the calls that made
// them (Keras's Node).
//
// Input() makes a symbolic tensor; calling a layer on symbolic tensors records a LayerNode and
// returns new symbolic tensors that know their shape, dtype and history (layer, node index,
// tensor index). A failing call returns tensors carrying the error, so that user code chains
// calls without checks, as in Keras; Model creation reports the first error.
//
// NOTE [ Graph ownership ]
// A SymbolicTensor holds the LayerNode that made it; a node holds its layer and its input
// tensors. So holding a model's outputs keeps the whole graph alive. Layers refer back to their
// nodes, and nodes to their outputs, only weakly (no cycles).
//
//   SymbolicTensor inputs = Input({784}, "img");
//   SymbolicTensor x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);
//   x.shape().ToString();  // "(None, 64)"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "layers/layer.h"
#include "layers/partial_shape.h"
#include "tensor/dtype.h"

namespace strata {

namespace internal {
struct SymbolicTensorImpl {
  absl::Status status;
  PartialShape shape;
  DType dtype = DType::kFloat32;
  std::shared_ptr<LayerNode> node;
  int tensor_index = 0;
};
}  // namespace internal

class SymbolicTensor {
 public:
  // An empty tensor that carries an error saying it was never assigned.
  SymbolicTensor();
  // A tensor that only carries `error` (not OK).
  static SymbolicTensor FromError(absl::Status error);

  bool ok() const { return impl_->status.ok(); }
  const absl::Status& status() const { return impl_->status; }
  const PartialShape& shape() const { return impl_->shape; }
  DType dtype() const { return impl_->dtype; }

  // Keras's _keras_history: the node that made this tensor and which of its outputs it is.
  const std::shared_ptr<LayerNode>& node() const { return impl_->node; }
  int tensor_index() const { return impl_->tensor_index; }
  // The layer whose call made this tensor (null for an error tensor).
  Layer* layer() const;
  // The index of that call among the layer's calls.
  int node_index() const;

  // Identity: the same symbolic tensor.
  bool IsSameAs(const SymbolicTensor& other) const { return impl_ == other.impl_; }
  const void* id() const { return impl_.get(); }

 private:
  friend class Layer;
  friend std::vector<SymbolicTensor> NodeOutputs(const LayerNode& node);
  using Impl = internal::SymbolicTensorImpl;
  explicit SymbolicTensor(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// One call of a layer on symbolic tensors.
struct LayerNode {
  std::shared_ptr<Layer> layer;
  std::vector<SymbolicTensor> inputs;  // Empty for an InputLayer's node.
  // The outputs, held weakly (NOTE [ Graph ownership ]); see outputs().
  std::vector<std::weak_ptr<const internal::SymbolicTensorImpl>> weak_outputs;
  std::vector<PartialShape> output_shapes;
  std::vector<DType> output_dtypes;
  int node_index = 0;  // Position among layer->inbound_nodes().

  bool is_input() const { return inputs.empty(); }
};

// The outputs of `node` that are still referenced; a released one comes back as an error tensor.
std::vector<SymbolicTensor> NodeOutputs(const LayerNode& node);

}  // namespace strata

#endif  // STRATA_LAYERS_SYMBOLIC_H_
