// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/rmsprop.h"

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "tensor/parallel.h"

namespace strata::optimizers {
namespace {

struct RMSpropConstants {
  float lr, rho, one_minus_rho, momentum, epsilon;
  GradientClip clip;
};

// Keras's dense update_step, operation by operation, in float32; Keras multiplies by
// tf.math.rsqrt(denominator), written here as 1 / sqrt (what rsqrt computes on CPU).
// Templated so each variant's loop has no branches and vectorizes.
template <bool kCentered, bool kMomentum>
void RMSpropStep(float* w, float* velocity, float* momentum, float* average, const float* g,
                 int64_t begin, int64_t end, RMSpropConstants c) {
  for (int64_t i = begin; i < end; ++i) {
    const float gi = c.clip(g[i]);
    velocity[i] = c.rho * velocity[i] + c.one_minus_rho * (gi * gi);
    float denominator;
    if constexpr (kCentered) {
      average[i] = c.rho * average[i] + c.one_minus_rho * gi;
      denominator = velocity[i] - average[i] * average[i] + c.epsilon;
    } else {
      denominator = velocity[i] + c.epsilon;
    }
    const float increment = c.lr * gi * (1.0f / std::sqrt(denominator));
    if constexpr (kMomentum) {
      momentum[i] = c.momentum * momentum[i] + increment;
      w[i] += -momentum[i];
    } else {
      w[i] += -increment;
    }
  }
}

}  // namespace

// Slot order as Keras builds them: velocity, then momentum, then average_gradient.
RMSprop::RMSprop(RMSpropOptions options)
    : Optimizer(CommonOptionsOf(options),
                [&options] {
                  std::vector<SlotSpec> slots = {{.name = "velocity"}};
                  if (options.momentum > 0) slots.push_back({.name = "momentum"});
                  if (options.centered) slots.push_back({.name = "average_gradient"});
                  return slots;
                }()),
      options_(std::move(options)) {}

absl::StatusOr<std::unique_ptr<RMSprop>> RMSprop::Create(RMSpropOptions options) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (options.name.empty()) options.name = "RMSprop";
  STRATA_RETURN_IF_ERROR(ValidateCommonOptions("RMSprop", CommonOptionsOf(options)));
  STRATA_RETURN_IF_ERROR(CheckInRange("RMSprop", "rho", options.rho, 0, 1, false));
  STRATA_RETURN_IF_ERROR(CheckInRange("RMSprop", "momentum", options.momentum, 0, 1, true));
  STRATA_RETURN_IF_ERROR(CheckInRange("RMSprop", "epsilon", options.epsilon, 0, kInf, false));
  return std::unique_ptr<RMSprop>(new RMSprop(std::move(options)));
}

absl::StatusOr<std::unique_ptr<RMSprop>> RMSprop::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "RMSprop");
  RMSpropOptions options;
  CommonOptions common = CommonOptionsOf(options);
  STRATA_RETURN_IF_ERROR(ReadCommonConfig(config, reader, common));
  SetCommonOptions(std::move(common), options);
  STRATA_ASSIGN_OR_RETURN(options.rho, reader.GetFloat("rho", options.rho));
  STRATA_ASSIGN_OR_RETURN(options.momentum, reader.GetFloat("momentum", options.momentum));
  STRATA_ASSIGN_OR_RETURN(options.epsilon, reader.GetFloat("epsilon", options.epsilon));
  STRATA_ASSIGN_OR_RETURN(options.centered, reader.GetBool("centered", options.centered));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

ConfigDict RMSprop::GetConfig() const {
  ConfigDict config = Optimizer::GetConfig();
  ConfigWriter writer(&config);
  writer.SetFloat("rho", options_.rho);
  writer.SetFloat("momentum", options_.momentum);
  writer.SetFloat("epsilon", options_.epsilon);
  writer.SetBool("centered", options_.centered);
  return config;
}

void RMSprop::Update(const UpdateContext& context, float* value, const float* grad,
                     float* const* slots, int64_t size) {
  const RMSpropConstants c = {.lr = static_cast<float>(context.learning_rate),
                              .rho = static_cast<float>(options_.rho),
                              .one_minus_rho = static_cast<float>(1.0 - options_.rho),
                              .momentum = static_cast<float>(options_.momentum),
                              .epsilon = static_cast<float>(options_.epsilon),
                              .clip = context.clip};
  const bool use_momentum = options_.momentum > 0;
  float* velocity = slots[0];
  float* momentum = use_momentum ? slots[1] : nullptr;
  float* average = options_.centered ? slots[use_momentum ? 2 : 1] : nullptr;
  ParallelFor(size, kUpdateGrain, [&](int64_t begin, int64_t end) {
    if (options_.centered) {
      if (use_momentum) {
        RMSpropStep<true, true>(value, velocity, momentum, average, grad, begin, end, c);
      } else {
        RMSpropStep<true, false>(value, velocity, momentum, average, grad, begin, end, c);
      }
    } else if (use_momentum) {
      RMSpropStep<false, true>(value, velocity, momentum, average, grad, begin, end, c);
    } else {
      RMSpropStep<false, false>(value, velocity, momentum, average, grad, begin, end, c);
    }
  });
}

}  // namespace strata::optimizers
