// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_METRICS_INTERNAL_INPUTS_H_
#define STRATA_METRICS_INTERNAL_INPUTS_H_

// Private to //metrics: validating a metric's inputs and reading them
// without copies, whatever their dtype.
//
//   STRATA_RETURN_IF_ERROR(CheckSameShape("Accuracy", y_true, y_pred));
//   STRATA_ASSIGN_OR_RETURN(Weights w, ViewWeights("Accuracy", sample_weight,
//                                                  y_pred.shape(), n));
//   const Values t(y_true);
//   for (int64_t i = 0; i < n; ++i) state.Add(t[i] == p[i], w.At(i));

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

namespace strata::metrics::internal {

// Elements of a float32, int32 or int64 tensor read as float (Keras casts
// every metric input to float32 first).
class Values {
 public:
  Values() = default;
  // `t` must outlive the view.
  explicit Values(const Tensor& t) : dtype_(t.dtype()), data_(t.raw_data()) {}
  float operator[](int64_t i) const {
    switch (dtype_) {
      case DType::kInt32:
        return static_cast<float>(static_cast<const int32_t*>(data_)[i]);
      case DType::kInt64:
        return static_cast<float>(static_cast<const int64_t*>(data_)[i]);
      case DType::kFloat32:
        break;
    }
    return static_cast<const float*>(data_)[i];
  }

 private:
  DType dtype_ = DType::kFloat32;
  const void* data_ = nullptr;
};

// Sample weights broadcast over a metric's values: value i has weight
// At(i); every weight is 1 without sample_weight.
class Weights {
 public:
  Weights() = default;
  // `w` must outlive the view.
  Weights(const Tensor& w, int64_t divisor)
      : values_(w), present_(true), divisor_(divisor) {}
  bool present() const { return present_; }
  double At(int64_t i) const {
    return present_ ? static_cast<double>(values_[i / divisor_]) : 1.0;
  }

 private:
  Values values_;
  bool present_ = false;
  int64_t divisor_ = 1;
};

// The weighted mean most metrics report: sum(value * weight) / sum(weight),
// 0 while the weights sum to 0 (Keras's divide_no_nan).
struct WeightedMean {
  double total = 0;
  double count = 0;
  void Add(double value, double weight) {
    total += value * weight;
    count += weight;
  }
  double Result() const { return count != 0 ? total / count : 0.0; }
};

// InvalidArgument unless `t` is defined; `what` names it ("y_true").
absl::Status CheckDefined(absl::string_view metric, absl::string_view what,
                          const Tensor& t);

// True if the shapes are equal or differ by one trailing axis of size 1
// (Keras's squeeze_or_expand_dimensions): the same elements in the same
// order.
bool SameUpToTrailingOne(const Shape& a, const Shape& b);

// Both defined and of the same shape up to a trailing 1; else InvalidArgument
// naming both shapes.
absl::Status CheckSameShape(absl::string_view metric, const Tensor& y_true,
                            const Tensor& y_pred);

// y_pred of rank >= 2 (..., classes) and y_true its one-label-per-row shape
// (y_pred's shape without the last axis, or with it as 1).
absl::Status CheckSparseShapes(absl::string_view metric, const Tensor& y_true,
                               const Tensor& y_pred);

// Views optional sample weights over `num_values` per-sample values of shape
// `values_shape` whose first axis is the batch: a scalar, (batch,),
// (batch, 1) or `values_shape` (up to a trailing 1). InvalidArgument
// otherwise.
absl::StatusOr<Weights> ViewWeights(absl::string_view metric,
                                    const Tensor* sample_weight,
                                    const Shape& values_shape);

// `shape` without its last axis; a rank-1 shape (n,) stays (n,): each element
// is then a sample, as for (n, 1).
Shape PerSampleShape(const Shape& shape);

}  // namespace strata::metrics::internal

#endif  // STRATA_METRICS_INTERNAL_INPUTS_H_
