// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/concatenate.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "autograd/ops/shape_ops.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Concatenate>> Concatenate::Create(ConcatenateOptions options) {
  return std::shared_ptr<Concatenate>(new Concatenate(options.name, options.axis));
}

absl::StatusOr<std::shared_ptr<Layer>> Concatenate::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Concatenate");
  ConcatenateOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(int64_t axis, reader.GetInt("axis", -1));
  options.axis = static_cast<int>(axis);
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Concatenate> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Concatenate::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter(&config).SetInt("axis", axis_);
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Concatenate::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  std::vector<std::string> shapes;
  for (const PartialShape& s : input_shapes) shapes.push_back(s.ToString());
  auto mismatch = [&] {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected inputs with matching shapes except for the concatenation axis ", axis_,
        "; received [", absl::StrJoin(shapes, ", "), "]."));
  };
  if (input_shapes.size() < 2) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a list of at least 2 inputs; received ", input_shapes.size(), "."));
  }
  const int rank = input_shapes[0].rank();
  const int axis = axis_ < 0 ? axis_ + rank : axis_;
  if (axis < 0 || axis >= rank) {
    return absl::InvalidArgumentError(absl::StrCat("expected an axis in [", -rank, ", ", rank,
                                                   "); received axis ", axis_, "."));
  }
  std::vector<int64_t> dims = input_shapes[0].dims();
  for (size_t k = 1; k < input_shapes.size(); ++k) {
    const PartialShape& s = input_shapes[k];
    if (s.rank() != rank) return mismatch();
    for (int i = 0; i < rank; ++i) {
      if (i == axis) {
        dims[i] = (dims[i] == kUnknownDim || s.dim(i) == kUnknownDim) ? kUnknownDim
                                                                      : dims[i] + s.dim(i);
      } else if (dims[i] == kUnknownDim) {
        dims[i] = s.dim(i);
      } else if (s.dim(i) != kUnknownDim && s.dim(i) != dims[i]) {
        return mismatch();
      }
    }
  }
  return std::vector<PartialShape>{PartialShape(std::move(dims))};
}

absl::StatusOr<std::vector<autograd::Variable>> Concatenate::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::Concat(inputs, axis_));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
