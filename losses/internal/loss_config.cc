// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/internal/loss_config.h"

#include "base/status_macros.h"

namespace strata::losses::internal {

absl::StatusOr<CommonLossConfig> ReadCommonConfig(ConfigReader& reader) {
  CommonLossConfig common;
  STRATA_ASSIGN_OR_RETURN(std::string reduction,
                          reader.GetString("reduction", "auto"));
  STRATA_ASSIGN_OR_RETURN(common.reduction, ParseReduction(reduction));
  STRATA_ASSIGN_OR_RETURN(common.name, reader.GetString("name", ""));
  return common;
}

}  // namespace strata::losses::internal
