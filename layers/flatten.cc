// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/flatten.h"

#include "absl/strings/str_cat.h"
#include "autograd/ops/shape_ops.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Flatten>> Flatten::Create(FlattenOptions options) {
  return std::shared_ptr<Flatten>(new Flatten(options.name));
}

absl::StatusOr<std::shared_ptr<Layer>> Flatten::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Flatten");
  FlattenOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::string format, reader.GetString("data_format", "channels_last"));
  if (format != "channels_last") {
    return absl::UnimplementedError(absl::StrCat(
        "Flatten config key 'data_format': expected \"channels_last\"; received \"", format,
        "\"."));
  }
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Flatten> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Flatten::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter(&config).SetString("data_format", "channels_last");
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Flatten::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  if (in.rank() < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected an input with a batch axis; received shape ", in.ToString(), "."));
  }
  if (in.rank() == 1) return std::vector<PartialShape>{PartialShape{in.dim(0), 1}};
  return std::vector<PartialShape>{PartialShape{in.dim(0), in.NumElementsPerSample()}};
}

absl::StatusOr<std::vector<autograd::Variable>> Flatten::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  const autograd::Variable& x = inputs[0];
  int64_t per_sample = 1;
  for (int i = 1; i < x.shape().rank(); ++i) per_sample *= x.shape().dim(i);
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y,
                          autograd::Reshape(x, {x.shape().dim(0), per_sample}));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
