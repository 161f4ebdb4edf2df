// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_LOSS_TEST_UTIL_H_
#define STRATA_LOSSES_LOSS_TEST_UTIL_H_

// Test helpers for losses: tensors from literals, the value and the gradient
// of a loss call, and the finite-difference check of a loss w.r.t. y_pred.
//
//   Tensor y = Floats({2, 2}, {0, 1, 0, 0});
//   EXPECT_NEAR(*ValueOf(loss, y, p), 0.5, 1e-6);
//   STRATA_EXPECT_OK(CheckLossGradient(loss, y, p));

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "autograd/gradcheck.h"
#include "autograd/variable.h"
#include "losses/loss.h"
#include "tensor/tensor.h"

namespace strata::losses::testing {

inline Tensor Floats(const Shape& shape, std::vector<float> values) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(values)).value();
}

inline Tensor Ints64(const Shape& shape, std::vector<int64_t> values) {
  return Tensor::FromVector<int64_t>(shape, absl::MakeConstSpan(values))
      .value();
}

inline Tensor Ints32(const Shape& shape, std::vector<int32_t> values) {
  return Tensor::FromVector<int32_t>(shape, absl::MakeConstSpan(values))
      .value();
}

// The scalar value of loss(y_true, y_pred, sample_weight).
inline absl::StatusOr<double> ValueOf(const Loss& loss, const Tensor& y_true,
                                      const Tensor& y_pred,
                                      const Tensor* sample_weight = nullptr) {
  absl::StatusOr<autograd::Variable> v =
      loss(y_true, autograd::Variable(y_pred), sample_weight);
  if (!v.ok()) return v.status();
  return v->value().Item<double>();
}

// The per-sample losses as a vector.
inline absl::StatusOr<std::vector<float>> PerSampleOf(const Loss& loss,
                                                      const Tensor& y_true,
                                                      const Tensor& y_pred) {
  absl::StatusOr<autograd::Variable> v =
      loss.PerSample(y_true, autograd::Variable(y_pred));
  if (!v.ok()) return v.status();
  return v->value().ToVector<float>();
}

// d(loss(y_true, y_pred, sample_weight))/d(y_pred) for a scalar loss.
inline absl::StatusOr<Tensor> GradOf(const Loss& loss, const Tensor& y_true,
                                     const Tensor& y_pred,
                                     const Tensor* sample_weight = nullptr) {
  autograd::Variable pred(y_pred, /*requires_grad=*/true);
  absl::StatusOr<autograd::Variable> v = loss(y_true, pred, sample_weight);
  if (!v.ok()) return v.status();
  absl::Status s = v->Backward();
  if (!s.ok()) return s;
  return pred.grad();
}

// Finite-difference checks of both operator() (with `sample_weight`) and
// PerSample w.r.t. y_pred.
inline absl::Status CheckLossGradient(const Loss& loss, const Tensor& y_true,
                                      const Tensor& y_pred,
                                      const Tensor* sample_weight = nullptr) {
  absl::Status s = autograd::GradCheck(
      [&](absl::Span<const autograd::Variable> in) {
        return loss(y_true, in[0], sample_weight);
      },
      {y_pred});
  if (!s.ok()) return s;
  return autograd::GradCheck(
      [&](absl::Span<const autograd::Variable> in) {
        return loss.PerSample(y_true, in[0]);
      },
      {y_pred});
}

}  // namespace strata::losses::testing

#endif  // STRATA_LOSSES_LOSS_TEST_UTIL_H_
