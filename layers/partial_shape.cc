// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/partial_shape.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/check.h"

namespace strata {
namespace {

void CheckDims(const std::vector<int64_t>& dims) {
  for (int64_t d : dims) STRATA_CHECK(d >= 0 || d == kUnknownDim) << "dimension " << d;
}

}  // namespace

PartialShape::PartialShape(std::initializer_list<int64_t> dims) : dims_(dims) {
  CheckDims(dims_);
}

PartialShape::PartialShape(std::vector<int64_t> dims) : dims_(std::move(dims)) {
  CheckDims(dims_);
}

PartialShape PartialShape::FromShape(const Shape& shape) { return PartialShape(shape.ToVector()); }

PartialShape PartialShape::WithBatch(absl::Span<const int64_t> dims) {
  std::vector<int64_t> all = {kUnknownDim};
  all.insert(all.end(), dims.begin(), dims.end());
  return PartialShape(std::move(all));
}

int64_t PartialShape::dim(int axis) const {
  const int index = axis < 0 ? axis + rank() : axis;
  STRATA_CHECK(index >= 0 && index < rank()) << "axis " << axis << " of " << ToString();
  return dims_[index];
}

bool PartialShape::IsFullyKnown() const {
  for (int64_t d : dims_) {
    if (d == kUnknownDim) return false;
  }
  return true;
}

bool PartialShape::IsCompatibleWith(const Shape& shape) const {
  if (shape.rank() != rank()) return false;
  for (int i = 0; i < rank(); ++i) {
    if (dims_[i] != kUnknownDim && dims_[i] != shape.dim(i)) return false;
  }
  return true;
}

int64_t PartialShape::NumElementsPerSample() const {
  int64_t n = 1;
  for (int i = 1; i < rank(); ++i) {
    if (dims_[i] == kUnknownDim) return kUnknownDim;
    n *= dims_[i];
  }
  return n;
}

PartialShape PartialShape::DropBatch() const {
  if (dims_.empty()) return *this;
  return PartialShape(std::vector<int64_t>(dims_.begin() + 1, dims_.end()));
}

std::string PartialShape::ToString() const {
  std::vector<std::string> parts;
  for (int64_t d : dims_) parts.push_back(d == kUnknownDim ? "None" : absl::StrCat(d));
  if (parts.size() == 1) return absl::StrCat("(", parts[0], ",)");
  return absl::StrCat("(", absl::StrJoin(parts, ", "), ")");
}

}  // namespace strata
