// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_EXAMPLES_SEEDS_SEED_MODELS_H_
#define STRATA_EXAMPLES_SEEDS_SEED_MODELS_H_

// The models of the five Keras tutorials strata was created from (../shared/seeds/), written
// with strata's functional API. examples:seed_models prints their summaries; tests/ check every
// parameter count and output shape the tutorials print.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"
#include "layers/dense.h"
#include "models/model.h"

namespace strata::seeds {

// Seeds 000-002: Input(784) -> Dense(64, relu) -> Dense(64, relu) -> Dense(10); 55,050 params.
absl::StatusOr<std::shared_ptr<Model>> MnistMlp();
// Seed 003: Input(784, "img") -> Dense(32, relu) -> Dense(64, relu) -> Dense(10, softmax);
// 27,882 params, named "mnist model".
absl::StatusOr<std::shared_ptr<Model>> MnistMlpVariant();
// Seed 004: Input(72) -> Dense(32, relu) -> Dense(16, relu) -> Dense(10, softmax); 3,034 params.
absl::StatusOr<std::shared_ptr<Model>> Features72Mlp();
// Seed 001: three Input(128) -> Dense(1) models averaged; 387 params.
absl::StatusOr<std::shared_ptr<Model>> Ensemble();
// Seed 001: one Embedding(1000, 128) shared by two variable-length int32 inputs.
absl::StatusOr<std::shared_ptr<Model>> SharedEmbedding();
// Seed 001: Input(4) -> CustomDense(10); 50 params.
absl::StatusOr<std::shared_ptr<Model>> CustomDenseModel();
// Seed 004: the subclassed MyModel (Dense(32, relu) -> Dense(10, sigmoid)) on Input(72), mixed
// into a functional model; 2,666 params.
absl::StatusOr<std::shared_ptr<Model>> SubclassedMyModel();

// The seed's CustomDense, as a user writes a custom layer in C++: weights in Build, the math in
// Call, and a config ({"units": N}) that FromConfig turns back into the layer.
class CustomDense final : public Layer {
 public:
  struct Options {
    int64_t units = 32;
    std::string name;
  };
  static absl::StatusOr<std::shared_ptr<CustomDense>> Create(Options options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "CustomDense"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

 protected:
  absl::Status Build(absl::Span<const PartialShape> input_shapes) override;
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  CustomDense(std::string name, int64_t units) : Layer(name, "CustomDense"), units_(units) {}
  int64_t units_;
  autograd::Variable w_, b_;
};

// The seed's subclassed model: layers made in the constructor, the forward pass in Call.
class MyModel final : public Layer {
 public:
  static absl::StatusOr<std::shared_ptr<MyModel>> Create(int64_t num_classes);
  std::string class_name() const override { return "MyModel"; }
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;

 protected:
  absl::Status Build(absl::Span<const PartialShape> input_shapes) override;
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  MyModel(std::shared_ptr<Dense> dense_1, std::shared_ptr<Dense> dense_2);
  std::shared_ptr<Dense> dense_1_;
  std::shared_ptr<Dense> dense_2_;
};

}  // namespace strata::seeds

#endif  // STRATA_EXAMPLES_SEEDS_SEED_MODELS_H_
