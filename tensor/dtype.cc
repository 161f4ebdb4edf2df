// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/dtype.h"

#include "base/check.h"

namespace strata {

absl::string_view DTypeName(DType dtype) {
  switch (dtype) {
    case DType::kFloat32:
      return "float32";
    case DType::kInt32:
      return "int32";
    case DType::kInt64:
      return "int64";
  }
  STRATA_CHECK(false) << "unknown dtype " << static_cast<int>(dtype);
  return "";
}

size_t DTypeSize(DType dtype) {
  switch (dtype) {
    case DType::kFloat32:
      return sizeof(float);
    case DType::kInt32:
      return sizeof(int32_t);
    case DType::kInt64:
      return sizeof(int64_t);
  }
  STRATA_CHECK(false) << "unknown dtype " << static_cast<int>(dtype);
  return 0;
}

}  // namespace strata
