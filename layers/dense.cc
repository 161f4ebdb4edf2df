// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/dense.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "autograd/ops/activation.h"
#include "autograd/ops/elementwise.h"
#include "autograd/ops/matmul.h"
#include "base/status_macros.h"

namespace strata {

Dense::Dense(DenseOptions options, ops::Activation activation)
    : Layer(options.name, "Dense"), options_(std::move(options)), activation_(activation) {}

absl::StatusOr<std::shared_ptr<Dense>> Dense::Create(DenseOptions options) {
  if (options.units <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Dense: expected units > 0; received units=", options.units, "."));
  }
  STRATA_ASSIGN_OR_RETURN(ops::Activation activation, options.activation.Resolve());
  return std::shared_ptr<Dense>(new Dense(std::move(options), activation));
}

absl::StatusOr<std::shared_ptr<Layer>> Dense::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Dense");
  DenseOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(options.units, reader.GetInt("units"));
  STRATA_ASSIGN_OR_RETURN(std::string activation, reader.GetString("activation", "linear"));
  options.activation = activation;
  STRATA_ASSIGN_OR_RETURN(options.use_bias, reader.GetBool("use_bias", true));
  if (reader.Has("kernel_initializer")) {
    STRATA_ASSIGN_OR_RETURN(auto init, reader.GetClassAndConfig("kernel_initializer"));
    STRATA_ASSIGN_OR_RETURN(options.kernel_initializer,
                            Initializer::FromConfig(init.first, init.second));
  }
  if (reader.Has("bias_initializer")) {
    STRATA_ASSIGN_OR_RETURN(auto init, reader.GetClassAndConfig("bias_initializer"));
    STRATA_ASSIGN_OR_RETURN(options.bias_initializer,
                            Initializer::FromConfig(init.first, init.second));
  }
  for (const char* key : {"kernel_regularizer", "bias_regularizer", "activity_regularizer",
                          "kernel_constraint", "bias_constraint"}) {
    STRATA_RETURN_IF_ERROR(reader.IgnoreNull(key));
  }
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Dense> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Dense::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter w(&config);
  w.SetInt("units", options_.units);
  w.SetString("activation", ops::ActivationName(activation_));
  w.SetBool("use_bias", options_.use_bias);
  w.SetClassAndConfig("kernel_initializer", options_.kernel_initializer.class_name(),
                      options_.kernel_initializer.GetConfig());
  w.SetClassAndConfig("bias_initializer", options_.bias_initializer.class_name(),
                      options_.bias_initializer.GetConfig());
  for (const char* key : {"kernel_regularizer", "bias_regularizer", "activity_regularizer",
                          "kernel_constraint", "bias_constraint"}) {
    w.SetNull(key);
  }
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Dense::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  if (in.rank() < 2 || !in.IsKnown(-1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected an input of rank >= 2 with a known last dimension; received shape ",
        in.ToString(), "."));
  }
  if (built() && in.dim(-1) != kernel_.shape().dim(0)) {
    return absl::InvalidArgumentError(absl::StrCat("expected an input with last dimension ",
                                                   kernel_.shape().dim(0), "; received shape ",
                                                   in.ToString(), "."));
  }
  std::vector<int64_t> dims = in.dims();
  dims.back() = options_.units;
  return std::vector<PartialShape>{PartialShape(std::move(dims))};
}

absl::Status Dense::Build(absl::Span<const PartialShape> input_shapes) {
  const int64_t in = input_shapes[0].dim(-1);
  STRATA_ASSIGN_OR_RETURN(kernel_,
                          AddWeight("kernel", {in, options_.units}, options_.kernel_initializer));
  if (options_.use_bias) {
    STRATA_ASSIGN_OR_RETURN(bias_, AddWeight("bias", {options_.units}, options_.bias_initializer));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<autograd::Variable>> Dense::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::MatMul(inputs[0], kernel_));
  if (options_.use_bias) {
    STRATA_ASSIGN_OR_RETURN(y, autograd::Add(y, bias_));
  }
  if (activation_ != ops::Activation::kLinear) {
    STRATA_ASSIGN_OR_RETURN(y, autograd::Activate(y, activation_));
  }
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
