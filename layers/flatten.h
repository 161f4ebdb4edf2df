// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_FLATTEN_H_
#define STRATA_LAYERS_FLATTEN_H_

// Flatten keeps the batch axis and flattens the rest, as Keras's Flatten (channels_last).
//
//   auto x = Make<Flatten>({})(images);   // (None, 28, 28, 1) -> (None, 784)

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"

namespace strata {

struct FlattenOptions {
  std::string name;  // Empty: "flatten", "flatten_1", ...
};

class Flatten final : public Layer {
 public:
  using Options = FlattenOptions;
  static absl::StatusOr<std::shared_ptr<Flatten>> Create(FlattenOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Flatten"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  explicit Flatten(std::string name) : Layer(name, "Flatten") {}
};

}  // namespace strata

#endif  // STRATA_LAYERS_FLATTEN_H_
