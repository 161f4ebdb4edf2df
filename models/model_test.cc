// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/model.h"

#include <memory>
#include <string>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/dense.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

// Seed 001 (keras functional API guide): model.summary() of the MNIST MLP, as Keras printed it.
constexpr char kSeedMnistSummary[] =
    R"(Model: "mnist_model"
_________________________________________________________________
 Layer (type)                Output Shape              Param #   
=================================================================
 input_1 (InputLayer)        [(None, 784)]             0         
                                                                 
 dense (Dense)               (None, 64)                50240     
                                                                 
 dense_1 (Dense)             (None, 64)                4160      
                                                                 
 dense_2 (Dense)             (None, 10)                650       
                                                                 
=================================================================
Total params: 55,050
Trainable params: 55,050
Non-trainable params: 0
_________________________________________________________________
)";

absl::StatusOr<std::shared_ptr<Model>> MnistModel() {
  SymbolicTensor inputs = Input({784});
  SymbolicTensor x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);
  x = Make<Dense>({.units = 64, .activation = "relu"})(x);
  SymbolicTensor outputs = Make<Dense>({.units = 10})(x);
  return Model::Create(inputs, outputs, "mnist_model");
}

TEST(ModelTest, SeedMnistSummaryMatchesKerasExactly) {
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, MnistModel());
  EXPECT_EQ(model->SummaryString(), kSeedMnistSummary);
  EXPECT_EQ(model->CountParams(), 55050);
  EXPECT_TRUE(model->IsSequentialLike());
}

TEST(ModelTest, SeedMnistVariantHas27882Params) {
  // Seed 003: Input 784 (name 'img') -> Dense 32 relu -> Dense 64 relu -> Dense 10 softmax.
  ClearSession();
  SymbolicTensor inputs = Input({784}, "img");
  SymbolicTensor h1 = Make<Dense>({.units = 32, .activation = "relu"})(inputs);
  SymbolicTensor h2 = Make<Dense>({.units = 64, .activation = "relu"})(h1);
  SymbolicTensor outputs = Make<Dense>({.units = 10, .activation = "softmax"})(h2);
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, Model::Create(inputs, outputs, "mnist model"));
  EXPECT_EQ(model->CountParams(), 27882);
  EXPECT_THAT(model->SummaryString(), HasSubstr(" img (InputLayer)            [(None, 784)]"));
  EXPECT_THAT(model->SummaryString(), HasSubstr("dense_1 (Dense)             (None, 64)                2112"));
}

TEST(ModelTest, PredictMatchesAHandWrittenComposition) {
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, MnistModel());
  Tensor x = Tensor::Full({3, 784}, 0.01);
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> y, model->Predict({x}));
  ASSERT_EQ(y.size(), 1u);
  EXPECT_EQ(y[0].shape(), Shape({3, 10}));
  // relu(relu(x W1 + b1) W2 + b2) W3 + b3 with naive loops.
  std::vector<float> h = x.ToVector<float>();
  int64_t width = 784;
  for (int i = 1; i <= 3; ++i) {
    auto* dense = dynamic_cast<Dense*>(model->layers()[i].get());
    ASSERT_NE(dense, nullptr);
    const Tensor& w = dense->kernel().value();
    const Tensor& b = dense->bias().value();
    const int64_t units = dense->units();
    std::vector<float> next(3 * units);
    for (int r = 0; r < 3; ++r) {
      for (int64_t u = 0; u < units; ++u) {
        double acc = b.data<float>()[u];
        for (int64_t k = 0; k < width; ++k) acc += h[r * width + k] * w.data<float>()[k * units + u];
        next[r * units + u] = i < 3 ? std::max(0.0, acc) : acc;
      }
    }
    h = next;
    width = units;
  }
  std::vector<float> got = y[0].ToVector<float>();
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], h[i], 1e-4) << i;
}

TEST(ModelTest, GraphErrorsSurfaceAtConstruction) {
  ClearSession();
  SymbolicTensor a = Input({8}, "a");
  SymbolicTensor b = Input({8}, "b");
  SymbolicTensor y = Make<Dense>({.units = 2})(b);
  EXPECT_THAT(Model::Create(a, y),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Graph disconnected: cannot obtain value for tensor")));
  // A shape mismatch at a call: the model reports the layer, expected and received shapes.
  auto shared = Make<Dense>({.units = 4, .name = "shared"});
  SymbolicTensor ok = shared(a);
  SymbolicTensor bad = shared(Input({5}));
  EXPECT_THAT(Model::Create(a, bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Layer 'shared' (Dense): expected an input with last dimension "
                                 "8; received shape (None, 5)")));
  // Invalid options.
  EXPECT_THAT(Model::Create(a, Make<Dense>({.units = 0})(a)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received units=0")));
  EXPECT_THAT(Model::Create(a, Make<Dense>({.units = 3, .activation = "relux"})(a)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("relux")));
  // Duplicate names.
  SymbolicTensor d1 = Make<Dense>({.units = 2, .name = "twin"})(a);
  SymbolicTensor d2 = Make<Dense>({.units = 2, .name = "twin"})(d1);
  EXPECT_THAT(Model::Create(a, d2), StatusIs(absl::StatusCode::kInvalidArgument,
                                             HasSubstr("'twin' is used 2 times")));
  // Inputs must come from Input().
  EXPECT_THAT(Model::Create(ok, d2), StatusIs(absl::StatusCode::kInvalidArgument,
                                              HasSubstr("expected input tensors made by Input()")));
}

TEST(ModelTest, ModelsAreLayersAndShareWeights) {
  ClearSession();
  SymbolicTensor in = Input({4});
  SymbolicTensor out = Make<Dense>({.units = 3})(in);
  STRATA_ASSERT_OK_AND_ASSIGN(auto inner, Model::Create(in, out, "inner"));
  SymbolicTensor x = Input({4});
  SymbolicTensor y1 = (*inner)(x);
  SymbolicTensor y2 = (*inner)(x);
  SymbolicTensor sum = Make<Dense>({.units = 1})(y1);
  STRATA_ASSERT_OK_AND_ASSIGN(auto outer, Model::Create({x}, {sum, y2}, "outer"));
  EXPECT_EQ(outer->CountParams(), 4 * 3 + 3 + 3 + 1);
  EXPECT_FALSE(outer->IsSequentialLike());
  EXPECT_THAT(outer->SummaryString(), HasSubstr("inner (Functional)"));
  EXPECT_THAT(outer->SummaryString(), HasSubstr("multiple"));
  Tensor feed = Tensor::Ones({2, 4});
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> outs, outer->Predict({feed}));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> direct, inner->Predict({feed}));
  EXPECT_TRUE(Equal(outs[1], direct[0]));
}

TEST(ModelTest, IntermediateOutputsMakeAFeatureExtractor) {
  ClearSession();
  STRATA_ASSERT_OK_AND_ASSIGN(auto model, MnistModel());
  std::vector<SymbolicTensor> features;
  for (const auto& layer : model->layers()) {
    STRATA_ASSERT_OK_AND_ASSIGN(SymbolicTensor t, layer->output());
    features.push_back(t);
  }
  STRATA_ASSERT_OK_AND_ASSIGN(auto extractor, Model::Create(model->inputs(), features));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<Tensor> outs,
                              extractor->Predict({Tensor::Ones({1, 784})}));
  ASSERT_EQ(outs.size(), 4u);
  EXPECT_EQ(outs[2].shape(), Shape({1, 64}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto layer, model->GetLayer("dense_2"));
  EXPECT_EQ(layer->CountParams(), 650);
  EXPECT_THAT(model->GetLayer("nope"), StatusIs(absl::StatusCode::kNotFound,
                                                HasSubstr("input_1, dense, dense_1, dense_2")));
}

}  // namespace
}  // namespace strata
