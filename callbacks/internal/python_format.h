// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_INTERNAL_PYTHON_FORMAT_H_
#define STRATA_CALLBACKS_INTERNAL_PYTHON_FORMAT_H_

// Numbers formatted as Python's str(float) does, so that the files and
// messages the callbacks write read exactly like Keras's: the shortest digits
// that round-trip, fixed notation for exponents in [-4, 16), else scientific
// with a signed two-digit exponent.
//
//   FormatPythonFloat(0.1);     // "0.1"
//   FormatPythonFloat(2.0);     // "2.0"
//   FormatPythonFloat(1e-05);   // "1e-05"

#include <string>

namespace strata::callbacks::internal {

// Python's repr(value) / str(value) of a float: "nan", "inf", "-inf" too.
std::string FormatPythonFloat(double value);

}  // namespace strata::callbacks::internal

#endif  // STRATA_CALLBACKS_INTERNAL_PYTHON_FORMAT_H_
