// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/sequential.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/dense.h"
#include "layers/input_layer.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

TEST(SequentialTest, StacksLayersLikeKeras) {
  ClearSession();
  auto model = Sequential::Create();
  STRATA_ASSERT_OK(model->Add(Input({784})));
  STRATA_ASSERT_OK(model->Add(Make<Dense>({.units = 64, .activation = "relu"})));
  STRATA_ASSERT_OK(model->Add(Make<Dense>({.units = 10})));
  EXPECT_EQ(model->name(), "sequential");
  EXPECT_EQ(model->class_name(), "Sequential");
  // Keras's Sequential.layers leave out the InputLayer.
  ASSERT_EQ(model->layers().size(), 2u);
  EXPECT_EQ(model->layers()[0]->name(), "dense");
  EXPECT_EQ(model->CountParams(), 784 * 64 + 64 + 64 * 10 + 10);
  EXPECT_THAT(model->SummaryString(), HasSubstr("Model: \"sequential\""));
  EXPECT_THAT(model->SummaryString(), ::testing::Not(HasSubstr("InputLayer")));
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, model->Predict({Tensor::Ones({2, 784})}));
  EXPECT_EQ(y[0].shape(), Shape({2, 10}));
}

TEST(SequentialTest, ErrorsNameTheLayerThatCausedThem) {
  auto model = Sequential::Create("stack");
  EXPECT_THAT(model->Add(Make<Dense>({.units = 3})),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("expected an Input()")));
  STRATA_ASSERT_OK(model->Add(Input({4})));
  EXPECT_THAT(model->Add(Input({4})),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("received an input")));
  STRATA_ASSERT_OK(model->Add(Make<Dense>({.units = 3})));
  EXPECT_THAT(model->Add(Make<Dense>({.units = 0})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received units=0")));
  // The failed Add left the model as it was.
  EXPECT_EQ(model->layers().size(), 1u);
}

TEST(SequentialTest, SequentialModelsNestInFunctionalModels) {
  ClearSession();
  auto block = Sequential::Create("block");
  STRATA_ASSERT_OK(block->Add(Input({8})));
  STRATA_ASSERT_OK(block->Add(Make<Dense>({.units = 4, .activation = "relu"})));
  SymbolicTensor in = Input({8});
  SymbolicTensor out = Make<Dense>({.units = 1})((*block)(in));
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Model::Create(in, out));
  EXPECT_EQ(model->CountParams(), 8 * 4 + 4 + 4 + 1);
  EXPECT_THAT(model->SummaryString(), HasSubstr("block (Sequential)"));
}

}  // namespace
}  // namespace strata
