// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_LOGS_H_
#define STRATA_MODELS_LOGS_H_

// Logs are the loss and metric values of a step, an epoch or an evaluation, in display order
// (Keras's logs dict keeps insertion order): {{"loss", 0.33}, {"accuracy", 0.90}, ...}.
//
//   const double* loss = FindLog(logs, "val_loss");
//   SetLog(logs, "lr", 1e-3);

#include <string>
#include <utility>
#include <vector>

namespace strata {

using Logs = std::vector<std::pair<std::string, double>>;

// The value of `key`, or nullptr.
inline const double* FindLog(const Logs& logs, const std::string& key) {
  for (const auto& [k, v] : logs) {
    if (k == key) return &v;
  }
  return nullptr;
}

// Sets `key`, appending it if new.
inline void SetLog(Logs& logs, const std::string& key, double value) {
  for (auto& [k, v] : logs) {
    if (k == key) {
      v = value;
      return;
    }
  }
  logs.emplace_back(key, value);
}

}  // namespace strata

#endif  // STRATA_MODELS_LOGS_H_
