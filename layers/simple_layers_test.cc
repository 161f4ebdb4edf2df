// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Activation, Dropout, Flatten and Reshape: the weightless single-input layers.
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/activation.h"
#include "layers/dropout.h"
#include "layers/flatten.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "layers/reshape.h"
#include "tensor/ops/random.h"
#include "tests/testing/layer_test_harness.h"

namespace strata {
namespace {

using ::strata::testing::RunLayerTest;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ConfigDict With(const std::string& key, const std::string& value) {
  ConfigDict config;
  ConfigWriter(&config).SetString(key, value);
  return config;
}

TEST(ActivationLayerTest, Harness) {
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Activation",
                                 .config = With("activation", "sigmoid"),
                                 .input_shapes = {{2, 3}},
                                 .expected_output_shapes = {{2, 3}}}));
}

TEST(ActivationLayerTest, SoftmaxValuesAndUnknownName) {
  auto softmax = Make<Activation>({.activation = "softmax"});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, Tensor::FromVector<float>({1, 2}, {0.0f, 0.0f}));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable y, softmax->Apply(autograd::Variable(x), {}));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(0.5f, 0.5f));
  EXPECT_THAT(Activation::Create({.activation = "sigmoidd"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("sigmoidd")));
}

TEST(DropoutLayerTest, HarnessInInference) {
  ConfigDict config;
  ConfigWriter(&config).SetFloat("rate", 0.5);
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Dropout",
                                 .config = config,
                                 .input_shapes = {{4, 3}},
                                 .expected_output_shapes = {{4, 3}}}));
}

TEST(DropoutLayerTest, TrainingDropsAndScales) {
  auto dropout = Make<Dropout>({.rate = 0.5f});
  ops::RandomGenerator rng(3);
  Tensor x = Tensor::Ones({1000});
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable y,
                              dropout->Apply(autograd::Variable(x), {.training = true, .rng = &rng}));
  int zeros = 0;
  for (float v : y.value().ToVector<float>()) {
    ASSERT_TRUE(v == 0.0f || v == 2.0f) << v;
    zeros += v == 0.0f;
  }
  EXPECT_NEAR(zeros, 500, 60);
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable same, dropout->Apply(autograd::Variable(x), {}));
  EXPECT_TRUE(Equal(same.value(), x));
  EXPECT_THAT(dropout->Apply(autograd::Variable(x), {.training = true}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("received none")));
  EXPECT_THAT(Dropout::Create({.rate = 1.0f}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received rate=1")));
}

TEST(FlattenLayerTest, Harness) {
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Flatten",
                                 .config = ConfigDict(),
                                 .input_shapes = {{2, 3, 4}},
                                 .expected_output_shapes = {{2, 12}}}));
  SymbolicTensor y = Make<Flatten>({})(Input({28, 28, 1}));
  EXPECT_EQ(y.shape().ToString(), "(None, 784)");
}

TEST(ReshapeLayerTest, HarnessAndInference) {
  ConfigDict config;
  ConfigWriter(&config).SetIntList("target_shape", {3, -1});
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Reshape",
                                 .config = config,
                                 .input_shapes = {{2, 12}},
                                 .expected_output_shapes = {{2, 3, 4}}}));
  // The seed's decoder: Reshape((4, 4, 1)) of a (None, 16) code.
  SymbolicTensor y = Make<Reshape>({.target_shape = {4, 4, 1}})(Input({16}));
  EXPECT_EQ(y.shape().ToString(), "(None, 4, 4, 1)");
  SymbolicTensor bad = Make<Reshape>({.target_shape = {5, 5}, .name = "r"})(Input({16}));
  EXPECT_THAT(bad.status(), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("Layer 'r' (Reshape): expected a target_shape (5, "
                                               "5) with 16 elements per sample; received")));
}

}  // namespace
}  // namespace strata
