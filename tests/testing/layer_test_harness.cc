// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tests/testing/layer_test_harness.h"

#include <memory>
#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "autograd/gradcheck.h"
#include "autograd/variable.h"
#include "base/status_macros.h"
#include "google/protobuf/util/message_differencer.h"
#include "layers/builtin_layers.h"
#include "layers/input_layer.h"
#include "layers/layer.h"
#include "layers/registry.h"
#include "layers/symbolic.h"

namespace strata::testing {
namespace {

absl::Status Failure(const LayerTestSpec& spec, absl::string_view step, absl::string_view what) {
  return absl::InternalError(
      absl::StrCat("RunLayerTest(", spec.class_name, ") ", step, ": ", what));
}

std::vector<Tensor> MakeInputs(const LayerTestSpec& spec) {
  std::vector<Tensor> inputs;
  std::mt19937_64 engine(77);
  for (size_t i = 0; i < spec.input_shapes.size(); ++i) {
    const DType dtype = i < spec.input_dtypes.size() ? spec.input_dtypes[i] : DType::kFloat32;
    if (dtype == DType::kFloat32) {
      inputs.push_back(autograd::GradCheckInput(spec.input_shapes[i], 100 + i, spec.input_low,
                                                spec.input_high));
    } else {
      Tensor ids = Tensor::Zeros(spec.input_shapes[i], DType::kInt64);
      for (int64_t k = 0; k < ids.num_elements(); ++k) {
        ids.mutable_data<int64_t>()[k] = static_cast<int64_t>(engine() % spec.max_integer_input);
      }
      inputs.push_back(dtype == DType::kInt64 ? ids : ids.Cast(dtype));
    }
  }
  return inputs;
}

absl::StatusOr<std::vector<autograd::Variable>> Run(Layer& layer,
                                                    const std::vector<Tensor>& inputs,
                                                    bool training) {
  std::vector<autograd::Variable> vars;
  for (const Tensor& t : inputs) vars.emplace_back(t);
  return layer.Apply(vars, CallContext{.training = training});
}

}  // namespace

absl::Status RunLayerTest(const LayerTestSpec& spec) {
  LayerRegistry registry;
  STRATA_RETURN_IF_ERROR(RegisterBuiltinLayers(registry));
  LayerConfig config;
  config.set_class_name(spec.class_name);
  *config.mutable_config() = spec.config;
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Layer> layer, registry.Create(config));

  // 2. Eager call: shapes and weights.
  const std::vector<Tensor> inputs = MakeInputs(spec);
  STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> outputs,
                          Run(*layer, inputs, spec.training));
  if (outputs.size() != spec.expected_output_shapes.size()) {
    return Failure(spec, "eager call",
                   absl::StrCat(outputs.size(), " outputs, expected ",
                                spec.expected_output_shapes.size()));
  }
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].shape() != spec.expected_output_shapes[i]) {
      return Failure(spec, "eager call",
                     absl::StrCat("output ", i, " has shape ", outputs[i].shape().ToString(),
                                  ", expected ", spec.expected_output_shapes[i].ToString()));
    }
  }
  int trainable = 0, non_trainable = 0;
  for (const Weight& w : layer->weights()) (w.trainable ? trainable : non_trainable)++;
  if (trainable != spec.expected_trainable_weights ||
      non_trainable != spec.expected_non_trainable_weights) {
    return Failure(spec, "weights",
                   absl::StrCat(trainable, " trainable and ", non_trainable,
                                " non-trainable, expected ", spec.expected_trainable_weights,
                                " and ", spec.expected_non_trainable_weights));
  }

  // 3. Symbolic call with an unknown batch dimension.
  std::vector<SymbolicTensor> symbolic_inputs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::vector<int64_t> dims = inputs[i].shape().ToVector();
    dims.erase(dims.begin());
    symbolic_inputs.push_back(Input(dims, "", inputs[i].dtype()));
  }
  std::vector<SymbolicTensor> symbolic_outputs = layer->CallSymbolic(symbolic_inputs);
  for (size_t i = 0; i < symbolic_outputs.size(); ++i) {
    if (!symbolic_outputs[i].ok()) return symbolic_outputs[i].status();
    std::vector<int64_t> expected = spec.expected_output_shapes[i].ToVector();
    expected[0] = kUnknownDim;
    if (symbolic_outputs[i].shape() != PartialShape(expected)) {
      return Failure(spec, "symbolic call",
                     absl::StrCat("output ", i, " has shape ",
                                  symbolic_outputs[i].shape().ToString(), ", expected ",
                                  PartialShape(expected).ToString()));
    }
  }

  // 4. Config and weights round trip.
  LayerConfig again;
  again.set_class_name(spec.class_name);
  *again.mutable_config() = layer->GetConfig();
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Layer> copy, registry.Create(again));
  if (!google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(),
                                                          layer->GetConfig())) {
    return Failure(spec, "config round trip",
                   absl::StrCat("GetConfig differs after FromConfig: ",
                                layer->GetConfig().DebugString(), " vs ",
                                copy->GetConfig().DebugString()));
  }
  std::vector<PartialShape> shapes;
  for (const Tensor& t : inputs) shapes.push_back(PartialShape::FromShape(t.shape()));
  STRATA_RETURN_IF_ERROR(copy->EnsureBuilt(shapes));
  std::vector<Weight> original_weights = layer->weights();
  std::vector<Weight> copy_weights = copy->weights();
  if (original_weights.size() != copy_weights.size()) {
    return Failure(spec, "weights round trip", "a different number of weights");
  }
  for (size_t i = 0; i < copy_weights.size(); ++i) {
    copy_weights[i].variable.mutable_value() = original_weights[i].variable.value().Clone();
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<autograd::Variable> copy_outputs,
                          Run(*copy, inputs, spec.training));
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (!spec.training && !Equal(outputs[i].value(), copy_outputs[i].value())) {
      return Failure(spec, "weights round trip", absl::StrCat("output ", i, " differs"));
    }
  }

  // 5. Gradients of inputs and weights (first output).
  if (spec.check_gradients) {
    std::vector<autograd::Variable> parameters;
    for (const Weight& w : layer->weights()) parameters.push_back(w.variable);
    auto f = [&](absl::Span<const autograd::Variable> in) -> absl::StatusOr<autograd::Variable> {
      STRATA_ASSIGN_OR_RETURN(
          std::vector<autograd::Variable> out,
          layer->Apply(std::vector<autograd::Variable>(in.begin(), in.end()),
                       CallContext{.training = spec.training}));
      return out[0];
    };
    absl::Status grads = autograd::GradCheck(f, inputs, parameters,
                                             {.max_elements_per_tensor = 48});
    if (!grads.ok()) return Failure(spec, "gradient check", grads.message());
  }
  return absl::OkStatus();
}

}  // namespace strata::testing
