// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/activation.h"

#include "autograd/ops/activation.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Activation>> Activation::Create(ActivationOptions options) {
  STRATA_ASSIGN_OR_RETURN(ops::Activation activation, options.activation.Resolve());
  return std::shared_ptr<Activation>(new Activation(options.name, activation));
}

absl::StatusOr<std::shared_ptr<Layer>> Activation::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Activation");
  ActivationOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::string activation, reader.GetString("activation"));
  options.activation = activation;
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Activation> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Activation::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter(&config).SetString("activation", ops::ActivationName(activation_));
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Activation::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  return std::vector<PartialShape>{in};
}

absl::StatusOr<std::vector<autograd::Variable>> Activation::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::Activate(inputs[0], activation_));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
