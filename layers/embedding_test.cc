// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/embedding.h"

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

TEST(EmbeddingTest, Harness) {
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetInt("input_dim", 10);
  w.SetInt("output_dim", 3);
  STRATA_EXPECT_OK(RunLayerTest({.class_name = "Embedding",
                                 .config = config,
                                 .input_shapes = {{2, 5}},
                                 .input_dtypes = {DType::kInt64},
                                 .max_integer_input = 10,
                                 .expected_output_shapes = {{2, 5, 3}},
                                 .expected_trainable_weights = 1}));
}

TEST(EmbeddingTest, LooksUpRowsAndRejectsOutOfRangeIds) {
  auto embedding = Make<Embedding>({.input_dim = 3,
                                    .output_dim = 2,
                                    .embeddings_initializer = Initializer::Constant(0)});
  SymbolicTensor words = Input({kUnknownDim}, "words", DType::kInt64);
  SymbolicTensor y = embedding(words);
  EXPECT_EQ(y.shape().ToString(), "(None, None, 2)");
  EXPECT_EQ(embedding->CountParams(), 6);
  autograd::Variable embeddings = embedding->embeddings();
  float* table = embeddings.mutable_value().mutable_data<float>();
  for (int i = 0; i < 6; ++i) table[i] = static_cast<float>(i);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor ids, Tensor::FromVector<int64_t>({1, 2}, {2, 0}));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable out, embedding->Apply(autograd::Variable(ids), {}));
  EXPECT_THAT(out.value().ToVector<float>(), ElementsAre(4, 5, 0, 1));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor bad, Tensor::FromVector<int64_t>({1, 1}, {3}));
  EXPECT_THAT(embedding->Apply(autograd::Variable(bad), {}),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("3")));
  EXPECT_THAT(Embedding::Create({.input_dim = 0, .output_dim = 2}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received input_dim=0")));
}

}  // namespace
}  // namespace strata
