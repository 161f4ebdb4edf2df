// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Acceptance: the seeds' models built with strata have the layer types, output shapes and
// parameter counts the tutorials print, run forward to those shapes, and plot.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/testing/status_matchers.h"
#include "examples/seeds/seed_models.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/layer.h"
#include "models/plot_model.h"

namespace strata::seeds {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

struct Row {
  std::string name, class_name, shape;
  int64_t params;
};

// Checks model.layers against rows as the seed's summary prints them.
void ExpectRows(const Model& model, const std::vector<Row>& rows) {
  ASSERT_EQ(model.layers().size(), rows.size()) << model.SummaryString();
  const std::string summary = model.SummaryString();
  for (size_t i = 0; i < rows.size(); ++i) {
    const Layer& layer = *model.layers()[i];
    EXPECT_EQ(layer.name(), rows[i].name);
    EXPECT_EQ(layer.class_name(), rows[i].class_name);
    EXPECT_EQ(layer.CountParams(), rows[i].params) << layer.name();
    EXPECT_THAT(summary, HasSubstr(rows[i].shape)) << layer.name();
  }
}

class SeedModelsTest : public ::testing::Test {
 protected:
  void SetUp() override { ClearSession(); }
};

TEST_F(SeedModelsTest, MnistMlp) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, MnistMlp());
  ExpectRows(*model, {{"input_1", "InputLayer", "[(None, 784)]", 0},
                      {"dense", "Dense", "(None, 64)", 50240},
                      {"dense_1", "Dense", "(None, 64)", 4160},
                      {"dense_2", "Dense", "(None, 10)", 650}});
  EXPECT_THAT(model->SummaryString(), HasSubstr("Total params: 55,050\nTrainable params: 55,050"));
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, model->Predict({Tensor::Ones({5, 784})}));
  EXPECT_EQ(y[0].shape(), Shape({5, 10}));
}

TEST_F(SeedModelsTest, MnistMlpVariant) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, MnistMlpVariant());
  ExpectRows(*model, {{"img", "InputLayer", "[(None, 784)]", 0},
                      {"dense", "Dense", "(None, 32)", 25120},
                      {"dense_1", "Dense", "(None, 64)", 2112},
                      {"dense_2", "Dense", "(None, 10)", 650}});
  EXPECT_THAT(model->SummaryString(), HasSubstr("Model: \"mnist model\""));
  EXPECT_THAT(model->SummaryString(), HasSubstr("Total params: 27,882"));
  // Softmax outputs: rows sum to one.
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, model->Predict({Tensor::Full({2, 784}, 0.3)}));
  std::vector<float> p = y[0].ToVector<float>();
  float sum = 0;
  for (int i = 0; i < 10; ++i) sum += p[i];
  EXPECT_NEAR(sum, 1.0f, 1e-5);
}

TEST_F(SeedModelsTest, Features72MlpAndSubclassedModel) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Features72Mlp());
  ExpectRows(*model, {{"input_1", "InputLayer", "[(None, 72)]", 0},
                      {"dense", "Dense", "(None, 32)", 2336},
                      {"dense_1", "Dense", "(None, 16)", 528},
                      {"dense_2", "Dense", "(None, 10)", 170}});
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto mixed, SubclassedMyModel());
  ExpectRows(*mixed, {{"input_1", "InputLayer", "[(None, 72)]", 0},
                      {"my_model", "MyModel", "(None, 10)", 72 * 32 + 32 + 32 * 10 + 10}});
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, mixed->Predict({Tensor::Ones({3, 72})}));
  EXPECT_EQ(y[0].shape(), Shape({3, 10}));
  EXPECT_EQ(mixed->TrainableVariables().size(), 4u);
}

TEST_F(SeedModelsTest, EnsembleAveragesThreeModels) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Ensemble());
  ExpectRows(*model, {{"input_4", "InputLayer", "[(None, 128)]", 0},
                      {"model", "Functional", "(None, 1)", 129},
                      {"model_1", "Functional", "(None, 1)", 129},
                      {"model_2", "Functional", "(None, 1)", 129},
                      {"average", "Average", "(None, 1)", 0}});
  EXPECT_FALSE(model->IsSequentialLike());
  // Keras numbers a nested model's calls from 1 (node 0 links its own inputs and outputs).
  EXPECT_THAT(model->SummaryString(), HasSubstr("average (Average)              (None, 1)            0           ['model[1][0]',"));
  EXPECT_THAT(model->SummaryString(), HasSubstr("'model_1[1][0]',"));
  // The ensemble's output is the mean of its members' outputs.
  Tensor x = Tensor::Full({2, 128}, 0.5);
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, model->Predict({x}));
  float mean = 0;
  for (int i = 1; i <= 3; ++i) {
    auto member = std::dynamic_pointer_cast<Model>(model->layers()[i]);
    ASSERT_NE(member, nullptr);
    STRATA_ASSERT_OK_AND_ASSIGN(auto yi, member->Predict({x}));
    mean += yi[0].ToVector<float>()[0] / 3;
  }
  EXPECT_NEAR(y[0].ToVector<float>()[0], mean, 1e-5);
}

TEST_F(SeedModelsTest, SharedEmbeddingHasOneTable) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, SharedEmbedding());
  EXPECT_EQ(model->CountParams(), 128000);
  EXPECT_EQ(model->outputs()[0].shape().ToString(), "(None, None, 128)");
  EXPECT_THAT(model->SummaryString(), HasSubstr("multiple"));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Tensor::FromVector<int32_t>({1, 3}, {1, 2, 3}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Tensor::FromVector<int32_t>({1, 2}, {3, 999}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto y, model->Predict({a, b}));
  EXPECT_EQ(y[0].shape(), Shape({1, 3, 128}));
  EXPECT_EQ(y[1].shape(), Shape({1, 2, 128}));
  // Word 3 maps to the same vector through either input.
  std::vector<float> ya = y[0].ToVector<float>(), yb = y[1].ToVector<float>();
  for (int k = 0; k < 128; ++k) EXPECT_EQ(ya[2 * 128 + k], yb[k]);
}

TEST_F(SeedModelsTest, CustomDense) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, CustomDenseModel());
  ExpectRows(*model, {{"input_1", "InputLayer", "[(None, 4)]", 0},
                      {"custom_dense", "CustomDense", "(None, 10)", 50}});
  STRATA_ASSERT_OK_AND_ASSIGN(auto layer, model->GetLayer("custom_dense"));
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, CustomDense::FromConfig(layer->GetConfig()));
  EXPECT_EQ(copy->GetConfig().fields().at("units").number_value(), 10);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(SeedModelsTest, PlotModelNamesEveryLayerAndEdge) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto mlp, MnistMlp());
  const std::string dot = ModelToDot(*mlp, {.show_shapes = true});
  for (const char* name : {"input_1: InputLayer", "dense: Dense", "dense_1: Dense",
                           "dense_2: Dense"}) {
    EXPECT_THAT(dot, HasSubstr(name));
  }
  EXPECT_THAT(dot, HasSubstr("0 -> 1;"));
  EXPECT_THAT(dot, HasSubstr("1 -> 2;"));
  EXPECT_THAT(dot, HasSubstr("2 -> 3;"));
  EXPECT_THAT(dot, HasSubstr("(None, 784)"));

  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto ensemble, Ensemble());
  const std::string ensemble_dot = ModelToDot(*ensemble, {});
  for (int member = 1; member <= 3; ++member) {
    EXPECT_THAT(ensemble_dot, HasSubstr(absl::StrCat("0 -> ", member, ";")));
    EXPECT_THAT(ensemble_dot, HasSubstr(absl::StrCat(member, " -> 4;")));
  }

  const std::string dir = ::testing::TempDir();
  const std::string png = dir + "/mlp.png";
  STRATA_ASSERT_OK(PlotModel(*mlp, png, {.show_shapes = true}));
  const std::string bytes = ReadFile(png);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  STRATA_ASSERT_OK(PlotModel(*ensemble, dir + "/ensemble.svg", {.rankdir = "LR"}));
  EXPECT_THAT(ReadFile(dir + "/ensemble.svg"), HasSubstr("<svg"));
  EXPECT_THAT(PlotModel(*mlp, dir + "/mlp.jpeg"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
}

}  // namespace
}  // namespace strata::seeds
