// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_PROGBAR_H_
#define STRATA_MODELS_PROGBAR_H_

// Keras's progress display (keras.utils.Progbar), character for character:
//   verbose 1: "750/750 [==============================] - 1s 1ms/step - loss: 0.3340 - accuracy: 0.9047"
//              updated in place on a terminal, printed once at the end otherwise;
//   verbose 2: "313/313 - 0s - loss: 0.1512 - accuracy: 0.9560 - 152ms/epoch - 486us/step", at the end.
//
//   Progbar bar(750, /*verbose=*/1, std::cout, /*interactive=*/true);
//   bar.Update(1, {{"loss", 2.3}});
//   bar.Finish({{"loss", 0.33}, {"accuracy", 0.90}});

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "models/logs.h"

namespace strata {

class Progbar {
 public:
  // `target`: steps in the epoch. `interactive`: the output is a terminal (in-place updates).
  Progbar(int64_t target, int verbose, std::ostream& out, bool interactive);

  // After step `current` (1-based): redraws the bar on a terminal, at most every 50 ms.
  void Update(int64_t current, const Logs& logs);
  // The final line, with the epoch's time.
  void Finish(const Logs& logs);

  // Keras's number format: "%.4f", or "%.4e" below 1e-3 in magnitude.
  static std::string FormatValue(double value);
  // Keras's time per unit: "3s/step", "907us/step", "152ms/epoch".
  static std::string FormatTime(double seconds, const std::string& unit);

 private:
  std::string BarText(int64_t current) const;
  std::string ValuesText(const Logs& logs) const;

  int64_t target_;
  int verbose_;
  std::ostream& out_;
  bool interactive_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace strata

#endif  // STRATA_MODELS_PROGBAR_H_
