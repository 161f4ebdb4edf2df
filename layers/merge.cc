// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/merge.h"

#include "absl/strings/str_cat.h"
#include "autograd/ops/elementwise.h"
#include "base/status_macros.h"

namespace strata {

// Keras's _compute_elemwise_op_output_shape: dimensions must be equal, 1 (broadcast) or unknown.
absl::StatusOr<std::vector<PartialShape>> Merge::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  const bool two_only = op_ == MergeOp::kSubtract;
  if (input_shapes.size() < 2 || (two_only && input_shapes.size() != 2)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected ", two_only ? "exactly 2" : "a list of at least 2", " inputs; received ",
        input_shapes.size(), "."));
  }
  PartialShape out = input_shapes[0];
  for (size_t k = 1; k < input_shapes.size(); ++k) {
    const PartialShape& next = input_shapes[k];
    const int rank = std::max(out.rank(), next.rank());
    std::vector<int64_t> dims(rank);
    for (int i = 0; i < rank; ++i) {
      const int ia = out.rank() - rank + i, ib = next.rank() - rank + i;
      const int64_t a = ia >= 0 ? out.dim(ia) : 1, b = ib >= 0 ? next.dim(ib) : 1;
      if (a == kUnknownDim || b == kUnknownDim) {
        dims[i] = (a == 1) ? b : (b == 1 ? a : kUnknownDim);
      } else if (a == 1 || b == 1 || a == b) {
        dims[i] = std::max(a, b) == 1 ? 1 : (a == 1 ? b : a);
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "expected inputs of compatible shapes; received shapes ",
            input_shapes[0].ToString(), " and ", next.ToString(), "."));
      }
    }
    out = PartialShape(std::move(dims));
  }
  return std::vector<PartialShape>{out};
}

absl::StatusOr<std::vector<autograd::Variable>> Merge::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  autograd::Variable y = inputs[0];
  for (size_t i = 1; i < inputs.size(); ++i) {
    absl::StatusOr<autograd::Variable> next;
    switch (op_) {
      case MergeOp::kAdd:
      case MergeOp::kAverage:
        next = autograd::Add(y, inputs[i]);
        break;
      case MergeOp::kSubtract:
        next = autograd::Subtract(y, inputs[i]);
        break;
      case MergeOp::kMultiply:
        next = autograd::Multiply(y, inputs[i]);
        break;
      case MergeOp::kMaximum:
        next = autograd::Maximum(y, inputs[i]);
        break;
      case MergeOp::kMinimum:
        next = autograd::Minimum(y, inputs[i]);
        break;
    }
    STRATA_ASSIGN_OR_RETURN(y, std::move(next));
  }
  if (op_ == MergeOp::kAverage) {
    STRATA_ASSIGN_OR_RETURN(y, autograd::MulScalar(y, 1.0f / static_cast<float>(inputs.size())));
  }
  return std::vector<autograd::Variable>{std::move(y)};
}

absl::Status Merge::ReadConfig(const ConfigDict& config, absl::string_view class_name,
                               MergeOptions* options, bool* trainable) {
  ConfigReader reader(config, class_name);
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options->name, trainable));
  return reader.Finish();
}

absl::StatusOr<std::shared_ptr<Add>> Add::Create(MergeOptions options) {
  return std::shared_ptr<Add>(new Add(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Add::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Add", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Add> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

absl::StatusOr<std::shared_ptr<Subtract>> Subtract::Create(MergeOptions options) {
  return std::shared_ptr<Subtract>(new Subtract(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Subtract::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Subtract", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Subtract> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

absl::StatusOr<std::shared_ptr<Multiply>> Multiply::Create(MergeOptions options) {
  return std::shared_ptr<Multiply>(new Multiply(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Multiply::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Multiply", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Multiply> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

absl::StatusOr<std::shared_ptr<Average>> Average::Create(MergeOptions options) {
  return std::shared_ptr<Average>(new Average(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Average::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Average", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Average> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

absl::StatusOr<std::shared_ptr<Maximum>> Maximum::Create(MergeOptions options) {
  return std::shared_ptr<Maximum>(new Maximum(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Maximum::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Maximum", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Maximum> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

absl::StatusOr<std::shared_ptr<Minimum>> Minimum::Create(MergeOptions options) {
  return std::shared_ptr<Minimum>(new Minimum(std::move(options.name)));
}

absl::StatusOr<std::shared_ptr<Layer>> Minimum::FromConfig(const ConfigDict& config) {
  MergeOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadConfig(config, "Minimum", &options, &trainable));
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Minimum> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

}  // namespace strata
