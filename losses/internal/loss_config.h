// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_INTERNAL_LOSS_CONFIG_H_
#define STRATA_LOSSES_INTERNAL_LOSS_CONFIG_H_

// Private to //losses: reading the config keys every Keras loss has.
//
//   ConfigReader r(config, "Huber");
//   STRATA_ASSIGN_OR_RETURN(CommonLossConfig common, ReadCommonConfig(r));
//   STRATA_ASSIGN_OR_RETURN(double delta, r.GetFloat("delta", 1.0));
//   STRATA_RETURN_IF_ERROR(r.Finish());

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "layers/config.h"
#include "losses/loss.h"

namespace strata::losses::internal {

struct CommonLossConfig {
  Reduction reduction = Reduction::kAuto;
  std::string name;  // Empty if absent: the class's default name.
};

// Reads "reduction" (default "auto") and "name" (default empty).
absl::StatusOr<CommonLossConfig> ReadCommonConfig(ConfigReader& reader);

// `name`, or `default_name` if it is empty (options leave names empty).
inline std::string NameOrDefault(const std::string& name,
                                 absl::string_view default_name) {
  return name.empty() ? std::string(default_name) : name;
}

}  // namespace strata::losses::internal

#endif  // STRATA_LOSSES_INTERNAL_LOSS_CONFIG_H_
