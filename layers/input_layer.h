// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_INPUT_LAYER_H_
#define STRATA_LAYERS_INPUT_LAYER_H_

// Input() starts a functional graph: it makes an InputLayer and returns its symbolic output.
// The shape excludes the batch dimension, which is unknown; any dimension may be kUnknownDim
// (Keras's None), e.g. a sequence of any length.
//
//   SymbolicTensor img = Input({28, 28, 1}, "img");          // (None, 28, 28, 1)
//   SymbolicTensor words = Input({kUnknownDim}, "title", DType::kInt64);  // (None, None)
//   SymbolicTensor fixed = Input(InputOptions{.batch_shape = {32, 10}});  // (32, 10)

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/config.h"
#include "layers/layer.h"
#include "layers/symbolic.h"

namespace strata {

struct InputOptions {
  std::vector<int64_t> shape;        // Without the batch dimension.
  std::string name;                  // Empty: "input_1", "input_2", ...
  DType dtype = DType::kFloat32;
  std::vector<int64_t> batch_shape;  // With the batch dimension; replaces `shape` if given.
};

class InputLayer final : public Layer {
 public:
  using Options = InputOptions;
  static absl::StatusOr<std::shared_ptr<InputLayer>> Create(InputOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "InputLayer"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  absl::StatusOr<std::vector<DType>> ComputeOutputDTypes(absl::Span<const DType> input_dtypes,
                                                         int num_outputs) const override;

  // The shape with the batch dimension: (None, 784).
  const PartialShape& batch_shape() const { return batch_shape_; }
  DType dtype() const { return dtype_; }
  // The symbolic tensor this layer feeds (its only node's output).
  SymbolicTensor tensor() const;

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  friend SymbolicTensor Input(InputOptions options);
  InputLayer(std::string name, PartialShape batch_shape, DType dtype);
  // Records the layer's node, with no inputs (Keras's input node), and returns its output.
  SymbolicTensor MakeInputNode();

  PartialShape batch_shape_;
  DType dtype_;
};

// Keras's Input(): a symbolic tensor fed by a new InputLayer. Invalid options give a tensor
// carrying the error (reported by Model creation).
SymbolicTensor Input(InputOptions options);
SymbolicTensor Input(std::vector<int64_t> shape, std::string name = "",
                     DType dtype = DType::kFloat32);

}  // namespace strata

#endif  // STRATA_LAYERS_INPUT_LAYER_H_
