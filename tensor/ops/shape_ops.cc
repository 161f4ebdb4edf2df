// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/shape_ops.h"

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "tensor/kernels/layout.h"

namespace strata::ops {
namespace {

template <typename T>
std::string Tuple(const std::vector<T>& v) {
  return absl::StrCat("(", absl::StrJoin(v, ", "), ")");
}

// "float32 (2, 3), int32 (4,)" for error messages about several tensors.
std::string Describe(absl::Span<const Tensor> xs) {
  std::vector<std::string> parts;
  for (const Tensor& x : xs) {
    parts.push_back(absl::StrCat(DTypeName(x.dtype()), " ", x.shape().ToString()));
  }
  return absl::StrJoin(parts, ", ");
}

int64_t Product(absl::Span<const int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

// The box [begins, begins + sizes) of x; arguments already validated. A box that is one
// contiguous run of x (size-1 leading axes, then one partial axis, then full axes) is returned
// as a view: splitting a batch along axis 0 or taking one timestep of a [T, B, F] sequence then
// copies nothing.
absl::StatusOr<Tensor> SliceBox(const Tensor& x, const std::vector<int64_t>& begins,
                                const std::vector<int64_t>& sizes) {
  const int rank = x.rank();
  int k = rank - 1;  // The last axis the box does not cover fully.
  while (k >= 0 && sizes[k] == x.dim(k)) --k;
  if (k < 0) return x;
  const Shape out_shape(sizes);
  if (out_shape.num_elements() == 0) return Tensor::Empty(out_shape, x.dtype());
  bool contiguous = true;
  for (int a = 0; a < k; ++a) contiguous &= sizes[a] == 1;
  if (contiguous) {
    // View x as [prod(dims[0..k]), dims[k+1..]] and take rows.
    std::vector<int64_t> rows_dims = {1};
    int64_t row = 0;
    for (int a = 0; a <= k; ++a) {
      rows_dims[0] *= x.dim(a);
      row = row * x.dim(a) + begins[a];
    }
    for (int a = k + 1; a < rank; ++a) rows_dims.push_back(x.dim(a));
    STRATA_ASSIGN_OR_RETURN(Tensor rows, x.Reshape(rows_dims));
    STRATA_ASSIGN_OR_RETURN(Tensor view, rows.SliceRows(row, row + sizes[k]));
    return view.Reshape(sizes);
  }
  Tensor out = Tensor::Empty(out_shape, x.dtype());
  const std::vector<int64_t> in_dims = x.shape().ToVector();
  kernels::Slice(x.raw_data(), in_dims.data(), begins.data(), sizes.data(), rank,
                 DTypeSize(x.dtype()), out.raw_data());
  return out;
}

}  // namespace

absl::StatusOr<Tensor> Reshape(const Tensor& x, std::vector<int64_t> dims) {
  return x.Reshape(dims);
}

absl::StatusOr<Tensor> Transpose(const Tensor& x) {
  if (x.rank() != 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("Transpose: expected a tensor of rank 2; received shape ",
                     x.shape().ToString(), ". Use Permute for other ranks."));
  }
  return Permute(x, {1, 0});
}

absl::StatusOr<Tensor> Permute(const Tensor& x, std::vector<int> perm) {
  const int rank = x.rank();
  auto error = [&] {
    return absl::InvalidArgumentError(absl::StrCat("Permute: expected a permutation of the ", rank,
                                                   " axes of shape ", x.shape().ToString(),
                                                   "; received ", Tuple(perm), "."));
  };
  if (static_cast<int>(perm.size()) != rank) return error();
  std::vector<bool> seen(rank, false);
  std::vector<int> axes(rank);
  bool identity = true;
  for (int k = 0; k < rank; ++k) {
    if (perm[k] < -rank || perm[k] >= rank) return error();
    axes[k] = perm[k] < 0 ? perm[k] + rank : perm[k];
    if (seen[axes[k]]) return error();
    seen[axes[k]] = true;
    identity &= axes[k] == k;
  }
  if (identity) return x;
  std::vector<int64_t> out_dims(rank);
  for (int k = 0; k < rank; ++k) out_dims[k] = x.dim(axes[k]);
  // If only size-1 axes move (NHWC -> NCHW with C == 1, a [B, 1, F] -> [1, B, F] swap), the
  // elements are already in output order: a reshaped view does it.
  bool in_order = true;
  for (int k = 0, last = -1; k < rank; ++k) {
    if (x.dim(axes[k]) == 1) continue;
    in_order &= axes[k] > last;
    last = axes[k];
  }
  if (in_order) return x.Reshape(out_dims);
  Tensor out = Tensor::Empty(Shape(out_dims), x.dtype());
  const std::vector<int64_t> in_dims = x.shape().ToVector();
  kernels::Permute(x.raw_data(), in_dims.data(), axes.data(), rank, DTypeSize(x.dtype()),
                   out.raw_data());
  return out;
}

absl::StatusOr<Tensor> Slice(const Tensor& x, std::vector<int64_t> begins,
                             std::vector<int64_t> sizes) {
  const int rank = x.rank();
  if (static_cast<int>(begins.size()) != rank || static_cast<int>(sizes.size()) != rank) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Slice: expected one begin and one size per axis of shape ", x.shape().ToString(),
        "; received begins ", Tuple(begins), " and sizes ", Tuple(sizes), "."));
  }
  for (int a = 0; a < rank; ++a) {
    const int64_t dim = x.dim(a);
    if (sizes[a] == -1 && begins[a] >= 0 && begins[a] <= dim) sizes[a] = dim - begins[a];
    if (begins[a] < 0 || begins[a] > dim || sizes[a] < 0 || begins[a] + sizes[a] > dim) {
      return absl::OutOfRangeError(
          absl::StrCat("Slice: expected 0 <= begin and begin + size <= dim on every axis of shape ",
                       x.shape().ToString(), "; received begins ", Tuple(begins), " and sizes ",
                       Tuple(sizes), " (axis ", a, ")."));
    }
  }
  return SliceBox(x, begins, sizes);
}

absl::StatusOr<Tensor> SliceAxis(const Tensor& x, int axis, int64_t begin, int64_t end) {
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.rank(), "SliceAxis"));
  if (begin < 0 || begin > end || end > x.dim(a)) {
    return absl::OutOfRangeError(
        absl::StrCat("SliceAxis: expected 0 <= begin <= end <= ", x.dim(a), " along axis ", axis,
                     " of shape ", x.shape().ToString(), "; received [", begin, ", ", end, ")."));
  }
  std::vector<int64_t> begins(x.rank(), 0);
  std::vector<int64_t> sizes = x.shape().ToVector();
  begins[a] = begin;
  sizes[a] = end - begin;
  return SliceBox(x, begins, sizes);
}

absl::StatusOr<Tensor> Concat(absl::Span<const Tensor> xs, int axis) {
  if (xs.empty()) {
    return absl::InvalidArgumentError("Concat: expected at least one tensor; received none.");
  }
  const Tensor& first = xs[0];
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, first.rank(), "Concat"));
  int64_t axis_total = 0;
  for (const Tensor& x : xs) {
    bool ok = x.dtype() == first.dtype() && x.rank() == first.rank();
    for (int d = 0; ok && d < first.rank(); ++d) ok = d == a || x.dim(d) == first.dim(d);
    if (!ok) {
      return absl::InvalidArgumentError(
          absl::StrCat("Concat: expected tensors of one dtype whose dims match except along axis ",
                       axis, "; received ", Describe(xs), "."));
    }
    axis_total += x.dim(a);
  }
  if (xs.size() == 1) return first;
  std::vector<int64_t> out_dims = first.shape().ToVector();
  out_dims[a] = axis_total;
  Tensor out = Tensor::Empty(Shape(out_dims), first.dtype());
  const int64_t outer = Product(absl::MakeConstSpan(out_dims).subspan(0, a));
  const int64_t inner = Product(absl::MakeConstSpan(out_dims).subspan(a + 1));
  std::vector<const void*> inputs;
  std::vector<int64_t> row_bytes;
  for (const Tensor& x : xs) {
    inputs.push_back(x.raw_data());
    row_bytes.push_back(x.dim(a) * inner * static_cast<int64_t>(DTypeSize(x.dtype())));
  }
  kernels::ConcatRows(inputs.data(), row_bytes.data(), static_cast<int>(xs.size()), outer,
                      out.raw_data());
  return out;
}

absl::StatusOr<Tensor> Stack(absl::Span<const Tensor> xs, int axis) {
  if (xs.empty()) {
    return absl::InvalidArgumentError("Stack: expected at least one tensor; received none.");
  }
  for (const Tensor& x : xs) {
    if (x.shape() != xs[0].shape() || x.dtype() != xs[0].dtype()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Stack: expected tensors of one shape and dtype; received ", Describe(xs), "."));
    }
  }
  std::vector<Tensor> expanded;
  expanded.reserve(xs.size());
  for (const Tensor& x : xs) {
    STRATA_ASSIGN_OR_RETURN(Tensor e, ExpandDims(x, axis));
    expanded.push_back(std::move(e));
  }
  return Concat(expanded, axis);  // The expanded rank makes a negative axis mean the same.
}

absl::StatusOr<std::vector<Tensor>> Split(const Tensor& x, int axis, std::vector<int64_t> sizes) {
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.rank(), "Split"));
  const int64_t dim = x.dim(a);
  int64_t known = 0;
  int inferred = -1;
  bool ok = !sizes.empty();
  for (int i = 0; i < static_cast<int>(sizes.size()); ++i) {
    if (sizes[i] == -1 && inferred < 0) {
      inferred = i;
    } else if (sizes[i] < 0) {
      ok = false;
    } else {
      known += sizes[i];
    }
  }
  ok = ok && (inferred >= 0 ? known <= dim : known == dim);
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Split: expected sizes >= 0 (one may be -1) that sum to ", dim, ", the size of axis ", axis,
        " of shape ", x.shape().ToString(), "; received ", Tuple(sizes), "."));
  }
  if (inferred >= 0) sizes[inferred] = dim - known;
  std::vector<Tensor> pieces;
  pieces.reserve(sizes.size());
  std::vector<int64_t> begins(x.rank(), 0);
  std::vector<int64_t> box = x.shape().ToVector();
  for (int64_t size : sizes) {
    box[a] = size;
    STRATA_ASSIGN_OR_RETURN(Tensor piece, SliceBox(x, begins, box));
    pieces.push_back(std::move(piece));
    begins[a] += size;
  }
  return pieces;
}

absl::StatusOr<Tensor> ExpandDims(const Tensor& x, int axis) {
  STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, x.rank() + 1, "ExpandDims"));
  std::vector<int64_t> dims = x.shape().ToVector();
  dims.insert(dims.begin() + a, 1);
  return x.Reshape(dims);
}

absl::StatusOr<Tensor> Squeeze(const Tensor& x, std::vector<int> axes) {
  const int rank = x.rank();
  std::vector<bool> drop(rank, false);
  if (axes.empty()) {
    for (int a = 0; a < rank; ++a) drop[a] = x.dim(a) == 1;
  }
  for (int axis : axes) {
    STRATA_ASSIGN_OR_RETURN(const int a, NormalizeAxis(axis, rank, "Squeeze"));
    if (x.dim(a) != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("Squeeze: expected axis ", axis, " of shape ", x.shape().ToString(),
                       " to have size 1; received size ", x.dim(a), "."));
    }
    drop[a] = true;
  }
  std::vector<int64_t> dims;
  for (int a = 0; a < rank; ++a) {
    if (!drop[a]) dims.push_back(x.dim(a));
  }
  return x.Reshape(dims);
}

absl::StatusOr<Tensor> Pad(const Tensor& x, std::vector<std::pair<int64_t, int64_t>> before_after,
                           float value) {
  const int rank = x.rank();
  bool ok = static_cast<int>(before_after.size()) == rank;
  bool zero = true;
  for (const auto& [before, after] : before_after) {
    ok &= before >= 0 && after >= 0;
    zero &= before == 0 && after == 0;
  }
  if (!ok) {
    std::vector<std::string> pairs;
    for (const auto& [before, after] : before_after) {
      pairs.push_back(absl::StrCat("{", before, ", ", after, "}"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "Pad: expected one {before, after} pair of non-negative sizes per axis of shape ",
        x.shape().ToString(), "; received {", absl::StrJoin(pairs, ", "), "}."));
  }
  if (zero) return x;
  std::vector<int64_t> before(rank), after(rank), out_dims(rank);
  for (int a = 0; a < rank; ++a) {
    before[a] = before_after[a].first;
    after[a] = before_after[a].second;
    out_dims[a] = x.dim(a) + before[a] + after[a];
  }
  Tensor out = Tensor::Empty(Shape(out_dims), x.dtype());
  // One element of x's dtype holding `value`; the kernel only copies its bytes.
  Tensor fill = Tensor::Full(Shape(), value, x.dtype());
  const std::vector<int64_t> in_dims = x.shape().ToVector();
  kernels::Pad(x.raw_data(), in_dims.data(), before.data(), after.data(), rank,
               DTypeSize(x.dtype()), fill.raw_data(), out.raw_data());
  return out;
}

}  // namespace strata::ops
