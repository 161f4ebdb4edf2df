// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/progbar.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace strata {

Progbar::Progbar(int64_t target, int verbose, std::ostream& out, bool interactive)
    : target_(target),
      verbose_(verbose),
      out_(out),
      interactive_(interactive),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

std::string Progbar::FormatValue(double value) {
  if (std::abs(value) > 1e-3) return absl::StrFormat("%.4f", value);
  return absl::StrFormat("%.4e", value);
}

std::string Progbar::FormatTime(double seconds, const std::string& unit) {
  if (seconds >= 1 || seconds == 0) return absl::StrFormat("%.0fs/%s", seconds, unit);
  if (seconds >= 1e-3) return absl::StrFormat("%.0fms/%s", seconds * 1e3, unit);
  return absl::StrFormat("%.0fus/%s", seconds * 1e6, unit);
}

std::string Progbar::BarText(int64_t current) const {
  constexpr int kWidth = 30;
  const int digits = static_cast<int>(std::log10(static_cast<double>(target_))) + 1;
  std::string bar = absl::StrFormat("%*d/%d [", digits, current, target_);
  const int filled = static_cast<int>(kWidth * (static_cast<double>(current) / target_));
  if (filled > 0) {
    bar += std::string(filled - 1, '=');
    bar += current < target_ ? '>' : '=';
  }
  bar += std::string(kWidth - filled, '.');
  bar += ']';
  return bar;
}

std::string Progbar::ValuesText(const Logs& logs) const {
  std::string text;
  for (const auto& [key, value] : logs) absl::StrAppend(&text, " - ", key, ": ", FormatValue(value));
  return text;
}

void Progbar::Update(int64_t current, const Logs& logs) {
  if (verbose_ != 1 || !interactive_) return;
  const auto now = std::chrono::steady_clock::now();
  if (current < target_ && now - last_draw_ < std::chrono::milliseconds(50)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string eta;
  if (current < target_ && current > 0) {
    const double remaining = elapsed / current * (target_ - current);
    eta = absl::StrFormat(" - ETA: %.0fs", remaining);
  } else {
    eta = absl::StrFormat(" - %.0fs", elapsed);
  }
  out_ << "\r" << BarText(current) << eta << ValuesText(logs) << std::flush;
}

void Progbar::Finish(const Logs& logs) {
  if (verbose_ == 0) return;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double per_step = target_ > 0 ? elapsed / target_ : 0;
  if (verbose_ == 1) {
    out_ << (interactive_ ? "\r" : "") << BarText(target_)
         << absl::StrFormat(" - %.0fs ", elapsed) << FormatTime(per_step, "step")
         << ValuesText(logs) << "\n";
  } else {
    const int digits = static_cast<int>(std::log10(static_cast<double>(target_))) + 1;
    out_ << absl::StrFormat("%*d/%d - %.0fs", digits, target_, target_, elapsed)
         << ValuesText(logs) << " - " << FormatTime(elapsed, "epoch") << " - "
         << FormatTime(per_step, "step") << "\n";
  }
  out_ << std::flush;
}

}  // namespace strata
