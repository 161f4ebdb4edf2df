// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/adagrad.h"

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "tensor/parallel.h"

namespace strata::optimizers {
namespace {

// Keras's dense update_step, operation by operation, in float32.
void AdagradStep(float* w, float* accumulator, const float* g, int64_t begin, int64_t end, float lr,
                 float epsilon, GradientClip clip) {
  for (int64_t i = begin; i < end; ++i) {
    const float gi = clip(g[i]);
    accumulator[i] += gi * gi;
    w[i] -= lr * gi / std::sqrt(accumulator[i] + epsilon);
  }
}

}  // namespace

Adagrad::Adagrad(AdagradOptions options)
    : Optimizer(CommonOptionsOf(options),
                {{.name = "accumulator", .initial_value = options.initial_accumulator_value}}),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<Adagrad>> Adagrad::Create(AdagradOptions options) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (options.name.empty()) options.name = "Adagrad";
  STRATA_RETURN_IF_ERROR(ValidateCommonOptions("Adagrad", CommonOptionsOf(options)));
  STRATA_RETURN_IF_ERROR(CheckInRange("Adagrad", "initial_accumulator_value",
                                      options.initial_accumulator_value, 0, kInf, false));
  STRATA_RETURN_IF_ERROR(CheckInRange("Adagrad", "epsilon", options.epsilon, 0, kInf, false));
  return std::unique_ptr<Adagrad>(new Adagrad(std::move(options)));
}

absl::StatusOr<std::unique_ptr<Adagrad>> Adagrad::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Adagrad");
  AdagradOptions options;
  CommonOptions common = CommonOptionsOf(options);
  STRATA_RETURN_IF_ERROR(ReadCommonConfig(config, reader, common));
  SetCommonOptions(std::move(common), options);
  STRATA_ASSIGN_OR_RETURN(
      options.initial_accumulator_value,
      reader.GetFloat("initial_accumulator_value", options.initial_accumulator_value));
  STRATA_ASSIGN_OR_RETURN(options.epsilon, reader.GetFloat("epsilon", options.epsilon));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

ConfigDict Adagrad::GetConfig() const {
  ConfigDict config = Optimizer::GetConfig();
  ConfigWriter writer(&config);
  writer.SetFloat("initial_accumulator_value", options_.initial_accumulator_value);
  writer.SetFloat("epsilon", options_.epsilon);
  return config;
}

void Adagrad::Update(const UpdateContext& context, float* value, const float* grad,
                     float* const* slots, int64_t size) {
  const float lr = static_cast<float>(context.learning_rate);
  const float epsilon = static_cast<float>(options_.epsilon);
  const GradientClip clip = context.clip;
  float* accumulator = slots[0];
  ParallelFor(size, kUpdateGrain, [&](int64_t begin, int64_t end) {
    AdagradStep(value, accumulator, grad, begin, end, lr, epsilon, clip);
  });
}

}  // namespace strata::optimizers
