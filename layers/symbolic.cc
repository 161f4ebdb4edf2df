// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/symbolic.h"

#include <utility>

namespace strata {

SymbolicTensor::SymbolicTensor() {
  auto impl = std::make_shared<Impl>();
  impl->status = absl::FailedPreconditionError(
      "SymbolicTensor: expected a tensor from Input() or a layer call; received an unassigned "
      "one.");
  impl_ = std::move(impl);
}

SymbolicTensor SymbolicTensor::FromError(absl::Status error) {
  auto impl = std::make_shared<Impl>();
  impl->status = error.ok() ? absl::InternalError("FromError with an OK status") : std::move(error);
  return SymbolicTensor(std::move(impl));
}

Layer* SymbolicTensor::layer() const { return impl_->node ? impl_->node->layer.get() : nullptr; }

int SymbolicTensor::node_index() const { return impl_->node ? impl_->node->node_index : 0; }

std::vector<SymbolicTensor> NodeOutputs(const LayerNode& node) {
  std::vector<SymbolicTensor> outputs;
  for (const auto& weak : node.weak_outputs) {
    if (auto impl = weak.lock()) {
      outputs.push_back(SymbolicTensor(std::move(impl)));
    } else {
      outputs.push_back(SymbolicTensor::FromError(absl::FailedPreconditionError(
          "SymbolicTensor: expected a live output; this one is no longer referenced by any "
          "model or tensor.")));
    }
  }
  return outputs;
}

}  // namespace strata
