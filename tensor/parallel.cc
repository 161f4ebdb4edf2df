// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/parallel.h"

#include <algorithm>

#include "base/check.h"
#include "oneapi/tbb/blocked_range.h"
#include "oneapi/tbb/global_control.h"
#include "oneapi/tbb/parallel_for.h"
#include "oneapi/tbb/partitioner.h"
#include "oneapi/tbb/task_arena.h"

namespace strata {

int64_t NumChunks(int64_t n, int64_t grain) {
  STRATA_CHECK(grain > 0) << "grain " << grain;
  if (n <= 0) return 0;
  return (n + grain - 1) / grain;
}

void ParallelFor(int64_t n, int64_t grain, absl::FunctionRef<void(int64_t, int64_t)> fn) {
  const int64_t chunks = NumChunks(n, grain);
  if (chunks == 0) return;
  if (chunks == 1) {
    fn(0, n);
    return;
  }
  // simple_partitioner with grainsize 1 hands out exactly one chunk per body call, so chunk
  // boundaries are the fixed ones above (NOTE [ Deterministic parallelism ]).
  oneapi::tbb::parallel_for(
      oneapi::tbb::blocked_range<int64_t>(0, chunks, 1),
      [&](const oneapi::tbb::blocked_range<int64_t>& range) {
        for (int64_t c = range.begin(); c < range.end(); ++c) {
          fn(c * grain, std::min(n, (c + 1) * grain));
        }
      },
      oneapi::tbb::simple_partitioner());
}

int NumThreads() {
  const size_t limit = oneapi::tbb::global_control::active_value(
      oneapi::tbb::global_control::max_allowed_parallelism);
  return static_cast<int>(
      std::min<size_t>(limit, oneapi::tbb::this_task_arena::max_concurrency()));
}

class ScopedThreadLimit::Impl {
 public:
  explicit Impl(int num_threads)
      : control_(oneapi::tbb::global_control::max_allowed_parallelism,
                 static_cast<size_t>(std::max(1, num_threads))) {}

 private:
  oneapi::tbb::global_control control_;
};

ScopedThreadLimit::ScopedThreadLimit(int num_threads)
    : impl_(std::make_unique<Impl>(num_threads)) {}

ScopedThreadLimit::~ScopedThreadLimit() = default;

}  // namespace strata
