// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/adam.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "tensor/parallel.h"

namespace strata::optimizers {
namespace {

struct AdamConstants {
  float alpha, one_minus_beta_1, one_minus_beta_2, epsilon;
  GradientClip clip;
};

// Keras's dense update_step, operation by operation, in float32. Templated so that the
// amsgrad branch is not in the loop.
template <bool kAmsgrad>
void AdamStep(float* w, float* m, float* v, float* vhat, const float* g, int64_t begin, int64_t end,
              AdamConstants c) {
  for (int64_t i = begin; i < end; ++i) {
    const float gi = c.clip(g[i]);
    m[i] += (gi - m[i]) * c.one_minus_beta_1;
    v[i] += (gi * gi - v[i]) * c.one_minus_beta_2;
    float second_moment = v[i];
    if constexpr (kAmsgrad) {
      vhat[i] = std::max(vhat[i], v[i]);
      second_moment = vhat[i];
    }
    w[i] -= (m[i] * c.alpha) / (std::sqrt(second_moment) + c.epsilon);
  }
}

AdamOptions ToAdamOptions(AdamWOptions options) {
  return AdamOptions{.learning_rate = options.learning_rate,
                     .learning_rate_schedule = std::move(options.learning_rate_schedule),
                     .beta_1 = options.beta_1,
                     .beta_2 = options.beta_2,
                     .epsilon = options.epsilon,
                     .amsgrad = options.amsgrad,
                     .weight_decay = options.weight_decay,
                     .clipnorm = options.clipnorm,
                     .clipvalue = options.clipvalue,
                     .global_clipnorm = options.global_clipnorm,
                     .name = std::move(options.name)};
}

}  // namespace

Adam::Adam(AdamOptions options)
    : Optimizer(CommonOptionsOf(options),
                options.amsgrad
                    ? std::vector<SlotSpec>{{.name = "m"}, {.name = "v"}, {.name = "vhat"}}
                    : std::vector<SlotSpec>{{.name = "m"}, {.name = "v"}}),
      options_(std::move(options)) {}

absl::Status Adam::ValidateAdamOptions(absl::string_view class_name, const AdamOptions& options) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  STRATA_RETURN_IF_ERROR(ValidateCommonOptions(class_name, CommonOptionsOf(options)));
  STRATA_RETURN_IF_ERROR(CheckInRange(class_name, "beta_1", options.beta_1, 0, 1, false));
  STRATA_RETURN_IF_ERROR(CheckInRange(class_name, "beta_2", options.beta_2, 0, 1, false));
  return CheckInRange(class_name, "epsilon", options.epsilon, 0, kInf, false);
}

absl::StatusOr<std::unique_ptr<Adam>> Adam::Create(AdamOptions options) {
  if (options.name.empty()) options.name = "Adam";
  STRATA_RETURN_IF_ERROR(ValidateAdamOptions("Adam", options));
  return std::unique_ptr<Adam>(new Adam(std::move(options)));
}

absl::StatusOr<std::unique_ptr<Adam>> Adam::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "Adam");
  AdamOptions options;
  CommonOptions common = CommonOptionsOf(options);
  STRATA_RETURN_IF_ERROR(ReadCommonConfig(config, reader, common));
  SetCommonOptions(std::move(common), options);
  STRATA_ASSIGN_OR_RETURN(options.beta_1, reader.GetFloat("beta_1", options.beta_1));
  STRATA_ASSIGN_OR_RETURN(options.beta_2, reader.GetFloat("beta_2", options.beta_2));
  STRATA_ASSIGN_OR_RETURN(options.epsilon, reader.GetFloat("epsilon", options.epsilon));
  STRATA_ASSIGN_OR_RETURN(options.amsgrad, reader.GetBool("amsgrad", options.amsgrad));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

ConfigDict Adam::GetConfig() const {
  ConfigDict config = Optimizer::GetConfig();
  ConfigWriter writer(&config);
  writer.SetFloat("beta_1", options_.beta_1);
  writer.SetFloat("beta_2", options_.beta_2);
  writer.SetFloat("epsilon", options_.epsilon);
  writer.SetBool("amsgrad", options_.amsgrad);
  return config;
}

void Adam::Update(const UpdateContext& context, float* value, const float* grad,
                  float* const* slots, int64_t size) {
  // Keras computes alpha in float32 from float32 powers; double here, rounded once.
  const double t = static_cast<double>(context.step);
  const double alpha = context.learning_rate * std::sqrt(1.0 - std::pow(options_.beta_2, t)) /
                       (1.0 - std::pow(options_.beta_1, t));
  const AdamConstants c = {.alpha = static_cast<float>(alpha),
                           .one_minus_beta_1 = static_cast<float>(1.0 - options_.beta_1),
                           .one_minus_beta_2 = static_cast<float>(1.0 - options_.beta_2),
                           .epsilon = static_cast<float>(options_.epsilon),
                           .clip = context.clip};
  float* m = slots[0];
  float* v = slots[1];
  float* vhat = options_.amsgrad ? slots[2] : nullptr;
  ParallelFor(size, kUpdateGrain, [&](int64_t begin, int64_t end) {
    if (vhat != nullptr) {
      AdamStep<true>(value, m, v, vhat, grad, begin, end, c);
    } else {
      AdamStep<false>(value, m, v, vhat, grad, begin, end, c);
    }
  });
}

absl::StatusOr<std::unique_ptr<AdamW>> AdamW::Create(AdamWOptions options) {
  if (options.name.empty()) options.name = "AdamW";
  if (!options.weight_decay.has_value()) {
    return absl::InvalidArgumentError(
        "AdamW option 'weight_decay': expected a value >= 0; received none.");
  }
  AdamOptions adam = ToAdamOptions(std::move(options));
  STRATA_RETURN_IF_ERROR(ValidateAdamOptions("AdamW", adam));
  return std::unique_ptr<AdamW>(new AdamW(std::move(adam)));
}

absl::StatusOr<std::unique_ptr<AdamW>> AdamW::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "AdamW");
  AdamWOptions options;
  CommonOptions common = CommonOptionsOf(options);
  STRATA_RETURN_IF_ERROR(ReadCommonConfig(config, reader, common));
  SetCommonOptions(std::move(common), options);
  STRATA_ASSIGN_OR_RETURN(options.beta_1, reader.GetFloat("beta_1", options.beta_1));
  STRATA_ASSIGN_OR_RETURN(options.beta_2, reader.GetFloat("beta_2", options.beta_2));
  STRATA_ASSIGN_OR_RETURN(options.epsilon, reader.GetFloat("epsilon", options.epsilon));
  STRATA_ASSIGN_OR_RETURN(options.amsgrad, reader.GetBool("amsgrad", options.amsgrad));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

}  // namespace strata::optimizers
