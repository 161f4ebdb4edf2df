// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/shape_ops.h"

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "base/status_macros.h"
#include "tensor/ops/shape_ops.h"

namespace strata::autograd {
namespace {

// Wraps the result of a forward: a plain Variable if nothing requires grad, else a node.
template <typename NodeT, typename... Args>
Variable Record(Tensor y, absl::Span<const Variable> inputs, Args&&... args) {
  if (!ShouldRecord(inputs)) return Variable(std::move(y));
  return Variable::FromNode(std::move(y), std::make_shared<NodeT>(std::forward<Args>(args)...));
}

// Reshape, ExpandDims and Squeeze: same elements, another shape. The gradient is a view of
// grad_output with the input's shape.
class ReshapeNode final : public Node {
 public:
  ReshapeNode(absl::string_view name, const Variable& x)
      : Node({x}), name_(name), shape_(x.shape()) {}
  absl::string_view name() const override { return name_; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, grad.Reshape(shape_.dims()));
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  absl::string_view name_;  // A string literal.
  Shape shape_;
};

// Permute and Transpose: the gradient goes through the inverse permutation.
class PermuteNode final : public Node {
 public:
  PermuteNode(absl::string_view name, const Variable& x, const std::vector<int>& perm)
      : Node({x}), name_(name), inverse_(perm.size()) {
    const int rank = static_cast<int>(perm.size());
    for (int k = 0; k < rank; ++k) inverse_[perm[k] < 0 ? perm[k] + rank : perm[k]] = k;
  }
  absl::string_view name() const override { return name_; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::Permute(grad, inverse_));
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  absl::string_view name_;
  std::vector<int> inverse_;
};

// Slice, SliceAxis and Split pieces: the gradient is grad_output zero-padded back to the
// input's shape. Only the box and the input shape are saved, never the input itself.
class SliceNode final : public Node {
 public:
  SliceNode(absl::string_view name, const Variable& x, std::vector<int64_t> begins,
            const Shape& out_shape)
      : Node({x}), name_(name) {
    for (int a = 0; a < x.shape().rank(); ++a) {
      padding_.push_back({begins[a], x.shape().dim(a) - begins[a] - out_shape.dim(a)});
    }
  }
  absl::string_view name() const override { return name_; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::Pad(grad, padding_));
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  absl::string_view name_;
  std::vector<std::pair<int64_t, int64_t>> padding_;
};

// The box of an input of `shape` that the output of SliceAxis occupies.
std::vector<int64_t> AxisBegins(int rank, int axis, int64_t begin) {
  std::vector<int64_t> begins(rank, 0);
  begins[axis] = begin;
  return begins;
}

// Concat: the gradient is split back into the inputs' extents along the axis.
class ConcatNode final : public Node {
 public:
  ConcatNode(absl::Span<const Variable> xs, int axis)
      : Node(std::vector<Variable>(xs.begin(), xs.end())), axis_(axis) {
    for (const Variable& x : xs) sizes_.push_back(x.shape().dim(axis));
  }
  absl::string_view name() const override { return "Concat"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    return ops::Split(grad, axis_, sizes_);
  }

 private:
  int axis_;  // Normalized.
  std::vector<int64_t> sizes_;
};

// Stack: the gradient is split into unit slices along the new axis, which is then dropped.
class StackNode final : public Node {
 public:
  StackNode(absl::Span<const Variable> xs, int axis)
      : Node(std::vector<Variable>(xs.begin(), xs.end())), axis_(axis) {}
  absl::string_view name() const override { return "Stack"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> pieces,
                            ops::Split(grad, axis_, std::vector<int64_t>(inputs().size(), 1)));
    for (size_t i = 0; i < pieces.size(); ++i) {
      STRATA_ASSIGN_OR_RETURN(pieces[i], pieces[i].Reshape(inputs()[i].shape().dims()));
    }
    return pieces;
  }

 private:
  int axis_;  // Normalized to the output's rank.
};

// Pad: the gradient is the interior box of grad_output.
class PadNode final : public Node {
 public:
  PadNode(const Variable& x, const std::vector<std::pair<int64_t, int64_t>>& before_after)
      : Node({x}), sizes_(x.shape().ToVector()) {
    for (const auto& [before, after] : before_after) begins_.push_back(before);
  }
  absl::string_view name() const override { return "Pad"; }
  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    STRATA_ASSIGN_OR_RETURN(Tensor dx, ops::Slice(grad, begins_, sizes_));
    return std::vector<Tensor>{std::move(dx)};
  }

 private:
  std::vector<int64_t> begins_, sizes_;
};

}  // namespace

absl::StatusOr<Variable> Reshape(const Variable& x, std::vector<int64_t> dims) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Reshape(x.value(), std::move(dims)));
  return Record<ReshapeNode>(std::move(y), {x}, "Reshape", x);
}

absl::StatusOr<Variable> Transpose(const Variable& x) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Transpose(x.value()));
  return Record<PermuteNode>(std::move(y), {x}, "Transpose", x, std::vector<int>{1, 0});
}

absl::StatusOr<Variable> Permute(const Variable& x, std::vector<int> perm) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Permute(x.value(), perm));
  return Record<PermuteNode>(std::move(y), {x}, "Permute", x, perm);
}

absl::StatusOr<Variable> Slice(const Variable& x, std::vector<int64_t> begins,
                               std::vector<int64_t> sizes) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Slice(x.value(), begins, std::move(sizes)));
  const Shape out_shape = y.shape();
  return Record<SliceNode>(std::move(y), {x}, "Slice", x, std::move(begins), out_shape);
}

absl::StatusOr<Variable> SliceAxis(const Variable& x, int axis, int64_t begin, int64_t end) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::SliceAxis(x.value(), axis, begin, end));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.shape().rank(), "SliceAxis"));
  const Shape out_shape = y.shape();
  return Record<SliceNode>(std::move(y), {x}, "SliceAxis", x,
                           AxisBegins(x.shape().rank(), a, begin), out_shape);
}

absl::StatusOr<Variable> Concat(absl::Span<const Variable> xs, int axis) {
  std::vector<Tensor> values;
  values.reserve(xs.size());
  for (const Variable& x : xs) values.push_back(x.value());
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Concat(values, axis));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, y.rank(), "Concat"));
  return Record<ConcatNode>(std::move(y), xs, xs, a);
}

absl::StatusOr<Variable> Stack(absl::Span<const Variable> xs, int axis) {
  std::vector<Tensor> values;
  values.reserve(xs.size());
  for (const Variable& x : xs) values.push_back(x.value());
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Stack(values, axis));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, y.rank(), "Stack"));
  return Record<StackNode>(std::move(y), xs, xs, a);
}

absl::StatusOr<std::vector<Variable>> Split(const Variable& x, int axis,
                                            std::vector<int64_t> sizes) {
  STRATA_ASSIGN_OR_RETURN(std::vector<Tensor> pieces, ops::Split(x.value(), axis, sizes));
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.shape().rank(), "Split"));
  std::vector<Variable> out;
  out.reserve(pieces.size());
  int64_t begin = 0;
  for (Tensor& piece : pieces) {
    const Shape piece_shape = piece.shape();
    out.push_back(Record<SliceNode>(std::move(piece), {x}, "Split", x,
                                    AxisBegins(x.shape().rank(), a, begin), piece_shape));
    begin += piece_shape.dim(a);
  }
  return out;
}

absl::StatusOr<Variable> ExpandDims(const Variable& x, int axis) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::ExpandDims(x.value(), axis));
  return Record<ReshapeNode>(std::move(y), {x}, "ExpandDims", x);
}

absl::StatusOr<Variable> Squeeze(const Variable& x, std::vector<int> axes) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Squeeze(x.value(), std::move(axes)));
  return Record<ReshapeNode>(std::move(y), {x}, "Squeeze", x);
}

absl::StatusOr<Variable> Pad(const Variable& x,
                             std::vector<std::pair<int64_t, int64_t>> before_after, float value) {
  STRATA_ASSIGN_OR_RETURN(Tensor y, ops::Pad(x.value(), before_after, value));
  return Record<PadNode>(std::move(y), {x}, x, before_after);
}

}  // namespace strata::autograd
