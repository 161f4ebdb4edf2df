// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_RESHAPE_H_
#define STRATA_LAYERS_RESHAPE_H_

// Reshape gives each sample a new shape with the same number of elements, as Keras's Reshape;
// one dimension of the target may be -1 and is then inferred.
//
//   auto x = Make<Reshape>({.target_shape = {4, 4, 1}})(features);  // (None, 16) -> (None, 4, 4, 1)

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"

namespace strata {

struct ReshapeOptions {
  std::vector<int64_t> target_shape;  // Without the batch axis; at most one -1.
  std::string name;                   // Empty: "reshape", "reshape_1", ...
};

class Reshape final : public Layer {
 public:
  using Options = ReshapeOptions;
  static absl::StatusOr<std::shared_ptr<Reshape>> Create(ReshapeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Reshape"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  Reshape(std::string name, std::vector<int64_t> target_shape)
      : Layer(name, "Reshape"), target_shape_(std::move(target_shape)) {}
  std::vector<int64_t> target_shape_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_RESHAPE_H_
