// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_RANDOM_H_
#define STRATA_TENSOR_KERNELS_RANDOM_H_

// Counter-based random fills behind tensor/ops/random (see NOTE [ Counter-based random streams ]
// in tensor/ops/random.h). Every value is a pure function of (seed, block counter, position), so
// fills run in parallel and give the same bits at any thread count. Each fill returns the number
// of Philox blocks it consumed; the caller advances its counter by that much so the next draw
// starts on fresh blocks.
//
//   uint64_t counter = 0;
//   counter += kernels::FillUniform(/*seed=*/42, counter, n, 0.0f, 1.0f, out);
//   counter += kernels::FillNormal(42, counter, n, 0.0f, 1.0f, out2);

#include <array>
#include <cstdint>

namespace strata::kernels {

// The Philox4x32-10 bijection of Salmon et al., "Parallel random numbers: as easy as 1, 2, 3"
// (SC'11): 10 rounds on a 128-bit counter under a 64-bit key.
std::array<uint32_t, 4> Philox4x32(std::array<uint32_t, 4> counter, std::array<uint32_t, 2> key);

// Element i of a fill comes from block `counter + i / 4`, word i % 4 (four values per block),
// except where noted. The key is the seed's two 32-bit halves.

// out[i] uniform in [low, high) (24 random mantissa bits). Uses ceil(n / 4) blocks.
uint64_t FillUniform(uint64_t seed, uint64_t counter, int64_t n, float low, float high, float* out);

// out[i] = mean + stddev * z with z standard normal (Box-Muller on word pairs 0-1 and 2-3 of a
// block). Uses ceil(n / 4) blocks.
uint64_t FillNormal(uint64_t seed, uint64_t counter, int64_t n, float mean, float stddev,
                    float* out);

// Like FillNormal but z is redrawn while |z| > 2. Element i owns block `counter + i` and its
// redraws (the counter's third word numbers them), so it uses n blocks.
uint64_t FillTruncatedNormal(uint64_t seed, uint64_t counter, int64_t n, float mean, float stddev,
                             float* out);

// out[i] = 1 with probability p (uniform < p), else 0. Uses ceil(n / 4) blocks.
uint64_t FillBernoulli(uint64_t seed, uint64_t counter, int64_t n, float p, float* out);

// out[i] = 64 random bits: element i is words 2(i % 2) and 2(i % 2) + 1 of block
// `counter + i / 2`. Uses ceil(n / 2) blocks.
uint64_t FillBits64(uint64_t seed, uint64_t counter, int64_t n, uint64_t* out);

// Inverted dropout: with u the uniform FillUniform would draw, mask[i] = (u >= rate ? scale : 0)
// and out[i] = x[i] * mask[i]. Uses ceil(n / 4) blocks.
uint64_t FillDropout(uint64_t seed, uint64_t counter, const float* x, int64_t n, float rate,
                     float scale, float* out, float* mask);

// out[i] = x[i] * mask[i] (dropout's backward through a saved mask).
void ApplyMask(const float* x, const float* mask, int64_t n, float* out);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_RANDOM_H_
