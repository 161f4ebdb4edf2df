// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_VARIABLE_H_
#define STRATA_AUTOGRAD_VARIABLE_H_

// Reverse-mode automatic differentiation.
//
// A Variable is a Tensor value in the autograd graph. A leaf Variable is made by the user (a
// weight, an input); a differentiable op (autograd/ops/) given inputs that require grad returns
// a non-leaf Variable whose grad_fn() is the Node that made it. Backward() on a scalar walks the
// graph in reverse and accumulates d(output)/d(leaf) into every leaf that requires grad.
//
// Copies of a Variable are handles to the same variable (same value, same grad).
//
//   Variable w(Tensor::Ones({3, 2}), /*requires_grad=*/true);
//   Variable x(input);
//   STRATA_ASSIGN_OR_RETURN(Variable y, MatMul(x, w));
//   STRATA_ASSIGN_OR_RETURN(Variable loss, Sum(y));
//   STRATA_RETURN_IF_ERROR(loss.Backward());
//   const Tensor& dw = w.grad();

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "tensor/tensor.h"

namespace strata::autograd {

class Node;

class Variable {
 public:
  // An undefined variable (defined() is false).
  Variable() = default;
  // A leaf holding `value`.
  explicit Variable(Tensor value, bool requires_grad = false);
  // A non-leaf made by `grad_fn` (for op implementations; see autograd/function.h).
  static Variable FromNode(Tensor value, std::shared_ptr<Node> grad_fn);

  bool defined() const { return impl_ != nullptr; }
  const Tensor& value() const;
  // The value of a leaf, writable in place (optimizers update weights through it).
  Tensor& mutable_value();
  const Shape& shape() const { return value().shape(); }
  DType dtype() const { return value().dtype(); }

  bool requires_grad() const;
  // Leaves only (a non-leaf's requirement follows from its inputs); checked.
  void set_requires_grad(bool requires_grad);
  bool is_leaf() const;
  // The op that made this variable; null for leaves.
  const std::shared_ptr<Node>& grad_fn() const;

  // The accumulated gradient of a leaf: undefined until a Backward reaches it.
  const Tensor& grad() const;
  // Forgets the accumulated gradient (the next Backward starts from zero).
  void ZeroGrad();
  // Replaces the accumulated gradient (its shape must equal the value's; checked).
  void SetGrad(Tensor grad);

  // The same value with no history and requires_grad false.
  Variable Detach() const;

  // Backpropagates from a variable with one element, seeding with 1. FailedPrecondition if it
  // does not require grad or was already backpropagated (saved tensors are freed after use).
  absl::Status Backward() const;
  // Backpropagates with d(loss)/d(this) = grad_output, which must have this shape and dtype.
  absl::Status Backward(const Tensor& grad_output) const;

  // Identity: true if both handles refer to the same variable.
  bool IsSameAs(const Variable& other) const { return impl_ == other.impl_; }

 private:
  friend class Node;
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// A recorded op: it knows its inputs and how to map d(loss)/d(output) to d(loss)/d(input_i).
// Implementations live with the forward of their op in autograd/ops/ (see function.h).
class Node {
 public:
  explicit Node(std::vector<Variable> inputs);
  virtual ~Node();
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  // The op's name, for errors ("MatMul").
  virtual absl::string_view name() const = 0;
  // Returns one gradient per input, shaped like that input; an undefined Tensor for inputs with
  // !NeedsInputGrad(i). Called at most once.
  virtual absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad_output) = 0;
  // Frees what only Backward needed; the engine calls it right after Backward.
  virtual void ReleaseSavedTensors() {}

  const std::vector<Variable>& inputs() const { return inputs_; }
  bool NeedsInputGrad(int i) const;

 private:
  friend class Variable;
  std::vector<Variable> inputs_;
  bool released_ = false;
};

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_VARIABLE_H_
