// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/internal/test_util.h"

#include <memory>

#include "base/status_macros.h"
#include "layers/dense.h"
#include "layers/initializers.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "optimizers/sgd.h"
#include "tensor/ops/random.h"

namespace strata::callbacks::testing {

LineData MakeLineData(int64_t n, double slope, uint64_t seed) {
  ops::RandomGenerator rng(seed);
  Tensor x = rng.Normal({n, 1}).value();
  Tensor y = Tensor::Empty({n, 1});
  for (int64_t i = 0; i < n; ++i) {
    y.mutable_data<float>()[i] = static_cast<float>(slope * x.data<float>()[i]);
  }
  return {x, y};
}

absl::StatusOr<std::shared_ptr<Model>> LineModel(double learning_rate,
                                                 bool compile) {
  ClearSession();
  SetRandomSeed(1);
  SymbolicTensor in = Input({1}, "x");
  SymbolicTensor out = Make<Dense>({.units = 1,
                                    .use_bias = false,
                                    .kernel_initializer = Initializer::Zeros(),
                                    .name = "line"})(in);
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Model> model,
                          Model::Create(in, out, "line_model"));
  if (!compile) return model;
  STRATA_ASSIGN_OR_RETURN(
      std::shared_ptr<optimizers::Optimizer> sgd,
      optimizers::SGD::Create({.learning_rate = learning_rate}));
  STRATA_RETURN_IF_ERROR(model->Compile({.optimizer = sgd, .loss = {"mse"}}));
  return model;
}

float Slope(const Model& model) {
  return model.weights()[0].variable.value().data<float>()[0];
}

absl::Status WeightRecorder::OnEpochEnd(int epoch, const Logs& logs) {
  std::vector<Tensor>& copies = weights.emplace_back();
  for (const Weight& weight : model().weights()) {
    copies.push_back(weight.variable.value().Clone());
  }
  return absl::OkStatus();
}

}  // namespace strata::callbacks::testing
