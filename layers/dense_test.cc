// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/dense.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "tests/testing/layer_test_harness.h"

namespace strata {
namespace {

using ::strata::testing::RunLayerTest;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ConfigDict DenseConfig(int64_t units, const std::string& activation = "linear") {
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetInt("units", units);
  w.SetString("activation", activation);
  return config;
}

TEST(DenseTest, Harness) {
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Dense",
                                 .config = DenseConfig(4, "tanh"),
                                 .input_shapes = {{2, 3}},
                                 .expected_output_shapes = {{2, 4}},
                                 .expected_trainable_weights = 2}));
}

TEST(DenseTest, HarnessOnRank3Input) {
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Dense",
                                 .config = DenseConfig(2),
                                 .input_shapes = {{2, 5, 3}},
                                 .expected_output_shapes = {{2, 5, 2}},
                                 .expected_trainable_weights = 2}));
}

TEST(DenseTest, HandComputedValues) {
  auto dense = Make<Dense>({.units = 2,
                            .activation = "relu",
                            .kernel_initializer = Initializer::Ones(),
                            .bias_initializer = Initializer::Constant(-4)});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, Tensor::FromVector<float>({2, 3}, {1, 2, 3, 0, 1, 0}));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable y, dense->Apply(autograd::Variable(x), {}));
  // [1+2+3-4, 0+1+0-4] -> relu -> [2, 0] per unit.
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(2, 2, 0, 0));
  EXPECT_EQ(dense->CountParams(), 3 * 2 + 2);
}

TEST(DenseTest, RejectsBadOptionsAndShapes) {
  EXPECT_THAT(Dense::Create({.units = -1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received units=-1")));
  SymbolicTensor y = Make<Dense>({.units = 3, .name = "d"})(Input({kUnknownDim}));
  EXPECT_THAT(y.status(), StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("Layer 'd' (Dense): expected an input of rank >= 2 "
                                             "with a known last dimension; received shape "
                                             "(None, None)")));
}

TEST(DenseTest, ConfigUsesKerasKeys) {
  auto dense = Make<Dense>({.units = 5, .activation = "softmax", .name = "out"});
  ConfigDict config = dense->GetConfig();
  EXPECT_EQ(config.fields().at("units").number_value(), 5);
  EXPECT_EQ(config.fields().at("activation").string_value(), "softmax");
  EXPECT_EQ(config.fields().at("name").string_value(), "out");
  EXPECT_EQ(config.fields()
                .at("kernel_initializer")
                .struct_value()
                .fields()
                .at("class_name")
                .string_value(),
            "GlorotUniform");
}

}  // namespace
}  // namespace strata
