// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/internal/python_format.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace strata::callbacks::internal {
namespace {

// Expected strings are Python 3's repr() of the same doubles.
TEST(PythonFormatTest, FixedNotationForModerateExponents) {
  EXPECT_EQ(FormatPythonFloat(0.1), "0.1");
  EXPECT_EQ(FormatPythonFloat(2.0), "2.0");
  EXPECT_EQ(FormatPythonFloat(0.0), "0.0");
  EXPECT_EQ(FormatPythonFloat(-0.0), "-0.0");
  EXPECT_EQ(FormatPythonFloat(-1.5), "-1.5");
  EXPECT_EQ(FormatPythonFloat(0.0001), "0.0001");
  EXPECT_EQ(FormatPythonFloat(123.456), "123.456");
  EXPECT_EQ(FormatPythonFloat(100.0), "100.0");
  EXPECT_EQ(FormatPythonFloat(1e15), "1000000000000000.0");
  EXPECT_EQ(FormatPythonFloat(0.6931471805599453), "0.6931471805599453");
  EXPECT_EQ(FormatPythonFloat(static_cast<double>(0.1f)),
            "0.10000000149011612");
}

TEST(PythonFormatTest, ScientificNotationOutsideThem) {
  EXPECT_EQ(FormatPythonFloat(1e-05), "1e-05");
  EXPECT_EQ(FormatPythonFloat(1.5e-07), "1.5e-07");
  EXPECT_EQ(FormatPythonFloat(1e16), "1e+16");
  EXPECT_EQ(FormatPythonFloat(-2.5e100), "-2.5e+100");
  EXPECT_EQ(FormatPythonFloat(5e-324), "5e-324");
}

TEST(PythonFormatTest, NonFinite) {
  EXPECT_EQ(FormatPythonFloat(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(FormatPythonFloat(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FormatPythonFloat(-std::numeric_limits<double>::infinity()),
            "-inf");
}

}  // namespace
}  // namespace strata::callbacks::internal
