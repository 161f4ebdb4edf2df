// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_FUNCTION_H_
#define STRATA_AUTOGRAD_FUNCTION_H_

// Helpers for writing a differentiable op: the forward computes a Tensor with tensor/ops, and
// only when an input requires grad (and grad mode is on) a Node is recorded with what its
// backward needs. Forward and backward of an op family live together in autograd/ops/<family>.
//
//   class ScaleNode final : public Node {
//    public:
//     ScaleNode(Variable x, float k) : Node({std::move(x)}), k_(k) {}
//     absl::string_view name() const override { return "Scale"; }
//     absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
//       STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::MulScalar(g, k_));
//       return std::vector<Tensor>{dx};
//     }
//    private:
//     float k_;
//   };
//
//   absl::StatusOr<Variable> Scale(const Variable& x, float k) {
//     STRATA_ASSIGN_OR_RETURN(Tensor y, ops::MulScalar(x.value(), k));
//     if (!ShouldRecord({x})) return Variable(std::move(y));
//     return Variable::FromNode(std::move(y), std::make_shared<ScaleNode>(x, k));
//   }

#include <initializer_list>

#include "absl/types/span.h"
#include "autograd/grad_mode.h"
#include "autograd/variable.h"

namespace strata::autograd {

// True if grad mode is on and some input requires grad: only then is a Node recorded.
inline bool ShouldRecord(absl::Span<const Variable> inputs) {
  if (!GradMode::IsEnabled()) return false;
  for (const Variable& v : inputs) {
    if (v.requires_grad()) return true;
  }
  return false;
}
inline bool ShouldRecord(std::initializer_list<Variable> inputs) {
  return ShouldRecord(absl::Span<const Variable>(inputs.begin(), inputs.size()));
}

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_FUNCTION_H_
