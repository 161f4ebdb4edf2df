// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_DTYPE_H_
#define STRATA_TENSOR_DTYPE_H_

// The element types a Tensor can hold: float32 for values and gradients, int32/int64 for
// indices and labels (Embedding ids, class labels, argmax results).
//
//   Tensor labels = Tensor::Zeros({64}, DType::kInt64);
//   std::cout << DTypeName(labels.dtype());  // "int64"

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "absl/strings/string_view.h"

namespace strata {

enum class DType : int32_t {
  kFloat32 = 0,
  kInt32 = 1,
  kInt64 = 2,
};

// Keras's spelling: "float32", "int32", "int64".
absl::string_view DTypeName(DType dtype);

// Bytes per element.
size_t DTypeSize(DType dtype);

// DTypeOf<float>() == DType::kFloat32, and so on; other types do not compile.
template <typename T>
constexpr DType DTypeOf();
template <>
constexpr DType DTypeOf<float>() { return DType::kFloat32; }
template <>
constexpr DType DTypeOf<int32_t>() { return DType::kInt32; }
template <>
constexpr DType DTypeOf<int64_t>() { return DType::kInt64; }

// True for the C++ types a Tensor can hold: float, int32_t, int64_t.
template <typename T>
inline constexpr bool kIsTensorElement =
    std::is_same_v<T, float> || std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t>;

}  // namespace strata

#endif  // STRATA_TENSOR_DTYPE_H_
