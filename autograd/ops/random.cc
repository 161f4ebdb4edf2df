// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/random.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "autograd/function.h"
#include "base/status_macros.h"

namespace strata::autograd {
namespace {

// Saves the scaled mask (0 or 1 / (1 - rate)): d(x * mask)/dx = mask.
class DropoutNode final : public Node {
 public:
  DropoutNode(const Variable& x, Tensor mask) : Node({x}), mask_(std::move(mask)) {}
  absl::string_view name() const override { return "Dropout"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::ApplyMask(grad, *mask_));
    return std::vector<Tensor>{std::move(dx)};
  }
  void ReleaseSavedTensors() override { mask_.reset(); }

 private:
  std::optional<Tensor> mask_;  // Optional for the reason given in autograd/ops/gather.cc.
};

}  // namespace

absl::StatusOr<Variable> Dropout(const Variable& x, float rate, ops::RandomGenerator& rng) {
  STRATA_ASSIGN_OR_RETURN(ops::DropoutResult r, ops::Dropout(x.value(), rate, rng));
  if (!ShouldRecord({x})) return Variable(std::move(r.output));
  return Variable::FromNode(std::move(r.output),
                            std::make_shared<DropoutNode>(x, std::move(r.mask)));
}

}  // namespace strata::autograd
