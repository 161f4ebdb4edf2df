// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/variable.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/check.h"
#include "base/status_macros.h"

namespace strata::autograd {

struct Variable::Impl {
  Tensor value;
  Tensor grad;
  bool requires_grad = false;
  std::shared_ptr<Node> grad_fn;
};

Variable::Variable(Tensor value, bool requires_grad) : impl_(std::make_shared<Impl>()) {
  STRATA_CHECK(value.defined()) << "a Variable needs a defined tensor";
  impl_->value = std::move(value);
  set_requires_grad(requires_grad);
}

Variable Variable::FromNode(Tensor value, std::shared_ptr<Node> grad_fn) {
  STRATA_CHECK(grad_fn != nullptr) << "FromNode without a node";
  STRATA_CHECK(value.dtype() == DType::kFloat32) << "only float32 results are differentiable";
  Variable v(std::move(value));
  v.impl_->requires_grad = true;
  v.impl_->grad_fn = std::move(grad_fn);
  return v;
}

const Tensor& Variable::value() const {
  STRATA_CHECK(defined()) << "value of an undefined Variable";
  return impl_->value;
}

Tensor& Variable::mutable_value() {
  STRATA_CHECK(defined() && is_leaf()) << "only a leaf's value can be written";
  return impl_->value;
}

bool Variable::requires_grad() const { return defined() && impl_->requires_grad; }

void Variable::set_requires_grad(bool requires_grad) {
  STRATA_CHECK(defined() && is_leaf()) << "requires_grad of a non-leaf follows its inputs";
  STRATA_CHECK(!requires_grad || impl_->value.dtype() == DType::kFloat32)
      << "only float32 variables can require grad; this one is "
      << DTypeName(impl_->value.dtype());
  impl_->requires_grad = requires_grad;
}

bool Variable::is_leaf() const { return defined() && impl_->grad_fn == nullptr; }

const std::shared_ptr<Node>& Variable::grad_fn() const {
  STRATA_CHECK(defined()) << "grad_fn of an undefined Variable";
  return impl_->grad_fn;
}

const Tensor& Variable::grad() const {
  STRATA_CHECK(defined()) << "grad of an undefined Variable";
  return impl_->grad;
}

void Variable::ZeroGrad() {
  if (defined()) impl_->grad = Tensor();
}

void Variable::SetGrad(Tensor grad) {
  STRATA_CHECK(defined()) << "SetGrad on an undefined Variable";
  STRATA_CHECK(!grad.defined() || grad.shape() == impl_->value.shape())
      << "gradient of shape " << grad.shape() << " for a value of shape " << impl_->value.shape();
  impl_->grad = std::move(grad);
}

Variable Variable::Detach() const { return Variable(value()); }

absl::Status Variable::Backward() const {
  if (!defined() || value().num_elements() != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Backward: expected a variable with one element (a loss) or an explicit gradient; "
        "received shape ",
        defined() ? value().shape().ToString() : "undefined", "."));
  }
  return Backward(Tensor::Ones(value().shape()));
}

namespace {

// slot += grad. Gradient tensors may share storage with a node's saved state or with another
// slot (an identity backward passes its input through), so nothing is written in place: the
// first gradient is kept as is and later ones make a new sum. The order of accumulation follows
// the fixed order of NOTE [ Backward order ].
void AddInto(Tensor& slot, const Tensor& grad) {
  if (!slot.defined()) {
    slot = grad;
    return;
  }
  Tensor sum = Tensor::Empty(slot.shape());
  const float* a = slot.data<float>();
  const float* b = grad.data<float>();
  float* out = sum.mutable_data<float>();
  const int64_t n = sum.num_elements();
  for (int64_t i = 0; i < n; ++i) out[i] = a[i] + b[i];
  slot = std::move(sum);
}

}  // namespace

// NOTE [ Backward order ]
// Nodes run in reverse topological order of a depth-first post-order walk from the root that
// visits inputs in their recorded order. So a node runs only after every consumer of its output
// has added its share to that output's gradient, and the order (hence every floating-point sum)
// is the same on every run, whatever the thread count.
absl::Status Variable::Backward(const Tensor& grad_output) const {
  if (!requires_grad()) {
    return absl::FailedPreconditionError(
        "Backward: expected a variable that requires grad; received one that does not (no "
        "input of the ops that made it requires grad, or it was made under NoGradScope).");
  }
  if (grad_output.shape() != value().shape() || grad_output.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Backward: expected a float32 gradient of shape ", value().shape().ToString(),
        "; received ", DTypeName(grad_output.dtype()), " ", grad_output.shape().ToString(),
        "."));
  }
  if (is_leaf()) {
    AddInto(impl_->grad, grad_output);
    return absl::OkStatus();
  }

  // Iterative post-order DFS: graphs of unrolled RNNs are too deep for recursion.
  std::vector<Node*> post_order;
  absl::flat_hash_set<Node*> visited;
  std::vector<std::pair<Node*, size_t>> stack = {{impl_->grad_fn.get(), 0}};
  visited.insert(impl_->grad_fn.get());
  while (!stack.empty()) {
    auto& [node, next_input] = stack.back();
    if (next_input < node->inputs_.size()) {
      const Variable& input = node->inputs_[next_input++];
      if (input.requires_grad() && !input.is_leaf()) {
        Node* child = input.impl_->grad_fn.get();
        if (visited.insert(child).second) stack.push_back({child, 0});
      }
    } else {
      post_order.push_back(node);
      stack.pop_back();
    }
  }
  for (Node* node : post_order) {
    if (node->released_) {
      return absl::FailedPreconditionError(absl::StrCat(
          "Backward: the graph through op '", node->name(),
          "' was already backpropagated and its saved tensors freed; run the forward pass "
          "again."));
    }
  }

  absl::flat_hash_map<Node*, Tensor> output_grads;
  output_grads[impl_->grad_fn.get()] = grad_output;
  for (auto it = post_order.rbegin(); it != post_order.rend(); ++it) {
    Node* node = *it;
    auto found = output_grads.find(node);
    if (found == output_grads.end()) continue;  // No path from the root carries a gradient.
    Tensor grad_out = std::move(found->second);
    output_grads.erase(found);
    absl::StatusOr<std::vector<Tensor>> input_grads = node->Backward(grad_out);
    node->ReleaseSavedTensors();
    node->released_ = true;
    if (!input_grads.ok()) {
      return absl::Status(input_grads.status().code(),
                          absl::StrCat("Backward of '", node->name(),
                                       "': ", input_grads.status().message()));
    }
    STRATA_CHECK(input_grads->size() == node->inputs_.size())
        << node->name() << " returned " << input_grads->size() << " gradients for "
        << node->inputs_.size() << " inputs";
    for (size_t i = 0; i < node->inputs_.size(); ++i) {
      const Variable& input = node->inputs_[i];
      if (!input.requires_grad()) continue;
      const Tensor& g = (*input_grads)[i];
      STRATA_CHECK(g.defined() && g.shape() == input.shape())
          << node->name() << " gave input " << i << " a gradient of shape "
          << (g.defined() ? g.shape().ToString() : "undefined") << " for a value of shape "
          << input.shape();
      if (input.is_leaf()) {
        AddInto(input.impl_->grad, g);
      } else {
        AddInto(output_grads[input.impl_->grad_fn.get()], g);
      }
    }
  }
  return absl::OkStatus();
}

Node::Node(std::vector<Variable> inputs) : inputs_(std::move(inputs)) {}

// NOTE [ Iterative graph teardown ]
// Dropping the last handle to the output of a long chain (an unrolled RNN, a deep model) would
// destroy node after node recursively and overflow the stack. Instead each node, as it dies,
// takes over the inputs' nodes that nobody else holds and destroys them one at a time.
Node::~Node() {
  std::vector<std::shared_ptr<Node>> pending;
  auto adopt_sole_inputs = [&pending](std::vector<Variable>& inputs) {
    for (Variable& input : inputs) {
      if (input.impl_ != nullptr && input.impl_.use_count() == 1 &&
          input.impl_->grad_fn != nullptr && input.impl_->grad_fn.use_count() == 1) {
        pending.push_back(std::move(input.impl_->grad_fn));
      }
    }
    inputs.clear();
  };
  adopt_sole_inputs(inputs_);
  while (!pending.empty()) {
    std::shared_ptr<Node> node = std::move(pending.back());
    pending.pop_back();
    adopt_sole_inputs(node->inputs_);
  }
}

bool Node::NeedsInputGrad(int i) const {
  return i >= 0 && i < static_cast<int>(inputs_.size()) && inputs_[i].requires_grad();
}

}  // namespace strata::autograd
