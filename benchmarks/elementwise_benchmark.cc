// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Elementwise throughput in GB/s (bytes each op must read and write), at 1 and 2 threads.
//
// Each op is measured twice: through tensor/ops (what models call: validation plus a freshly
// allocated output per call) and through tensor/kernels into a preallocated output (the loop
// alone). The gap is the cost of allocating and first-touching the output pages.
//
//   bazel run //benchmarks:elementwise_benchmark
//   Arguments of each benchmark: /<elements>/<threads>.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "benchmark/benchmark.h"
#include "tensor/kernels/elementwise.h"
#include "tensor/ops/elementwise.h"
#include "tensor/parallel.h"
#include "tensor/tensor.h"

namespace strata {
namespace {

constexpr int64_t kRowWidth = 256;  // Bias width of the row-broadcast case.

enum class Case { kAdd, kAddRow, kMultiply, kExp, kRelu };

// Float32 bytes per output element that the op must move (inputs read + output written).
int64_t BytesPerElement(Case c) {
  switch (c) {
    case Case::kAdd:
    case Case::kMultiply:
      return 12;
    case Case::kAddRow:  // The bias row stays in L1.
    case Case::kExp:
    case Case::kRelu:
      return 8;
  }
  return 0;
}

Tensor Filled(const Shape& shape, float start) {
  Tensor t = Tensor::Empty(shape);
  float* data = t.mutable_data<float>();
  for (int64_t i = 0; i < t.num_elements(); ++i) data[i] = start + 1e-6f * (i % 1000);
  return t;
}

void Finish(benchmark::State& state, Case c, int64_t n) {
  state.SetBytesProcessed(state.iterations() * n * BytesPerElement(c));
  state.counters["threads"] = static_cast<double>(state.range(1));
}

// Through tensor/ops: validation, a new output tensor per call, the kernel.
void BM_Ops(benchmark::State& state, Case c) {
  const int64_t n = state.range(0);
  ScopedThreadLimit limit(static_cast<int>(state.range(1)));
  const Tensor a = Filled({n / kRowWidth, kRowWidth}, -0.5f);
  const Tensor b = Filled({n / kRowWidth, kRowWidth}, 0.25f);
  const Tensor bias = Filled({kRowWidth}, 0.1f);
  const Tensor zero = Tensor::Scalar(0.0f);
  for (auto _ : state) {
    absl::StatusOr<Tensor> y;
    switch (c) {
      case Case::kAdd:
        y = ops::Add(a, b);
        break;
      case Case::kAddRow:
        y = ops::Add(a, bias);
        break;
      case Case::kMultiply:
        y = ops::Multiply(a, b);
        break;
      case Case::kExp:
        y = ops::Exp(a);
        break;
      case Case::kRelu:
        y = ops::Maximum(a, zero);
        break;
    }
    if (!y.ok()) {
      state.SkipWithError(std::string(y.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(y->raw_data());
  }
  Finish(state, c, n);
}

// Through tensor/kernels into an output allocated (and touched) once.
void BM_Kernel(benchmark::State& state, Case c) {
  const int64_t n = state.range(0);
  ScopedThreadLimit limit(static_cast<int>(state.range(1)));
  const Tensor a = Filled({n}, -0.5f);
  const Tensor b = Filled({n}, 0.25f);
  const Tensor bias = Filled({kRowWidth}, 0.1f);
  const float zero = 0.0f;
  Tensor out = Tensor::Zeros({n});
  const int64_t flat[] = {n};
  const int64_t one[] = {1};
  const int64_t rows[] = {n / kRowWidth, kRowWidth};
  const int64_t row[] = {1, kRowWidth};
  const kernels::BroadcastDims same{.rank = 1, .out = flat, .in = {flat, flat}};
  const kernels::BroadcastDims scalar{.rank = 1, .out = flat, .in = {flat, one}};
  const kernels::BroadcastDims row_broadcast{.rank = 2, .out = rows, .in = {rows, row}};
  float* y = out.mutable_data<float>();
  for (auto _ : state) {
    switch (c) {
      case Case::kAdd:
        kernels::Binary(kernels::BinaryOp::kAdd, same, a.data<float>(), b.data<float>(), y);
        break;
      case Case::kAddRow:
        kernels::Binary(kernels::BinaryOp::kAdd, row_broadcast, a.data<float>(), bias.data<float>(),
                        y);
        break;
      case Case::kMultiply:
        kernels::Binary(kernels::BinaryOp::kMultiply, same, a.data<float>(), b.data<float>(), y);
        break;
      case Case::kExp:
        kernels::Unary(kernels::UnaryOp::kExp, a.data<float>(), y, n);
        break;
      case Case::kRelu:
        kernels::Binary(kernels::BinaryOp::kMaximum, scalar, a.data<float>(), &zero, y);
        break;
    }
    benchmark::DoNotOptimize(y);
    benchmark::ClobberMemory();
  }
  Finish(state, c, n);
}

// The per-call overhead that matters for small MLPs: a (64, 128) + (128,) bias add through ops,
// which runs inline (one chunk) on the calling thread.
void BM_SmallBiasAdd(benchmark::State& state) {
  const Tensor x = Filled({64, 128}, -0.5f);
  const Tensor bias = Filled({128}, 0.1f);
  for (auto _ : state) {
    absl::StatusOr<Tensor> y = ops::Add(x, bias);
    benchmark::DoNotOptimize(y->raw_data());
  }
  state.SetBytesProcessed(state.iterations() * x.num_bytes() * 2);
}
BENCHMARK(BM_SmallBiasAdd);

void Sizes(benchmark::internal::Benchmark* b) {
  for (int64_t n : {int64_t{1} << 20, int64_t{1} << 24}) {
    for (int64_t threads : {1, 2}) b->Args({n, threads});
  }
  b->ArgNames({"n", "threads"})->UseRealTime()->Unit(benchmark::kMicrosecond);
}

BENCHMARK_CAPTURE(BM_Ops, Add, Case::kAdd)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Ops, AddRowBroadcast, Case::kAddRow)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Ops, Multiply, Case::kMultiply)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Ops, Exp, Case::kExp)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Ops, MaximumZero, Case::kRelu)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Kernel, Add, Case::kAdd)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Kernel, AddRowBroadcast, Case::kAddRow)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Kernel, Multiply, Case::kMultiply)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Kernel, Exp, Case::kExp)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Kernel, MaximumZero, Case::kRelu)->Apply(Sizes);

}  // namespace
}  // namespace strata

BENCHMARK_MAIN();
