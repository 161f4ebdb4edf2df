// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/gather.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "autograd/function.h"
#include "base/status_macros.h"
#include "tensor/ops/gather.h"

namespace strata::autograd {
namespace {

// Saves the indices (a handle, no copy) and params' shape, never params' values.
class GatherNode final : public Node {
 public:
  GatherNode(const Variable& params, Tensor indices, int axis)
      : Node({params}), indices_(std::move(indices)), shape_(params.shape()), axis_(axis) {}
  absl::string_view name() const override { return "Gather"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dparams, ops::GatherGrad(grad, *indices_, shape_, axis_));
    return std::vector<Tensor>{std::move(dparams)};
  }
  void ReleaseSavedTensors() override { indices_.reset(); }

 private:
  // An optional, so that releasing destroys it in place: move-assigning an empty Tensor trips a
  // g++ 12 -Wuninitialized false positive inside absl::InlinedVector.
  std::optional<Tensor> indices_;
  Shape shape_;
  int axis_;
};

}  // namespace

absl::StatusOr<Variable> Gather(const Variable& params, const Tensor& indices, int axis) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Gather(params.value(), indices, axis));
  if (!ShouldRecord({params})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<GatherNode>(params, indices, axis));
}

}  // namespace strata::autograd
