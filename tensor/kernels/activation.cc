// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/activation.h"

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "tensor/kernels/internal/simd.h"
#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

using namespace simd;  // NOLINT: the packet helpers are this file's vocabulary.

// Grains for ParallelFor, in elements (NOTE [ Deterministic parallelism ]): cheap ops are
// memory-bound and need big chunks to pay for a task; exp/erf/tanh cost ~20-40 flops each.
constexpr int64_t kCheapGrain = 1 << 16;
constexpr int64_t kMathGrain = 1 << 14;

// MapPackets over [0, n) in fixed chunks of `grain` elements.
template <typename F, typename... In>
void ParallelMap(int64_t n, int64_t grain, float* out, F f, const In*... in) {
  ParallelFor(n, grain, [&](int64_t begin, int64_t end) {
    MapPackets(end - begin, out + begin, f, (in + begin)...);
  });
}

inline Packet Splat(float v) { return ei::pset1<Packet>(v); }

// exp(x), with results that would be float denormals (x < log(FLT_MIN)) flushed to 0: Eigen's
// polynomial clamps its argument, so without this exp(-inf) would be ~1e-39 on some ISAs.
inline Packet Exp(const Packet& x) {
  return ei::pselect(ei::pcmp_lt(x, Splat(-87.33654f)), Splat(0.0f), ei::pexp(x));
}

// 1 / (1 + exp(-x)) from e = exp(-|x|) <= 1, which cannot overflow; for x < 0 it is
// e / (1 + e), accurate in relative terms where the naive form loses digits.
inline Packet SigmoidPacket(const Packet& x) {
  const Packet e = Exp(ei::pnegate(ei::pabs(x)));
  const Packet s = ei::pdiv(Splat(1.0f), ei::padd(Splat(1.0f), e));
  return ei::pselect(ei::pcmp_lt(x, Splat(0.0f)), ei::pmul(e, s), s);
}

inline Packet Positive(const Packet& x) { return ei::pcmp_lt(Splat(0.0f), x); }

constexpr float kSqrtHalf = 0.70710678118654752f;       // 1 / sqrt(2)
constexpr float kInvSqrtTwoPi = 0.39894228040143268f;   // 1 / sqrt(2 pi)
constexpr float kGeluTanhScale = 0.79788456080286536f;  // sqrt(2 / pi)
constexpr float kGeluTanhCubic = 0.044715f;

}  // namespace

void Relu(const float* x, int64_t n, float* y) {
  // pmax(x, 0) keeps x when x is NaN (Eigen's std::max argument order), as TF does.
  ParallelMap(
      n, kCheapGrain, y, [](Packet v) { return ei::pmax(v, Splat(0.0f)); }, x);
}

void ReluGrad(const float* x, const float* dy, int64_t n, float* dx) {
  ParallelMap(
      n, kCheapGrain, dx,
      [](Packet v, Packet g) { return ei::pselect(Positive(v), g, Splat(0.0f)); }, x, dy);
}

void LeakyRelu(const float* x, int64_t n, float alpha, float* y) {
  // max(x, 0) + alpha * min(x, 0) is exact for every alpha and needs no select.
  ParallelMap(
      n, kCheapGrain, y,
      [a = Splat(alpha)](Packet v) {
        return ei::pmadd(a, ei::pmin(v, Splat(0.0f)), ei::pmax(v, Splat(0.0f)));
      },
      x);
}

void LeakyReluGrad(const float* x, const float* dy, int64_t n, float alpha, float* dx) {
  ParallelMap(
      n, kCheapGrain, dx,
      [a = Splat(alpha)](Packet v, Packet g) {
        return ei::pselect(Positive(v), g, ei::pmul(a, g));
      },
      x, dy);
}

void Sigmoid(const float* x, int64_t n, float* y) {
  ParallelMap(
      n, kMathGrain, y, [](Packet v) { return SigmoidPacket(v); }, x);
}

void SigmoidGrad(const float* y, const float* dy, int64_t n, float* dx) {
  ParallelMap(
      n, kCheapGrain, dx,
      [](Packet s, Packet g) { return ei::pmul(g, ei::pmul(s, ei::psub(Splat(1.0f), s))); }, y, dy);
}

void Tanh(const float* x, int64_t n, float* y) {
  ParallelMap(
      n, kMathGrain, y, [](Packet v) { return ei::ptanh(v); }, x);
}

void TanhGrad(const float* y, const float* dy, int64_t n, float* dx) {
  ParallelMap(
      n, kCheapGrain, dx,
      [](Packet t, Packet g) { return ei::pmul(g, ei::psub(Splat(1.0f), ei::pmul(t, t))); }, y, dy);
}

void Elu(const float* x, int64_t n, float alpha, float* y) {
  // max(x, 0) + alpha * expm1(min(x, 0)): branch-free, and expm1 keeps digits near 0.
  ParallelMap(
      n, kMathGrain, y,
      [a = Splat(alpha)](Packet v) {
        return ei::pmadd(a, ei::pexpm1(ei::pmin(v, Splat(0.0f))), ei::pmax(v, Splat(0.0f)));
      },
      x);
}

void EluGrad(const float* x, const float* y, const float* dy, int64_t n, float alpha, float* dx) {
  // For x <= 0, d/dx alpha * (exp(x) - 1) = alpha * exp(x) = y + alpha.
  ParallelMap(
      n, kCheapGrain, dx,
      [a = Splat(alpha)](Packet v, Packet out, Packet g) {
        return ei::pselect(Positive(v), g, ei::pmul(g, ei::padd(out, a)));
      },
      x, y, dy);
}

void Selu(const float* x, int64_t n, float* y) {
  ParallelMap(
      n, kMathGrain, y,
      [](Packet v) {
        const Packet elu = ei::pmadd(Splat(kSeluAlpha), ei::pexpm1(ei::pmin(v, Splat(0.0f))),
                                     ei::pmax(v, Splat(0.0f)));
        return ei::pmul(Splat(kSeluScale), elu);
      },
      x);
}

void SeluGrad(const float* x, const float* y, const float* dy, int64_t n, float* dx) {
  ParallelMap(
      n, kCheapGrain, dx,
      [](Packet v, Packet out, Packet g) {
        return ei::pselect(Positive(v), ei::pmul(g, Splat(kSeluScale)),
                           ei::pmul(g, ei::padd(out, Splat(kSeluScale * kSeluAlpha))));
      },
      x, y, dy);
}

void Gelu(const float* x, int64_t n, bool approximate, float* y) {
  if (approximate) {
    // 0.5 * (1 + tanh(u)) == sigmoid(2u): the same function without the cancellation of
    // 1 + tanh(u) for negative u.
    ParallelMap(
        n, kMathGrain, y,
        [](Packet v) {
          const Packet cubic = ei::pmadd(Splat(kGeluTanhCubic), ei::pmul(v, ei::pmul(v, v)), v);
          return ei::pmul(v, SigmoidPacket(ei::pmul(Splat(2.0f * kGeluTanhScale), cubic)));
        },
        x);
    return;
  }
  ParallelMap(
      n, kMathGrain, y,
      [](Packet v) {
        const Packet cdf =
            ei::pmul(Splat(0.5f), ei::padd(Splat(1.0f), ei::perf(ei::pmul(v, Splat(kSqrtHalf)))));
        return ei::pmul(v, cdf);
      },
      x);
}

void GeluGrad(const float* x, const float* dy, int64_t n, bool approximate, float* dx) {
  if (approximate) {
    // d/dx x * s(2u) = s + x * 2 s (1 - s) * u', with u = c (x + k x^3), u' = c (1 + 3 k x^2).
    ParallelMap(
        n, kMathGrain, dx,
        [](Packet v, Packet g) {
          const Packet v2 = ei::pmul(v, v);
          const Packet cubic = ei::pmadd(Splat(kGeluTanhCubic), ei::pmul(v, v2), v);
          const Packet s = SigmoidPacket(ei::pmul(Splat(2.0f * kGeluTanhScale), cubic));
          const Packet du = ei::pmul(Splat(2.0f * kGeluTanhScale),
                                     ei::pmadd(Splat(3.0f * kGeluTanhCubic), v2, Splat(1.0f)));
          const Packet ds = ei::pmul(ei::pmul(s, ei::psub(Splat(1.0f), s)), du);
          return ei::pmul(g, ei::pmadd(v, ds, s));
        },
        x, dy);
    return;
  }
  // d/dx x * Phi(x) = Phi(x) + x * phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 pi).
  ParallelMap(
      n, kMathGrain, dx,
      [](Packet v, Packet g) {
        const Packet cdf =
            ei::pmul(Splat(0.5f), ei::padd(Splat(1.0f), ei::perf(ei::pmul(v, Splat(kSqrtHalf)))));
        const Packet pdf =
            ei::pmul(Splat(kInvSqrtTwoPi), Exp(ei::pmul(Splat(-0.5f), ei::pmul(v, v))));
        return ei::pmul(g, ei::pmadd(v, pdf, cdf));
      },
      x, dy);
}

void Softplus(const float* x, int64_t n, float* y) {
  // log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)): exp never sees a positive argument.
  ParallelMap(
      n, kMathGrain, y,
      [](Packet v) {
        return ei::padd(ei::pmax(v, Splat(0.0f)), ei::plog1p(Exp(ei::pnegate(ei::pabs(v)))));
      },
      x);
}

void SoftplusGrad(const float* x, const float* dy, int64_t n, float* dx) {
  ParallelMap(
      n, kMathGrain, dx, [](Packet v, Packet g) { return ei::pmul(g, SigmoidPacket(v)); }, x, dy);
}

void Swish(const float* x, int64_t n, float* y) {
  ParallelMap(
      n, kMathGrain, y, [](Packet v) { return ei::pmul(v, SigmoidPacket(v)); }, x);
}

void SwishGrad(const float* x, const float* dy, int64_t n, float* dx) {
  // d/dx x s(x) = s + x s (1 - s) = s * (1 + x * (1 - s)).
  ParallelMap(
      n, kMathGrain, dx,
      [](Packet v, Packet g) {
        const Packet s = SigmoidPacket(v);
        return ei::pmul(g, ei::pmul(s, ei::pmadd(v, ei::psub(Splat(1.0f), s), Splat(1.0f))));
      },
      x, dy);
}

}  // namespace strata::kernels
