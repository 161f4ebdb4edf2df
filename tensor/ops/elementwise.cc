// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/elementwise.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"
#include "tensor/kernels/elementwise.h"

namespace strata::ops {
namespace {

using kernels::BinaryOp;
using kernels::CompareOp;
using kernels::UnaryOp;
using DimVector = absl::InlinedVector<int64_t, 6>;

// The output's dims and each input's dims left-padded with 1s to the output's rank, owned
// here because kernels::BroadcastDims only points at them (hence not copyable or movable).
class PaddedDims {
 public:
  PaddedDims(const Shape& out, std::initializer_list<const Shape*> inputs)
      : out_(out.dims().begin(), out.dims().end()) {
    dims_.rank = out.rank();
    dims_.out = out_.data();
    int j = 0;
    for (const Shape* in : inputs) {
      in_[j].assign(out.rank() - in->rank(), 1);
      in_[j].insert(in_[j].end(), in->dims().begin(), in->dims().end());
      dims_.in[j] = in_[j].data();
      ++j;
    }
  }
  PaddedDims(const PaddedDims&) = delete;
  PaddedDims& operator=(const PaddedDims&) = delete;

  const kernels::BroadcastDims& get() const { return dims_; }

 private:
  DimVector out_;
  std::array<DimVector, 3> in_;
  kernels::BroadcastDims dims_;
};

// Calls f(T{}) with T the C++ type of `dtype`.
template <typename F>
void VisitDType(DType dtype, F&& f) {
  switch (dtype) {
    case DType::kFloat32:
      return f(float{});
    case DType::kInt32:
      return f(int32_t{});
    case DType::kInt64:
      return f(int64_t{});
  }
}

absl::Status CheckDefined(absl::string_view op, std::initializer_list<const Tensor*> tensors) {
  for (const Tensor* t : tensors) {
    if (!t->defined()) {
      return absl::InvalidArgumentError(
          absl::StrCat(op, ": expected defined tensors; received an undefined tensor."));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSameDType(absl::string_view op, const Tensor& a, const Tensor& b) {
  if (a.dtype() != b.dtype()) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected operands of the same dtype; received ", DTypeName(a.dtype()),
                     " and ", DTypeName(b.dtype()), "."));
  }
  return absl::OkStatus();
}

absl::Status CheckFloat(absl::string_view op, const Tensor& x) {
  STRATA_RETURN_IF_ERROR(CheckDefined(op, {&x}));
  if (x.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(op, ": expected a float32 tensor; received ",
                                                   DTypeName(x.dtype()), " ", x.shape().ToString(),
                                                   "."));
  }
  return absl::OkStatus();
}

// True if `from` broadcasts to exactly `to` (NumPy rules, dims aligned at the end).
bool BroadcastsTo(const Shape& from, const Shape& to) {
  if (from.rank() > to.rank()) return false;
  const int lead = to.rank() - from.rank();
  for (int i = 0; i < from.rank(); ++i) {
    if (from.dim(i) != 1 && from.dim(i) != to.dim(lead + i)) return false;
  }
  return true;
}

absl::StatusOr<Tensor> BinaryOpImpl(BinaryOp op, absl::string_view name, const Tensor& a,
                                    const Tensor& b, bool float_only) {
  STRATA_RETURN_IF_ERROR(CheckDefined(name, {&a, &b}));
  STRATA_RETURN_IF_ERROR(CheckSameDType(name, a, b));
  if (float_only && a.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": expected float32 operands; received ",
                                                   DTypeName(a.dtype()), " and ",
                                                   DTypeName(b.dtype()), "."));
  }
  STRATA_ASSIGN_OR_RETURN(Shape shape, BroadcastShapes(a.shape(), b.shape(), name));
  Tensor out = Tensor::Empty(shape, a.dtype());
  const PaddedDims dims(shape, {&a.shape(), &b.shape()});
  VisitDType(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    kernels::Binary(op, dims.get(), a.data<T>(), b.data<T>(), out.mutable_data<T>());
  });
  return out;
}

absl::StatusOr<Tensor> CompareImpl(CompareOp op, absl::string_view name, const Tensor& a,
                                   const Tensor& b) {
  STRATA_RETURN_IF_ERROR(CheckDefined(name, {&a, &b}));
  STRATA_RETURN_IF_ERROR(CheckSameDType(name, a, b));
  STRATA_ASSIGN_OR_RETURN(Shape shape, BroadcastShapes(a.shape(), b.shape(), name));
  Tensor out = Tensor::Empty(shape, DType::kFloat32);
  const PaddedDims dims(shape, {&a.shape(), &b.shape()});
  VisitDType(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    kernels::Compare(op, dims.get(), a.data<T>(), b.data<T>(), out.mutable_data<float>());
  });
  return out;
}

absl::StatusOr<Tensor> UnaryImpl(UnaryOp op, absl::string_view name, const Tensor& x) {
  STRATA_RETURN_IF_ERROR(CheckFloat(name, x));
  Tensor out = Tensor::Empty(x.shape());
  kernels::Unary(op, x.data<float>(), out.mutable_data<float>(), x.num_elements());
  return out;
}

// Shared by MaximumGrad and MinimumGrad: validates and runs `kernel` over (grad, a, b).
template <typename Kernel>
absl::StatusOr<Tensor> ExtremumGrad(absl::string_view name, const Tensor& grad, const Tensor& a,
                                    const Tensor& b, Kernel kernel) {
  STRATA_RETURN_IF_ERROR(CheckFloat(name, grad));
  STRATA_RETURN_IF_ERROR(CheckFloat(name, a));
  STRATA_RETURN_IF_ERROR(CheckFloat(name, b));
  STRATA_ASSIGN_OR_RETURN(Shape shape, BroadcastShapes(a.shape(), b.shape(), name));
  if (grad.shape() != shape) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": expected grad of the broadcast shape ",
                                                   shape.ToString(), " of a ", a.shape().ToString(),
                                                   " and b ", b.shape().ToString(), "; received ",
                                                   grad.shape().ToString(), "."));
  }
  Tensor out = Tensor::Empty(shape);
  const PaddedDims dims(shape, {&grad.shape(), &a.shape(), &b.shape()});
  kernel(dims.get(), grad.data<float>(), a.data<float>(), b.data<float>(),
         out.mutable_data<float>());
  return out;
}

}  // namespace

absl::StatusOr<Tensor> Add(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kAdd, "Add", a, b, /*float_only=*/false);
}
absl::StatusOr<Tensor> Subtract(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kSubtract, "Subtract", a, b, /*float_only=*/false);
}
absl::StatusOr<Tensor> Multiply(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kMultiply, "Multiply", a, b, /*float_only=*/false);
}
// Integer division is left out: its rounding (floor in Keras, truncation in C++) and division
// by zero would each need a policy, and nothing in a model divides integers.
absl::StatusOr<Tensor> Divide(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kDivide, "Divide", a, b, /*float_only=*/true);
}
absl::StatusOr<Tensor> Maximum(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kMaximum, "Maximum", a, b, /*float_only=*/false);
}
absl::StatusOr<Tensor> Minimum(const Tensor& a, const Tensor& b) {
  return BinaryOpImpl(BinaryOp::kMinimum, "Minimum", a, b, /*float_only=*/false);
}

absl::StatusOr<Tensor> Negate(const Tensor& x) { return UnaryImpl(UnaryOp::kNegate, "Negate", x); }
absl::StatusOr<Tensor> Exp(const Tensor& x) { return UnaryImpl(UnaryOp::kExp, "Exp", x); }
absl::StatusOr<Tensor> Log(const Tensor& x) { return UnaryImpl(UnaryOp::kLog, "Log", x); }
absl::StatusOr<Tensor> Sqrt(const Tensor& x) { return UnaryImpl(UnaryOp::kSqrt, "Sqrt", x); }
absl::StatusOr<Tensor> Rsqrt(const Tensor& x) { return UnaryImpl(UnaryOp::kRsqrt, "Rsqrt", x); }
absl::StatusOr<Tensor> Square(const Tensor& x) { return UnaryImpl(UnaryOp::kSquare, "Square", x); }
absl::StatusOr<Tensor> Abs(const Tensor& x) { return UnaryImpl(UnaryOp::kAbs, "Abs", x); }
absl::StatusOr<Tensor> Sign(const Tensor& x) { return UnaryImpl(UnaryOp::kSign, "Sign", x); }
absl::StatusOr<Tensor> Reciprocal(const Tensor& x) {
  return UnaryImpl(UnaryOp::kReciprocal, "Reciprocal", x);
}

absl::StatusOr<Tensor> Clip(const Tensor& x, float min, float max) {
  STRATA_RETURN_IF_ERROR(CheckFloat("Clip", x));
  if (!(min <= max)) {  // Also rejects NaN bounds.
    return absl::InvalidArgumentError(
        absl::StrCat("Clip: expected min <= max; received min=", min, " and max=", max, "."));
  }
  Tensor out = Tensor::Empty(x.shape());
  kernels::Clip(x.data<float>(), min, max, out.mutable_data<float>(), x.num_elements());
  return out;
}

absl::StatusOr<Tensor> AddScalar(const Tensor& x, float value) {
  STRATA_RETURN_IF_ERROR(CheckFloat("AddScalar", x));
  Tensor out = Tensor::Empty(x.shape());
  kernels::AddScalar(x.data<float>(), value, out.mutable_data<float>(), x.num_elements());
  return out;
}

absl::StatusOr<Tensor> MulScalar(const Tensor& x, float value) {
  STRATA_RETURN_IF_ERROR(CheckFloat("MulScalar", x));
  Tensor out = Tensor::Empty(x.shape());
  kernels::MulScalar(x.data<float>(), value, out.mutable_data<float>(), x.num_elements());
  return out;
}

absl::StatusOr<Tensor> PowScalar(const Tensor& x, float exponent) {
  STRATA_RETURN_IF_ERROR(CheckFloat("PowScalar", x));
  Tensor out = Tensor::Empty(x.shape());
  kernels::PowScalar(x.data<float>(), exponent, out.mutable_data<float>(), x.num_elements());
  return out;
}

absl::StatusOr<Tensor> Equal(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kEqual, "Equal", a, b);
}
absl::StatusOr<Tensor> NotEqual(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kNotEqual, "NotEqual", a, b);
}
absl::StatusOr<Tensor> Greater(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kGreater, "Greater", a, b);
}
absl::StatusOr<Tensor> GreaterEqual(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kGreaterEqual, "GreaterEqual", a, b);
}
absl::StatusOr<Tensor> Less(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kLess, "Less", a, b);
}
absl::StatusOr<Tensor> LessEqual(const Tensor& a, const Tensor& b) {
  return CompareImpl(CompareOp::kLessEqual, "LessEqual", a, b);
}

absl::StatusOr<Tensor> Where(const Tensor& cond, const Tensor& x, const Tensor& y) {
  STRATA_RETURN_IF_ERROR(CheckDefined("Where", {&cond, &x, &y}));
  if (cond.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(
        absl::StrCat("Where: expected a float32 condition (a 1.0/0.0 mask); received ",
                     DTypeName(cond.dtype()), "."));
  }
  if (x.dtype() != y.dtype()) {
    return absl::InvalidArgumentError(
        absl::StrCat("Where: expected x and y of the same dtype; received ", DTypeName(x.dtype()),
                     " and ", DTypeName(y.dtype()), "."));
  }
  absl::StatusOr<Shape> shape = BroadcastShapes(cond.shape(), x.shape(), "Where");
  if (shape.ok()) shape = BroadcastShapes(*shape, y.shape(), "Where");
  if (!shape.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Where: expected cond, x and y shapes that broadcast together; received ",
        cond.shape().ToString(), ", ", x.shape().ToString(), " and ", y.shape().ToString(), "."));
  }
  Tensor out = Tensor::Empty(*shape, x.dtype());
  const PaddedDims dims(*shape, {&cond.shape(), &x.shape(), &y.shape()});
  VisitDType(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    kernels::Where(dims.get(), cond.data<float>(), x.data<T>(), y.data<T>(), out.mutable_data<T>());
  });
  return out;
}

absl::StatusOr<Tensor> BroadcastTo(const Tensor& x, const Shape& shape) {
  STRATA_RETURN_IF_ERROR(CheckDefined("BroadcastTo", {&x}));
  if (!BroadcastsTo(x.shape(), shape)) {
    return absl::InvalidArgumentError(
        absl::StrCat("BroadcastTo: expected a target shape that x's shape ", x.shape().ToString(),
                     " broadcasts to; received ", shape.ToString(), "."));
  }
  Tensor out = Tensor::Empty(shape, x.dtype());
  const PaddedDims dims(shape, {&x.shape()});
  VisitDType(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    kernels::BroadcastTo(dims.get(), x.data<T>(), out.mutable_data<T>());
  });
  return out;
}

absl::StatusOr<Tensor> SumToShape(const Tensor& x, const Shape& shape) {
  STRATA_RETURN_IF_ERROR(CheckDefined("SumToShape", {&x}));
  if (!BroadcastsTo(shape, x.shape())) {
    return absl::InvalidArgumentError(
        absl::StrCat("SumToShape: expected a shape that broadcasts to x's shape ",
                     x.shape().ToString(), "; received ", shape.ToString(), "."));
  }
  Tensor out = Tensor::Empty(shape, x.dtype());
  const PaddedDims dims(x.shape(), {&shape});
  VisitDType(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    kernels::SumToShape(x.rank(), dims.get().out, dims.get().in[0], x.data<T>(),
                        out.mutable_data<T>());
  });
  return out;
}

absl::StatusOr<Tensor> MaximumGrad(const Tensor& grad, const Tensor& a, const Tensor& b) {
  return ExtremumGrad("MaximumGrad", grad, a, b, &kernels::MaximumGrad);
}

absl::StatusOr<Tensor> MinimumGrad(const Tensor& grad, const Tensor& a, const Tensor& b) {
  return ExtremumGrad("MinimumGrad", grad, a, b, &kernels::MinimumGrad);
}

}  // namespace strata::ops
