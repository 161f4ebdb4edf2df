// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/random.h"

#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tensor/kernels/random.h"

namespace strata::ops {
namespace {

absl::Status CheckNormalParams(absl::string_view op, float mean, float stddev) {
  if (!std::isfinite(mean) || !std::isfinite(stddev) || stddev < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(op, ": expected a finite mean and a finite stddev >= 0; received mean ", mean,
                     ", stddev ", stddev, "."));
  }
  return absl::OkStatus();
}

}  // namespace

Tensor RandomGenerator::Uniform(const Shape& shape, float low, float high) {
  Tensor out = Tensor::Empty(shape);
  counter_ += kernels::FillUniform(seed_, counter_, out.num_elements(), low, high,
                                   out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> RandomGenerator::Normal(const Shape& shape, float mean, float stddev) {
  STRATA_RETURN_IF_ERROR(CheckNormalParams("Normal", mean, stddev));
  Tensor out = Tensor::Empty(shape);
  counter_ += kernels::FillNormal(seed_, counter_, out.num_elements(), mean, stddev,
                                  out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> RandomGenerator::TruncatedNormal(const Shape& shape, float mean,
                                                        float stddev) {
  STRATA_RETURN_IF_ERROR(CheckNormalParams("TruncatedNormal", mean, stddev));
  Tensor out = Tensor::Empty(shape);
  counter_ += kernels::FillTruncatedNormal(seed_, counter_, out.num_elements(), mean, stddev,
                                           out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> RandomGenerator::Bernoulli(const Shape& shape, float p) {
  if (!(p >= 0.0f && p <= 1.0f)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bernoulli: expected a probability p in [0, 1]; received ", p, "."));
  }
  Tensor out = Tensor::Empty(shape);
  counter_ +=
      kernels::FillBernoulli(seed_, counter_, out.num_elements(), p, out.mutable_data<float>());
  return out;
}

absl::StatusOr<Tensor> RandomGenerator::Permutation(int64_t n) {
  if (n < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("Permutation: expected n >= 0; received ", n, "."));
  }
  Tensor out = Tensor::Empty(Shape{n}, DType::kInt64);
  int64_t* p = out.mutable_data<int64_t>();
  std::iota(p, p + n, int64_t{0});
  if (n < 2) return out;
  // The random words are drawn in parallel up front; the swaps are inherently sequential.
  std::vector<uint64_t> bits(n - 1);
  counter_ += kernels::FillBits64(seed_, counter_, n - 1, bits.data());
  for (int64_t i = n - 1; i >= 1; --i) {
    // j uniform in [0, i] by multiply-high (Lemire): the bias is below (i + 1) / 2^64.
    const uint64_t j = static_cast<uint64_t>(
        (static_cast<unsigned __int128>(bits[n - 1 - i]) * static_cast<uint64_t>(i + 1)) >> 64);
    std::swap(p[i], p[j]);
  }
  return out;
}

absl::StatusOr<DropoutResult> Dropout(const Tensor& x, float rate, RandomGenerator& rng) {
  if (x.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError(
        absl::StrCat("Dropout: expected a float32 input; received ", DTypeName(x.dtype()), "."));
  }
  if (!(rate >= 0.0f && rate < 1.0f)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Dropout: expected a rate in [0, 1); received ", rate, "."));
  }
  DropoutResult result{Tensor::Empty(x.shape()), Tensor::Empty(x.shape())};
  const float scale = 1.0f / (1.0f - rate);
  rng.set_counter(rng.counter() + kernels::FillDropout(rng.seed(), rng.counter(), x.data<float>(),
                                                       x.num_elements(), rate, scale,
                                                       result.output.mutable_data<float>(),
                                                       result.mask.mutable_data<float>()));
  return result;
}

absl::StatusOr<Tensor> ApplyMask(const Tensor& x, const Tensor& mask) {
  if (x.dtype() != DType::kFloat32 || mask.dtype() != DType::kFloat32 ||
      x.shape() != mask.shape()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ApplyMask: expected float32 tensors of the same shape; received ",
                     DTypeName(x.dtype()), " ", x.shape().ToString(), " and ",
                     DTypeName(mask.dtype()), " ", mask.shape().ToString(), "."));
  }
  Tensor out = Tensor::Empty(x.shape());
  kernels::ApplyMask(x.data<float>(), mask.data<float>(), x.num_elements(),
                     out.mutable_data<float>());
  return out;
}

}  // namespace strata::ops
