// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/embedding.h"

#include "absl/strings/str_cat.h"
#include "autograd/ops/gather.h"
#include "base/status_macros.h"

namespace strata {

absl::StatusOr<std::shared_ptr<Embedding>> Embedding::Create(EmbeddingOptions options) {
  if (options.input_dim <= 0 || options.output_dim <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Embedding: expected input_dim > 0 and output_dim > 0; received input_dim=",
        options.input_dim, ", output_dim=", options.output_dim, "."));
  }
  return std::shared_ptr<Embedding>(new Embedding(std::move(options)));
}

absl::StatusOr<std::shared_ptr<Layer>> Embedding::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Embedding");
  EmbeddingOptions options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(options.input_dim, reader.GetInt("input_dim"));
  STRATA_ASSIGN_OR_RETURN(options.output_dim, reader.GetInt("output_dim"));
  if (reader.Has("embeddings_initializer")) {
    STRATA_ASSIGN_OR_RETURN(auto init, reader.GetClassAndConfig("embeddings_initializer"));
    STRATA_ASSIGN_OR_RETURN(options.embeddings_initializer,
                            Initializer::FromConfig(init.first, init.second));
  }
  for (const char* key : {"embeddings_regularizer", "activity_regularizer",
                          "embeddings_constraint"}) {
    STRATA_RETURN_IF_ERROR(reader.IgnoreNull(key));
  }
  STRATA_ASSIGN_OR_RETURN(bool mask_zero, reader.GetBool("mask_zero", false));
  if (mask_zero) {
    return absl::UnimplementedError(
        "Embedding config key 'mask_zero': expected false (masking is not supported yet); "
        "received true.");
  }
  reader.Ignore("input_length");  // Only documents the expected length; shapes come from Input.
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Embedding> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict Embedding::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter w(&config);
  w.SetInt("input_dim", options_.input_dim);
  w.SetInt("output_dim", options_.output_dim);
  w.SetClassAndConfig("embeddings_initializer", options_.embeddings_initializer.class_name(),
                      options_.embeddings_initializer.GetConfig());
  w.SetNull("embeddings_regularizer");
  w.SetNull("activity_regularizer");
  w.SetNull("embeddings_constraint");
  w.SetBool("mask_zero", false);
  w.SetNull("input_length");
  return config;
}

absl::StatusOr<std::vector<PartialShape>> Embedding::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  std::vector<int64_t> dims = in.dims();
  dims.push_back(options_.output_dim);
  return std::vector<PartialShape>{PartialShape(std::move(dims))};
}

absl::Status Embedding::Build(absl::Span<const PartialShape>) {
  STRATA_ASSIGN_OR_RETURN(embeddings_,
                          AddWeight("embeddings", {options_.input_dim, options_.output_dim},
                                    options_.embeddings_initializer));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<autograd::Variable>> Embedding::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  Tensor ids = inputs[0].value();
  if (ids.dtype() == DType::kFloat32) ids = ids.Cast(DType::kInt64);
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::Gather(embeddings_, ids));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata
