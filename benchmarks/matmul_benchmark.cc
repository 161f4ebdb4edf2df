// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// strata::ops::MatMul against plain Eigen (the same Eigen, one Map-based product, no TBB) on
// square sizes and on the shapes of the Fashion-MNIST MLP (784-64-64-10, batch 64) and its
// backward pass. strata runs at 1 and 2 threads (the benchmark argument); Eigen at 1 thread is
// the baseline. Figures and the command are in benchmarks/README.md.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Eigen/Core"
#include "benchmark/benchmark.h"
#include "tensor/ops/matmul.h"
#include "tensor/parallel.h"
#include "tensor/tensor.h"

namespace strata {
namespace {

struct Case {
  std::string name;
  int64_t m, n, k;
  bool transpose_a = false, transpose_b = false;
};

// op(a) is (m, k) and op(b) is (k, n); stored shapes follow the transposes, as in backward.
std::vector<Case> Cases() {
  return {
      {"square_128", 128, 128, 128},
      {"square_256", 256, 256, 256},
      {"square_512", 512, 512, 512},
      {"square_1024", 1024, 1024, 1024},
      // Dense(64) on the 784 inputs: y = x @ w, dw = x^T @ dy, dx = dy @ w^T.
      {"mlp1_fwd_64x784@784x64", 64, 64, 784},
      {"mlp1_dw_(64x784)^T@64x64", 784, 64, 64, true, false},
      {"mlp1_dx_64x64@(784x64)^T", 64, 784, 64, false, true},
      // Dense(64) on 64: forward (its gradients have the same sizes).
      {"mlp2_fwd_64x64@64x64", 64, 64, 64},
      // Dense(10): forward and gradients.
      {"mlp3_fwd_64x64@64x10", 64, 10, 64},
      {"mlp3_dw_(64x64)^T@64x10", 64, 10, 64, true, false},
      {"mlp3_dx_64x10@(64x10)^T", 64, 64, 10, false, true},
  };
}

Tensor RandomTensor(int64_t rows, int64_t cols, uint32_t seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  Tensor t = Tensor::Empty({rows, cols});
  float* data = t.mutable_data<float>();
  for (int64_t i = 0; i < t.num_elements(); ++i) data[i] = dist(engine);
  return t;
}

Tensor OperandA(const Case& c) {
  return c.transpose_a ? RandomTensor(c.k, c.m, 1) : RandomTensor(c.m, c.k, 1);
}
Tensor OperandB(const Case& c) {
  return c.transpose_b ? RandomTensor(c.n, c.k, 2) : RandomTensor(c.k, c.n, 2);
}

void SetCounters(benchmark::State& state, const Case& c) {
  state.counters["GFLOPS"] =
      benchmark::Counter(2.0 * c.m * c.n * c.k, benchmark::Counter::kIsIterationInvariantRate,
                         benchmark::Counter::kIs1000);
}

// strata: the op as users call it, output allocation included; threads = state.range(0).
void BM_Strata(benchmark::State& state, const Case& c) {
  ScopedThreadLimit limit(static_cast<int>(state.range(0)));
  const Tensor a = OperandA(c), b = OperandB(c);
  const ops::MatMulOptions options{.transpose_a = c.transpose_a, .transpose_b = c.transpose_b};
  for (auto _ : state) {
    absl::StatusOr<Tensor> y = ops::MatMul(a, b, options);
    benchmark::DoNotOptimize(y);
    if (!y.ok()) state.SkipWithError(std::string(y.status().message()).c_str());
  }
  SetCounters(state, c);
}

// Plain Eigen: one product of row-major Maps into a preallocated output, one thread.
void BM_Eigen(benchmark::State& state, const Case& c) {
  using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Tensor a = OperandA(c), b = OperandB(c);
  Tensor y = Tensor::Empty({c.m, c.n});
  const Eigen::Map<const Matrix> ma(a.data<float>(), a.dim(0), a.dim(1));
  const Eigen::Map<const Matrix> mb(b.data<float>(), b.dim(0), b.dim(1));
  Eigen::Map<Matrix> my(y.mutable_data<float>(), c.m, c.n);
  for (auto _ : state) {
    if (c.transpose_a) {
      my.noalias() = ma.transpose() * mb;  // The MLP's dw: no case transposes both.
    } else if (c.transpose_b) {
      my.noalias() = ma * mb.transpose();
    } else {
      my.noalias() = ma * mb;
    }
    benchmark::DoNotOptimize(y.mutable_data<float>());
    benchmark::ClobberMemory();
  }
  SetCounters(state, c);
}

void Register() {
  for (const Case& c : Cases()) {
    benchmark::RegisterBenchmark(("eigen/" + c.name).c_str(), BM_Eigen, c)
        ->Arg(1)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("strata/" + c.name).c_str(), BM_Strata, c)
        ->Arg(1)
        ->Arg(2)
        ->UseRealTime();
  }
}

}  // namespace
}  // namespace strata

int main(int argc, char** argv) {
  strata::Register();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
