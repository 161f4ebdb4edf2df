// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/random.h"

#include <algorithm>
#include <cmath>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

constexpr uint32_t kMul0 = 0xD2511F53u;  // Philox4x32 round multipliers.
constexpr uint32_t kMul1 = 0xCD9E8D57u;
constexpr uint32_t kWeyl0 = 0x9E3779B9u;  // Key schedule increments (golden ratio, sqrt(3)-1).
constexpr uint32_t kWeyl1 = 0xBB67AE85u;
constexpr int kRounds = 10;

// Blocks per parallel chunk: ~8K values, tens of microseconds of work. It depends on nothing
// but the fill size; the values do not depend on it at all, since each is a function of its
// own block (NOTE [ Counter-based random streams ]).
constexpr int64_t kGrainBlocks = 2048;

// Philox runs on kLanes = 16 consecutive blocks at a time: a single block is a chain of 10
// dependent multiplies (latency-bound, ~20 ns), while 16 independent ones fill the vector units.
constexpr int kLanes = 16;

constexpr float kTwoPi = 6.283185307179586f;
constexpr float kInv24 = 1.0f / 16777216.0f;  // 2^-24.

// Writes the 4 * kLanes words of blocks first_block .. first_block + kLanes - 1 (counter's
// third word = `round`) to words[], in element order: block l's word k at words[4 * l + k].
// Round r uses key + r * Weyl, the same as bumping the key after every round.
#if defined(__AVX2__)
inline void PhiloxLanes(uint64_t first_block, uint32_t round, uint32_t k0, uint32_t k1,
                        uint32_t* words) {
  // Each 64-bit lane holds one block's 32-bit word in its low half. _mm256_mul_epu32 reads only
  // the low halves, so stray high bits (from xor-ing products' high halves) never matter, and
  // the stores below keep only low halves.
  constexpr int kVectors = kLanes / 4;
  const __m256i m0 = _mm256_set1_epi64x(kMul0), m1 = _mm256_set1_epi64x(kMul1);
  __m256i c[kVectors][4];
  for (int h = 0; h < kVectors; ++h) {
    const uint64_t b = first_block + 4 * h;
    c[h][0] = _mm256_set_epi64x(static_cast<uint32_t>(b + 3), static_cast<uint32_t>(b + 2),
                                static_cast<uint32_t>(b + 1), static_cast<uint32_t>(b));
    c[h][1] = _mm256_set_epi64x((b + 3) >> 32, (b + 2) >> 32, (b + 1) >> 32, b >> 32);
    c[h][2] = _mm256_set1_epi64x(round);
    c[h][3] = _mm256_setzero_si256();
  }
  for (int r = 0; r < kRounds; ++r) {
    const __m256i key0 = _mm256_set1_epi64x(k0 + static_cast<uint32_t>(r) * kWeyl0);
    const __m256i key1 = _mm256_set1_epi64x(k1 + static_cast<uint32_t>(r) * kWeyl1);
    for (int h = 0; h < kVectors; ++h) {
      const __m256i p0 = _mm256_mul_epu32(c[h][0], m0);
      const __m256i p1 = _mm256_mul_epu32(c[h][2], m1);
      c[h][0] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c[h][1]), key0);
      c[h][2] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c[h][3]), key1);
      c[h][1] = p1;
      c[h][3] = p0;
    }
  }
  alignas(32) uint64_t lanes[kVectors][4][4];
  for (int h = 0; h < kVectors; ++h) {
    for (int k = 0; k < 4; ++k)
      _mm256_store_si256(reinterpret_cast<__m256i*>(lanes[h][k]), c[h][k]);
  }
  for (int l = 0; l < kLanes; ++l) {
    for (int k = 0; k < 4; ++k) words[4 * l + k] = static_cast<uint32_t>(lanes[l / 4][k][l % 4]);
  }
}
#else
inline void PhiloxLanes(uint64_t first_block, uint32_t round, uint32_t k0, uint32_t k1,
                        uint32_t* words) {
  for (int l = 0; l < kLanes; ++l) {
    const uint64_t b = first_block + l;
    const std::array<uint32_t, 4> w =
        Philox4x32({static_cast<uint32_t>(b), static_cast<uint32_t>(b >> 32), round, 0}, {k0, k1});
    for (int k = 0; k < 4; ++k) words[4 * l + k] = w[k];
  }
}
#endif

// Calls body(first_block, words, blocks) for consecutive runs of at most kLanes blocks covering
// [0, num_blocks) of the stream at `counter`, in parallel chunks; words holds 4 * blocks words
// in element order. `body` is a template parameter so it inlines: no per-element indirect call.
template <typename Body>
void ForEachBatch(uint64_t seed, uint64_t counter, int64_t num_blocks, const Body& body) {
  const uint32_t k0 = static_cast<uint32_t>(seed);
  const uint32_t k1 = static_cast<uint32_t>(seed >> 32);
  ParallelFor(num_blocks, kGrainBlocks, [&](int64_t begin, int64_t end) {
    alignas(32) uint32_t words[4 * kLanes];
    for (int64_t b = begin; b < end; b += kLanes) {
      PhiloxLanes(counter + b, 0, k0, k1, words);
      body(b, words, static_cast<int>(std::min<int64_t>(kLanes, end - b)));
    }
  });
}

// [0, 1) from the top 24 bits: every value is exact in float.
inline float UnitOpen1(uint32_t w) { return static_cast<float>(w >> 8) * kInv24; }
// (0, 1]: safe for log.
inline float UnitOpen0(uint32_t w) { return static_cast<float>((w >> 8) + 1) * kInv24; }

// Two independent standard normals from two words (Box-Muller).
inline void BoxMuller(uint32_t a, uint32_t b, float& z0, float& z1) {
  const float radius = std::sqrt(-2.0f * std::log(UnitOpen0(a)));
  const float theta = kTwoPi * UnitOpen1(b);
  z0 = radius * std::cos(theta);
  z1 = radius * std::sin(theta);
}

int64_t CeilDiv(int64_t n, int64_t d) { return (n + d - 1) / d; }

}  // namespace

std::array<uint32_t, 4> Philox4x32(std::array<uint32_t, 4> counter, std::array<uint32_t, 2> key) {
  for (int r = 0; r < kRounds; ++r) {
    if (r > 0) {
      key[0] += kWeyl0;
      key[1] += kWeyl1;
    }
    const uint64_t p0 = static_cast<uint64_t>(kMul0) * counter[0];
    const uint64_t p1 = static_cast<uint64_t>(kMul1) * counter[2];
    counter = {static_cast<uint32_t>(p1 >> 32) ^ counter[1] ^ key[0], static_cast<uint32_t>(p1),
               static_cast<uint32_t>(p0 >> 32) ^ counter[3] ^ key[1], static_cast<uint32_t>(p0)};
  }
  return counter;
}

uint64_t FillUniform(uint64_t seed, uint64_t counter, int64_t n, float low, float high,
                     float* out) {
  const int64_t blocks = CeilDiv(n, 4);
  const float range = high - low;
  // low + range * u can round up to `high`; clamping keeps the interval half-open.
  const float top = high > low ? std::nextafter(high, low) : INFINITY;
  ForEachBatch(seed, counter, blocks, [&](int64_t b, const uint32_t* w, int num_blocks) {
    const int64_t i0 = 4 * b;
    const int count = static_cast<int>(std::min<int64_t>(4 * num_blocks, n - i0));
    const float lo = low, span = range, hi = top;  // Locals, as in FillDropout.
    for (int k = 0; k < count; ++k) out[i0 + k] = std::min(lo + span * UnitOpen1(w[k]), hi);
  });
  return blocks;
}

uint64_t FillNormal(uint64_t seed, uint64_t counter, int64_t n, float mean, float stddev,
                    float* out) {
  const int64_t blocks = CeilDiv(n, 4);
  ForEachBatch(seed, counter, blocks, [&](int64_t b, const uint32_t* w, int num_blocks) {
    const int64_t i0 = 4 * b;
    const int count = static_cast<int>(std::min<int64_t>(4 * num_blocks, n - i0));
    for (int k = 0; k < count; k += 2) {
      float z0, z1;
      BoxMuller(w[k], w[k + 1], z0, z1);
      out[i0 + k] = mean + stddev * z0;
      if (k + 1 < count) out[i0 + k + 1] = mean + stddev * z1;
    }
  });
  return blocks;
}

uint64_t FillTruncatedNormal(uint64_t seed, uint64_t counter, int64_t n, float mean, float stddev,
                             float* out) {
  // Four candidates per block each fall within 2 sigma with probability 0.954, so a redraw
  // (a new block for the same element: the counter's third word counts redraws) is needed for
  // about 2e-6 of the elements; after kMaxRedraws the element falls back to the mean, which
  // would take about 1e-300 odds.
  constexpr uint32_t kMaxRedraws = 64;
  const std::array<uint32_t, 2> key = {static_cast<uint32_t>(seed),
                                       static_cast<uint32_t>(seed >> 32)};
  auto pick = [](const uint32_t* w, float& z) {
    float v[4];
    BoxMuller(w[0], w[1], v[0], v[1]);
    BoxMuller(w[2], w[3], v[2], v[3]);
    for (float x : v) {
      if (std::abs(x) <= 2.0f) {
        z = x;
        return true;
      }
    }
    return false;
  };
  ForEachBatch(seed, counter, n, [&](int64_t b, const uint32_t* w, int num_blocks) {
    for (int l = 0; l < num_blocks; ++l) {
      float z = 0.0f;
      if (!pick(w + 4 * l, z)) {
        const uint64_t block = counter + b + l;
        for (uint32_t round = 1; round <= kMaxRedraws; ++round) {
          const std::array<uint32_t, 4> redraw = Philox4x32(
              {static_cast<uint32_t>(block), static_cast<uint32_t>(block >> 32), round, 0}, key);
          if (pick(redraw.data(), z)) break;
        }
      }
      out[b + l] = mean + stddev * z;
    }
  });
  return n;
}

uint64_t FillBernoulli(uint64_t seed, uint64_t counter, int64_t n, float p, float* out) {
  const int64_t blocks = CeilDiv(n, 4);
  ForEachBatch(seed, counter, blocks, [&](int64_t b, const uint32_t* w, int num_blocks) {
    const int64_t i0 = 4 * b;
    const int count = static_cast<int>(std::min<int64_t>(4 * num_blocks, n - i0));
    const float q = p;  // A local, as in FillDropout.
    for (int k = 0; k < count; ++k) out[i0 + k] = UnitOpen1(w[k]) < q ? 1.0f : 0.0f;
  });
  return blocks;
}

uint64_t FillBits64(uint64_t seed, uint64_t counter, int64_t n, uint64_t* out) {
  const int64_t blocks = CeilDiv(n, 2);
  ForEachBatch(seed, counter, blocks, [&](int64_t b, const uint32_t* w, int num_blocks) {
    const int64_t i0 = 2 * b;
    const int count = static_cast<int>(std::min<int64_t>(2 * num_blocks, n - i0));
    for (int k = 0; k < count; ++k) {
      out[i0 + k] = (static_cast<uint64_t>(w[2 * k + 1]) << 32) | w[2 * k];
    }
  });
  return blocks;
}

uint64_t FillDropout(uint64_t seed, uint64_t counter, const float* x, int64_t n, float rate,
                     float scale, float* out, float* mask) {
  const int64_t blocks = CeilDiv(n, 4);
  ForEachBatch(seed, counter, blocks, [&](int64_t b, const uint32_t* w, int num_blocks) {
    const int64_t i0 = 4 * b;
    const int count = static_cast<int>(std::min<int64_t>(4 * num_blocks, n - i0));
    // Three simple loops over a local buffer vectorize (compare + blend, multiply); one fused
    // loop does not, since the stores to mask and out might alias x.
    const float r = rate, s = scale;  // Locals: captures by reference are reloaded per element.
    float m[4 * kLanes];
    for (int k = 0; k < count; ++k) m[k] = UnitOpen1(w[k]) >= r ? s : 0.0f;
    for (int k = 0; k < count; ++k) mask[i0 + k] = m[k];
    for (int k = 0; k < count; ++k) out[i0 + k] = x[i0 + k] * m[k];
  });
  return blocks;
}

void ApplyMask(const float* x, const float* mask, int64_t n, float* out) {
  ParallelFor(n, int64_t{1} << 15, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) out[i] = x[i] * mask[i];
  });
}

}  // namespace strata::kernels
