// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/sequential.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "layers/input_layer.h"

namespace strata {

Sequential::Sequential(std::string name)
    : Model(name.empty() ? UniqueLayerName("sequential") : std::move(name)) {
  hide_input_layers_ = true;
}

std::shared_ptr<Sequential> Sequential::Create(std::string name) {
  return std::shared_ptr<Sequential>(new Sequential(std::move(name)));
}

absl::Status Sequential::Add(const SymbolicTensor& input) {
  if (!input.ok()) return input.status();
  if (input_.ok() || !stack_.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Sequential '", name(), "': expected the input before any layer; received an input "
        "after ", stack_.size(), " layer(s)."));
  }
  if (dynamic_cast<InputLayer*>(input.layer()) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Sequential '", name(), "': expected a tensor made by Input(); received one made by '",
        input.layer() ? input.layer()->name() : "?", "'."));
  }
  input_ = input;
  return absl::OkStatus();
}

absl::Status Sequential::Add(std::shared_ptr<Layer> layer) {
  if (!input_.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Sequential '", name(), "': expected an Input() first (its shape is needed to build '",
        layer->name(), "'); received a layer first."));
  }
  stack_.push_back(std::move(layer));
  absl::Status status = Rebuild();
  if (!status.ok()) stack_.pop_back();
  return status;
}

absl::Status Sequential::Rebuild() {
  SymbolicTensor x = input_;
  for (const auto& layer : stack_) x = (*layer)(x);
  if (!x.ok()) return x.status();
  return Reset({input_}, {x});
}

}  // namespace strata
