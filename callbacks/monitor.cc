// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/monitor.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata::callbacks {

absl::string_view ModeName(Mode mode) {
  switch (mode) {
    case Mode::kAuto:
      return "auto";
    case Mode::kMin:
      return "min";
    case Mode::kMax:
      return "max";
  }
  return "unknown";
}

bool HigherIsBetter(Mode mode, absl::string_view monitor) {
  switch (mode) {
    case Mode::kMin:
      return false;
    case Mode::kMax:
      return true;
    case Mode::kAuto:
      break;
  }
  // Containment rather than tf.keras's EarlyStopping suffix test, so that
  // Keras's deduplicated metric names ("val_auc_1") also count as "higher is
  // better"; ReduceLROnPlateau in tf.keras already tests containment.
  return absl::StrContains(monitor, "acc") || absl::StrContains(monitor, "auc");
}

absl::StatusOr<double> FindMonitor(absl::string_view callback,
                                   const std::string& monitor,
                                   const Logs& logs) {
  if (const double* value = FindLog(logs, monitor)) return *value;
  std::vector<std::string> keys;
  keys.reserve(logs.size());
  for (const auto& [key, value] : logs) keys.push_back(key);
  std::string hint =
      absl::StartsWith(monitor, "val_")
          ? " Pass validation data (validation_split or validation_x/_y) to "
            "Fit, or monitor one of the available keys."
          : " Monitor one of the available keys.";
  return absl::InvalidArgumentError(absl::StrCat(
      callback, " monitor '", monitor,
      "': expected a key of the epoch logs; received logs with keys [",
      absl::StrJoin(keys, ", "), "].", hint));
}

}  // namespace strata::callbacks
