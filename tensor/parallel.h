// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_PARALLEL_H_
#define STRATA_TENSOR_PARALLEL_H_

// Deterministic parallel loops on oneTBB for the kernels.
//
// NOTE [ Deterministic parallelism ]
// Work is cut into chunks whose boundaries depend only on the problem size and a grain fixed by
// the caller, never on the number of threads; each chunk is computed by one thread in a fixed
// order; partial results (reductions) are combined in chunk order. So a kernel gives bitwise the
// same result on 1 thread and on N threads. Kernels must not pick chunk sizes from NumThreads().
//
//   ParallelFor(n, /*grain=*/1 << 14, [&](int64_t begin, int64_t end) {
//     for (int64_t i = begin; i < end; ++i) out[i] = in[i] * 2;
//   });

#include <cstdint>
#include <memory>

#include "absl/functional/function_ref.h"

namespace strata {

// Runs fn(begin, end) over [0, n) in chunks [k * grain, min((k + 1) * grain, n)), in parallel
// when there is more than one chunk. fn must not throw.
void ParallelFor(int64_t n, int64_t grain, absl::FunctionRef<void(int64_t, int64_t)> fn);

// The number of chunks ParallelFor(n, grain, ...) runs: ceil(n / grain), at least 1 when n > 0.
int64_t NumChunks(int64_t n, int64_t grain);

// The number of threads kernels may use here (oneTBB's concurrency of the current arena).
int NumThreads();

// Limits oneTBB to `num_threads` threads process-wide while alive (for benchmarks and the
// determinism tests; results never depend on it).
class ScopedThreadLimit {
 public:
  explicit ScopedThreadLimit(int num_threads);
  ~ScopedThreadLimit();
  ScopedThreadLimit(const ScopedThreadLimit&) = delete;
  ScopedThreadLimit& operator=(const ScopedThreadLimit&) = delete;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace strata

#endif  // STRATA_TENSOR_PARALLEL_H_
