// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/matmul.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "base/status_macros.h"
#include "tensor/kernels/matmul.h"

namespace strata::ops {
namespace {

// A validated product: the batch shapes and the matrix sizes op(a) (m, k) @ op(b) (k, n).
struct Product {
  Shape a_batch, b_batch, batch;  // batch = broadcast(a_batch, b_batch).
  int64_t m = 0, n = 0, k = 0;
};

Shape BatchOf(const Shape& s) { return Shape(s.dims().subspan(0, s.rank() - 2)); }

absl::StatusOr<Product> Validate(absl::string_view op, const Shape& a, const Shape& b,
                                 MatMulOptions options) {
  if (a.rank() < 2 || b.rank() < 2) {
    return absl::InvalidArgumentError(absl::StrCat(op, ": expected inputs of rank >= 2; received ",
                                                   a.ToString(), " and ", b.ToString(), "."));
  }
  const int64_t a_rows = a.dim(a.rank() - 2), a_cols = a.dim(a.rank() - 1);
  const int64_t b_rows = b.dim(b.rank() - 2), b_cols = b.dim(b.rank() - 1);
  const int64_t a_depth = options.transpose_a ? a_rows : a_cols;
  const int64_t b_depth = options.transpose_b ? b_cols : b_rows;
  if (a_depth != b_depth) {
    return absl::InvalidArgumentError(absl::StrCat(
        op, ": expected ", options.transpose_a ? "a.shape[-2]" : "a.shape[-1]", " == ",
        options.transpose_b ? "b.shape[-1]" : "b.shape[-2]",
        options.transpose_a || options.transpose_b ? " (with the requested transposes)" : "",
        "; received ", a.ToString(), " and ", b.ToString(), "."));
  }
  Product p;
  p.a_batch = BatchOf(a);
  p.b_batch = BatchOf(b);
  absl::StatusOr<Shape> batch = BroadcastShapes(p.a_batch, p.b_batch, op);
  if (!batch.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected batch dimensions (all but the last two) that broadcast; "
                         "received ",
                     a.ToString(), " and ", b.ToString(), "."));
  }
  p.batch = *std::move(batch);
  p.m = options.transpose_a ? a_cols : a_rows;
  p.n = options.transpose_b ? b_rows : b_cols;
  p.k = a_depth;
  return p;
}

absl::Status CheckFloat32(absl::string_view op, const Tensor& a, const Tensor& b) {
  if (a.dtype() != DType::kFloat32 || b.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(absl::StrCat(op, ": expected float32 inputs; received ",
                                                   DTypeName(a.dtype()), " and ",
                                                   DTypeName(b.dtype()), "."));
  }
  return absl::OkStatus();
}

Shape Concat(const Shape& batch, int64_t rows, int64_t cols) {
  absl::InlinedVector<int64_t, 8> dims(batch.dims().begin(), batch.dims().end());
  dims.push_back(rows);
  dims.push_back(cols);
  return Shape(absl::MakeConstSpan(dims));
}

// For each flat (row-major) index of `out`, the flat index of the element of `in` that NumPy
// broadcasting maps to it (`in` is right-aligned with `out`; its size-1 dimensions repeat).
std::vector<int64_t> BroadcastIndex(const Shape& out, const Shape& in) {
  const int rank = out.rank(), offset = out.rank() - in.rank();
  std::vector<int64_t> stride(rank, 0);
  int64_t step = 1;
  for (int d = in.rank() - 1; d >= 0; --d) {
    if (in.dim(d) != 1) stride[d + offset] = step;
    step *= in.dim(d);
  }
  std::vector<int64_t> index(out.num_elements());
  std::vector<int64_t> counter(rank, 0);
  int64_t position = 0;
  for (int64_t& entry : index) {
    entry = position;
    // Odometer increment of `counter`, keeping position = sum(counter * stride).
    for (int d = rank - 1; d >= 0; --d) {
      position += stride[d];
      if (++counter[d] < out.dim(d)) break;
      position -= stride[d] * out.dim(d);
      counter[d] = 0;
    }
  }
  return index;
}

// Writes product `p` of a and b, summed down to the batch shape `target` (which broadcasts to
// p.batch), into `out` (target + (m, n)).
void Compute(const Tensor& a, const Tensor& b, MatMulOptions options, const Product& p,
             const Shape& target, Tensor& out) {
  if (out.num_elements() == 0) return;
  const kernels::GemmDims dims{.m = p.m,
                               .n = p.n,
                               .k = p.k,
                               .transpose_a = options.transpose_a,
                               .transpose_b = options.transpose_b};
  const int64_t a_count = p.a_batch.num_elements(), b_count = p.b_batch.num_elements();
  const int64_t count = p.batch.num_elements(), target_count = target.num_elements();
  const float* a_data = a.data<float>();
  const float* b_data = b.data<float>();
  float* c = out.mutable_data<float>();

  if (target_count == count) {  // Nothing is summed.
    if (a_count == 1 && b_count == 1) return kernels::Gemm(dims, a_data, b_data, c);
    if (!options.transpose_a && b_count == 1) {
      // (batch, m, k) @ (k, n): the a matrices are consecutive rows of one (batch * m, k)
      // matrix, and so are the outputs: one GEMM, cut by rows like any other.
      kernels::GemmDims folded = dims;
      folded.m = count * p.m;
      return kernels::Gemm(folded, a_data, b_data, c);
    }
    // Equal counts mean equal batch shapes up to leading ones: the identity map (nullptr).
    const std::vector<int64_t> a_index =
        a_count == count ? std::vector<int64_t>() : BroadcastIndex(p.batch, p.a_batch);
    const std::vector<int64_t> b_index =
        b_count == count ? std::vector<int64_t>() : BroadcastIndex(p.batch, p.b_batch);
    return kernels::BatchedGemm(dims, a_data, a_index.empty() ? nullptr : a_index.data(), b_data,
                                b_index.empty() ? nullptr : b_index.data(), count, c, nullptr,
                                count);
  }

  if (options.transpose_a && !options.transpose_b && target_count == 1 && a_count == count &&
      b_count == count) {
    // sum_i a_i^T @ b_i = A^T @ B with A = (count * k, m) and B = (count * k, n) as stored: the
    // batch joins the contraction, one GEMM (the weight gradient of Dense on 3-D input).
    kernels::GemmDims folded = dims;
    folded.k = count * p.k;
    return kernels::Gemm(folded, a_data, b_data, c);
  }
  const std::vector<int64_t> a_index = BroadcastIndex(p.batch, p.a_batch);
  const std::vector<int64_t> b_index = BroadcastIndex(p.batch, p.b_batch);
  const std::vector<int64_t> c_index = BroadcastIndex(p.batch, target);
  kernels::BatchedGemm(dims, a_data, a_index.data(), b_data, b_index.data(), count, c,
                       c_index.data(), target_count);
}

}  // namespace

absl::StatusOr<Shape> MatMulShape(const Shape& a, const Shape& b, MatMulOptions options) {
  STRATA_ASSIGN_OR_RETURN(const Product p, Validate("MatMul", a, b, options));
  return Concat(p.batch, p.m, p.n);
}

absl::StatusOr<Tensor> MatMul(const Tensor& a, const Tensor& b, MatMulOptions options) {
  STRATA_RETURN_IF_ERROR(CheckFloat32("MatMul", a, b));
  STRATA_ASSIGN_OR_RETURN(const Product p, Validate("MatMul", a.shape(), b.shape(), options));
  Tensor out = Tensor::Empty(Concat(p.batch, p.m, p.n));
  Compute(a, b, options, p, p.batch, out);
  return out;
}

absl::StatusOr<Tensor> MatMulSumToBatch(const Tensor& a, const Tensor& b,
                                        const Shape& batch_shape, MatMulOptions options) {
  constexpr absl::string_view kOp = "MatMulSumToBatch";
  STRATA_RETURN_IF_ERROR(CheckFloat32(kOp, a, b));
  STRATA_ASSIGN_OR_RETURN(const Product p, Validate(kOp, a.shape(), b.shape(), options));
  bool broadcasts = batch_shape.rank() <= p.batch.rank();
  for (int d = 0; broadcasts && d < batch_shape.rank(); ++d) {
    const int64_t size = batch_shape.dim(d);
    broadcasts = size == 1 || size == p.batch.dim(d + p.batch.rank() - batch_shape.rank());
  }
  if (!broadcasts) {
    return absl::InvalidArgumentError(absl::StrCat(
        kOp, ": expected a batch shape that broadcasts to the batch dimensions ",
        p.batch.ToString(), " of ", a.shape().ToString(), " @ ", b.shape().ToString(),
        "; received ", batch_shape.ToString(), "."));
  }
  Tensor out = Tensor::Empty(Concat(batch_shape, p.m, p.n));
  Compute(a, b, options, p, batch_shape, out);
  return out;
}

}  // namespace strata::ops
