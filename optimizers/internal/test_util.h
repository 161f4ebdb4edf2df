// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_INTERNAL_TEST_UTIL_H_
#define STRATA_OPTIMIZERS_INTERNAL_TEST_UTIL_H_

// Helpers shared by the optimizer tests: variables with given values and gradients, and a
// comparison of float32 results against references computed in double.
//
//   autograd::Variable w = MakeVariable({1, 2});
//   SetGradient(w, {0.5, -1});
//   ExpectNear(Values(w), {0.95, 2.1});

#include <cmath>
#include <string>
#include <vector>

#include "autograd/variable.h"
#include "gtest/gtest.h"
#include "tensor/tensor.h"

namespace strata::optimizers::testing {

// A leaf float32 variable of shape (values.size(),) that requires grad.
inline autograd::Variable MakeVariable(const std::vector<double>& values) {
  Tensor t = Tensor::Empty({static_cast<int64_t>(values.size())});
  for (size_t i = 0; i < values.size(); ++i) t.mutable_data<float>()[i] = values[i];
  return autograd::Variable(t, /*requires_grad=*/true);
}

// Replaces the variable's gradient with `grad` (converted to float32).
inline void SetGradient(autograd::Variable& variable, const std::vector<double>& grad) {
  Tensor t = Tensor::Empty(variable.shape());
  for (size_t i = 0; i < grad.size(); ++i) t.mutable_data<float>()[i] = grad[i];
  variable.SetGrad(t);
}

// The variable's values, as double.
inline std::vector<double> Values(const autograd::Variable& variable) {
  return variable.value().ToVector<double>();
}
inline std::vector<double> Values(const Tensor& tensor) { return tensor.ToVector<double>(); }

// Expects |actual - expected| <= rtol * max(|expected|, 1e-3) elementwise: float32 results
// against double references.
inline void ExpectNear(const std::vector<double>& actual, const std::vector<double>& expected,
                       double rtol = 1e-6, const std::string& what = "") {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i], expected[i], rtol * std::max(std::abs(expected[i]), 1e-3))
        << what << " element " << i;
  }
}

}  // namespace strata::optimizers::testing

#endif  // STRATA_OPTIMIZERS_INTERNAL_TEST_UTIL_H_
