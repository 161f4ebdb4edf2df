// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/sgd.h"

#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "tensor/parallel.h"

namespace strata::optimizers {
namespace {

// The kernels follow Keras's dense update_step operation by operation, in float32.

void PlainStep(float* w, const float* g, int64_t begin, int64_t end, float lr, GradientClip clip) {
  for (int64_t i = begin; i < end; ++i) w[i] += -clip(g[i]) * lr;
}

void MomentumStep(float* w, float* m, const float* g, int64_t begin, int64_t end, float lr,
                  float momentum, GradientClip clip) {
  for (int64_t i = begin; i < end; ++i) {
    const float step = -clip(g[i]) * lr;
    m[i] = step + m[i] * momentum;
    w[i] += m[i];
  }
}

void NesterovStep(float* w, float* m, const float* g, int64_t begin, int64_t end, float lr,
                  float momentum, GradientClip clip) {
  for (int64_t i = begin; i < end; ++i) {
    const float step = -clip(g[i]) * lr;
    m[i] = step + m[i] * momentum;
    w[i] += step + m[i] * momentum;
  }
}

}  // namespace

SGD::SGD(SGDOptions options)
    : Optimizer(CommonOptionsOf(options), options.momentum > 0
                                              ? std::vector<SlotSpec>{{.name = "m"}}
                                              : std::vector<SlotSpec>{}),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<SGD>> SGD::Create(SGDOptions options) {
  if (options.name.empty()) options.name = "SGD";
  STRATA_RETURN_IF_ERROR(ValidateCommonOptions("SGD", CommonOptionsOf(options)));
  STRATA_RETURN_IF_ERROR(CheckInRange("SGD", "momentum", options.momentum, 0, 1, true));
  return std::unique_ptr<SGD>(new SGD(std::move(options)));
}

absl::StatusOr<std::unique_ptr<SGD>> SGD::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "SGD");
  SGDOptions options;
  CommonOptions common = CommonOptionsOf(options);
  STRATA_RETURN_IF_ERROR(ReadCommonConfig(config, reader, common));
  SetCommonOptions(std::move(common), options);
  STRATA_ASSIGN_OR_RETURN(options.momentum, reader.GetFloat("momentum", options.momentum));
  STRATA_ASSIGN_OR_RETURN(options.nesterov, reader.GetBool("nesterov", options.nesterov));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

ConfigDict SGD::GetConfig() const {
  ConfigDict config = Optimizer::GetConfig();
  ConfigWriter writer(&config);
  writer.SetFloat("momentum", options_.momentum);
  writer.SetBool("nesterov", options_.nesterov);
  return config;
}

void SGD::Update(const UpdateContext& context, float* value, const float* grad, float* const* slots,
                 int64_t size) {
  const float lr = static_cast<float>(context.learning_rate);
  const float momentum = static_cast<float>(options_.momentum);
  const GradientClip clip = context.clip;
  // Keras 2.11+ keeps an "m" slot even without momentum (then m == -lr * g each step); strata
  // creates it only when momentum > 0, which gives the same updates.
  ParallelFor(size, kUpdateGrain, [&](int64_t begin, int64_t end) {
    if (options_.momentum == 0) {
      PlainStep(value, grad, begin, end, lr, clip);
    } else if (options_.nesterov) {
      NesterovStep(value, slots[0], grad, begin, end, lr, momentum, clip);
    } else {
      MomentumStep(value, slots[0], grad, begin, end, lr, momentum, clip);
    }
  });
}

}  // namespace strata::optimizers
