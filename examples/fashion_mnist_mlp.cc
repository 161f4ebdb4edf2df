// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// The main job: the seed's MNIST workflow (../shared/seeds/000, 001) on Fashion-MNIST from
// Debian's dataset-fashion-mnist. A 784-64-64-10 MLP, RMSprop(1e-3), sparse categorical
// cross-entropy from logits, batch 64, validation_split 0.2, then evaluation on the 10,000 test
// images and the model's summary.
//
//   bazel run //examples:fashion_mnist_mlp -- --epochs=2
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/status/status.h"
#include "base/status_macros.h"
#include "data/idx.h"
#include "layers/dense.h"
#include "layers/input_layer.h"
#include "layers/layer_handle.h"
#include "losses/categorical_crossentropy.h"
#include "models/model.h"
#include "models/training.h"
#include "optimizers/rmsprop.h"
#include "tensor/ops/elementwise.h"
#include "tensor/parallel.h"

ABSL_FLAG(int, epochs, 2, "Training epochs.");
ABSL_FLAG(int, batch_size, 64, "Samples per gradient step.");
ABSL_FLAG(uint64_t, seed, 0, "Seed of the weights, the shuffling and dropout.");
ABSL_FLAG(int, threads, 0, "Threads for the kernels (0: all cores).");

namespace {

absl::Status Run() {
  std::unique_ptr<strata::ScopedThreadLimit> limit;
  if (absl::GetFlag(FLAGS_threads) > 0) {
    limit = std::make_unique<strata::ScopedThreadLimit>(absl::GetFlag(FLAGS_threads));
  }
  strata::SetRandomSeed(absl::GetFlag(FLAGS_seed));

  // (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
  STRATA_ASSIGN_OR_RETURN(strata::data::FashionMnist data, strata::data::LoadFashionMnist());
  // x_train = x_train.reshape(60000, 784).astype("float32") / 255
  STRATA_ASSIGN_OR_RETURN(strata::Tensor x_train, data.train_images.Reshape({60000, 784}));
  STRATA_ASSIGN_OR_RETURN(x_train, strata::ops::MulScalar(x_train, 1.0f / 255));
  STRATA_ASSIGN_OR_RETURN(strata::Tensor x_test, data.test_images.Reshape({10000, 784}));
  STRATA_ASSIGN_OR_RETURN(x_test, strata::ops::MulScalar(x_test, 1.0f / 255));

  strata::SymbolicTensor inputs = strata::Input({784}, "img");
  strata::SymbolicTensor x = strata::Make<strata::Dense>({.units = 64, .activation = "relu"})(inputs);
  x = strata::Make<strata::Dense>({.units = 64, .activation = "relu"})(x);
  strata::SymbolicTensor outputs = strata::Make<strata::Dense>({.units = 10})(x);
  STRATA_ASSIGN_OR_RETURN(std::shared_ptr<strata::Model> model,
                          strata::Model::Create(inputs, outputs, "mnist_model"));

  STRATA_ASSIGN_OR_RETURN(auto rmsprop, strata::optimizers::RMSprop::Create({.learning_rate = 1e-3}));
  STRATA_RETURN_IF_ERROR(model->Compile(
      {.optimizer = std::shared_ptr<strata::optimizers::Optimizer>(std::move(rmsprop)),
       .loss = {std::make_shared<strata::losses::SparseCategoricalCrossentropy>(
           strata::losses::SparseCategoricalCrossentropyOptions{.from_logits = true})},
       .metrics = {"accuracy"}}));

  const auto start = std::chrono::steady_clock::now();
  STRATA_ASSIGN_OR_RETURN(strata::History history,
                          model->Fit(x_train, data.train_labels,
                                     {.batch_size = absl::GetFlag(FLAGS_batch_size),
                                      .epochs = absl::GetFlag(FLAGS_epochs),
                                      .validation_split = 0.2,
                                      .seed = absl::GetFlag(FLAGS_seed)}));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  STRATA_ASSIGN_OR_RETURN(strata::Logs scores,
                          model->Evaluate(x_test, data.test_labels, {.verbose = 2}));
  std::printf("Test loss: %.17g\n", scores[0].second);
  std::printf("Test accuracy: %.17g\n", scores[1].second);
  std::printf("Training time: %.2f s (%.3f s/epoch)\n", seconds,
              seconds / std::max(1, absl::GetFlag(FLAGS_epochs)));
  model->Summary();
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::Status status = Run();
  if (!status.ok()) {
    std::cerr << "error: " << status << "\n";
    return 1;
  }
  return 0;
}
