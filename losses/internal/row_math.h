// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_INTERNAL_ROW_MATH_H_
#define STRATA_LOSSES_INTERNAL_ROW_MATH_H_

// Private to //losses: the per-row math of the softmax cross-entropies,
// written so that g++ vectorizes it (no calls, fixed-width lanes).
//
// NOTE [ Loss exp ]
// glibc's expf is a scalar call (~10 ns here), which made exp the whole cost
// of the classifier's loss step; Eigen's vectorized exp lives behind
// tensor/kernels, out of reach of this package. ExpNonPositive is the same
// Cephes scheme as Eigen's: exp(x) = 2^n exp(r) with n = round(x / ln 2), r
// reduced in two steps (Cody-Waite) and a degree-6 polynomial; its error is
// below 1.5 ulp on [-87, 0], the domain of shifted logits x - max(x) and of
// exp(-|x|). Below -87 it returns 0 (exp there is < 2e-38); NaN stays NaN.
//
//   float max[kExpBlockRows], sum[kExpBlockRows];
//   RowMaxSum(logits, BlockRows(k), k, max, sum);  // softmax = exp(x - max) /
//   sum

#include <cstdint>
#include <cstring>
#include <limits>

namespace strata::losses::internal {

// exp(x) for x <= 0 (see NOTE [ Loss exp ]); branch-free.
inline float ExpNonPositive(float x) {
  const bool underflow = x < -87.0f;
  x = x < -87.0f ? -87.0f : x;
  // Adding 1.5 * 2^23 rounds x / ln 2 to the nearest integer n, which also
  // sits in the low mantissa bits of t.
  const float t = x * 1.44269504088896341f + 12582912.0f;
  const float n = t - 12582912.0f;
  float r = x - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  int32_t bits;
  std::memcpy(&bits, &t, sizeof(bits));
  bits = (bits - 0x4B400000 + 127) << 23;  // 2^n as a float.
  float scale;
  std::memcpy(&scale, &bits, sizeof(scale));
  return underflow ? 0.0f : p * scale;
}

// Lanes of the row reductions: one AVX2 register of floats.
inline constexpr int kLanes = 8;

// The largest of x[0..n), -inf if n == 0. NaNs are skipped unless x[0] is
// one (they reach the loss through the sum of exponentials anyway).
inline float RowMax(const float* x, int64_t n) {
  if (n == 0) return -std::numeric_limits<float>::infinity();
  float m = x[0];
  int64_t j = 0;
  if (n >= kLanes) {
    float lane[kLanes];
    for (int l = 0; l < kLanes; ++l) lane[l] = x[l];
    for (j = kLanes; j + kLanes <= n; j += kLanes) {
      for (int l = 0; l < kLanes; ++l) {
        lane[l] = x[j + l] > lane[l] ? x[j + l] : lane[l];
      }
    }
    m = lane[0];
    for (int l = 1; l < kLanes; ++l) m = lane[l] > m ? lane[l] : m;
  }
  for (; j < n; ++j) m = x[j] > m ? x[j] : m;
  return m;
}

// e[j] = exp(x[j] - shift) for j < n, shift >= every x[j]; a loop without
// a reduction, so it vectorizes for any n.
inline void ExpShifted(const float* x, int64_t n, float shift, float* e) {
  for (int64_t j = 0; j < n; ++j) e[j] = ExpNonPositive(x[j] - shift);
}

// The sum of e[0..n) in a fixed order: left to right for short rows (the
// classifier's 10 classes), else in kLanes interleaved partial sums added as
// a tree.
inline float SumInLanes(const float* e, int64_t n) {
  if (n < 2 * kLanes) {
    float sum = 0;
    for (int64_t j = 0; j < n; ++j) sum += e[j];
    return sum;
  }
  float lane[kLanes];
  for (int l = 0; l < kLanes; ++l) lane[l] = e[l];
  int64_t j = kLanes;
  for (; j + kLanes <= n; j += kLanes) {
    for (int l = 0; l < kLanes; ++l) lane[l] += e[j + l];
  }
  float tail = 0;
  for (; j < n; ++j) tail += e[j];
  return (((lane[0] + lane[4]) + (lane[2] + lane[6])) +
          ((lane[1] + lane[5]) + (lane[3] + lane[7]))) +
         tail;
}

// sum_j exp(x_j - shift) over x[0..n), through a stack buffer (no heap).
inline float SumExp(const float* x, int64_t n, float shift) {
  constexpr int64_t kBlock = 512;
  float block[kBlock];
  float sum = 0;
  for (int64_t b = 0; b < n; b += kBlock) {
    const int64_t len = n - b < kBlock ? n - b : kBlock;
    ExpShifted(x + b, len, shift, block);
    sum += SumInLanes(block, len);
  }
  return sum;
}

// As SumExp, also writing each term exp(x_j - shift) to e[j].
inline float ExpAndSum(const float* x, int64_t n, float shift, float* e) {
  ExpShifted(x, n, shift, e);
  return SumInLanes(e, n);
}

// NOTE [ Row blocks ]
// With the classifier's 10 classes a row is shorter than two vectors, so
// per-row loops spend their time in tails and reductions. The softmax
// helpers below therefore take a block of rows: the maxima row by row, the
// shifted logits x - max into one buffer, ONE flat exp loop over the whole
// block, then the row sums. BlockRows(k) rows of width k fill at most
// kExpBlockElements floats, a stack buffer that stays in L1.
inline constexpr int64_t kExpBlockElements = 2048;
inline constexpr int64_t kExpBlockRows = 128;

// Rows per block for rows of width k: at least 1, at most kExpBlockRows.
inline int64_t BlockRows(int64_t k) {
  if (k <= 0) return kExpBlockRows;
  const int64_t rows = kExpBlockElements / k;
  return rows < 1 ? 1 : (rows > kExpBlockRows ? kExpBlockRows : rows);
}

// For `rows` rows of width k at x: max[r], sum[r] = sum_j exp(x_rj - max[r])
// and e[r * k + j] = exp(x_rj - max[r]); e is the caller's (rows * k floats).
inline void RowExp(const float* x, int64_t rows, int64_t k, float* max,
                   float* sum, float* e) {
  for (int64_t r = 0; r < rows; ++r) {
    max[r] = RowMax(x + r * k, k);
    for (int64_t j = 0; j < k; ++j) e[r * k + j] = x[r * k + j] - max[r];
  }
  const int64_t n = rows * k;
  for (int64_t i = 0; i < n; ++i) e[i] = ExpNonPositive(e[i]);
  for (int64_t r = 0; r < rows; ++r) sum[r] = SumInLanes(e + r * k, k);
}

// max[r] and sum[r] as RowExp, without keeping the exponentials; rows should
// be BlockRows(k) or fewer.
inline void RowMaxSum(const float* x, int64_t rows, int64_t k, float* max,
                      float* sum) {
  if (rows * k <= kExpBlockElements) {
    float e[kExpBlockElements];
    RowExp(x, rows, k, max, sum, e);
    return;
  }
  for (int64_t r = 0; r < rows; ++r) {
    max[r] = RowMax(x + r * k, k);
    sum[r] = SumExp(x + r * k, k, max[r]);
  }
}

}  // namespace strata::losses::internal

#endif  // STRATA_LOSSES_INTERNAL_ROW_MATH_H_
