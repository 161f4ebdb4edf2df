// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_ACTIVATION_SPEC_H_
#define STRATA_LAYERS_ACTIVATION_SPEC_H_

// How layers' options name an activation: as Keras does ("relu") or as the enum
// (ops::Activation::kRelu). The name is checked when the layer is created, not here, so that an
// options struct stays a plain aggregate.
//
//   DenseOptions options{.units = 64, .activation = "relu"};
//   STRATA_ASSIGN_OR_RETURN(ops::Activation a, options.activation.Resolve());

#include <string>

#include "absl/status/statusor.h"
#include "tensor/ops/activation.h"

namespace strata {

class ActivationSpec {
 public:
  ActivationSpec() : name_("linear") {}
  ActivationSpec(const char* name) : name_(name) {}                     // NOLINT
  ActivationSpec(std::string name) : name_(std::move(name)) {}          // NOLINT
  ActivationSpec(ops::Activation activation)                            // NOLINT
      : name_(ops::ActivationName(activation)) {}

  // The activation; InvalidArgument for an unknown name (listing the known ones).
  absl::StatusOr<ops::Activation> Resolve() const { return ops::ParseActivation(name_); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_ACTIVATION_SPEC_H_
