// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/layer.h"

#include <cctype>
#include <mutex>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/check.h"
#include "base/status_macros.h"
#include "layers/symbolic.h"

namespace strata {
namespace {

std::mutex names_mutex;
absl::flat_hash_map<std::string, int>& NameCounts() {
  static auto* counts = new absl::flat_hash_map<std::string, int>();
  return *counts;
}

std::string ShapesToString(absl::Span<const PartialShape> shapes) {
  if (shapes.size() == 1) return shapes[0].ToString();
  std::vector<std::string> parts;
  for (const PartialShape& s : shapes) parts.push_back(s.ToString());
  return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
}

}  // namespace

std::string ToSnakeCase(absl::string_view name) {
  // Keras: re.sub('(.)([A-Z][a-z0-9]+)', r'\1_\2') then re.sub('([a-z])([A-Z])', r'\1_\2').
  auto is_upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  auto is_lower_or_digit = [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
  };
  std::string step1;
  for (size_t i = 0; i < name.size(); ++i) {
    if (i > 0 && is_upper(name[i]) && i + 1 < name.size() && is_lower_or_digit(name[i + 1])) {
      step1 += '_';
    }
    step1 += name[i];
  }
  std::string out;
  for (size_t i = 0; i < step1.size(); ++i) {
    if (i > 0 && std::islower(static_cast<unsigned char>(step1[i - 1])) && is_upper(step1[i])) {
      out += '_';
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(step1[i])));
  }
  // The first substitution may put '_' right after an existing '_' ("A_Bc"); Keras keeps it.
  return out;
}

std::string UniqueLayerName(absl::string_view prefix, bool zero_based) {
  std::lock_guard<std::mutex> lock(names_mutex);
  int& count = NameCounts()[std::string(prefix)];
  const int index = count++;
  if (zero_based) return index == 0 ? std::string(prefix) : absl::StrCat(prefix, "_", index);
  return absl::StrCat(prefix, "_", index + 1);
}

void ClearSession() {
  std::lock_guard<std::mutex> lock(names_mutex);
  NameCounts().clear();
}

Layer::Layer(absl::string_view name, absl::string_view class_name_for_default)
    : name_(name.empty() ? UniqueLayerName(ToSnakeCase(class_name_for_default))
                         : std::string(name)) {}

Layer::~Layer() = default;

std::vector<Weight> Layer::weights() const {
  std::vector<Weight> all = weights_;
  for (const auto& layer : tracked_layers_) {
    for (Weight w : layer->weights()) {
      w.trainable = w.trainable && layer->trainable();
      all.push_back(std::move(w));
    }
  }
  return all;
}

std::vector<autograd::Variable> Layer::TrainableVariables() const {
  std::vector<autograd::Variable> out;
  if (!trainable_) return out;
  for (const Weight& w : weights()) {
    if (w.trainable) out.push_back(w.variable);
  }
  return out;
}

std::vector<autograd::Variable> Layer::NonTrainableVariables() const {
  std::vector<autograd::Variable> out;
  for (const Weight& w : weights()) {
    if (!w.trainable || !trainable_) out.push_back(w.variable);
  }
  return out;
}

int64_t Layer::CountParams() const {
  int64_t n = 0;
  for (const Weight& w : weights()) n += w.variable.value().num_elements();
  return n;
}

absl::Status Layer::Error(absl::StatusCode code, absl::string_view message) const {
  return absl::Status(code, absl::StrCat("Layer '", name_, "' (", class_name(), "): ", message));
}

absl::Status Layer::Annotate(const absl::Status& status) const {
  if (status.ok()) return status;
  return Error(status.code(), status.message());
}

absl::Status Layer::Build(absl::Span<const PartialShape>) { return absl::OkStatus(); }

absl::Status Layer::EnsureBuilt(absl::Span<const PartialShape> input_shapes) {
  if (built_) return absl::OkStatus();
  // Validate the shapes first so that Build sees only shapes the layer accepts.
  absl::StatusOr<std::vector<PartialShape>> outputs = ComputeOutputShapes(input_shapes);
  if (!outputs.ok()) return Annotate(outputs.status());
  STRATA_RETURN_IF_ERROR(Annotate(Build(input_shapes)));
  MarkBuilt(input_shapes);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DType>> Layer::ComputeOutputDTypes(absl::Span<const DType>,
                                                              int num_outputs) const {
  return std::vector<DType>(num_outputs, DType::kFloat32);
}

absl::StatusOr<autograd::Variable> Layer::AddWeight(absl::string_view name, const Shape& shape,
                                                    const Initializer& initializer,
                                                    bool trainable) {
  STRATA_ASSIGN_OR_RETURN(Tensor value, initializer.Initialize(shape));
  autograd::Variable variable(std::move(value), /*requires_grad=*/true);
  weights_.push_back(Weight{std::string(name), variable, trainable});
  return variable;
}

ConfigDict Layer::GetConfig() const {
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetString("name", name_);
  w.SetBool("trainable", trainable_);
  w.SetString("dtype", "float32");
  return config;
}

absl::StatusOr<PartialShape> Layer::SingleInput(absl::Span<const PartialShape> input_shapes) {
  if (input_shapes.size() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected 1 input; received ", input_shapes.size(), "."));
  }
  return input_shapes[0];
}

absl::Status Layer::ReadBaseConfig(ConfigReader& reader, std::string* name, bool* trainable) {
  STRATA_ASSIGN_OR_RETURN(*name, reader.GetString("name", ""));
  STRATA_ASSIGN_OR_RETURN(*trainable, reader.GetBool("trainable", true));
  STRATA_ASSIGN_OR_RETURN(std::string dtype, reader.GetString("dtype", "float32"));
  if (dtype != "float32") {
    return absl::UnimplementedError(absl::StrCat(
        "config key 'dtype': expected \"float32\" (strata computes in float32); received \"",
        dtype, "\"."));
  }
  reader.Ignore("batch_input_shape");  // Keras 2 writes it on a model's first layer.
  return absl::OkStatus();
}

SymbolicTensor Layer::operator()(const SymbolicTensor& input) {
  return CallSymbolic({input}).front();
}

SymbolicTensor Layer::operator()(const std::vector<SymbolicTensor>& inputs) {
  return CallSymbolic(inputs).front();
}

std::vector<SymbolicTensor> Layer::CallSymbolic(const std::vector<SymbolicTensor>& inputs) {
  for (const SymbolicTensor& in : inputs) {
    if (!in.ok()) return {in};  // Earlier errors win: they are the cause.
  }
  if (inputs.empty()) {
    return {SymbolicTensor::FromError(
        Error(absl::StatusCode::kInvalidArgument, "expected at least one input; received none."))};
  }
  std::vector<PartialShape> shapes;
  std::vector<DType> dtypes;
  for (const SymbolicTensor& in : inputs) {
    shapes.push_back(in.shape());
    dtypes.push_back(in.dtype());
  }
  if (absl::Status s = EnsureBuilt(shapes); !s.ok()) return {SymbolicTensor::FromError(s)};
  absl::StatusOr<std::vector<PartialShape>> out_shapes = ComputeOutputShapes(shapes);
  if (!out_shapes.ok()) return {SymbolicTensor::FromError(Annotate(out_shapes.status()))};
  absl::StatusOr<std::vector<DType>> out_dtypes =
      ComputeOutputDTypes(dtypes, static_cast<int>(out_shapes->size()));
  if (!out_dtypes.ok()) return {SymbolicTensor::FromError(Annotate(out_dtypes.status()))};

  return RecordNode(inputs, *std::move(out_shapes), *std::move(out_dtypes));
}

std::vector<SymbolicTensor> Layer::RecordNode(const std::vector<SymbolicTensor>& inputs,
                                              std::vector<PartialShape> output_shapes,
                                              std::vector<DType> output_dtypes) {
  auto node = std::make_shared<LayerNode>();
  node->layer = shared_from_this();
  node->inputs = inputs;
  node->output_shapes = std::move(output_shapes);
  node->output_dtypes = std::move(output_dtypes);
  node->node_index = static_cast<int>(inbound_nodes_.size());
  inbound_nodes_.push_back(node);
  std::vector<SymbolicTensor> outputs;
  for (size_t i = 0; i < node->output_shapes.size(); ++i) {
    auto impl = std::make_shared<internal::SymbolicTensorImpl>();
    impl->shape = node->output_shapes[i];
    impl->dtype = node->output_dtypes[i];
    impl->node = node;
    impl->tensor_index = static_cast<int>(i);
    node->weak_outputs.push_back(impl);
    outputs.push_back(SymbolicTensor(std::move(impl)));
  }
  return outputs;
}

void Layer::MarkBuilt(absl::Span<const PartialShape> input_shapes) {
  build_input_shapes_.clear();
  for (const PartialShape& s : input_shapes) {
    std::vector<int64_t> dims = s.dims();
    if (!dims.empty()) dims[0] = kUnknownDim;  // Any batch size later.
    build_input_shapes_.emplace_back(std::move(dims));
  }
  built_ = true;
}

absl::StatusOr<std::vector<autograd::Variable>> Layer::Apply(
    const std::vector<autograd::Variable>& inputs, const CallContext& context) {
  std::vector<PartialShape> shapes;
  for (const autograd::Variable& v : inputs) shapes.push_back(PartialShape::FromShape(v.shape()));
  STRATA_RETURN_IF_ERROR(EnsureBuilt(shapes));
  if (build_input_shapes_.size() != inputs.size()) {
    return Error(absl::StatusCode::kInvalidArgument,
                 absl::StrCat("expected ", build_input_shapes_.size(), " input(s); received ",
                              inputs.size(), "."));
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!build_input_shapes_[i].IsCompatibleWith(inputs[i].shape())) {
      return Error(absl::StatusCode::kInvalidArgument,
                   absl::StrCat("expected input shape ", ShapesToString(build_input_shapes_),
                                "; received ", inputs[i].shape().ToString(),
                                inputs.size() > 1 ? absl::StrCat(" for input ", i) : "", "."));
    }
  }
  absl::StatusOr<std::vector<autograd::Variable>> outputs = Call(inputs, context);
  if (!outputs.ok()) return Annotate(outputs.status());
  return outputs;
}

absl::StatusOr<autograd::Variable> Layer::Apply(const autograd::Variable& input,
                                                const CallContext& context) {
  STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> outputs,
                          Apply(std::vector<autograd::Variable>{input}, context));
  if (outputs.size() != 1) {
    return Error(absl::StatusCode::kInvalidArgument,
                 absl::StrCat("expected a layer with one output; this one has ", outputs.size(),
                              "."));
  }
  return outputs[0];
}

std::vector<std::shared_ptr<LayerNode>> Layer::inbound_nodes() const {
  std::vector<std::shared_ptr<LayerNode>> nodes;
  for (const auto& weak : inbound_nodes_) {
    if (auto node = weak.lock()) nodes.push_back(std::move(node));
  }
  return nodes;
}

absl::StatusOr<SymbolicTensor> Layer::output() const {
  std::vector<std::shared_ptr<LayerNode>> nodes = inbound_nodes();
  if (nodes.size() != 1) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 absl::StrCat("expected a layer called exactly once to have one output; it has ",
                              nodes.size(), " live call(s). Use its inbound nodes instead."));
  }
  std::vector<SymbolicTensor> outputs = NodeOutputs(*nodes[0]);
  if (outputs.size() != 1) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 absl::StrCat("expected one output; received ", outputs.size(), "."));
  }
  if (!outputs[0].ok()) return outputs[0].status();
  return outputs[0];
}

absl::StatusOr<SymbolicTensor> Layer::input() const {
  std::vector<std::shared_ptr<LayerNode>> nodes = inbound_nodes();
  if (nodes.size() != 1) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 absl::StrCat("expected a layer called exactly once to have one input; it has ",
                              nodes.size(), " live call(s)."));
  }
  if (nodes[0]->is_input()) return NodeOutputs(*nodes[0]).front();
  if (nodes[0]->inputs.size() != 1) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 absl::StrCat("expected one input; received ", nodes[0]->inputs.size(), "."));
  }
  return nodes[0]->inputs[0];
}

}  // namespace strata
