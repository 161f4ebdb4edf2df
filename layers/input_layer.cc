// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/input_layer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace strata {

InputLayer::InputLayer(std::string name, PartialShape batch_shape, DType dtype)
    : Layer(name, "InputLayer"), batch_shape_(std::move(batch_shape)), dtype_(dtype) {}

absl::StatusOr<std::shared_ptr<InputLayer>> InputLayer::Create(InputOptions options) {
  std::vector<int64_t> dims = options.batch_shape;
  if (dims.empty()) {
    dims = {kUnknownDim};
    dims.insert(dims.end(), options.shape.begin(), options.shape.end());
  } else if (!options.shape.empty()) {
    return absl::InvalidArgumentError(
        "Input: expected either shape or batch_shape; received both.");
  }
  for (int64_t d : dims) {
    if (d < 0 && d != kUnknownDim) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Input: expected dimensions >= 0 or kUnknownDim (None); received ", d, "."));
    }
  }
  std::string name = options.name.empty() ? UniqueLayerName("input", /*zero_based=*/false)
                                          : std::move(options.name);
  auto layer = std::shared_ptr<InputLayer>(
      new InputLayer(std::move(name), PartialShape(std::move(dims)), options.dtype));
  layer->MarkBuilt({});
  return layer;
}

SymbolicTensor InputLayer::MakeInputNode() {
  return RecordNode({}, {batch_shape_}, {dtype_}).front();
}

SymbolicTensor InputLayer::tensor() const {
  std::vector<std::shared_ptr<LayerNode>> nodes = inbound_nodes();
  if (nodes.empty()) {
    return SymbolicTensor::FromError(Error(absl::StatusCode::kFailedPrecondition,
                                           "expected an input node; it has none."));
  }
  return NodeOutputs(*nodes.front()).front();
}

absl::StatusOr<std::shared_ptr<Layer>> InputLayer::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "InputLayer");
  InputOptions options;
  STRATA_ASSIGN_OR_RETURN(options.name, reader.GetString("name", ""));
  STRATA_ASSIGN_OR_RETURN(options.batch_shape, reader.GetIntList("batch_input_shape"));
  STRATA_ASSIGN_OR_RETURN(std::string dtype, reader.GetString("dtype", "float32"));
  if (dtype == "float32") {
    options.dtype = DType::kFloat32;
  } else if (dtype == "int32") {
    options.dtype = DType::kInt32;
  } else if (dtype == "int64") {
    options.dtype = DType::kInt64;
  } else {
    return absl::UnimplementedError(absl::StrCat(
        "InputLayer config key 'dtype': expected float32, int32 or int64; received \"", dtype,
        "\"."));
  }
  STRATA_ASSIGN_OR_RETURN(bool sparse, reader.GetBool("sparse", false));
  STRATA_ASSIGN_OR_RETURN(bool ragged, reader.GetBool("ragged", false));
  if (sparse || ragged) {
    return absl::UnimplementedError(
        "InputLayer: expected dense inputs (strata has no sparse or ragged tensors); received "
        "sparse or ragged = true.");
  }
  reader.Ignore("trainable");
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<InputLayer> layer, Create(std::move(options)));
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict InputLayer::GetConfig() const {
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetShape("batch_input_shape", batch_shape_);
  w.SetString("dtype", DTypeName(dtype_));
  w.SetBool("sparse", false);
  w.SetBool("ragged", false);
  w.SetString("name", name());
  return config;
}

absl::StatusOr<std::vector<PartialShape>> InputLayer::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  return std::vector<PartialShape>{batch_shape_};
}

absl::StatusOr<std::vector<DType>> InputLayer::ComputeOutputDTypes(absl::Span<const DType>,
                                                                   int) const {
  return std::vector<DType>{dtype_};
}

absl::StatusOr<std::vector<autograd::Variable>> InputLayer::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  return inputs;  // Feeding a graph: the model checks the value against batch_shape.
}

SymbolicTensor Input(InputOptions options) {
  absl::StatusOr<std::shared_ptr<InputLayer>> layer = InputLayer::Create(std::move(options));
  if (!layer.ok()) return SymbolicTensor::FromError(layer.status());
  return (*layer)->MakeInputNode();
}

SymbolicTensor Input(std::vector<int64_t> shape, std::string name, DType dtype) {
  return Input(InputOptions{.shape = std::move(shape), .name = std::move(name), .dtype = dtype});
}

}  // namespace strata
