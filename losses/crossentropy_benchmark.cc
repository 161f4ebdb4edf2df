// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
//
// The classifier's loss step alone, forward and backward, at the main job's
// shape (64, 10) and larger:
//   bazel run //losses:crossentropy_benchmark

#include <cstdint>
#include <vector>

#include "autograd/gradcheck.h"
#include "autograd/ops/reduce.h"
#include "benchmark/benchmark.h"
#include "losses/categorical_crossentropy.h"

namespace strata::losses {
namespace {

void BM_SparseFromLogitsStep(benchmark::State& state) {
  const int64_t batch = state.range(0), classes = state.range(1);
  const Tensor logits =
      autograd::GradCheckInput({batch, classes}, 1, -3.0f, 3.0f);
  std::vector<int64_t> ids(batch);
  for (int64_t i = 0; i < batch; ++i) ids[i] = (i * 7) % classes;
  const Tensor labels =
      Tensor::FromVector<int64_t>({batch}, absl::MakeConstSpan(ids)).value();
  const SparseCategoricalCrossentropy loss({.from_logits = true});
  for (auto _ : state) {
    autograd::Variable x(logits, /*requires_grad=*/true);
    auto value = loss(labels, x);
    if (!value.ok() || !value->Backward().ok()) {
      state.SkipWithError("loss failed");
      break;
    }
    benchmark::DoNotOptimize(x.grad().raw_data());
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_SparseFromLogitsStep)->Args({64, 10})->Args({256, 1000});

void BM_CategoricalFromLogitsStep(benchmark::State& state) {
  const int64_t batch = state.range(0), classes = state.range(1);
  const Tensor logits =
      autograd::GradCheckInput({batch, classes}, 1, -3.0f, 3.0f);
  Tensor targets = Tensor::Zeros({batch, classes});
  for (int64_t i = 0; i < batch; ++i) {
    targets.mutable_data<float>()[i * classes + (i * 7) % classes] = 1;
  }
  const CategoricalCrossentropy loss({.from_logits = true});
  for (auto _ : state) {
    autograd::Variable x(logits, /*requires_grad=*/true);
    auto value = loss(targets, x);
    if (!value.ok() || !value->Backward().ok()) {
      state.SkipWithError("loss failed");
      break;
    }
    benchmark::DoNotOptimize(x.grad().raw_data());
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_CategoricalFromLogitsStep)->Args({64, 10});

// The autograd floor: the cheapest op with a node, Sum, and its backward.
void BM_SumStepFloor(benchmark::State& state) {
  const Tensor logits = autograd::GradCheckInput({64, 10}, 1, -3.0f, 3.0f);
  for (auto _ : state) {
    autograd::Variable x(logits, /*requires_grad=*/true);
    auto value = autograd::Sum(x);
    if (!value.ok() || !value->Backward().ok()) {
      state.SkipWithError("sum failed");
      break;
    }
    benchmark::DoNotOptimize(x.grad().raw_data());
  }
}
BENCHMARK(BM_SumStepFloor);

}  // namespace
}  // namespace strata::losses
