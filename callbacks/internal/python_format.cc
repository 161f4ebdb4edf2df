// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/internal/python_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace strata::callbacks::internal {

std::string FormatPythonFloat(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // std::to_chars in scientific form without a precision gives the shortest
  // round-tripping digits (what Python's repr uses); only the layout differs.
  char buffer[64];
  const std::to_chars_result result = std::to_chars(
      buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string text(buffer, result.ptr);
  std::string sign;
  if (text[0] == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  const size_t e = text.find('e');
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits += text[i];
  }
  const int num_digits = static_cast<int>(digits.size());
  if (exponent >= -4 && exponent < 16) {
    const int point = exponent + 1;  // Digits before the decimal point.
    if (point <= 0) return sign + "0." + std::string(-point, '0') + digits;
    if (point >= num_digits) {
      return sign + digits + std::string(point - num_digits, '0') + ".0";
    }
    return sign + digits.substr(0, point) + "." + digits.substr(point);
  }
  std::string mantissa = digits.substr(0, 1);
  if (num_digits > 1) mantissa += "." + digits.substr(1);
  std::string exponent_digits = std::to_string(std::abs(exponent));
  if (exponent_digits.size() < 2) exponent_digits.insert(0, "0");
  return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponent_digits;
}

}  // namespace strata::callbacks::internal
