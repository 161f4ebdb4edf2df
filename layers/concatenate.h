// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_CONCATENATE_H_
#define STRATA_LAYERS_CONCATENATE_H_

// Concatenate joins a list of tensors along `axis` (default the last), as Keras's Concatenate;
// all other dimensions must match.
//
//   auto x = Make<Concatenate>({})({title_features, body_features, tags});  // the seed's ticket model

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"

namespace strata {

struct ConcatenateOptions {
  int axis = -1;
  std::string name;  // Empty: "concatenate", "concatenate_1", ...
};

class Concatenate final : public Layer {
 public:
  using Options = ConcatenateOptions;
  static absl::StatusOr<std::shared_ptr<Concatenate>> Create(ConcatenateOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Concatenate"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  Concatenate(std::string name, int axis) : Layer(name, "Concatenate"), axis_(axis) {}
  int axis_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_CONCATENATE_H_
