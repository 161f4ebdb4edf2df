// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/elementwise.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>
#include <vector>

#include "Eigen/Core"
#include "absl/container/inlined_vector.h"
#include "base/check.h"
#include "tensor/parallel.h"

#if defined(__AVX__)
#include <immintrin.h>
#endif

namespace strata::kernels {
namespace {

using DimVector = absl::InlinedVector<int64_t, 6>;
constexpr int64_t kGrain = kElementwiseGrain;

// NOTE [ Broadcast layout ]
// A broadcasting call is reduced to a few merged dimensions: size-1 output dims are dropped and
// neighbouring dims merge when every input broadcasts in both or in neither (row-major
// contiguity makes the merged dim a single stride). Each input then has, per merged dim, a
// stride that is 0 where it broadcasts. The innermost merged dim has stride 0 or 1 for every
// input, so the work is a sequence of runs along it, each a loop whose strides are template
// constants: same shape -> one flat run; scalar operand -> one run with a hoisted operand;
// (64, 10) + (10,) -> 64 runs of 10 with the bias at stride 1. Only the start of each run
// pays index arithmetic.
template <int N>
struct Layout {
  DimVector dims;                    // Merged output dims, outermost first; never empty.
  std::array<DimVector, N> strides;  // Per input, its element stride along each merged dim.
  int64_t total = 1;                 // Output elements.
};

template <int N>
Layout<N> MakeLayout(const BroadcastDims& d) {
  Layout<N> layout;
  absl::InlinedVector<std::array<bool, N>, 6> broadcast;  // Per merged dim and input.
  for (int i = 0; i < d.rank; ++i) {
    const int64_t n = d.out[i];
    layout.total *= n;
    if (n == 1) continue;
    std::array<bool, N> pattern;
    for (int j = 0; j < N; ++j) {
      STRATA_CHECK(d.in[j][i] == n || d.in[j][i] == 1)
          << "input " << j << " dim " << i << " is " << d.in[j][i] << " for output dim " << n;
      pattern[j] = d.in[j][i] != n;
    }
    if (!layout.dims.empty() && broadcast.back() == pattern) {
      layout.dims.back() *= n;
    } else {
      layout.dims.push_back(n);
      broadcast.push_back(pattern);
    }
  }
  if (layout.dims.empty()) {  // Every dim is 1: one element.
    layout.dims.push_back(1);
    broadcast.push_back({});
  }
  for (int j = 0; j < N; ++j) {
    layout.strides[j].resize(layout.dims.size());
    int64_t stride = 1;
    for (int i = static_cast<int>(layout.dims.size()) - 1; i >= 0; --i) {
      layout.strides[j][i] = broadcast[i][j] ? 0 : stride;
      if (!broadcast[i][j]) stride *= layout.dims[i];
    }
  }
  return layout;
}

// Calls run(offsets, pos, n) for each maximal run [pos, pos + n) of output elements in
// [begin, end) that lies along the innermost merged dim; offsets are the inputs' element
// offsets at pos (NOTE [ Broadcast layout ]).
template <int N, typename Run>
void ForEachRun(const Layout<N>& layout, int64_t begin, int64_t end, Run&& run) {
  // Raw pointers: InlinedVector's operator[] re-checks inline vs heap storage on every access,
  // which costs more than the work of a short row.
  const int r = static_cast<int>(layout.dims.size());
  const int64_t* dims = layout.dims.data();
  std::array<const int64_t*, N> strides;
  for (int j = 0; j < N; ++j) strides[j] = layout.strides[j].data();
  DimVector index_storage(r);
  int64_t* index = index_storage.data();
  const int64_t inner = dims[r - 1];
  std::array<int64_t, N> offsets{};
  int64_t rest = begin;
  for (int i = r - 1; i >= 0; --i) {
    index[i] = rest % dims[i];
    rest /= dims[i];
    for (int j = 0; j < N; ++j) offsets[j] += index[i] * strides[j][i];
  }
  int64_t pos = begin;
  while (pos < end) {
    const int64_t n = std::min(inner - index[r - 1], end - pos);
    run(offsets, pos, n);
    pos += n;
    if (pos == end) break;
    // Next row: the inner index wraps to 0 and the outer index counts up like an odometer.
    for (int j = 0; j < N; ++j) offsets[j] -= index[r - 1] * strides[j][r - 1];
    index[r - 1] = 0;
    for (int i = r - 2; i >= 0; --i) {
      for (int j = 0; j < N; ++j) offsets[j] += strides[j][i];
      if (++index[i] < dims[i]) break;
      for (int j = 0; j < N; ++j) offsets[j] -= dims[i] * strides[j][i];
      index[i] = 0;
    }
  }
}

// Inner loops with compile-time strides (0: broadcast, 1: contiguous) so that they vectorize.
template <int SA, typename F, typename A, typename O>
void Loop1(F f, const A* __restrict a, O* __restrict out, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = f(a[SA * i]);
}
template <int SA, int SB, typename F, typename A, typename B, typename O>
void Loop2(F f, const A* __restrict a, const B* __restrict b, O* __restrict out, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = f(a[SA * i], b[SB * i]);
}
template <int SA, int SB, int SC, typename F, typename A, typename B, typename C, typename O>
void Loop3(F f, const A* __restrict a, const B* __restrict b, const C* __restrict c,
           O* __restrict out, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = f(a[SA * i], b[SB * i], c[SC * i]);
}

template <typename F, typename A, typename O>
void Apply1(const BroadcastDims& d, const A* a, O* out, F f) {
  const Layout<1> layout = MakeLayout<1>(d);
  const bool ca = layout.strides[0].back() != 0;
  ParallelFor(layout.total, kGrain, [&](int64_t begin, int64_t end) {
    ForEachRun(layout, begin, end, [&](const std::array<int64_t, 1>& off, int64_t pos, int64_t n) {
      if (ca) {
        Loop1<1>(f, a + off[0], out + pos, n);
      } else {
        Loop1<0>(f, a + off[0], out + pos, n);
      }
    });
  });
}

template <typename F, typename A, typename B, typename O>
void Apply2(const BroadcastDims& d, const A* a, const B* b, O* out, F f) {
  const Layout<2> layout = MakeLayout<2>(d);
  const int mask = (layout.strides[0].back() != 0) << 1 | (layout.strides[1].back() != 0);
  ParallelFor(layout.total, kGrain, [&](int64_t begin, int64_t end) {
    ForEachRun(layout, begin, end, [&](const std::array<int64_t, 2>& off, int64_t pos, int64_t n) {
      const A* pa = a + off[0];
      const B* pb = b + off[1];
      O* po = out + pos;
      switch (mask) {
        case 3:
          return Loop2<1, 1>(f, pa, pb, po, n);
        case 2:
          return Loop2<1, 0>(f, pa, pb, po, n);
        case 1:
          return Loop2<0, 1>(f, pa, pb, po, n);
        default:
          return Loop2<0, 0>(f, pa, pb, po, n);
      }
    });
  });
}

template <typename F, typename A, typename B, typename C, typename O>
void Apply3(const BroadcastDims& d, const A* a, const B* b, const C* c, O* out, F f) {
  const Layout<3> layout = MakeLayout<3>(d);
  const int mask = (layout.strides[0].back() != 0) << 2 | (layout.strides[1].back() != 0) << 1 |
                   (layout.strides[2].back() != 0);
  ParallelFor(layout.total, kGrain, [&](int64_t begin, int64_t end) {
    ForEachRun(layout, begin, end, [&](const std::array<int64_t, 3>& off, int64_t pos, int64_t n) {
      const A* pa = a + off[0];
      const B* pb = b + off[1];
      const C* pc = c + off[2];
      O* po = out + pos;
      switch (mask) {
        case 7:
          return Loop3<1, 1, 1>(f, pa, pb, pc, po, n);
        case 6:
          return Loop3<1, 1, 0>(f, pa, pb, pc, po, n);
        case 5:
          return Loop3<1, 0, 1>(f, pa, pb, pc, po, n);
        case 4:
          return Loop3<1, 0, 0>(f, pa, pb, pc, po, n);
        case 3:
          return Loop3<0, 1, 1>(f, pa, pb, pc, po, n);
        case 2:
          return Loop3<0, 1, 0>(f, pa, pb, pc, po, n);
        case 1:
          return Loop3<0, 0, 1>(f, pa, pb, pc, po, n);
        default:
          return Loop3<0, 0, 0>(f, pa, pb, pc, po, n);
      }
    });
  });
}

// Integer arithmetic goes through the unsigned type: it wraps instead of being undefined.
template <typename T>
using Wrap = typename std::conditional_t<std::is_integral_v<T>, std::make_unsigned<T>,
                                         std::type_identity<T>>::type;

template <typename T>
bool IsNan(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    return v != v;
  } else {
    return false;
  }
}

template <typename T>
void BinaryImpl(BinaryOp op, const BroadcastDims& d, const T* a, const T* b, T* out) {
  using W = Wrap<T>;
  switch (op) {
    case BinaryOp::kAdd:
      return Apply2(d, a, b, out, [](T x, T y) { return static_cast<T>(W(x) + W(y)); });
    case BinaryOp::kSubtract:
      return Apply2(d, a, b, out, [](T x, T y) { return static_cast<T>(W(x) - W(y)); });
    case BinaryOp::kMultiply:
      return Apply2(d, a, b, out, [](T x, T y) { return static_cast<T>(W(x) * W(y)); });
    case BinaryOp::kDivide:
      if constexpr (std::is_floating_point_v<T>) {
        return Apply2(d, a, b, out, [](T x, T y) { return x / y; });
      }
      break;
    // A NaN x is picked explicitly; a NaN y loses every comparison and is picked by the else.
    case BinaryOp::kMaximum:
      return Apply2(d, a, b, out, [](T x, T y) { return (x > y || IsNan(x)) ? x : y; });
    case BinaryOp::kMinimum:
      return Apply2(d, a, b, out, [](T x, T y) { return (x < y || IsNan(x)) ? x : y; });
  }
  STRATA_CHECK(false) << "binary op " << static_cast<int>(op) << " on an integer type";
}

template <typename T>
void CompareImpl(CompareOp op, const BroadcastDims& d, const T* a, const T* b, float* out) {
  switch (op) {
    case CompareOp::kEqual:
      return Apply2(d, a, b, out, [](T x, T y) { return x == y ? 1.0f : 0.0f; });
    case CompareOp::kNotEqual:
      return Apply2(d, a, b, out, [](T x, T y) { return x != y ? 1.0f : 0.0f; });
    case CompareOp::kGreater:
      return Apply2(d, a, b, out, [](T x, T y) { return x > y ? 1.0f : 0.0f; });
    case CompareOp::kGreaterEqual:
      return Apply2(d, a, b, out, [](T x, T y) { return x >= y ? 1.0f : 0.0f; });
    case CompareOp::kLess:
      return Apply2(d, a, b, out, [](T x, T y) { return x < y ? 1.0f : 0.0f; });
    case CompareOp::kLessEqual:
      return Apply2(d, a, b, out, [](T x, T y) { return x <= y ? 1.0f : 0.0f; });
  }
}

// A sum of n elements in a fixed order: 32 interleaved partial sums (so the loop vectorizes
// and hides add latency), folded pairwise. T is float or an unsigned integer.
template <typename T>
T LaneSum(const T* x, int64_t n) {
  constexpr int kLanes = 32;
  T acc[kLanes] = {};
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (int j = 0; j < kLanes; ++j) acc[j] += x[i + j];
  }
  for (int j = 0; i + j < n; ++j) acc[j] += x[i + j];
  for (int width = kLanes / 2; width > 0; width /= 2) {
    for (int j = 0; j < width; ++j) acc[j] += acc[j + width];
  }
  return acc[0];
}

// T is float or an unsigned integer (signed sums are done on their unsigned twins).
template <typename T>
void SumToShapeImpl(int rank, const int64_t* x_dims, const int64_t* out_dims, const T* x, T* out) {
  BroadcastDims d;
  d.rank = rank;
  d.out = x_dims;
  d.in[0] = out_dims;
  const Layout<1> layout = MakeLayout<1>(d);
  int64_t out_count = 1;
  for (int i = 0; i < rank; ++i) out_count *= out_dims[i];
  if (layout.total == 0) {
    std::fill_n(out, out_count, T{0});
    return;
  }
  const DimVector& dims = layout.dims;
  const DimVector& out_strides = layout.strides[0];  // 0 along summed dims.
  const int r = static_cast<int>(dims.size());
  if (std::find(out_strides.begin(), out_strides.end(), 0) == out_strides.end()) {
    std::copy_n(x, layout.total, out);  // Nothing to sum.
    return;
  }
  if (r == 1) {  // Sum of everything: chunk sums, added in chunk order.
    std::vector<T> partial(NumChunks(layout.total, kGrain));
    ParallelFor(layout.total, kGrain, [&](int64_t begin, int64_t end) {
      partial[begin / kGrain] = LaneSum(x + begin, end - begin);
    });
    T sum = 0;
    for (T p : partial) sum += p;
    out[0] = sum;
    return;
  }
  std::fill_n(out, out_count, T{0});
  const int64_t inner = dims[r - 1];
  const bool inner_kept = out_strides[r - 1] != 0;
  const int64_t rows = layout.total / inner;
  // Adds rows [row_begin, row_end) of x, viewed as (rows, inner), into out in row order;
  // along a kept inner dim only columns [col_begin, col_end).
  auto add_rows = [&](int64_t row_begin, int64_t row_end, int64_t col_begin, int64_t col_end) {
    DimVector index(r - 1);
    int64_t off = 0;
    int64_t rest = row_begin;
    for (int i = r - 2; i >= 0; --i) {
      index[i] = rest % dims[i];
      rest /= dims[i];
      off += index[i] * out_strides[i];
    }
    for (int64_t row = row_begin; row < row_end; ++row) {
      const T* __restrict src = x + row * inner;
      if (inner_kept) {
        T* __restrict dst = out + off;
        for (int64_t c = col_begin; c < col_end; ++c) dst[c] += src[c];
      } else {
        out[off] += LaneSum(src, inner);
      }
      for (int i = r - 2; i >= 0; --i) {
        off += out_strides[i];
        if (++index[i] < dims[i]) break;
        off -= dims[i] * out_strides[i];
        index[i] = 0;
      }
    }
  };
  if (out_strides[0] != 0) {
    // The outermost dim is kept: its slabs write disjoint outputs.
    const int64_t slab_rows = rows / dims[0];
    const int64_t grain = std::max<int64_t>(1, kGrain / (slab_rows * inner));
    ParallelFor(dims[0], grain, [&](int64_t begin, int64_t end) {
      add_rows(begin * slab_rows, end * slab_rows, 0, inner);
    });
  } else if (inner_kept) {
    // Blocks of whole cache lines of output columns, each summed over all rows in order.
    const int64_t cols = std::max<int64_t>(16, (kGrain + rows - 1) / rows);
    ParallelFor(inner, (cols + 15) / 16 * 16,
                [&](int64_t begin, int64_t end) { add_rows(0, rows, begin, end); });
  } else {
    // Summed outer and inner dims around kept ones, e.g. (8, 64, 100) -> (64, 1): rare, serial.
    add_rows(0, rows, 0, inner);
  }
}

// out[i] = f(x[i]) in parallel chunks.
template <typename F>
void Map(const float* x, float* out, int64_t n, F f) {
  ParallelFor(n, kGrain, [&](int64_t begin, int64_t end) {
    const float* __restrict src = x;
    float* __restrict dst = out;
    for (int64_t i = begin; i < end; ++i) dst[i] = f(src[i]);
  });
}

// out[i] = f(x[i], g[i]) in parallel chunks.
template <typename F>
void Map2(const float* x, const float* g, float* out, int64_t n, F f) {
  ParallelFor(n, kGrain, [&](int64_t begin, int64_t end) {
    const float* __restrict src = x;
    const float* __restrict grad = g;
    float* __restrict dst = out;
    for (int64_t i = begin; i < end; ++i) dst[i] = f(src[i], grad[i]);
  });
}

// Applies an Eigen packet function to every element, the tail through a padded packet too, so
// an element's result does not depend on its position (GCC cannot vectorize std::exp/log).
template <typename F>
void MapPackets(const float* x, float* out, int64_t n, float pad, F f) {
  using Packet = Eigen::internal::packet_traits<float>::type;
  constexpr int kSize = Eigen::internal::packet_traits<float>::size;
  ParallelFor(n, kGrain, [&](int64_t begin, int64_t end) {
    int64_t i = begin;
    for (; i + kSize <= end; i += kSize) {
      Eigen::internal::pstoreu(out + i, f(Eigen::internal::ploadu<Packet>(x + i)));
    }
    if (i < end) {
      float buffer[kSize];
      std::fill_n(buffer, kSize, pad);
      std::copy(x + i, x + end, buffer);
      Eigen::internal::pstoreu(buffer, f(Eigen::internal::ploadu<Packet>(buffer)));
      std::copy_n(buffer, end - i, out + i);
    }
  });
}

// sqrt or 1 / sqrt. std::sqrt does not vectorize (errno), and Eigen's fast-math psqrt is
// approximate; _mm256_sqrt_ps and std::sqrt are both correctly rounded, so every element gets
// the same bits whichever path computes it.
void SqrtMap(const float* x, float* out, int64_t n, bool reciprocal) {
  ParallelFor(n, kGrain, [&](int64_t begin, int64_t end) {
    int64_t i = begin;
#if defined(__AVX__)
    const __m256 one = _mm256_set1_ps(1.0f);
    for (; i + 8 <= end; i += 8) {
      __m256 v = _mm256_sqrt_ps(_mm256_loadu_ps(x + i));
      if (reciprocal) v = _mm256_div_ps(one, v);
      _mm256_storeu_ps(out + i, v);
    }
#endif
    for (; i < end; ++i) out[i] = reciprocal ? 1.0f / std::sqrt(x[i]) : std::sqrt(x[i]);
  });
}

}  // namespace

void Binary(BinaryOp op, const BroadcastDims& dims, const float* a, const float* b, float* out) {
  BinaryImpl(op, dims, a, b, out);
}
void Binary(BinaryOp op, const BroadcastDims& dims, const int32_t* a, const int32_t* b,
            int32_t* out) {
  BinaryImpl(op, dims, a, b, out);
}
void Binary(BinaryOp op, const BroadcastDims& dims, const int64_t* a, const int64_t* b,
            int64_t* out) {
  BinaryImpl(op, dims, a, b, out);
}

void Compare(CompareOp op, const BroadcastDims& dims, const float* a, const float* b, float* out) {
  CompareImpl(op, dims, a, b, out);
}
void Compare(CompareOp op, const BroadcastDims& dims, const int32_t* a, const int32_t* b,
             float* out) {
  CompareImpl(op, dims, a, b, out);
}
void Compare(CompareOp op, const BroadcastDims& dims, const int64_t* a, const int64_t* b,
             float* out) {
  CompareImpl(op, dims, a, b, out);
}

namespace {
template <typename T>
void WhereImpl(const BroadcastDims& dims, const float* cond, const T* x, const T* y, T* out) {
  Apply3(dims, cond, x, y, out, [](float c, T a, T b) { return c != 0.0f ? a : b; });
}
template <typename T>
void BroadcastToImpl(const BroadcastDims& dims, const T* x, T* out) {
  Apply1(dims, x, out, [](T v) { return v; });
}
}  // namespace

void Where(const BroadcastDims& dims, const float* cond, const float* x, const float* y,
           float* out) {
  WhereImpl(dims, cond, x, y, out);
}
void Where(const BroadcastDims& dims, const float* cond, const int32_t* x, const int32_t* y,
           int32_t* out) {
  WhereImpl(dims, cond, x, y, out);
}
void Where(const BroadcastDims& dims, const float* cond, const int64_t* x, const int64_t* y,
           int64_t* out) {
  WhereImpl(dims, cond, x, y, out);
}

void BroadcastTo(const BroadcastDims& dims, const float* x, float* out) {
  BroadcastToImpl(dims, x, out);
}
void BroadcastTo(const BroadcastDims& dims, const int32_t* x, int32_t* out) {
  BroadcastToImpl(dims, x, out);
}
void BroadcastTo(const BroadcastDims& dims, const int64_t* x, int64_t* out) {
  BroadcastToImpl(dims, x, out);
}

void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const float* x,
                float* out) {
  SumToShapeImpl(rank, x_dims, out_dims, x, out);
}
// Signed and unsigned twins may alias, and unsigned sums wrap instead of overflowing.
void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const int32_t* x,
                int32_t* out) {
  SumToShapeImpl(rank, x_dims, out_dims, reinterpret_cast<const uint32_t*>(x),
                 reinterpret_cast<uint32_t*>(out));
}
void SumToShape(int rank, const int64_t* x_dims, const int64_t* out_dims, const int64_t* x,
                int64_t* out) {
  SumToShapeImpl(rank, x_dims, out_dims, reinterpret_cast<const uint64_t*>(x),
                 reinterpret_cast<uint64_t*>(out));
}

void Unary(UnaryOp op, const float* x, float* out, int64_t n) {
  switch (op) {
    case UnaryOp::kNegate:
      return Map(x, out, n, [](float v) { return -v; });
    case UnaryOp::kExp:
      return MapPackets(x, out, n, 0.0f, [](const auto& p) { return Eigen::internal::pexp(p); });
    case UnaryOp::kLog:
      return MapPackets(x, out, n, 1.0f, [](const auto& p) { return Eigen::internal::plog(p); });
    case UnaryOp::kSqrt:
      return SqrtMap(x, out, n, /*reciprocal=*/false);
    case UnaryOp::kRsqrt:
      return SqrtMap(x, out, n, /*reciprocal=*/true);
    case UnaryOp::kSquare:
      return Map(x, out, n, [](float v) { return v * v; });
    case UnaryOp::kAbs:
      return Map(x, out, n, [](float v) { return std::fabs(v); });
    case UnaryOp::kSign:
      return Map(x, out, n, [](float v) { return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : v); });
    case UnaryOp::kReciprocal:
      return Map(x, out, n, [](float v) { return 1.0f / v; });
  }
}

void Clip(const float* x, float min, float max, float* out, int64_t n) {
  STRATA_CHECK(min <= max) << "Clip to [" << min << ", " << max << "]";
  Map(x, out, n, [min, max](float v) { return v < min ? min : (v > max ? max : v); });
}

void AddScalar(const float* x, float value, float* out, int64_t n) {
  Map(x, out, n, [value](float v) { return v + value; });
}

void MulScalar(const float* x, float value, float* out, int64_t n) {
  Map(x, out, n, [value](float v) { return v * value; });
}

void PowScalar(const float* x, float exponent, float* out, int64_t n) {
  if (exponent == 0.0f) return Map(x, out, n, [](float) { return 1.0f; });
  if (exponent == 1.0f) return Map(x, out, n, [](float v) { return v; });
  if (exponent == 2.0f) return Unary(UnaryOp::kSquare, x, out, n);
  if (exponent == 0.5f) return Unary(UnaryOp::kSqrt, x, out, n);
  if (exponent == -0.5f) return Unary(UnaryOp::kRsqrt, x, out, n);
  if (exponent == -1.0f) return Unary(UnaryOp::kReciprocal, x, out, n);
  Map(x, out, n, [exponent](float v) { return std::pow(v, exponent); });
}

void UnaryGrad(UnaryOp op, const float* x, const float* y, const float* grad, float* dx,
               int64_t n) {
  switch (op) {
    case UnaryOp::kNegate:
      return Map(grad, dx, n, [](float g) { return -g; });
    case UnaryOp::kExp:
      return Map2(y, grad, dx, n, [](float v, float g) { return g * v; });
    case UnaryOp::kLog:
      return Map2(x, grad, dx, n, [](float v, float g) { return g / v; });
    case UnaryOp::kSqrt:  // d sqrt(x) = 1 / (2 sqrt(x)).
      return Map2(y, grad, dx, n, [](float v, float g) { return 0.5f * g / v; });
    case UnaryOp::kRsqrt:  // d x^(-1/2) = -x^(-3/2) / 2 = -y^3 / 2.
      return Map2(y, grad, dx, n, [](float v, float g) { return -0.5f * g * (v * v * v); });
    case UnaryOp::kSquare:
      return Map2(x, grad, dx, n, [](float v, float g) { return 2.0f * v * g; });
    case UnaryOp::kAbs:
      return Map2(x, grad, dx, n,
                  [](float v, float g) { return v > 0.0f ? g : (v < 0.0f ? -g : 0.0f); });
    case UnaryOp::kSign:
      return Map(grad, dx, n, [](float) { return 0.0f; });
    case UnaryOp::kReciprocal:  // d (1/x) = -1/x^2 = -y^2.
      return Map2(y, grad, dx, n, [](float v, float g) { return -g * (v * v); });
  }
}

void ClipGrad(const float* x, float min, float max, const float* grad, float* dx, int64_t n) {
  Map2(x, grad, dx, n, [min, max](float v, float g) { return v >= min && v <= max ? g : 0.0f; });
}

void PowScalarGrad(const float* x, float exponent, const float* grad, float* dx, int64_t n) {
  if (exponent == 0.0f) return Map(grad, dx, n, [](float) { return 0.0f; });
  if (exponent == 1.0f) return Map(grad, dx, n, [](float g) { return g; });
  if (exponent == 2.0f) return UnaryGrad(UnaryOp::kSquare, x, nullptr, grad, dx, n);
  Map2(x, grad, dx, n,
       [exponent](float v, float g) { return g * exponent * std::pow(v, exponent - 1.0f); });
}

void MaximumGrad(const BroadcastDims& dims, const float* grad, const float* a, const float* b,
                 float* da) {
  Apply3(dims, grad, a, b, da,
         [](float g, float x, float y) { return x > y ? g : (x == y ? 0.5f * g : 0.0f); });
}

void MinimumGrad(const BroadcastDims& dims, const float* grad, const float* a, const float* b,
                 float* da) {
  Apply3(dims, grad, a, b, da,
         [](float g, float x, float y) { return x < y ? g : (x == y ? 0.5f * g : 0.0f); });
}

}  // namespace strata::kernels
