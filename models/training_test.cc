// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/training.h"

#include <map>
#include <memory>
#include <string>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/concatenate.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/flatten.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "losses/binary_crossentropy.h"
#include "losses/categorical_crossentropy.h"
#include "tensor/ops/random.h"
#include "tensor/parallel.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

// Two separable blobs in 8 dimensions, labels 0/1/2 by the sign pattern of two features.
struct Blobs {
  Tensor x, y;
};

Blobs MakeBlobs(int64_t n, uint64_t seed) {
  ops::RandomGenerator rng(seed);
  Tensor x = rng.Normal({n, 8}).value();
  Tensor y = Tensor::Empty({n}, DType::kInt64);
  const float* px = x.data<float>();
  for (int64_t i = 0; i < n; ++i) {
    y.mutable_data<int64_t>()[i] = px[i * 8] > 0 ? (px[i * 8 + 1] > 0 ? 2 : 1) : 0;
  }
  return {x, y};
}

absl::StatusOr<std::shared_ptr<Model>> Classifier() {
  SymbolicTensor in = Input({8}, "features");
  SymbolicTensor h = Make<Dense>({.units = 16, .activation = "relu"})(in);
  SymbolicTensor out = Make<Dense>({.units = 3, .activation = "softmax"})(h);
  return Model::Create(in, out, "classifier");
}

TEST(TrainingTest, FitReducesTheLossAndRecordsHistory) {
  ClearSession();
  SetRandomSeed(1);
  Blobs data = MakeBlobs(512, 7);
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Classifier());
  STRATA_ASSERT_OK(model->Compile({.optimizer = "adam",
                                   .loss = {"sparse_categorical_crossentropy"},
                                   .metrics = {"accuracy"}}));
  STRATA_ASSERT_OK_AND_ASSIGN(Logs before, model->Evaluate(data.x, data.y, {.verbose = 0}));
  STRATA_ASSERT_OK_AND_ASSIGN(
      History history,
      model->Fit(data.x, data.y,
                 {.batch_size = 32, .epochs = 40, .verbose = 0, .validation_split = 0.25}));
  ASSERT_EQ(history.history["loss"].size(), 40u);
  EXPECT_LT(history.history["loss"].back(), history.history["loss"].front());
  EXPECT_EQ(history.history["val_accuracy"].size(), 40u);
  STRATA_ASSERT_OK_AND_ASSIGN(Logs after, model->Evaluate(data.x, data.y, {.verbose = 0}));
  EXPECT_EQ(after[0].first, "loss");
  EXPECT_EQ(after[1].first, "accuracy");
  EXPECT_LT(after[0].second, before[0].second * 0.7);
  EXPECT_GT(after[1].second, 0.8);
}

TEST(TrainingTest, TrainingIsDeterministicWhateverTheThreadCount) {
  auto train = [](int threads) {
    ScopedThreadLimit limit(threads);
    ClearSession();
    SetRandomSeed(3);
    Blobs data = MakeBlobs(256, 9);
    auto model = Classifier().value();
    EXPECT_TRUE(model->Compile({.optimizer = "rmsprop", .loss = {"sparse_categorical_crossentropy"}}).ok());
    EXPECT_TRUE(model->Fit(data.x, data.y, {.batch_size = 16, .epochs = 2, .verbose = 0, .seed = 5}).ok());
    return model->weights()[0].variable.value().Clone();
  };
  EXPECT_TRUE(Equal(train(1), train(2)));
}

TEST(TrainingTest, MultiInputMultiOutputFromNamedMaps) {
  // The seed's ticket classifier in small: title and body word ids, tags, two named outputs.
  ClearSession();
  SetRandomSeed(2);
  const int64_t n = 64, words = 6;
  SymbolicTensor title = Input({words}, "title", DType::kInt64);
  SymbolicTensor body = Input({words}, "body", DType::kInt64);
  SymbolicTensor tags = Input({12}, "tags");
  SymbolicTensor t = Make<Flatten>({})(Make<Embedding>({.input_dim = 50, .output_dim = 4})(title));
  SymbolicTensor b = Make<Flatten>({})(Make<Embedding>({.input_dim = 50, .output_dim = 4})(body));
  SymbolicTensor x = Make<Concatenate>({})({t, b, tags});
  SymbolicTensor priority = Make<Dense>({.units = 1, .name = "priority"})(x);
  SymbolicTensor department = Make<Dense>({.units = 4, .name = "department"})(x);
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto model, Model::Create({title, body, tags}, {priority, department}, "ticket"));
  STRATA_ASSERT_OK(model->Compile(
      {.optimizer = "rmsprop",
       .loss_by_output = {{"priority", std::make_shared<losses::BinaryCrossentropy>(
                                           losses::BinaryCrossentropyOptions{.from_logits = true})},
                          {"department", std::make_shared<losses::CategoricalCrossentropy>(
                                             losses::CategoricalCrossentropyOptions{
                                                 .from_logits = true})}},
       .loss_weights_by_output = {{"priority", 1.0}, {"department", 0.2}}}));

  ops::RandomGenerator rng(4);
  Tensor title_data = Tensor::Empty({n, words}, DType::kInt64);
  Tensor body_data = Tensor::Empty({n, words}, DType::kInt64);
  for (int64_t i = 0; i < n * words; ++i) {
    title_data.mutable_data<int64_t>()[i] = i % 50;
    body_data.mutable_data<int64_t>()[i] = (i * 7) % 50;
  }
  Tensor tags_data = rng.Bernoulli({n, 12}, 0.5).value();
  Tensor priority_targets = rng.Uniform({n, 1});
  Tensor dept_targets = Tensor::Zeros({n, 4});
  for (int64_t i = 0; i < n; ++i) dept_targets.mutable_data<float>()[i * 4 + i % 4] = 1;

  std::map<std::string, Tensor> inputs = {
      {"title", title_data}, {"body", body_data}, {"tags", tags_data}};
  std::map<std::string, Tensor> targets = {{"priority", priority_targets},
                                           {"department", dept_targets}};
  STRATA_ASSERT_OK_AND_ASSIGN(
      History history, model->Fit(inputs, targets, {.batch_size = 16, .epochs = 8, .verbose = 0}));
  for (const char* key : {"loss", "priority_loss", "department_loss"}) {
    ASSERT_EQ(history.history[key].size(), 8u) << key;
  }
  EXPECT_LT(history.history["loss"].back(), history.history["loss"].front());
  // loss = priority_loss + 0.2 * department_loss (each a mean over the epoch).
  EXPECT_NEAR(history.history["loss"][0],
              history.history["priority_loss"][0] + 0.2 * history.history["department_loss"][0],
              1e-4);
}

TEST(TrainingTest, BadDataIsAnErrorBeforeTraining) {
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Classifier());
  Blobs data = MakeBlobs(10, 1);
  EXPECT_THAT(model->Fit(data.x, data.y, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("call Compile first")));
  STRATA_ASSERT_OK(model->Compile({.optimizer = "sgd", .loss = {"sparse_categorical_crossentropy"}}));
  Blobs shorter = MakeBlobs(9, 1);
  EXPECT_THAT(model->Fit(data.x, shorter.y, {.verbose = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received features: 10, ")));
  std::map<std::string, Tensor> misnamed = {{"feature", data.x}};
  EXPECT_THAT(model->Fit(misnamed, data.y, {.verbose = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected input data for 'features'")));
  Tensor bad_labels = data.y.Clone();
  bad_labels.mutable_data<int64_t>()[3] = 7;
  EXPECT_THAT(model->Fit(data.x, bad_labels, {.verbose = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected integer labels in [0, 3) for sparse categorical "
                                 "cross-entropy; received 7 at sample 3")));
  EXPECT_THAT(model->Fit(Tensor::Zeros({10, 5}), data.y, {.verbose = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected data of shape (None, 8); received (10, 5)")));
}

TEST(TrainingTest, TrainOnBatchAndPredict) {
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Classifier());
  STRATA_ASSERT_OK(model->Compile({.optimizer = "sgd", .loss = {"sparse_categorical_crossentropy"}, .metrics = {"accuracy"}}));
  Blobs data = MakeBlobs(40, 2);
  STRATA_ASSERT_OK_AND_ASSIGN(Logs first, model->TrainOnBatch(data.x, data.y));
  for (int i = 0; i < 20; ++i) STRATA_ASSERT_OK(model->TrainOnBatch(data.x, data.y).status());
  STRATA_ASSERT_OK_AND_ASSIGN(Logs later, model->TestOnBatch(data.x, data.y));
  EXPECT_LT(later[0].second, first[0].second);
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> batched, model->Predict(data.x, {.batch_size = 7}));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> whole, model->Predict({data.x}));
  EXPECT_TRUE(AllClose(batched[0], whole[0], 1e-5, 1e-6));
}

}  // namespace
}  // namespace strata
