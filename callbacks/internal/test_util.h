// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_INTERNAL_TEST_UTIL_H_
#define STRATA_CALLBACKS_INTERNAL_TEST_UTIL_H_

// Tiny models and data shared by the callback tests.
//
//   auto model = LineModel(0.1).value();   // y = w * x, w starts at 0, SGD.
//   LineData data = MakeLineData(64, /*slope=*/2.0, /*seed=*/1);

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "models/model.h"
#include "models/training.h"
#include "tensor/tensor.h"

namespace strata::callbacks::testing {

// x ~ N(0, 1) of shape (n, 1) and y = slope * x.
struct LineData {
  Tensor x, y;
};
LineData MakeLineData(int64_t n, double slope, uint64_t seed);

// Input(1) -> Dense(1, no bias, kernel 0), compiled with SGD(learning_rate)
// and the mean squared error unless `compile` is false. Clears the session.
absl::StatusOr<std::shared_ptr<Model>> LineModel(double learning_rate,
                                                 bool compile = true);

// The model's only weight, w.
float Slope(const Model& model);

// Records a deep copy of the model's weights at each epoch end.
class WeightRecorder final : public Callback {
 public:
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;
  // Per epoch, the values of Model::weights().
  std::vector<std::vector<Tensor>> weights;
};

}  // namespace strata::callbacks::testing

#endif  // STRATA_CALLBACKS_INTERNAL_TEST_UTIL_H_
