// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_DROPOUT_H_
#define STRATA_LAYERS_DROPOUT_H_

// Dropout zeroes a fraction `rate` of its inputs while training and scales the rest by
// 1 / (1 - rate), as Keras's Dropout; in inference it is the identity. The mask comes from the
// call's random stream (CallContext::rng), so training is reproducible for a given seed.
//
//   auto x = Make<Dropout>({.rate = 0.5})(features);

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"

namespace strata {

struct DropoutOptions {
  float rate = 0.0f;  // In [0, 1).
  std::string name;   // Empty: "dropout", "dropout_1", ...
};

class Dropout final : public Layer {
 public:
  using Options = DropoutOptions;
  static absl::StatusOr<std::shared_ptr<Dropout>> Create(DropoutOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Dropout"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  float rate() const { return rate_; }

 protected:
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  Dropout(std::string name, float rate) : Layer(name, "Dropout"), rate_(rate) {}
  float rate_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_DROPOUT_H_
