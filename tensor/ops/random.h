// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_OPS_RANDOM_H_
#define STRATA_TENSOR_OPS_RANDOM_H_

// Random tensors for initializers, dropout and shuffling, from a seeded, reproducible stream.
//
// NOTE [ Counter-based random streams ]
// A RandomGenerator is a seed plus a 64-bit counter, nothing else. Values come from the
// Philox4x32-10 bijection (Salmon et al., SC'11) applied to the 128-bit block number
// (counter + j, redraw number) under the seed as key: a draw of n values reads blocks
// counter, counter + 1, ... with element i taken from block counter + i / 4 (for most draws),
// and then advances the counter by the number of blocks it read. So
//   * element i of a draw depends only on (seed, counter, i): fills run in parallel chunks
//     (ParallelFor) and give the same bits at 1 or N threads, unlike a sequential engine such
//     as mt19937 whose state must be stepped in order;
//   * saving (seed, counter) saves the stream: a generator restored with set_counter() repeats
//     exactly what the original drew next (checkpoints, resumed training);
//   * every draw starts on a fresh block, so consecutive draws never share random bits.
// The number of blocks a draw uses is documented per method in tensor/kernels/random.h.
//
//   RandomGenerator rng(/*seed=*/42);
//   Tensor w = rng.Uniform({784, 64}, -0.05f, 0.05f);
//   STRATA_ASSIGN_OR_RETURN(Tensor order, rng.Permutation(60000));  // shuffle a dataset
//   uint64_t saved = rng.counter();
//   ...
//   rng.set_counter(saved);  // replays the same values

#include <cstdint>

#include "absl/status/statusor.h"
#include "tensor/tensor.h"

namespace strata::ops {

// Not thread-safe: one generator per thread of work (draws mutate the counter).
class RandomGenerator {
 public:
  explicit RandomGenerator(uint64_t seed) : seed_(seed) {}

  // The key of the stream.
  uint64_t seed() const { return seed_; }
  // The next unused Philox block; save it with seed() to restore the stream later.
  uint64_t counter() const { return counter_; }
  // Moves the stream to `counter` (a value saved from counter()).
  void set_counter(uint64_t counter) { counter_ = counter; }

  // float32 uniform in [low, high) (Keras's RandomUniform). With high <= low the values are
  // low + (high - low) * u, u in [0, 1).
  Tensor Uniform(const Shape& shape, float low = 0.0f, float high = 1.0f);
  // float32 normal (Keras's RandomNormal). InvalidArgument unless stddev >= 0 and both are
  // finite.
  absl::StatusOr<Tensor> Normal(const Shape& shape, float mean = 0.0f, float stddev = 1.0f);
  // Like Normal, but values more than 2 stddev from the mean are redrawn (Keras's
  // TruncatedNormal).
  absl::StatusOr<Tensor> TruncatedNormal(const Shape& shape, float mean = 0.0f,
                                         float stddev = 1.0f);
  // float32 mask: 1 with probability p, else 0. InvalidArgument unless 0 <= p <= 1.
  absl::StatusOr<Tensor> Bernoulli(const Shape& shape, float p);
  // int64 [n]: a uniformly random permutation of 0 .. n-1 (Fisher-Yates). InvalidArgument if
  // n < 0.
  absl::StatusOr<Tensor> Permutation(int64_t n);

 private:
  uint64_t seed_;
  uint64_t counter_ = 0;
};

// The output of Dropout and the mask that made it.
struct DropoutResult {
  Tensor output;  // x * mask.
  Tensor mask;    // 0 where dropped, 1 / (1 - rate) where kept; float32, x's shape.
};

// Inverted dropout as Keras does it: each element is dropped with probability `rate` and the
// kept ones are scaled by 1 / (1 - rate) so the expected value is unchanged. The mask is the
// same one rng.Uniform(x.shape()) >= rate would give at the current counter. InvalidArgument
// unless x is float32 and 0 <= rate < 1.
absl::StatusOr<DropoutResult> Dropout(const Tensor& x, float rate, RandomGenerator& rng);

// x * mask elementwise, for Dropout's backward. InvalidArgument unless both are float32 with
// the same shape.
absl::StatusOr<Tensor> ApplyMask(const Tensor& x, const Tensor& mask);

}  // namespace strata::ops

#endif  // STRATA_TENSOR_OPS_RANDOM_H_
