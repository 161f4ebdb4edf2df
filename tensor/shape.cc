// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/shape.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/check.h"

namespace strata {

Shape::Shape(std::initializer_list<int64_t> dims) : dims_(dims.begin(), dims.end()) {
  for (int64_t d : dims_) STRATA_CHECK(d >= 0) << "negative dimension in " << ToString();
}

Shape::Shape(absl::Span<const int64_t> dims) : dims_(dims.begin(), dims.end()) {
  for (int64_t d : dims_) STRATA_CHECK(d >= 0) << "negative dimension in " << ToString();
}

absl::StatusOr<Shape> Shape::Create(absl::Span<const int64_t> dims) {
  for (int64_t d : dims) {
    if (d < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("Shape: expected dimensions >= 0; received (",
                       absl::StrJoin(dims, ", "), ")."));
    }
  }
  return Shape(dims);
}

int64_t Shape::dim(int axis) const {
  STRATA_CHECK(axis >= 0 && axis < rank()) << "axis " << axis << " of shape " << ToString();
  return dims_[axis];
}

int64_t Shape::num_elements() const {
  int64_t n = 1;
  for (int64_t d : dims_) n *= d;
  return n;
}

std::vector<int64_t> Shape::Strides() const {
  std::vector<int64_t> strides(dims_.size());
  int64_t stride = 1;
  for (int i = rank() - 1; i >= 0; --i) {
    strides[i] = stride;
    stride *= dims_[i];
  }
  return strides;
}

std::string Shape::ToString() const {
  if (dims_.size() == 1) return absl::StrCat("(", dims_[0], ",)");
  return absl::StrCat("(", absl::StrJoin(dims_, ", "), ")");
}

absl::StatusOr<Shape> BroadcastShapes(const Shape& a, const Shape& b, absl::string_view op) {
  if (a == b) return a;
  const int rank = std::max(a.rank(), b.rank());
  std::vector<int64_t> out(rank);
  for (int i = 0; i < rank; ++i) {
    const int ia = a.rank() - rank + i;
    const int ib = b.rank() - rank + i;
    const int64_t da = ia >= 0 ? a.dim(ia) : 1;
    const int64_t db = ib >= 0 ? b.dim(ib) : 1;
    if (da != db && da != 1 && db != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(op, ": expected shapes that broadcast together; received ", a.ToString(),
                       " and ", b.ToString(), " (dimension ", i - rank, ": ", da, " vs ", db,
                       ")."));
    }
    out[i] = da == 1 ? db : da;
  }
  return Shape(out);
}

absl::StatusOr<int> NormalizeAxis(int axis, int rank, absl::string_view op) {
  if (axis < -rank || axis >= rank || rank == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        op, ": expected an axis in [", -rank, ", ", rank, ") for a tensor of rank ", rank,
        "; received axis ", axis, "."));
  }
  return axis < 0 ? axis + rank : axis;
}

}  // namespace strata
