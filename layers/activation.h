// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_ACTIVATION_H_
#define STRATA_LAYERS_ACTIVATION_H_

// Activation applies an activation function elementwise (softmax: over the last axis), as
// Keras's Activation layer.
//
//   auto probabilities = Make<Activation>({.activation = "softmax"})(logits);

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/activation_spec.h"
#include "layers/layer.h"

namespace strata {

struct ActivationOptions {
  ActivationSpec activation = "linear";
  std::string name;  // Empty: "activation", "activation_1", ...
};

class Activation final : public Layer {
 public:
  using Options = ActivationOptions;
  static absl::StatusOr<std::shared_ptr<Activation>> Create(ActivationOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Activation"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  ops::Activation activation() const { return activation_; }

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  Activation(std::string name, ops::Activation activation)
      : Layer(name, "Activation"), activation_(activation) {}
  ops::Activation activation_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_ACTIVATION_H_
