// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/reduce.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>
#include <vector>

#include "base/check.h"
#include "tensor/kernels/internal/simd.h"
#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

using namespace simd;  // NOLINT: the packet helpers are this file's vocabulary.
constexpr float kInf = std::numeric_limits<float>::infinity();

// Elements per summation block (NOTE [ Reduction order ]) and per parallel task.
constexpr int64_t kBlock = 1 << 14;
constexpr int64_t kChunk = 1 << 15;
// Columns handled together when working along a non-last axis: their accumulators stay in L1.
constexpr int64_t kInnerTile = 256;
// A reduction along a non-last axis is split into blocks of rows until it has this many units of
// work (a count fixed by the sizes, not by the threads available).
constexpr int64_t kMinUnits = 8;

// ---------------------------------------------------------------------------------------------
// SIMD helpers beyond tensor/kernels/internal/simd.h (NOTE [ Position-independent SIMD ]).
inline Packet Splat(float v) { return ei::pset1<Packet>(v); }

// exp with would-be denormals flushed to 0, so that exp(-inf) is 0 on every ISA.
inline Packet Exp(const Packet& x) {
  return ei::pselect(ei::pcmp_lt(x, Splat(-87.33654f)), Splat(0.0f), ei::pexp(x));
}

int64_t Product(const std::vector<int64_t>& dims) {
  int64_t p = 1;
  for (int64_t d : dims) p *= d;
  return p;
}

// ---------------------------------------------------------------------------------------------
// Layouts. Every reduction runs on an (outer, n, inner) view. Dims of size 1 are dropped and
// neighbours of the same kind merged; if the reduced dims still form several groups
// (axes {0, 2} of a 3-d array), the input is first permuted so that they come last, which keeps
// the row-major order of the reduced elements (and so "first" in MaxMinGrad).
struct Plan {
  int64_t outer = 1, n = 1, inner = 1;
  bool permute = false;
  std::vector<int64_t> dims;  // Merged dims; used only when permuting.
  std::vector<int> perm;      // Kept merged dims, then reduced ones.
};

Plan MakePlan(const ReduceLayout& layout) {
  STRATA_CHECK(layout.dims.size() == layout.reduced.size())
      << layout.dims.size() << " dims, " << layout.reduced.size() << " flags";
  std::vector<int64_t> dims;
  std::vector<bool> reduced;
  for (size_t k = 0; k < layout.dims.size(); ++k) {
    if (layout.dims[k] == 1) continue;
    if (!dims.empty() && reduced.back() == layout.reduced[k]) {
      dims.back() *= layout.dims[k];
    } else {
      dims.push_back(layout.dims[k]);
      reduced.push_back(layout.reduced[k]);
    }
  }
  Plan plan;
  const int groups = static_cast<int>(std::count(reduced.begin(), reduced.end(), true));
  if (groups <= 1) {
    bool after = false;
    for (size_t k = 0; k < dims.size(); ++k) {
      if (reduced[k]) {
        plan.n = dims[k];
        after = true;
      } else {
        (after ? plan.inner : plan.outer) *= dims[k];
      }
    }
    return plan;
  }
  plan.permute = true;
  plan.dims = dims;
  plan.inner = 1;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < dims.size(); ++k) {
      if (reduced[k] != (pass == 1)) continue;
      plan.perm.push_back(static_cast<int>(k));
      (pass == 0 ? plan.outer : plan.n) *= dims[k];
    }
  }
  return plan;
}

// dst = src with its axes reordered: dst's axis k is src's axis perm[k] (src has `dims`).
template <typename T>
void PermuteCopy(const T* src, const std::vector<int64_t>& dims, const std::vector<int>& perm,
                 T* dst) {
  const int rank = static_cast<int>(dims.size());
  std::vector<int64_t> src_strides(rank), out_dims(rank), strides(rank);
  int64_t stride = 1;
  for (int k = rank - 1; k >= 0; --k) {
    src_strides[k] = stride;
    stride *= dims[k];
  }
  for (int k = 0; k < rank; ++k) {
    out_dims[k] = dims[perm[k]];
    strides[k] = src_strides[perm[k]];
  }
  const int64_t row = out_dims[rank - 1];
  const int64_t rows = row == 0 ? 0 : Product(out_dims) / row;
  const int64_t step = strides[rank - 1];
  ParallelFor(rows, std::max<int64_t>(1, kChunk / std::max<int64_t>(row, 1)),
              [&](int64_t begin, int64_t end) {
                // The odometer over dst's leading axes, started at row `begin`.
                std::vector<int64_t> index(rank, 0);
                int64_t offset = 0;
                int64_t rest = begin;
                for (int k = rank - 2; k >= 0; --k) {
                  index[k] = rest % out_dims[k];
                  rest /= out_dims[k];
                  offset += index[k] * strides[k];
                }
                for (int64_t r = begin; r < end; ++r) {
                  const T* s = src + offset;
                  T* d = dst + r * row;
                  for (int64_t j = 0; j < row; ++j) d[j] = s[j * step];
                  for (int k = rank - 2; k >= 0; --k) {
                    offset += strides[k];
                    if (++index[k] < out_dims[k]) break;
                    offset -= index[k] * strides[k];
                    index[k] = 0;
                  }
                }
              });
}

std::vector<int> Inverse(const std::vector<int>& perm) {
  std::vector<int> inverse(perm.size());
  for (size_t k = 0; k < perm.size(); ++k) inverse[perm[k]] = static_cast<int>(k);
  return inverse;
}

std::vector<int64_t> Permuted(const std::vector<int64_t>& dims, const std::vector<int>& perm) {
  std::vector<int64_t> out(perm.size());
  for (size_t k = 0; k < perm.size(); ++k) out[k] = dims[perm[k]];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sum / max / min, as policies: Contiguous reduces a contiguous run, Add folds an element into an
// accumulator (the strided path), Combine merges two accumulators (blocks).

// Sums x[0, n) in 16 independent lanes (element k goes to lane k % 16: the compiler vectorizes
// it and it hides the add latency), merged pairwise.
template <typename Acc, typename T>
Acc SumLanes(const T* x, int64_t n) {
  constexpr int kAccumulators = 16;
  Acc lane[kAccumulators] = {};
  int64_t r = 0;
  for (; r + kAccumulators <= n; r += kAccumulators) {
    for (int k = 0; k < kAccumulators; ++k) lane[k] += static_cast<Acc>(x[r + k]);
  }
  for (int k = 0; r + k < n; ++k) lane[k] += static_cast<Acc>(x[r + k]);
  for (int width = kAccumulators / 2; width >= 1; width /= 2) {
    for (int k = 0; k < width; ++k) lane[k] += lane[k + width];
  }
  return lane[0];
}

template <typename T>
struct SumPolicy {
  // Integer sums accumulate in uint64: wrap-around is defined there, and exact.
  using Acc = std::conditional_t<std::is_same_v<T, float>, double, uint64_t>;
  static Acc Identity() { return 0; }
  static Acc Contiguous(const T* x, int64_t n) { return SumLanes<Acc>(x, n); }
  static Acc Add(Acc a, T v) { return a + static_cast<Acc>(v); }
  static Acc Combine(Acc a, Acc b) { return a + b; }
};

// Max (kMax) or min of x[0, n) with NaN propagation, in four packet accumulators.
template <bool kMax>
float ExtremeContiguous(const float* x, int64_t n) {
  const auto pick = [](const Packet& a, const Packet& b) {
    if constexpr (kMax) {
      return ei::pmax<Eigen::PropagateNaN>(a, b);
    } else {
      return ei::pmin<Eigen::PropagateNaN>(a, b);
    }
  };
  const float identity = kMax ? -kInf : kInf;
  Packet acc[4] = {Splat(identity), Splat(identity), Splat(identity), Splat(identity)};
  int64_t j = 0;
  for (; j + 4 * kLanes <= n; j += 4 * kLanes) {
    for (int k = 0; k < 4; ++k) acc[k] = pick(acc[k], ei::ploadu<Packet>(x + j + k * kLanes));
  }
  for (; j + kLanes <= n; j += kLanes) acc[0] = pick(acc[0], ei::ploadu<Packet>(x + j));
  if (j < n) acc[0] = pick(acc[0], LoadPartial(x + j, n - j, identity));
  const Packet all = pick(pick(acc[0], acc[1]), pick(acc[2], acc[3]));
  if constexpr (kMax) {
    return ei::predux_max<Eigen::PropagateNaN>(all);
  } else {
    return ei::predux_min<Eigen::PropagateNaN>(all);
  }
}

// In Add, `v != v` makes a NaN win and then stick (no comparison with NaN is true); `|` rather
// than `||` keeps the select branch-free and vectorizable.
struct MaxPolicy {
  using Acc = float;
  static Acc Identity() { return -kInf; }
  static Acc Contiguous(const float* x, int64_t n) { return ExtremeContiguous<true>(x, n); }
  static Acc Add(Acc a, float v) { return ((v > a) | (v != v)) ? v : a; }
  static Acc Combine(Acc a, Acc b) { return Add(a, b); }
};

struct MinPolicy {
  using Acc = float;
  static Acc Identity() { return kInf; }
  static Acc Contiguous(const float* x, int64_t n) { return ExtremeContiguous<false>(x, n); }
  static Acc Add(Acc a, float v) { return ((v < a) | (v != v)) ? v : a; }
  static Acc Combine(Acc a, Acc b) { return Add(a, b); }
};

// acc[j] = reduction of x[r, i0 + j] over r in [r0, r1), for a row stride of `inner`.
template <typename P, typename T>
void ReduceStrided(const T* x, int64_t inner, int64_t r0, int64_t r1, int64_t i0, int64_t i1,
                   typename P::Acc* acc) {
  const int64_t width = i1 - i0;
  for (int64_t j = 0; j < width; ++j) acc[j] = P::Identity();
  for (int64_t r = r0; r < r1; ++r) {
    const T* row = x + r * inner + i0;
    for (int64_t j = 0; j < width; ++j) acc[j] = P::Add(acc[j], row[j]);
  }
}

// out[o, i] = finish(reduction of x[o, :, i]) in the block order of NOTE [ Reduction order ]:
// along a contiguous n, blocks of kBlock elements; along a strided one, as few blocks of rows
// (of >= kBlock elements per tile) as give kMinUnits units of work.
template <typename P, typename T, typename Out, typename Finish>
void Reduce3(const T* x, int64_t outer, int64_t n, int64_t inner, Out* out, Finish finish) {
  using Acc = typename P::Acc;
  if (outer * inner == 0) return;
  if (inner == 1) {
    const int64_t blocks = std::max<int64_t>(1, NumChunks(n, kBlock));
    if (blocks == 1) {
      ParallelFor(outer, std::max<int64_t>(1, kChunk / std::max<int64_t>(n, 1)),
                  [&](int64_t begin, int64_t end) {
                    for (int64_t o = begin; o < end; ++o) {
                      out[o] = finish(P::Contiguous(x + o * n, n));
                    }
                  });
      return;
    }
    std::vector<Acc> partial(outer * blocks);
    ParallelFor(outer * blocks, kChunk / kBlock, [&](int64_t begin, int64_t end) {
      for (int64_t u = begin; u < end; ++u) {
        const int64_t start = (u % blocks) * kBlock;
        partial[u] = P::Contiguous(x + (u / blocks) * n + start, std::min(kBlock, n - start));
      }
    });
    for (int64_t o = 0; o < outer; ++o) {
      Acc acc = partial[o * blocks];
      for (int64_t b = 1; b < blocks; ++b) acc = P::Combine(acc, partial[o * blocks + b]);
      out[o] = finish(acc);
    }
    return;
  }
  const int64_t tile = std::min(inner, kInnerTile);
  const int64_t tiles = NumChunks(inner, tile);
  const int64_t max_blocks = std::max<int64_t>(1, NumChunks(n * tile, kBlock));
  const int64_t wanted_blocks = std::max<int64_t>(1, NumChunks(kMinUnits, outer * tiles));
  const int64_t block_rows =
      std::max<int64_t>(1, NumChunks(n, std::min(max_blocks, wanted_blocks)));
  const int64_t blocks = std::max<int64_t>(1, NumChunks(n, block_rows));
  const int64_t grain = std::max<int64_t>(1, kChunk / (block_rows * tile));
  if (blocks == 1) {
    ParallelFor(outer * tiles, grain, [&](int64_t begin, int64_t end) {
      Acc acc[kInnerTile];
      for (int64_t u = begin; u < end; ++u) {
        const int64_t o = u / tiles, i0 = (u % tiles) * tile, i1 = std::min(inner, i0 + tile);
        ReduceStrided<P>(x + o * n * inner, inner, 0, n, i0, i1, acc);
        for (int64_t j = 0; j < i1 - i0; ++j) out[o * inner + i0 + j] = finish(acc[j]);
      }
    });
    return;
  }
  // partial[o][b][i]: block b's reduction of column i; combined in block order below.
  std::vector<Acc> partial(outer * blocks * inner);
  ParallelFor(outer * blocks * tiles, grain, [&](int64_t begin, int64_t end) {
    for (int64_t u = begin; u < end; ++u) {
      const int64_t o = u / (blocks * tiles), b = (u / tiles) % blocks;
      const int64_t i0 = (u % tiles) * tile, i1 = std::min(inner, i0 + tile);
      const int64_t r0 = b * block_rows, r1 = std::min(n, r0 + block_rows);
      ReduceStrided<P>(x + o * n * inner, inner, r0, r1, i0, i1,
                       partial.data() + (o * blocks + b) * inner + i0);
    }
  });
  for (int64_t o = 0; o < outer; ++o) {
    Acc* total = partial.data() + o * blocks * inner;  // Block 0 accumulates the others.
    for (int64_t b = 1; b < blocks; ++b) {
      const Acc* block = total + b * inner;
      for (int64_t i = 0; i < inner; ++i) total[i] = P::Combine(total[i], block[i]);
    }
    for (int64_t i = 0; i < inner; ++i) out[o * inner + i] = finish(total[i]);
  }
}

template <typename P, typename T, typename Out, typename Finish>
void RunReduction(const T* x, const ReduceLayout& layout, Out* out, Finish finish) {
  const Plan plan = MakePlan(layout);
  if (!plan.permute) {
    Reduce3<P>(x, plan.outer, plan.n, plan.inner, out, finish);
    return;
  }
  std::unique_ptr<T[]> permuted(new T[plan.outer * plan.n]);
  PermuteCopy(x, plan.dims, plan.perm, permuted.get());
  Reduce3<P>(permuted.get(), plan.outer, plan.n, int64_t{1}, out, finish);
}

template <typename T>
void IntegerSum(const T* x, const ReduceLayout& layout, T* out) {
  // C++20 defines the conversion of an out-of-range uint64 to a signed type as modular.
  RunReduction<SumPolicy<T>>(x, layout, out, [](uint64_t a) { return static_cast<T>(a); });
}

template <typename T>
bool IsNaN(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    return v != v;
  } else {
    return false;
  }
}

// True if v should replace best as the argmax (kMax) or argmin: strictly better (so the first of
// equal values stays), or the first NaN.
template <bool kMax, typename T>
bool Beats(T v, T best) {
  return (kMax ? v > best : v < best) || (IsNaN(v) && !IsNaN(best));
}

template <bool kMax, typename T>
void ArgExtreme(const T* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  STRATA_CHECK(n > 0 || outer * inner == 0) << "arg-reduction over an empty axis";
  if (outer * inner == 0) return;
  if (inner == 1) {
    ParallelFor(outer, std::max<int64_t>(1, kChunk / n), [&](int64_t begin, int64_t end) {
      for (int64_t o = begin; o < end; ++o) {
        const T* row = x + o * n;
        T best = row[0];
        int64_t index = 0;
        for (int64_t r = 1; r < n; ++r) {
          if (Beats<kMax>(row[r], best)) {
            best = row[r];
            index = r;
          }
        }
        out[o] = index;
      }
    });
    return;
  }
  const int64_t tile = std::min(inner, kInnerTile);
  const int64_t tiles = NumChunks(inner, tile);
  ParallelFor(outer * tiles, std::max<int64_t>(1, kChunk / (n * tile)),
              [&](int64_t begin, int64_t end) {
                T best[kInnerTile];
                for (int64_t u = begin; u < end; ++u) {
                  const int64_t o = u / tiles, i0 = (u % tiles) * tile;
                  const int64_t width = std::min(inner, i0 + tile) - i0;
                  const T* slab = x + o * n * inner + i0;
                  int64_t* index = out + o * inner + i0;
                  for (int64_t j = 0; j < width; ++j) {
                    best[j] = slab[j];
                    index[j] = 0;
                  }
                  for (int64_t r = 1; r < n; ++r) {
                    for (int64_t j = 0; j < width; ++j) {
                      if (Beats<kMax>(slab[r * inner + j], best[j])) {
                        best[j] = slab[r * inner + j];
                        index[j] = r;
                      }
                    }
                  }
                }
              });
}

// ---------------------------------------------------------------------------------------------
// Softmax family.

// The stabilizing shift: the max, or 0 when it is infinite (all -inf, or an inf present) so
// that x - shift stays meaningful (TF's reduce_logsumexp does the same).
float Shift(float max) { return std::isfinite(max) ? max : 0.0f; }

float RowMax(const float* x, int64_t n) {
  Packet m = Splat(-kInf);
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes) m = ei::pmax(m, ei::ploadu<Packet>(x + j));
  if (j < n) m = ei::pmax(m, LoadPartial(x + j, n - j, -kInf));
  return ei::predux_max(m);
}

// sum_j exp(x[j] - shift); also stores the terms in `terms` unless it is null.
float RowExpSum(const float* x, int64_t n, float shift, float* terms) {
  const Packet s = Splat(shift);
  Packet sum = Splat(0.0f);
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes) {
    const Packet e = Exp(ei::psub(ei::ploadu<Packet>(x + j), s));
    if (terms != nullptr) ei::pstoreu(terms + j, e);
    sum = ei::padd(sum, e);
  }
  if (j < n) {
    // Padding with -inf makes the padded terms exactly 0.
    const Packet e = Exp(ei::psub(LoadPartial(x + j, n - j, -kInf), s));
    if (terms != nullptr) StorePartial(terms + j, e, n - j);
    sum = ei::padd(sum, e);
  }
  return ei::predux(sum);
}

// Calls fn(slab, i0, i1) for every (outer index, tile of inner columns), in parallel with a
// grain fixed by the sizes. slab = o * n * inner is the offset of x[o, 0, 0]. For inner == 1 the
// units are rows, and a (64, 10) softmax runs inline as one chunk.
template <typename F>
void ForEachSlab(int64_t outer, int64_t n, int64_t inner, F fn) {
  if (outer * inner == 0) return;
  const int64_t tile = std::min(inner, kInnerTile);
  const int64_t tiles = NumChunks(inner, tile);
  const int64_t grain = std::max<int64_t>(1, kBlock / std::max<int64_t>(1, n * tile));
  ParallelFor(outer * tiles, grain, [&](int64_t begin, int64_t end) {
    for (int64_t u = begin; u < end; ++u) {
      const int64_t o = u / tiles, i0 = (u % tiles) * tile;
      fn(o * n * inner, i0, std::min(inner, i0 + tile));
    }
  });
}

// Per-column max over n rows of stride `inner`, then turned into shifts, for columns [i0, i1).
void ColumnShifts(const float* x, int64_t n, int64_t inner, int64_t i0, int64_t i1, float* shift) {
  const int64_t width = i1 - i0;
  std::fill_n(shift, width, -kInf);
  for (int64_t r = 0; r < n; ++r) {
    const float* row = x + r * inner + i0;
    for (int64_t j = 0; j < width; ++j) shift[j] = row[j] > shift[j] ? row[j] : shift[j];
  }
  for (int64_t j = 0; j < width; ++j) shift[j] = Shift(shift[j]);
}

// sum[j] = sum_r exp(x[r, j] - shift[j]) for columns [i0, i1); also stores the terms (with
// x's layout) in `terms` unless it is null.
void ColumnExpSums(const float* x, int64_t n, int64_t inner, int64_t i0, int64_t i1,
                   const float* shift, float* terms, float* sum) {
  const int64_t width = i1 - i0;
  std::fill_n(sum, width, 0.0f);
  float scratch[kInnerTile];
  for (int64_t r = 0; r < n; ++r) {
    float* t = terms != nullptr ? terms + r * inner + i0 : scratch;
    MapPackets(
        width, t, [](Packet v, Packet s) { return Exp(ei::psub(v, s)); }, x + r * inner + i0,
        shift);
    for (int64_t j = 0; j < width; ++j) sum[j] += t[j];
  }
}

}  // namespace

int64_t ReducedCount(const ReduceLayout& layout) {
  int64_t count = 1;
  for (size_t k = 0; k < layout.dims.size(); ++k) {
    if (layout.reduced[k]) count *= layout.dims[k];
  }
  return count;
}

int64_t KeptCount(const ReduceLayout& layout) {
  int64_t count = 1;
  for (size_t k = 0; k < layout.dims.size(); ++k) {
    if (!layout.reduced[k]) count *= layout.dims[k];
  }
  return count;
}

void Sum(const float* x, const ReduceLayout& layout, float* out) {
  RunReduction<SumPolicy<float>>(x, layout, out, [](double a) { return static_cast<float>(a); });
}

void Sum(const int32_t* x, const ReduceLayout& layout, int32_t* out) { IntegerSum(x, layout, out); }

void Sum(const int64_t* x, const ReduceLayout& layout, int64_t* out) { IntegerSum(x, layout, out); }

void Mean(const float* x, const ReduceLayout& layout, float* out) {
  const double count = static_cast<double>(ReducedCount(layout));
  RunReduction<SumPolicy<float>>(x, layout, out,
                                 [count](double a) { return static_cast<float>(a / count); });
}

void Max(const float* x, const ReduceLayout& layout, float* out) {
  STRATA_CHECK(ReducedCount(layout) > 0 || KeptCount(layout) == 0) << "Max over no elements";
  RunReduction<MaxPolicy>(x, layout, out, [](float a) { return a; });
}

void Min(const float* x, const ReduceLayout& layout, float* out) {
  STRATA_CHECK(ReducedCount(layout) > 0 || KeptCount(layout) == 0) << "Min over no elements";
  RunReduction<MinPolicy>(x, layout, out, [](float a) { return a; });
}

namespace {

void Broadcast3(const float* dy, int64_t outer, int64_t n, int64_t inner, float scale, float* dx) {
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    const int64_t o = slab / std::max<int64_t>(1, n * inner);
    for (int64_t r = 0; r < n; ++r) {
      float* d = dx + slab + r * inner;
      for (int64_t i = i0; i < i1; ++i) d[i] = scale * dy[o * inner + i];
    }
  });
}

void MaxMinGrad3(const float* x, const float* y, const float* dy, int64_t outer, int64_t n,
                 int64_t inner, float* dx) {
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    const int64_t o = slab / std::max<int64_t>(1, n * inner);
    bool found[kInnerTile] = {};
    for (int64_t r = 0; r < n; ++r) {
      const float* v = x + slab + r * inner;
      float* d = dx + slab + r * inner;
      for (int64_t i = i0; i < i1; ++i) {
        const float target = y[o * inner + i];
        const bool match = !found[i - i0] && (v[i] == target || (v[i] != v[i] && target != target));
        d[i] = match ? dy[o * inner + i] : 0.0f;
        found[i - i0] |= match;
      }
    }
  });
}

}  // namespace

void BroadcastReduced(const float* dy, const ReduceLayout& layout, float scale, float* dx) {
  const Plan plan = MakePlan(layout);
  if (!plan.permute) {
    Broadcast3(dy, plan.outer, plan.n, plan.inner, scale, dx);
    return;
  }
  std::unique_ptr<float[]> permuted(new float[plan.outer * plan.n]);
  Broadcast3(dy, plan.outer, plan.n, 1, scale, permuted.get());
  PermuteCopy(permuted.get(), Permuted(plan.dims, plan.perm), Inverse(plan.perm), dx);
}

void MaxMinGrad(const float* x, const float* y, const float* dy, const ReduceLayout& layout,
                float* dx) {
  const Plan plan = MakePlan(layout);
  if (!plan.permute) {
    MaxMinGrad3(x, y, dy, plan.outer, plan.n, plan.inner, dx);
    return;
  }
  const int64_t size = plan.outer * plan.n;
  std::unique_ptr<float[]> permuted_x(new float[size]), permuted_dx(new float[size]);
  PermuteCopy(x, plan.dims, plan.perm, permuted_x.get());
  MaxMinGrad3(permuted_x.get(), y, dy, plan.outer, plan.n, 1, permuted_dx.get());
  PermuteCopy(permuted_dx.get(), Permuted(plan.dims, plan.perm), Inverse(plan.perm), dx);
}

void ArgMax(const float* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<true>(x, outer, n, inner, out);
}
void ArgMin(const float* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<false>(x, outer, n, inner, out);
}
void ArgMax(const int32_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<true>(x, outer, n, inner, out);
}
void ArgMin(const int32_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<false>(x, outer, n, inner, out);
}
void ArgMax(const int64_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<true>(x, outer, n, inner, out);
}
void ArgMin(const int64_t* x, int64_t outer, int64_t n, int64_t inner, int64_t* out) {
  ArgExtreme<false>(x, outer, n, inner, out);
}

void Softmax(const float* x, int64_t outer, int64_t n, int64_t inner, float* y) {
  if (inner == 1) {
    // The hot case (a batch of logits): one pass for the max, one for exp and the sum, one to
    // normalize. Division, not multiplication by 1/sum, keeps each output correctly rounded.
    ForEachSlab(outer, n, 1, [&](int64_t slab, int64_t, int64_t) {
      const float* row = x + slab;
      float* out = y + slab;
      const float sum = RowExpSum(row, n, Shift(RowMax(row, n)), out);
      for (int64_t j = 0; j < n; ++j) out[j] /= sum;
    });
    return;
  }
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    float shift[kInnerTile], sum[kInnerTile];
    ColumnShifts(x + slab, n, inner, i0, i1, shift);
    ColumnExpSums(x + slab, n, inner, i0, i1, shift, y + slab, sum);
    for (int64_t r = 0; r < n; ++r) {
      float* out = y + slab + r * inner + i0;
      for (int64_t j = 0; j < i1 - i0; ++j) out[j] /= sum[j];
    }
  });
}

void LogSoftmax(const float* x, int64_t outer, int64_t n, int64_t inner, float* y) {
  if (inner == 1) {
    ForEachSlab(outer, n, 1, [&](int64_t slab, int64_t, int64_t) {
      const float* row = x + slab;
      float* out = y + slab;
      const float shift = Shift(RowMax(row, n));
      const float log_sum = std::log(RowExpSum(row, n, shift, nullptr));
      for (int64_t j = 0; j < n; ++j) out[j] = (row[j] - shift) - log_sum;
    });
    return;
  }
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    float shift[kInnerTile], sum[kInnerTile];
    ColumnShifts(x + slab, n, inner, i0, i1, shift);
    ColumnExpSums(x + slab, n, inner, i0, i1, shift, y + slab, sum);  // y as scratch.
    for (int64_t j = 0; j < i1 - i0; ++j) sum[j] = std::log(sum[j]);
    for (int64_t r = 0; r < n; ++r) {
      const float* in = x + slab + r * inner + i0;
      float* out = y + slab + r * inner + i0;
      for (int64_t j = 0; j < i1 - i0; ++j) out[j] = (in[j] - shift[j]) - sum[j];
    }
  });
}

void LogSumExp(const float* x, int64_t outer, int64_t n, int64_t inner, float* out) {
  if (outer * inner == 0) return;
  if (n == 0) {
    std::fill_n(out, outer * inner, -kInf);
    return;
  }
  if (inner == 1) {
    ForEachSlab(outer, n, 1, [&](int64_t slab, int64_t, int64_t) {
      const float* row = x + slab;
      const float shift = Shift(RowMax(row, n));
      out[slab / n] = shift + std::log(RowExpSum(row, n, shift, nullptr));
    });
    return;
  }
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    float shift[kInnerTile], sum[kInnerTile];
    ColumnShifts(x + slab, n, inner, i0, i1, shift);
    ColumnExpSums(x + slab, n, inner, i0, i1, shift, nullptr, sum);
    float* dst = out + slab / n;
    for (int64_t j = 0; j < i1 - i0; ++j) dst[i0 + j] = shift[j] + std::log(sum[j]);
  });
}

void SoftmaxGrad(const float* y, const float* dy, int64_t outer, int64_t n, int64_t inner,
                 float* dx) {
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    const int64_t width = i1 - i0;
    float dot[kInnerTile] = {};
    for (int64_t r = 0; r < n; ++r) {
      const int64_t at = slab + r * inner + i0;
      for (int64_t j = 0; j < width; ++j) dot[j] += dy[at + j] * y[at + j];
    }
    for (int64_t r = 0; r < n; ++r) {
      const int64_t at = slab + r * inner + i0;
      for (int64_t j = 0; j < width; ++j) dx[at + j] = y[at + j] * (dy[at + j] - dot[j]);
    }
  });
}

void LogSoftmaxGrad(const float* y, const float* dy, int64_t outer, int64_t n, int64_t inner,
                    float* dx) {
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    const int64_t width = i1 - i0;
    float sum[kInnerTile] = {};
    for (int64_t r = 0; r < n; ++r) {
      const float* g = dy + slab + r * inner + i0;
      for (int64_t j = 0; j < width; ++j) sum[j] += g[j];
    }
    for (int64_t r = 0; r < n; ++r) {
      const int64_t at = slab + r * inner + i0;
      MapPackets(
          width, dx + at,
          [](Packet g, Packet v, Packet s) { return ei::psub(g, ei::pmul(Exp(v), s)); }, dy + at,
          y + at, static_cast<const float*>(sum));
    }
  });
}

void LogSumExpGrad(const float* x, const float* dy, int64_t outer, int64_t n, int64_t inner,
                   float* dx) {
  Softmax(x, outer, n, inner, dx);
  ForEachSlab(outer, n, inner, [&](int64_t slab, int64_t i0, int64_t i1) {
    const float* g = dy + slab / std::max<int64_t>(1, n);
    for (int64_t r = 0; r < n; ++r) {
      float* d = dx + slab + r * inner;
      for (int64_t i = i0; i < i1; ++i) d[i] *= g[i];
    }
  });
}

}  // namespace strata::kernels
