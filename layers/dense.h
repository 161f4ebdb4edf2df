// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_DENSE_H_
#define STRATA_LAYERS_DENSE_H_

// Dense computes activation(x @ kernel + bias) over the last axis of its input, as Keras's
// Dense: kernel (in, units), bias (units,); an input of rank > 2 is multiplied on its last axis.
//
//   auto x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);        // (None, 64)
//   auto logits = Make<Dense>({.units = 10, .name = "predictions"})(x);
//   auto custom = Make<Dense>({.units = 4,
//                              .kernel_initializer = Initializer::RandomNormal()});

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/activation_spec.h"
#include "layers/config.h"
#include "layers/initializers.h"
#include "layers/layer.h"

namespace strata {

struct DenseOptions {
  int64_t units = 0;                       // Required; > 0.
  ActivationSpec activation = "linear";    // Applied after the bias.
  bool use_bias = true;
  Initializer kernel_initializer = Initializer::GlorotUniform();
  Initializer bias_initializer = Initializer::Zeros();
  std::string name;                        // Empty: "dense", "dense_1", ...
};

class Dense final : public Layer {
 public:
  using Options = DenseOptions;
  // InvalidArgument for units <= 0 or an unknown activation.
  static absl::StatusOr<std::shared_ptr<Dense>> Create(DenseOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Dense"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

  int64_t units() const { return options_.units; }
  ops::Activation activation() const { return activation_; }
  // Valid after Build.
  const autograd::Variable& kernel() const { return kernel_; }
  const autograd::Variable& bias() const { return bias_; }

 protected:
  absl::Status Build(absl::Span<const PartialShape> input_shapes) override;
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  Dense(DenseOptions options, ops::Activation activation);

  DenseOptions options_;
  ops::Activation activation_;
  autograd::Variable kernel_;  // Held by the layer's weights too (one Variable, two handles).
  autograd::Variable bias_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_DENSE_H_
