// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_TENSOR_H_
#define STRATA_TENSOR_TENSOR_H_

// Tensor is a dense, contiguous, row-major N-d array of float32, int32 or int64, with 64-byte
// aligned storage.
//
// NOTE [ Tensor storage sharing ]
// Copying a Tensor is cheap and shares its storage, as in NumPy and PyTorch: a write through
// mutable_data() of one copy is seen by the others. Ops never write into their inputs; they
// return new tensors. Clone() makes an independent deep copy. Reshape() and SliceRows() return
// views that share storage with the original (they stay contiguous).
//
//   Tensor x = Tensor::Zeros({2, 3});
//   x.mutable_data<float>()[4] = 1.5f;
//   STRATA_ASSIGN_OR_RETURN(Tensor flat, x.Reshape({6}));      // shares storage with x
//   STRATA_ASSIGN_OR_RETURN(Tensor y, Tensor::FromVector<float>({2}, {1.0f, 2.0f}));
//   float first = y.data<float>()[0];

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "base/check.h"
#include "tensor/dtype.h"
#include "tensor/shape.h"

namespace strata {

// Tensors' data is aligned to this many bytes (a cache line; AVX-512 friendly).
inline constexpr size_t kTensorAlignment = 64;

class Tensor {
 public:
  // An undefined tensor: no storage, defined() is false. Used for "no gradient" and similar.
  Tensor() = default;

  // Uninitialized contents.
  static Tensor Empty(const Shape& shape, DType dtype = DType::kFloat32);
  static Tensor Zeros(const Shape& shape, DType dtype = DType::kFloat32);
  static Tensor Ones(const Shape& shape, DType dtype = DType::kFloat32);
  // Every element equal to `value` (converted to `dtype`).
  static Tensor Full(const Shape& shape, double value, DType dtype = DType::kFloat32);
  // A rank-0 float32 tensor.
  static Tensor Scalar(float value);
  // Copies `values`; InvalidArgument if their count is not shape.num_elements().
  template <typename T>
  static absl::StatusOr<Tensor> FromVector(const Shape& shape, absl::Span<const T> values);
  template <typename T>
  static absl::StatusOr<Tensor> FromVector(const Shape& shape, std::initializer_list<T> values) {
    return FromVector<T>(shape, absl::Span<const T>(values.begin(), values.size()));
  }

  bool defined() const { return storage_ != nullptr; }
  const Shape& shape() const { return shape_; }
  DType dtype() const { return dtype_; }
  int rank() const { return shape_.rank(); }
  int64_t dim(int axis) const { return shape_.dim(axis); }
  int64_t num_elements() const { return shape_.num_elements(); }
  size_t num_bytes() const { return num_elements() * DTypeSize(dtype_); }

  // Typed element access; T must match dtype() (checked).
  template <typename T>
  const T* data() const {
    STRATA_CHECK(DTypeOf<T>() == dtype_) << "data<" << DTypeName(DTypeOf<T>()) << ">() on a "
                                         << DTypeName(dtype_) << " tensor";
    return reinterpret_cast<const T*>(raw_data());
  }
  template <typename T>
  T* mutable_data() {
    STRATA_CHECK(DTypeOf<T>() == dtype_) << "mutable_data<" << DTypeName(DTypeOf<T>())
                                         << ">() on a " << DTypeName(dtype_) << " tensor";
    return reinterpret_cast<T*>(raw_data());
  }
  const void* raw_data() const;
  void* raw_data();

  // The elements as a vector, converted to T (any dtype to any T).
  template <typename T>
  std::vector<T> ToVector() const;
  // The single element of a tensor with one element, as T; InvalidArgument otherwise.
  template <typename T>
  absl::StatusOr<T> Item() const;

  // A deep copy with its own storage.
  Tensor Clone() const;
  // The same elements converted to `dtype` (a copy, even if dtype() already matches).
  Tensor Cast(DType dtype) const;
  // A view with another shape of the same element count; InvalidArgument otherwise.
  // One dimension may be -1 and is then inferred.
  absl::StatusOr<Tensor> Reshape(absl::Span<const int64_t> dims) const;
  absl::StatusOr<Tensor> Reshape(std::initializer_list<int64_t> dims) const {
    return Reshape(absl::Span<const int64_t>(dims.begin(), dims.size()));
  }
  // A view of rows [begin, end) of the first axis; OutOfRange if not 0 <= begin <= end <= dim(0).
  absl::StatusOr<Tensor> SliceRows(int64_t begin, int64_t end) const;

  // True if both tensors view (part of) the same allocation.
  bool SharesStorageWith(const Tensor& other) const {
    return storage_ != nullptr && storage_ == other.storage_;
  }
  // "Tensor(shape=(2, 2), dtype=float32, [[1, 2], [3, 4]])", eliding long tensors.
  std::string DebugString() const;
  friend std::ostream& operator<<(std::ostream& os, const Tensor& t) {
    return os << t.DebugString();
  }

 private:
  class Storage;
  Tensor(std::shared_ptr<Storage> storage, Shape shape, DType dtype, int64_t byte_offset)
      : storage_(std::move(storage)),
        shape_(std::move(shape)),
        dtype_(dtype),
        byte_offset_(byte_offset) {}

  std::shared_ptr<Storage> storage_;
  Shape shape_;
  DType dtype_ = DType::kFloat32;
  int64_t byte_offset_ = 0;  // Non-zero only for SliceRows views.
};

// True if both are defined with equal shape, dtype and elements (bitwise for floats but with
// +0 == -0; NaN never equal).
bool Equal(const Tensor& a, const Tensor& b);

// True if same shape and dtype and |a - b| <= atol + rtol * |b| elementwise.
bool AllClose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-6);

}  // namespace strata

#endif  // STRATA_TENSOR_TENSOR_H_
