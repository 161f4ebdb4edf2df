// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// The Layer lifecycle and the symbolic graph, with a small layer defined here so that these
// tests do not depend on any real layer.
#include "layers/layer.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "layers/symbolic.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

// y = x + offset, offset of shape (last_dim,), no autograd (not needed here).
class AddOffset final : public Layer {
 public:
  struct Options {
    std::string name;
  };
  static absl::StatusOr<std::shared_ptr<AddOffset>> Create(Options options) {
    if (options.name == "bad") return absl::InvalidArgumentError("AddOffset: received bad.");
    return std::shared_ptr<AddOffset>(new AddOffset(options.name));
  }
  std::string class_name() const override { return "AddOffset"; }
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> in) const override {
    if (in.size() != 1 || in[0].rank() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("expected one rank-2 input; received ", in.size() ? in[0].ToString() : "none", "."));
    }
    return std::vector<PartialShape>{in[0]};
  }

 protected:
  absl::Status Build(absl::Span<const PartialShape> in) override {
    return AddWeight("offset", {in[0].dim(1)}, Initializer::Ones()).status();
  }
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& in, const CallContext&) const override {
    Tensor y = in[0].value().Clone();
    const float* offset = weights()[0].variable.value().data<float>();
    for (int64_t i = 0; i < y.num_elements(); ++i) {
      y.mutable_data<float>()[i] += offset[i % y.dim(1)];
    }
    return std::vector<autograd::Variable>{autograd::Variable(y)};
  }

 private:
  explicit AddOffset(std::string name) : Layer(name, "AddOffset") {}
};

TEST(LayerNamesTest, SnakeCaseAsKeras) {
  EXPECT_EQ(ToSnakeCase("Dense"), "dense");
  EXPECT_EQ(ToSnakeCase("Conv2D"), "conv2d");
  EXPECT_EQ(ToSnakeCase("Conv2DTranspose"), "conv2d_transpose");
  EXPECT_EQ(ToSnakeCase("MaxPooling2D"), "max_pooling2d");
  EXPECT_EQ(ToSnakeCase("GlobalAveragePooling2D"), "global_average_pooling2d");
  EXPECT_EQ(ToSnakeCase("UpSampling2D"), "up_sampling2d");
  EXPECT_EQ(ToSnakeCase("LSTM"), "lstm");
  EXPECT_EQ(ToSnakeCase("SimpleRNN"), "simple_rnn");
  EXPECT_EQ(ToSnakeCase("BatchNormalization"), "batch_normalization");
}

TEST(LayerNamesTest, UniqueNamesCountPerPrefix) {
  ClearSession();
  EXPECT_EQ(UniqueLayerName("dense"), "dense");
  EXPECT_EQ(UniqueLayerName("dense"), "dense_1");
  EXPECT_EQ(UniqueLayerName("conv2d"), "conv2d");
  EXPECT_EQ(UniqueLayerName("input", false), "input_1");
  EXPECT_EQ(UniqueLayerName("input", false), "input_2");
  ClearSession();
  EXPECT_EQ(UniqueLayerName("dense"), "dense");
}

TEST(InputTest, ShapesAndNames) {
  ClearSession();
  SymbolicTensor x = Input({784});
  ASSERT_TRUE(x.ok()) << x.status();
  EXPECT_EQ(x.shape().ToString(), "(None, 784)");
  EXPECT_EQ(x.layer()->name(), "input_1");
  EXPECT_EQ(x.layer()->class_name(), "InputLayer");
  SymbolicTensor words = Input({kUnknownDim}, "title", DType::kInt64);
  EXPECT_EQ(words.shape().ToString(), "(None, None)");
  EXPECT_EQ(words.dtype(), DType::kInt64);
  SymbolicTensor fixed = Input(InputOptions{.batch_shape = {32, 10}});
  EXPECT_EQ(fixed.shape().ToString(), "(32, 10)");
  SymbolicTensor bad = Input({-3});
  EXPECT_THAT(bad.status(), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -3")));
}

TEST(LayerTest, SymbolicCallBuildsOnceAndSharesWeights) {
  auto layer = Make<AddOffset>({.name = "shift"});
  SymbolicTensor a = Input({3});
  SymbolicTensor b = Input({3});
  SymbolicTensor ya = layer(a);
  SymbolicTensor yb = layer(b);
  ASSERT_TRUE(ya.ok() && yb.ok());
  EXPECT_EQ(layer->weights().size(), 1u);
  EXPECT_EQ(layer->CountParams(), 3);
  EXPECT_EQ(ya.node_index(), 0);
  EXPECT_EQ(yb.node_index(), 1);
  EXPECT_EQ(ya.layer(), layer.get().get());
  EXPECT_THAT(layer->output(), StatusIs(absl::StatusCode::kFailedPrecondition,
                                        HasSubstr("2 live call(s)")));
}

TEST(LayerTest, OutputOfALayerCalledOnce) {
  auto layer = Make<AddOffset>({});
  SymbolicTensor y = layer(Input({2}));
  STRATA_ASSERT_OK_AND_ASSIGN(SymbolicTensor out, layer->output());
  EXPECT_TRUE(out.IsSameAs(y));
  STRATA_ASSERT_OK_AND_ASSIGN(SymbolicTensor in, layer->input());
  EXPECT_EQ(in.shape().ToString(), "(None, 2)");
}

TEST(LayerTest, ErrorsTravelWithTheTensor) {
  SymbolicTensor rank3 = Input({2, 2});
  SymbolicTensor bad = Make<AddOffset>({.name = "shift2"})(rank3);
  EXPECT_THAT(bad.status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Layer 'shift2' (AddOffset): expected one rank-2 input; "
                                 "received (None, 2, 2)")));
  // A later call on the error tensor keeps the original error.
  SymbolicTensor later = Make<AddOffset>({})(bad);
  EXPECT_THAT(later.status(), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("shift2")));
  // Invalid options: the handle's call carries Create's error.
  SymbolicTensor from_bad_options = Make<AddOffset>({.name = "bad"})(Input({2}));
  EXPECT_THAT(from_bad_options.status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received bad")));
}

TEST(LayerTest, EagerApplyChecksTheBuiltShape) {
  auto layer = Make<AddOffset>({.name = "eager"});
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, Tensor::FromVector<float>({2, 2}, {1, 2, 3, 4}));
  STRATA_ASSERT_OK_AND_ASSIGN(autograd::Variable y, layer->Apply(autograd::Variable(x), {}));
  EXPECT_THAT(y.value().ToVector<float>(), ::testing::ElementsAre(2, 3, 4, 5));
  EXPECT_THAT(layer->Apply(autograd::Variable(Tensor::Zeros({2, 3})), {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Layer 'eager' (AddOffset): expected input shape (None, 2); "
                                 "received (2, 3)")));
}

TEST(LayerTest, TrainableFlagSplitsVariables) {
  auto layer = Make<AddOffset>({});
  layer(Input({4}));
  EXPECT_EQ(layer->TrainableVariables().size(), 1u);
  layer->set_trainable(false);
  EXPECT_TRUE(layer->TrainableVariables().empty());
  EXPECT_EQ(layer->NonTrainableVariables().size(), 1u);
}

}  // namespace
}  // namespace strata
