// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "examples/seeds/seed_models.h"

#include <utility>

#include "absl/strings/str_cat.h"

#include "autograd/ops/elementwise.h"
#include "autograd/ops/matmul.h"
#include "base/status_macros.h"
#include "layers/embedding.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "layers/merge.h"

namespace strata::seeds {

absl::StatusOr<std::shared_ptr<Model>> MnistMlp() {
  SymbolicTensor inputs = Input({784});
  SymbolicTensor x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);
  x = Make<Dense>({.units = 64, .activation = "relu"})(x);
  SymbolicTensor outputs = Make<Dense>({.units = 10})(x);
  return Model::Create(inputs, outputs, "mnist_model");
}

absl::StatusOr<std::shared_ptr<Model>> MnistMlpVariant() {
  SymbolicTensor inputs = Input({784}, "img");
  SymbolicTensor h1 = Make<Dense>({.units = 32, .activation = "relu"})(inputs);
  SymbolicTensor h2 = Make<Dense>({.units = 64, .activation = "relu"})(h1);
  SymbolicTensor outputs = Make<Dense>({.units = 10, .activation = "softmax"})(h2);
  return Model::Create(inputs, outputs, "mnist model");
}

absl::StatusOr<std::shared_ptr<Model>> Features72Mlp() {
  SymbolicTensor input_x = Input({72});
  SymbolicTensor hidden1 = Make<Dense>({.units = 32, .activation = "relu"})(input_x);
  SymbolicTensor hidden2 = Make<Dense>({.units = 16, .activation = "relu"})(hidden1);
  SymbolicTensor pred = Make<Dense>({.units = 10, .activation = "softmax"})(hidden2);
  return Model::Create(input_x, pred);
}

absl::StatusOr<std::shared_ptr<Model>> Ensemble() {
  auto get_model = []() -> absl::StatusOr<std::shared_ptr<Model>> {
    SymbolicTensor inputs = Input({128});
    SymbolicTensor outputs = Make<Dense>({.units = 1})(inputs);
    return Model::Create(inputs, outputs);
  };
  STRATA_ASSIGN_OR_RETURN(auto model1, get_model());
  STRATA_ASSIGN_OR_RETURN(auto model2, get_model());
  STRATA_ASSIGN_OR_RETURN(auto model3, get_model());
  SymbolicTensor inputs = Input({128});
  SymbolicTensor y1 = (*model1)(inputs);
  SymbolicTensor y2 = (*model2)(inputs);
  SymbolicTensor y3 = (*model3)(inputs);
  SymbolicTensor outputs = Make<Average>({})({y1, y2, y3});
  return Model::Create(inputs, outputs);
}

absl::StatusOr<std::shared_ptr<Model>> SharedEmbedding() {
  auto shared_embedding = Make<Embedding>({.input_dim = 1000, .output_dim = 128});
  SymbolicTensor text_input_a = Input({kUnknownDim}, "", DType::kInt32);
  SymbolicTensor text_input_b = Input({kUnknownDim}, "", DType::kInt32);
  SymbolicTensor encoded_input_a = shared_embedding(text_input_a);
  SymbolicTensor encoded_input_b = shared_embedding(text_input_b);
  return Model::Create({text_input_a, text_input_b}, {encoded_input_a, encoded_input_b});
}

absl::StatusOr<std::shared_ptr<Model>> CustomDenseModel() {
  SymbolicTensor inputs = Input({4});
  SymbolicTensor outputs = Make<CustomDense>({.units = 10})(inputs);
  return Model::Create(inputs, outputs);
}

absl::StatusOr<std::shared_ptr<Model>> SubclassedMyModel() {
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<MyModel> my_model, MyModel::Create(10));
  SymbolicTensor inputs = Input({72});
  SymbolicTensor outputs = (*my_model)(inputs);
  return Model::Create(inputs, outputs);
}

absl::StatusOr<std::shared_ptr<CustomDense>> CustomDense::Create(Options options) {
  if (options.units <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "CustomDense: expected units > 0; received units=", options.units, "."));
  }
  return std::shared_ptr<CustomDense>(new CustomDense(options.name, options.units));
}

absl::StatusOr<std::shared_ptr<Layer>> CustomDense::FromConfig(const ConfigDict& config) {
  ConfigReader reader(config, "CustomDense");
  Options options;
  bool trainable = true;
  STRATA_RETURN_IF_ERROR(ReadBaseConfig(reader, &options.name, &trainable));
  STRATA_ASSIGN_OR_RETURN(options.units, reader.GetInt("units", 32));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<CustomDense> layer, Create(std::move(options)));
  layer->set_trainable(trainable);
  return std::static_pointer_cast<Layer>(layer);
}

ConfigDict CustomDense::GetConfig() const {
  ConfigDict config = Layer::GetConfig();
  ConfigWriter(&config).SetInt("units", units_);
  return config;
}

absl::StatusOr<std::vector<PartialShape>> CustomDense::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(PartialShape in, SingleInput(input_shapes));
  if (in.rank() != 2 || !in.IsKnown(1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected an input (batch, features); received shape ", in.ToString(), "."));
  }
  return std::vector<PartialShape>{PartialShape{in.dim(0), units_}};
}

absl::Status CustomDense::Build(absl::Span<const PartialShape> input_shapes) {
  STRATA_ASSIGN_OR_RETURN(
      w_, AddWeight("w", {input_shapes[0].dim(-1), units_}, Initializer::RandomNormal()));
  STRATA_ASSIGN_OR_RETURN(b_, AddWeight("b", {units_}, Initializer::RandomNormal()));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<autograd::Variable>> CustomDense::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext&) const {
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, autograd::MatMul(inputs[0], w_));
  STRATA_ASSIGN_OR_RETURN(y, autograd::Add(y, b_));
  return std::vector<autograd::Variable>{std::move(y)};
}

MyModel::MyModel(std::shared_ptr<Dense> dense_1, std::shared_ptr<Dense> dense_2)
    : Layer("my_model", "MyModel"),
      dense_1_(Track(std::move(dense_1))),
      dense_2_(Track(std::move(dense_2))) {}

absl::StatusOr<std::shared_ptr<MyModel>> MyModel::Create(int64_t num_classes) {
  STRATA_ASSIGN_OR_RETURN(auto dense_1, Dense::Create({.units = 32, .activation = "relu"}));
  STRATA_ASSIGN_OR_RETURN(auto dense_2,
                          Dense::Create({.units = num_classes, .activation = "sigmoid"}));
  return std::shared_ptr<MyModel>(new MyModel(std::move(dense_1), std::move(dense_2)));
}

absl::StatusOr<std::vector<PartialShape>> MyModel::ComputeOutputShapes(
    absl::Span<const PartialShape> input_shapes) const {
  STRATA_ASSIGN_OR_RETURN(std::vector<PartialShape> hidden,
                          dense_1_->ComputeOutputShapes(input_shapes));
  return dense_2_->ComputeOutputShapes(hidden);
}

absl::Status MyModel::Build(absl::Span<const PartialShape> input_shapes) {
  STRATA_RETURN_IF_ERROR(dense_1_->EnsureBuilt(input_shapes));
  STRATA_ASSIGN_OR_RETURN(std::vector<PartialShape> hidden,
                          dense_1_->ComputeOutputShapes(input_shapes));
  return dense_2_->EnsureBuilt(hidden);
}

absl::StatusOr<std::vector<autograd::Variable>> MyModel::Call(
    const std::vector<autograd::Variable>& inputs, const CallContext& context) const {
  // The seed's call(): x = self.dense_1(inputs); return self.dense_2(x).
  STRATA_ASSIGN_OR_RETURN(autograd::Variable x, dense_1_->Apply(inputs[0], context));
  STRATA_ASSIGN_OR_RETURN(autograd::Variable y, dense_2_->Apply(x, context));
  return std::vector<autograd::Variable>{std::move(y)};
}

}  // namespace strata::seeds
