// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// The merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum) and Concatenate.
#include "layers/merge.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/concatenate.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "tests/testing/layer_test_harness.h"

namespace strata {
namespace {

using ::strata::testing::RunLayerTest;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(MergeTest, HarnessForEveryMergeLayer) {
  for (const char* name : {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"}) {
    STRATA_EXPECT_OK(RunLayerTest({.class_name = name,
                                   .config = ConfigDict(),
                                   .input_shapes = {{2, 3}, {2, 3}},
                                   .expected_output_shapes = {{2, 3}}}))
        << name;
  }
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Add",
                                 .config = ConfigDict(),
                                 .input_shapes = {{2, 3}, {2, 3}, {2, 3}},
                                 .expected_output_shapes = {{2, 3}}}));
}

TEST(MergeTest, HandComputedValues) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<float>({1, 3}, {1, 5, -2}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<float>({1, 3}, {3, 1, -4}));
  std::vector<autograd::Variable> in = {autograd::Variable(a), autograd::Variable(b)};
  auto expect = [&](std::shared_ptr<Layer> layer, std::vector<float> want) {
    absl::StatusOr<std::vector<autograd::Variable>> out = layer->Apply(in, {});
    ASSERT_TRUE(out.ok()) << out.status();
    EXPECT_EQ((*out)[0].value().ToVector<float>(), want) << layer->class_name();
  };
  expect(Make<Add>({}), {4, 6, -6});
  expect(Make<Subtract>({}), {-2, 4, 2});
  expect(Make<Multiply>({}), {3, 5, 8});
  expect(Make<Average>({}), {2, 3, -3});
  expect(Make<Maximum>({}), {3, 5, -2});
  expect(Make<Minimum>({}), {1, 1, -4});
}

TEST(MergeTest, ShapeErrorsNameBothShapes) {
  SymbolicTensor y = Make<Add>({.name = "sum"})({Input({8}), Input({5})});
  EXPECT_THAT(y.status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Layer 'sum' (Add): expected inputs of compatible shapes; "
                                 "received shapes (None, 8) and (None, 5)")));
  SymbolicTensor three = Make<Subtract>({})({Input({2}), Input({2}), Input({2})});
  EXPECT_THAT(three.status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received 3")));
}

TEST(ConcatenateTest, HarnessAndShapes) {
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Concatenate",
                                 .config = ConfigDict(),
                                 .input_shapes = {{2, 3}, {2, 4}},
                                 .expected_output_shapes = {{2, 7}}}));
  // The seed's ticket model: 128 + 32 + 12 = 172 features.
  SymbolicTensor y = Make<Concatenate>({})({Input({128}), Input({32}), Input({12})});
  EXPECT_EQ(y.shape().ToString(), "(None, 172)");
  SymbolicTensor bad = Make<Concatenate>({.axis = 1})({Input({2, 3}), Input({4, 3})});
  EXPECT_EQ(bad.shape().ToString(), "(None, 6, 3)");
  SymbolicTensor mismatch = Make<Concatenate>({})({Input({2, 3}), Input({4, 3})});
  EXPECT_THAT(mismatch.status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received [(None, 2, 3), (None, 4, 3)]")));
}

}  // namespace
}  // namespace strata
