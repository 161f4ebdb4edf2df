// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/matmul.h"

#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "base/status_macros.h"

namespace strata::autograd {
namespace {

Shape BatchOf(const Shape& s) { return Shape(s.dims().subspan(0, s.rank() - 2)); }

class MatMulNode final : public Node {
 public:
  MatMulNode(const Variable& a, const Variable& b, ops::MatMulOptions options)
      : Node({a, b}),
        options_(options),
        a_batch_(BatchOf(a.shape())),
        b_batch_(BatchOf(b.shape())),
        // dA needs only b and dB only a: keep nothing a constant operand would waste.
        a_(b.requires_grad() ? a.value() : Tensor()),
        b_(a.requires_grad() ? b.value() : Tensor()) {}

  absl::string_view name() const override { return "MatMul"; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& g) override {
    const bool ta = options_.transpose_a, tb = options_.transpose_b;
    std::vector<Tensor> grads(2);
    if (NeedsInputGrad(0)) {
      if (!b_.defined()) return SavedTensorMissing(0);
      // C = op(A) op(B): d op(A) = G op(B)^T, and dA = (G op(B)^T)^T = op(B) G^T if ta.
      STRATA_ASSIGN_OR_RETURN(
          grads[0], ta ? ops::MatMulSumToBatch(b_, g, a_batch_, {.transpose_a = tb,
                                                                  .transpose_b = true})
                       : ops::MatMulSumToBatch(g, b_, a_batch_, {.transpose_a = false,
                                                                  .transpose_b = !tb}));
    }
    if (NeedsInputGrad(1)) {
      if (!a_.defined()) return SavedTensorMissing(1);
      // d op(B) = op(A)^T G, and dB = G^T op(A) if tb.
      STRATA_ASSIGN_OR_RETURN(
          grads[1], tb ? ops::MatMulSumToBatch(g, a_, b_batch_, {.transpose_a = true,
                                                                  .transpose_b = ta})
                       : ops::MatMulSumToBatch(a_, g, b_batch_, {.transpose_a = !ta,
                                                                  .transpose_b = false}));
    }
    return grads;
  }

  void ReleaseSavedTensors() override { a_ = b_ = Tensor(); }

 private:
  // An input that did not require grad at the forward pass but does now (set_requires_grad on a
  // leaf in between): its partner was not kept.
  static absl::Status SavedTensorMissing(int input) {
    return absl::FailedPreconditionError(absl::StrCat(
        "MatMul: expected input ", input,
        " to require grad when the forward pass ran; received a gradient request for it after "
        "set_requires_grad(true). Run the forward pass again."));
  }

  ops::MatMulOptions options_;
  Shape a_batch_, b_batch_;  // The batch dimensions each gradient is summed down to.
  Tensor a_, b_;
};

}  // namespace

absl::StatusOr<Variable> MatMul(const Variable& a, const Variable& b,
                                ops::MatMulOptions options) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::MatMul(a.value(), b.value(), options));
  if (!ShouldRecord({a, b})) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<MatMulNode>(a, b, options));
}

}  // namespace strata::autograd
