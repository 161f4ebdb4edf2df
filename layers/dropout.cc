// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/dropout.h"

#include "absl/strings/str_cat.h"
#include "autograd/ops/random.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Dropout>> Dropout::Create(DropoutOptions options) {
  if (!(options.rate >= 0.0f && options.rate < 1.0f)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Dropout: expected a rate in [0, 1); received rate=", options.rate, "."));
  }
  return std::shared_ptr<Dropout>(new Dropout(options.name, options.rate));
}

absl::StatusOr<std::shared_ptr<Layer>> Dropout::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Dropout");
  DropoutOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(double rate, reader.GetFloat("rate"));
  options.rate = static_cast<float>(rate);
  STRATA_RETURN_IF_ERROR(reader.IgnoreNull("noise_shape"));
  reader.Ignore("seed");  // strata draws masks from the model's seeded stream.
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Dropout> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Dropout::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter w(&config);
  w.SetFloat("rate", rate_);
  w.SetNull("noise_shape");
  w.SetNull("seed");
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Dropout::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  return std::vector<PartialShape>{in};
}

absl::StatusOr<std::vector<autograd::Variable>> Dropout::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext& context) const {
  if (!context.training || rate_ == 0.0f) return inputs;
  if (context.rng == nullptr) {
    return absl::FailedPreconditionError(
        "expected a random stream (CallContext::rng) when training; received none.");
  }
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y,
                          autograd::Dropout(inputs[0], rate_, *context.rng));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
