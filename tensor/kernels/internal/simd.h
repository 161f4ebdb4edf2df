// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_INTERNAL_SIMD_H_
#define STRATA_TENSOR_KERNELS_INTERNAL_SIMD_H_

// Eigen's packet layer (the SIMD math behind its array expressions), used directly by the
// kernels that need every element to go through the same SIMD code: see
// NOTE [ Position-independent SIMD ]. Private to tensor/kernels.

#include <algorithm>
#include <cstdint>
#include <type_traits>

// GCC 12's AVX-512 intrinsics initialize `_mm512_undefined_ps()` from itself (GCC bug 105593),
// which -Wuninitialized reports wherever Eigen's packet math (pexp, plog, predux) is inlined; the
// pragmas wrap the first include of the intrinsics (the warning is attributed to their lines).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#include "Eigen/Core"
#include "unsupported/Eigen/SpecialFunctions"
#pragma GCC diagnostic pop

namespace strata::kernels::simd {

namespace ei = ::Eigen::internal;
using Packet = ei::packet_traits<float>::type;
inline constexpr int64_t kLanes = ei::packet_traits<float>::size;

// NOTE [ Position-independent SIMD ]
// Eigen's own array loops compute an unaligned head and the tail with scalar code, whose libm
// exp/tanh round differently from the SIMD polynomials, so a value would depend on where it sits
// in the array. Kernels using these helpers send every element through the packet code: the
// last partial packet is loaded and stored with masks (AVX, AVX-512; a padded stack buffer
// elsewhere). So f(x) is bitwise the same for any size, offset, chunking or thread count, and a
// row computed alone equals the same row inside a batch. (+, *, / round the same in scalar and
// SIMD code, so plain loops serve for them.)
#if defined(EIGEN_VECTORIZE_AVX512) || defined(EIGEN_VECTORIZE_AVX)
using TailMask = std::conditional_t<(kLanes > 8), uint16_t, uint8_t>;
inline TailMask MaskOf(int64_t count) { return static_cast<TailMask>((1u << count) - 1); }
#endif

// p[0, count) for 0 < count < kLanes, the other lanes `fill`; never reads past p + count.
inline Packet LoadPartial(const float* p, int64_t count, float fill = 0.0f) {
#if defined(EIGEN_VECTORIZE_AVX512) || defined(EIGEN_VECTORIZE_AVX)
  const Packet v = ei::ploadu<Packet>(p, MaskOf(count));
  if (fill == 0.0f) return v;
  const Packet in_range =
      ei::pcmp_lt(ei::plset<Packet>(0.0f), ei::pset1<Packet>(static_cast<float>(count)));
  return ei::pselect(in_range, v, ei::pset1<Packet>(fill));
#else
  alignas(64) float buffer[kLanes];
  std::fill_n(buffer, kLanes, fill);
  std::copy_n(p, count, buffer);
  return ei::pload<Packet>(buffer);
#endif
}

// Stores the first `count` lanes of v to p[0, count).
inline void StorePartial(float* p, const Packet& v, int64_t count) {
#if defined(EIGEN_VECTORIZE_AVX512) || defined(EIGEN_VECTORIZE_AVX)
  ei::pstoreu(p, v, MaskOf(count));
#else
  alignas(64) float buffer[kLanes];
  ei::pstore(buffer, v);
  std::copy_n(buffer, count, p);
#endif
}

// out[i] = f(in0[i], in1[i], ...) for i in [0, n), packet by packet, tails padded with zeros.
template <typename F, typename... In>
inline void MapPackets(int64_t n, float* out, F f, const In*... in) {
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) ei::pstoreu(out + i, f(ei::ploadu<Packet>(in + i)...));
  if (i < n) StorePartial(out + i, f(LoadPartial(in + i, n - i)...), n - i);
}

}  // namespace strata::kernels::simd

#endif  // STRATA_TENSOR_KERNELS_INTERNAL_SIMD_H_
