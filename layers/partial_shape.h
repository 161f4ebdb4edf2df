// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_PARTIAL_SHAPE_H_
#define STRATA_LAYERS_PARTIAL_SHAPE_H_

// PartialShape is the shape of a symbolic tensor in the functional API: like Shape, but a
// dimension may be unknown (Keras's None), as the batch dimension always is and a sequence
// length often is. It prints as Keras prints: "(None, 26, 26, 16)".
//
//   PartialShape s = {kUnknownDim, 784};
//   s.ToString();                         // "(None, 784)"
//   s.IsCompatibleWith(Shape{64, 784});   // true

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "tensor/shape.h"

namespace strata {

// The value of an unknown dimension.
inline constexpr int64_t kUnknownDim = -1;

class PartialShape {
 public:
  // Rank 0.
  PartialShape() = default;
  // Each dimension >= 0 or kUnknownDim (checked).
  PartialShape(std::initializer_list<int64_t> dims);
  explicit PartialShape(std::vector<int64_t> dims);
  // Every dimension known.
  static PartialShape FromShape(const Shape& shape);
  // `dims` prefixed with an unknown batch dimension.
  static PartialShape WithBatch(absl::Span<const int64_t> dims);

  int rank() const { return static_cast<int>(dims_.size()); }
  // The dimension at `axis`; a negative axis counts from the end (checked).
  int64_t dim(int axis) const;
  bool IsKnown(int axis) const { return dim(axis) != kUnknownDim; }
  const std::vector<int64_t>& dims() const { return dims_; }
  // True if no dimension is unknown.
  bool IsFullyKnown() const;
  // True if `shape` has this rank and matches every known dimension.
  bool IsCompatibleWith(const Shape& shape) const;
  // Product of all dimensions after the first, or kUnknownDim if one of them is unknown.
  int64_t NumElementsPerSample() const;
  // The shape without its first (batch) dimension.
  PartialShape DropBatch() const;
  // "(None, 784)", "(None,)", "()".
  std::string ToString() const;

  friend bool operator==(const PartialShape& a, const PartialShape& b) {
    return a.dims_ == b.dims_;
  }
  friend bool operator!=(const PartialShape& a, const PartialShape& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const PartialShape& s) {
    return os << s.ToString();
  }

 private:
  std::vector<int64_t> dims_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_PARTIAL_SHAPE_H_
