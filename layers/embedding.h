// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_EMBEDDING_H_
#define STRATA_LAYERS_EMBEDDING_H_

// Embedding maps integer ids in [0, input_dim) to rows of a trainable (input_dim, output_dim)
// table, as Keras's Embedding: (batch, ...) ids -> (batch, ..., output_dim). An id out of range
// is an OutOfRange error naming it. Float inputs are cast to ids, as Keras does.
//
//   SymbolicTensor words = Input({kUnknownDim}, "title", DType::kInt64);
//   auto x = Make<Embedding>({.input_dim = 10000, .output_dim = 64})(words);  // (None, None, 64)

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/initializers.h"
#include "layers/layer.h"

namespace strata {

struct EmbeddingOptions {
  int64_t input_dim = 0;   // Vocabulary size; > 0.
  int64_t output_dim = 0;  // Width of each row; > 0.
  Initializer embeddings_initializer = Initializer::RandomUniform();
  std::string name;        // Empty: "embedding", "embedding_1", ...
};

class Embedding final : public Layer {
 public:
  using Options = EmbeddingOptions;
  static absl::StatusOr<std::shared_ptr<Embedding>> Create(EmbeddingOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);

  std::string class_name() const override { return "Embedding"; }
  ConfigDict GetConfig() const override;
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  // Valid after Build.
  const autograd::Variable& embeddings() const { return embeddings_; }

 protected:
  absl::Status Build(absl::Span<const PartialShape> input_shapes) override;
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;

 private:
  explicit Embedding(EmbeddingOptions options)
      : Layer(options.name, "Embedding"), options_(std::move(options)) {}
  EmbeddingOptions options_;
  autograd::Variable embeddings_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_EMBEDDING_H_
