// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_SHAPE_H_
#define STRATA_TENSOR_SHAPE_H_

// Shape is the list of dimensions of a concrete tensor: rank 0 is a scalar, every dimension is
// >= 0, elements are laid out row-major (C order). Symbolic shapes with unknown dimensions belong
// to the functional API (models/), not here.
//
//   Shape s = {64, 784};
//   s.rank();          // 2
//   s.num_elements();  // 50176
//   s.ToString();      // "(64, 784)"
//   STRATA_ASSIGN_OR_RETURN(Shape out, BroadcastShapes(s, Shape{784}, "Add"));

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace strata {

class Shape {
 public:
  // A scalar (rank 0, one element).
  Shape() = default;
  // Dimensions must be >= 0 (checked: a negative one is a bug in the caller; user-given
  // dimensions go through Create).
  Shape(std::initializer_list<int64_t> dims);
  explicit Shape(absl::Span<const int64_t> dims);

  // Validates user-given dimensions: InvalidArgument if any is negative.
  static absl::StatusOr<Shape> Create(absl::Span<const int64_t> dims);

  int rank() const { return static_cast<int>(dims_.size()); }
  // The size of dimension `axis`, 0 <= axis < rank (checked).
  int64_t dim(int axis) const;
  int64_t operator[](int axis) const { return dim(axis); }
  absl::Span<const int64_t> dims() const { return dims_; }
  std::vector<int64_t> ToVector() const { return {dims_.begin(), dims_.end()}; }
  // Product of the dimensions; 1 for a scalar.
  int64_t num_elements() const;
  // Row-major strides in elements: the last is 1.
  std::vector<int64_t> Strides() const;
  // "(2, 3)", "(5,)" and "()", as NumPy and Keras print shapes.
  std::string ToString() const;

  friend bool operator==(const Shape& a, const Shape& b) { return a.dims_ == b.dims_; }
  friend bool operator!=(const Shape& a, const Shape& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const Shape& s) {
    return os << s.ToString();
  }

 private:
  absl::InlinedVector<int64_t, 6> dims_;
};

// NumPy broadcasting of two shapes. On failure: InvalidArgument naming `op` and both shapes.
absl::StatusOr<Shape> BroadcastShapes(const Shape& a, const Shape& b, absl::string_view op);

// Maps a possibly negative axis (-1 is the last) to [0, rank). On failure: InvalidArgument
// naming `op`, the axis and the rank.
absl::StatusOr<int> NormalizeAxis(int axis, int rank, absl::string_view op);

}  // namespace strata

#endif  // STRATA_TENSOR_SHAPE_H_
