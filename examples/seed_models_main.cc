// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Builds every model of the Keras tutorials strata was created from and prints their summaries,
// as the tutorials do (../shared/seeds/). `bazel run //examples:seed_models`
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "examples/seeds/seed_models.h"
#include "layers/layer.h"
#include "models/plot_model.h"

int main(int argc, char** argv) {
  using Builder = std::function<absl::StatusOr<std::shared_ptr<strata::Model>>()>;
  const std::vector<std::pair<std::string, Builder>> seeds = {
      {"MNIST MLP (seeds 000-002)", strata::seeds::MnistMlp},
      {"MNIST MLP variant (seed 003)", strata::seeds::MnistMlpVariant},
      {"72-feature MLP (seed 004)", strata::seeds::Features72Mlp},
      {"Subclassed MyModel (seed 004)", strata::seeds::SubclassedMyModel},
      {"Ensemble of three models (seed 001)", strata::seeds::Ensemble},
      {"Shared Embedding (seed 001)", strata::seeds::SharedEmbedding},
      {"CustomDense (seed 001)", strata::seeds::CustomDenseModel},
  };
  int failures = 0;
  for (const auto& [title, build] : seeds) {
    strata::ClearSession();  // Each tutorial starts a fresh session: names restart at dense.
    std::cout << "\n# " << title << "\n";
    absl::StatusOr<std::shared_ptr<strata::Model>> model = build();
    if (!model.ok()) {
      std::cerr << "error: " << model.status() << "\n";
      ++failures;
      continue;
    }
    (*model)->Summary();
  }
  return failures == 0 ? 0 : 1;
}
