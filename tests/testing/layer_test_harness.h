// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TESTS_TESTING_LAYER_TEST_HARNESS_H_
#define STRATA_TESTS_TESTING_LAYER_TEST_HARNESS_H_

// Keras's layer test harness (layer_test), for every built-in layer: from a class name and a
// config it
//   1. creates the layer through the registry (FromConfig);
//   2. calls it eagerly on random inputs and checks the output shapes and weight counts;
//   3. calls it on symbolic inputs (unknown batch) and checks the symbolic output shapes;
//   4. round-trips the config (GetConfig -> FromConfig -> GetConfig, equal) and the weights
//      (a layer rebuilt from the config, given the same weights, computes the same outputs);
//   5. checks the gradients of the inputs and weights by finite differences.
//
//   STRATA_ASSERT_OK(RunLayerTest({.class_name = "Dense",
//                                  .config = DenseConfig(4),
//                                  .input_shapes = {{2, 3}},
//                                  .expected_output_shapes = {{2, 4}},
//                                  .expected_trainable_weights = 2}));

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "layers/config.h"
#include "tensor/tensor.h"

namespace strata::testing {

struct LayerTestSpec {
  std::string class_name;
  ConfigDict config;
  std::vector<Shape> input_shapes;         // Concrete, batch included.
  std::vector<DType> input_dtypes;         // Default float32 for each input.
  int64_t max_integer_input = 10;          // Integer inputs are drawn from [0, this).
  std::vector<Shape> expected_output_shapes;
  int expected_trainable_weights = 0;
  int expected_non_trainable_weights = 0;
  bool training = false;                   // The mode of the calls.
  bool check_gradients = true;
  float input_low = -1.0f;                 // Float inputs are uniform in [low, high).
  float input_high = 1.0f;
};

absl::Status RunLayerTest(const LayerTestSpec& spec);

}  // namespace strata::testing

#endif  // STRATA_TESTS_TESTING_LAYER_TEST_HARNESS_H_
