// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/tensor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata {

// One aligned allocation. Never resized: a tensor of another size gets new storage.
class Tensor::Storage {
 public:
  explicit Storage(size_t bytes)
      : bytes_(bytes),
        data_(::operator new(std::max<size_t>(bytes, 1), std::align_val_t(kTensorAlignment))) {}
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage() { ::operator delete(data_, std::align_val_t(kTensorAlignment)); }

  void* data() { return data_; }
  size_t bytes() const { return bytes_; }

 private:
  size_t bytes_;
  void* data_;
};

namespace {

template <typename T>
void FillAs(void* data, int64_t n, double value) {
  std::fill_n(static_cast<T*>(data), n, static_cast<T>(value));
}

// Reads element i of a tensor of any dtype as a double.
double ElementAsDouble(const Tensor& t, int64_t i) {
  switch (t.dtype()) {
    case DType::kFloat32:
      return t.data<float>()[i];
    case DType::kInt32:
      return t.data<int32_t>()[i];
    case DType::kInt64:
      return static_cast<double>(t.data<int64_t>()[i]);
  }
  return 0;
}

}  // namespace

Tensor Tensor::Empty(const Shape& shape, DType dtype) {
  return Tensor(std::make_shared<Storage>(shape.num_elements() * DTypeSize(dtype)), shape, dtype,
                0);
}

Tensor Tensor::Zeros(const Shape& shape, DType dtype) {
  Tensor t = Empty(shape, dtype);
  std::memset(t.raw_data(), 0, t.num_bytes());
  return t;
}

Tensor Tensor::Ones(const Shape& shape, DType dtype) { return Full(shape, 1.0, dtype); }

Tensor Tensor::Full(const Shape& shape, double value, DType dtype) {
  Tensor t = Empty(shape, dtype);
  switch (dtype) {
    case DType::kFloat32:
      FillAs<float>(t.raw_data(), t.num_elements(), value);
      break;
    case DType::kInt32:
      FillAs<int32_t>(t.raw_data(), t.num_elements(), value);
      break;
    case DType::kInt64:
      FillAs<int64_t>(t.raw_data(), t.num_elements(), value);
      break;
  }
  return t;
}

Tensor Tensor::Scalar(float value) { return Full(Shape(), value); }

template <typename T>
absl::StatusOr<Tensor> Tensor::FromVector(const Shape& shape, absl::Span<const T> values) {
  if (static_cast<int64_t>(values.size()) != shape.num_elements()) {
    return absl::InvalidArgumentError(
        absl::StrCat("Tensor::FromVector: expected ", shape.num_elements(),
                     " values for shape ", shape.ToString(), "; received ", values.size(), "."));
  }
  Tensor t = Empty(shape, DTypeOf<T>());
  if (!values.empty()) std::memcpy(t.raw_data(), values.data(), values.size() * sizeof(T));
  return t;
}

template absl::StatusOr<Tensor> Tensor::FromVector<float>(const Shape&, absl::Span<const float>);
template absl::StatusOr<Tensor> Tensor::FromVector<int32_t>(const Shape&,
                                                            absl::Span<const int32_t>);
template absl::StatusOr<Tensor> Tensor::FromVector<int64_t>(const Shape&,
                                                            absl::Span<const int64_t>);

const void* Tensor::raw_data() const {
  STRATA_CHECK(defined()) << "data of an undefined tensor";
  return static_cast<const char*>(storage_->data()) + byte_offset_;
}

void* Tensor::raw_data() {
  STRATA_CHECK(defined()) << "data of an undefined tensor";
  return static_cast<char*>(storage_->data()) + byte_offset_;
}

template <typename T>
std::vector<T> Tensor::ToVector() const {
  std::vector<T> out(num_elements());
  if constexpr (kIsTensorElement<T>) {
    if (dtype_ == DTypeOf<T>()) {
      if (!out.empty()) std::memcpy(out.data(), raw_data(), num_bytes());
      return out;
    }
  }
  for (int64_t i = 0; i < num_elements(); ++i) out[i] = static_cast<T>(ElementAsDouble(*this, i));
  return out;
}

template std::vector<float> Tensor::ToVector<float>() const;
template std::vector<double> Tensor::ToVector<double>() const;
template std::vector<int32_t> Tensor::ToVector<int32_t>() const;
template std::vector<int64_t> Tensor::ToVector<int64_t>() const;

template <typename T>
absl::StatusOr<T> Tensor::Item() const {
  if (!defined() || num_elements() != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Tensor::Item: expected a tensor with one element; received shape ",
        defined() ? shape_.ToString() : "undefined", "."));
  }
  return static_cast<T>(ElementAsDouble(*this, 0));
}

template absl::StatusOr<float> Tensor::Item<float>() const;
template absl::StatusOr<double> Tensor::Item<double>() const;
template absl::StatusOr<int32_t> Tensor::Item<int32_t>() const;
template absl::StatusOr<int64_t> Tensor::Item<int64_t>() const;

Tensor Tensor::Clone() const {
  if (!defined()) return Tensor();
  Tensor copy = Empty(shape_, dtype_);
  if (num_bytes() > 0) std::memcpy(copy.raw_data(), raw_data(), num_bytes());
  return copy;
}

Tensor Tensor::Cast(DType dtype) const {
  if (dtype == dtype_) return Clone();
  Tensor out = Empty(shape_, dtype);
  const int64_t n = num_elements();
  switch (dtype) {
    case DType::kFloat32: {
      float* dst = out.mutable_data<float>();
      for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<float>(ElementAsDouble(*this, i));
      break;
    }
    case DType::kInt32: {
      int32_t* dst = out.mutable_data<int32_t>();
      for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<int32_t>(ElementAsDouble(*this, i));
      break;
    }
    case DType::kInt64: {
      int64_t* dst = out.mutable_data<int64_t>();
      for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<int64_t>(ElementAsDouble(*this, i));
      break;
    }
  }
  return out;
}

absl::StatusOr<Tensor> Tensor::Reshape(absl::Span<const int64_t> dims) const {
  std::vector<int64_t> resolved(dims.begin(), dims.end());
  int inferred = -1;
  int64_t known = 1;
  for (int i = 0; i < static_cast<int>(resolved.size()); ++i) {
    if (resolved[i] == -1 && inferred < 0) {
      inferred = i;
    } else if (resolved[i] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Reshape: expected dimensions >= 0 and at most one -1; received (",
          absl::StrJoin(dims, ", "), ")."));
    } else {
      known *= resolved[i];
    }
  }
  if (inferred >= 0) {
    if (known == 0 || num_elements() % known != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Reshape: cannot infer the -1 dimension of (", absl::StrJoin(dims, ", "),
          ") for a tensor of shape ", shape_.ToString(), "."));
    }
    resolved[inferred] = num_elements() / known;
    known *= resolved[inferred];
  }
  if (known != num_elements()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Reshape: expected a shape with ", num_elements(), " elements (from ",
        shape_.ToString(), "); received (", absl::StrJoin(dims, ", "), ") with ", known, "."));
  }
  return Tensor(storage_, Shape(resolved), dtype_, byte_offset_);
}

absl::StatusOr<Tensor> Tensor::SliceRows(int64_t begin, int64_t end) const {
  if (rank() == 0 || begin < 0 || begin > end || end > dim(0)) {
    return absl::OutOfRangeError(absl::StrCat(
        "SliceRows: expected 0 <= begin <= end <= ", rank() == 0 ? 0 : dim(0),
        " for shape ", shape_.ToString(), "; received [", begin, ", ", end, ")."));
  }
  std::vector<int64_t> dims = shape_.ToVector();
  const int64_t row_bytes = num_elements() == 0 ? 0 : num_bytes() / dims[0];
  dims[0] = end - begin;
  return Tensor(storage_, Shape(dims), dtype_, byte_offset_ + begin * row_bytes);
}

std::string Tensor::DebugString() const {
  if (!defined()) return "Tensor(undefined)";
  constexpr int64_t kMaxShown = 20;
  const int64_t n = num_elements();
  std::vector<std::string> items;
  for (int64_t i = 0; i < std::min(n, kMaxShown); ++i) {
    items.push_back(absl::StrCat(ElementAsDouble(*this, i)));
  }
  if (n > kMaxShown) items.push_back("...");
  return absl::StrCat("Tensor(shape=", shape_.ToString(), ", dtype=", DTypeName(dtype_), ", [",
                      absl::StrJoin(items, ", "), "])");
}

bool Equal(const Tensor& a, const Tensor& b) {
  if (!a.defined() || !b.defined()) return false;
  if (a.shape() != b.shape() || a.dtype() != b.dtype()) return false;
  for (int64_t i = 0; i < a.num_elements(); ++i) {
    if (ElementAsDouble(a, i) != ElementAsDouble(b, i)) return false;
  }
  return true;
}

bool AllClose(const Tensor& a, const Tensor& b, double rtol, double atol) {
  if (!a.defined() || !b.defined()) return false;
  if (a.shape() != b.shape() || a.dtype() != b.dtype()) return false;
  for (int64_t i = 0; i < a.num_elements(); ++i) {
    const double x = ElementAsDouble(a, i);
    const double y = ElementAsDouble(b, i);
    if (!(std::abs(x - y) <= atol + rtol * std::abs(y))) return false;
  }
  return true;
}

}  // namespace strata
