// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/reshape.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "autograd/ops/shape_ops.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Reshape>> Reshape::Create(ReshapeOptions options) {
  int unknown = 0;
  for (int64_t d : options.target_shape) {
    if (d == -1) {
      ++unknown;
    } else if (d < 0) {
      unknown = 2;
    }
  }
  if (unknown > 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Reshape: expected a target_shape of dimensions >= 0 with at most one -1; received (",
        absl::StrJoin(options.target_shape, ", "), ")."));
  }
  return std::shared_ptr<Reshape>(new Reshape(options.name, std::move(options.target_shape)));
}

absl::StatusOr<std::shared_ptr<Layer>> Reshape::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Reshape");
  ReshapeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  // Keras writes -1 as -1; null (None) also means "infer".
  STRATA_ASSIGN_OR_RETURN(options.target_shape, reader.GetIntList("target_shape"));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Reshape> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Reshape::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter(&config).SetIntList("target_shape", target_shape_);
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Reshape::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  if (in.rank() < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected an input with a batch axis; received shape ", in.ToString(), "."));
  }
  std::vector<int64_t> dims = {in.dim(0)};
  int64_t known = 1;
  int inferred = -1;
  for (size_t i = 0; i < target_shape_.size(); ++i) {
    if (target_shape_[i] == -1) {
      inferred = static_cast<int>(i) + 1;
      dims.push_back(kUnknownDim);
    } else {
      known *= target_shape_[i];
      dims.push_back(target_shape_[i]);
    }
  }
  const int64_t per_sample = in.NumElementsPerSample();
  if (per_sample != kUnknownDim) {
    const bool fits = inferred >= 0 ? (known > 0 && per_sample % known == 0) : per_sample == known;
    if (!fits) {
      return absl::InvalidArgumentError(absl::StrCat(
          "expected a target_shape (", absl::StrJoin(target_shape_, ", "), ") with ", per_sample,
          " elements per sample; received input shape ", in.ToString(), "."));
    }
    if (inferred >= 0) dims[inferred] = per_sample / known;
  }
  return std::vector<PartialShape>{PartialShape(std::move(dims))};
}

absl::StatusOr<std::vector<autograd::Variable>> Reshape::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  const autograd::Variable& x = inputs[0];
  std::vector<int64_t> dims = {x.shape().dim(0)};
  dims.insert(dims.end(), target_shape_.begin(), target_shape_.end());
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::Reshape(x, dims));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
