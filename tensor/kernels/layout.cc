// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/layout.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <utility>
#include <vector>

#if defined(__AVX__)
#include <immintrin.h>
#endif

#include "base/check.h"
#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

// Bytes of output per parallel chunk: large enough that a TBB task (a few microseconds) is
// noise, small enough that two cores share a 1 MB copy. Chunks depend only on sizes
// (NOTE [ Deterministic parallelism ]); the kernels do no arithmetic, so any split is exact.
constexpr int64_t kGrainBytes = int64_t{1} << 17;

// Rows per parallel chunk for rows of `row_bytes` bytes.
int64_t RowGrain(int64_t row_bytes) {
  return std::max<int64_t>(1, kGrainBytes / std::max<int64_t>(row_bytes, 1));
}

int64_t Product(const std::vector<int64_t>& dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

std::vector<int64_t> RowMajorStrides(const std::vector<int64_t>& dims) {
  std::vector<int64_t> strides(dims.size());
  int64_t stride = 1;
  for (int a = static_cast<int>(dims.size()) - 1; a >= 0; --a) {
    strides[a] = stride;
    stride *= dims[a];
  }
  return strides;
}

// Writes `count` copies of the element at `fill` to dst. memcpy of a fixed size compiles to
// plain stores (and vectorizes) without type-punning the tensor's storage.
void FillElements(char* dst, int64_t count, size_t elem_size, const char* fill) {
  if (count <= 0) return;
  bool all_zero = true;
  for (size_t b = 0; b < elem_size; ++b) all_zero &= fill[b] == 0;
  if (all_zero) {
    std::memset(dst, 0, count * elem_size);
  } else if (elem_size == 4) {
    for (int64_t i = 0; i < count; ++i) std::memcpy(dst + 4 * i, fill, 4);
  } else {
    for (int64_t i = 0; i < count; ++i) std::memcpy(dst + 8 * i, fill, 8);
  }
}

// Steps a row-major multi-index over `dims` (the last axis fastest) and keeps `offset` =
// sum idx[a] * strides[a] in step.
struct Odometer {
  Odometer(const std::vector<int64_t>& dims, const std::vector<int64_t>& strides, int64_t flat)
      : dims(dims), strides(strides), idx(dims.size()) {
    for (int a = static_cast<int>(dims.size()) - 1; a >= 0; --a) {
      idx[a] = flat % dims[a];
      flat /= dims[a];
      offset += idx[a] * strides[a];
    }
  }
  void Next() {
    for (int a = static_cast<int>(dims.size()) - 1; a >= 0; --a) {
      offset += strides[a];
      if (++idx[a] < dims[a]) return;
      offset -= strides[a] * dims[a];
      idx[a] = 0;
    }
  }
  const std::vector<int64_t>& dims;
  const std::vector<int64_t>& strides;
  std::vector<int64_t> idx;
  int64_t offset = 0;
};

// ---------------------------------------------------------------------------------------------
// Permute.

// The permutation with size-1 axes dropped and runs of input axes that stay adjacent in the
// output merged: (N, H, W, C) -> (N, C, H, W) becomes (N, HW, C) -> (N, C, HW).
struct PermutePlan {
  std::vector<int64_t> in_dims;
  std::vector<int> perm;
};

PermutePlan Simplify(const int64_t* in_dims, const int* perm, int rank) {
  std::vector<int> kept_index(rank, -1);
  std::vector<int64_t> dims;
  for (int a = 0; a < rank; ++a) {
    if (in_dims[a] != 1) {
      kept_index[a] = static_cast<int>(dims.size());
      dims.push_back(in_dims[a]);
    }
  }
  // Groups of consecutive input axes, in output order: {first, last} input axis.
  std::vector<std::pair<int, int>> groups;
  for (int k = 0; k < rank; ++k) {
    const int a = kept_index[perm[k]];
    if (a < 0) continue;
    if (!groups.empty() && groups.back().second + 1 == a) {
      groups.back().second = a;
    } else {
      groups.push_back({a, a});
    }
  }
  const int g = static_cast<int>(groups.size());
  std::vector<int> by_input(g);
  std::iota(by_input.begin(), by_input.end(), 0);
  std::sort(by_input.begin(), by_input.end(),
            [&](int x, int y) { return groups[x].first < groups[y].first; });
  PermutePlan plan;
  plan.in_dims.resize(g);
  plan.perm.resize(g);
  std::vector<int> new_axis(g);
  for (int n = 0; n < g; ++n) {
    const auto [first, last] = groups[by_input[n]];
    int64_t d = 1;
    for (int a = first; a <= last; ++a) d *= dims[a];
    plan.in_dims[n] = d;
    new_axis[by_input[n]] = n;
  }
  for (int k = 0; k < g; ++k) plan.perm[k] = new_axis[k];
  return plan;
}

// The innermost axis stays innermost: every output row is a contiguous input run.
void PermuteRows(const char* in, const PermutePlan& plan, size_t elem_size, char* out) {
  const int r = static_cast<int>(plan.in_dims.size());
  const std::vector<int64_t> in_strides = RowMajorStrides(plan.in_dims);
  std::vector<int64_t> row_dims(r - 1), row_strides(r - 1);
  for (int k = 0; k < r - 1; ++k) {
    row_dims[k] = plan.in_dims[plan.perm[k]];
    row_strides[k] = in_strides[plan.perm[k]];
  }
  const int64_t row_bytes = plan.in_dims[r - 1] * elem_size;
  ParallelFor(Product(row_dims), RowGrain(row_bytes), [&](int64_t begin, int64_t end) {
    Odometer it(row_dims, row_strides, begin);
    for (int64_t row = begin; row < end; ++row, it.Next()) {
      std::memcpy(out + row * row_bytes, in + it.offset * elem_size, row_bytes);
    }
  });
}

#if defined(__AVX__)
// out[i * out_stride + j] = in[i + j * in_stride] for an 8x8 tile of 4-byte elements, in
// registers. Shuffles move bits unchanged, so ints and NaN payloads survive.
inline void Transpose8x8(const float* in, int64_t in_stride, float* out, int64_t out_stride) {
  __m256 r0 = _mm256_loadu_ps(in + 0 * in_stride), r1 = _mm256_loadu_ps(in + 1 * in_stride);
  __m256 r2 = _mm256_loadu_ps(in + 2 * in_stride), r3 = _mm256_loadu_ps(in + 3 * in_stride);
  __m256 r4 = _mm256_loadu_ps(in + 4 * in_stride), r5 = _mm256_loadu_ps(in + 5 * in_stride);
  __m256 r6 = _mm256_loadu_ps(in + 6 * in_stride), r7 = _mm256_loadu_ps(in + 7 * in_stride);
  const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
  const __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
  const __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
  const __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
  r0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
  r1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
  r2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
  r3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
  r4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
  r5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
  r6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
  r7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
  _mm256_storeu_ps(out + 0 * out_stride, _mm256_permute2f128_ps(r0, r4, 0x20));
  _mm256_storeu_ps(out + 1 * out_stride, _mm256_permute2f128_ps(r1, r5, 0x20));
  _mm256_storeu_ps(out + 2 * out_stride, _mm256_permute2f128_ps(r2, r6, 0x20));
  _mm256_storeu_ps(out + 3 * out_stride, _mm256_permute2f128_ps(r3, r7, 0x20));
  _mm256_storeu_ps(out + 4 * out_stride, _mm256_permute2f128_ps(r0, r4, 0x31));
  _mm256_storeu_ps(out + 5 * out_stride, _mm256_permute2f128_ps(r1, r5, 0x31));
  _mm256_storeu_ps(out + 6 * out_stride, _mm256_permute2f128_ps(r2, r6, 0x31));
  _mm256_storeu_ps(out + 7 * out_stride, _mm256_permute2f128_ps(r3, r7, 0x31));
}
#endif

// out[i * out_stride + j] = in[i + j * in_stride] for i in [i0, i1), j in [0, n), in column
// blocks of kBlockJ so that the touched input lines stay in L1.
template <typename T>
void TransposeRows(const T* in, int64_t in_stride, T* out, int64_t out_stride, int64_t i0,
                   int64_t i1, int64_t n) {
  constexpr int64_t kBlockJ = 128;
  for (int64_t j0 = 0; j0 < n; j0 += kBlockJ) {
    const int64_t j1 = std::min(n, j0 + kBlockJ);
    int64_t i = i0;
    for (; i + 8 <= i1; i += 8) {
      int64_t j = j0;
#if defined(__AVX__)
      if constexpr (sizeof(T) == 4) {
        for (; j + 8 <= j1; j += 8) {
          Transpose8x8(reinterpret_cast<const float*>(in + i + j * in_stride), in_stride,
                       reinterpret_cast<float*>(out + i * out_stride + j), out_stride);
        }
      }
#endif
      for (; j < j1; ++j) {
        for (int64_t ii = i; ii < i + 8; ++ii) out[ii * out_stride + j] = in[ii + j * in_stride];
      }
    }
    for (; i < i1; ++i) {
      for (int64_t j = j0; j < j1; ++j) out[i * out_stride + j] = in[i + j * in_stride];
    }
  }
}

// The innermost input axis moves: a batch (over the other axes) of 2-D transposes, each cut
// into tiles of kTileI output rows that are the units of parallel work.
template <typename T>
void PermuteTransposed(const T* in, const PermutePlan& plan, T* out) {
  const int r = static_cast<int>(plan.in_dims.size());
  const std::vector<int64_t> in_strides = RowMajorStrides(plan.in_dims);
  std::vector<int64_t> out_dims(r);
  for (int k = 0; k < r; ++k) out_dims[k] = plan.in_dims[plan.perm[k]];
  const std::vector<int64_t> out_strides = RowMajorStrides(out_dims);
  const int q = plan.perm[r - 1];  // The input axis that becomes the output's innermost.
  const int p = static_cast<int>(std::find(plan.perm.begin(), plan.perm.end(), r - 1) -
                                 plan.perm.begin());  // Where the input's innermost goes.
  const int64_t m = plan.in_dims[r - 1];
  const int64_t n = plan.in_dims[q];
  std::vector<int64_t> batch_dims, batch_in_strides, batch_out_strides;
  for (int k = 0; k < r - 1; ++k) {
    if (k == p) continue;
    batch_dims.push_back(out_dims[k]);
    batch_in_strides.push_back(in_strides[plan.perm[k]]);
    batch_out_strides.push_back(out_strides[k]);
  }
  constexpr int64_t kTileI = 128;
  const int64_t tiles = (m + kTileI - 1) / kTileI;
  const int64_t units = Product(batch_dims) * tiles;
  const int64_t grain = RowGrain(kTileI * n * static_cast<int64_t>(sizeof(T)));
  ParallelFor(units, grain, [&](int64_t begin, int64_t end) {
    for (int64_t u = begin; u < end; ++u) {
      int64_t b = u / tiles;
      int64_t in_base = 0, out_base = 0;
      for (int k = static_cast<int>(batch_dims.size()) - 1; k >= 0; --k) {
        const int64_t idx = b % batch_dims[k];
        b /= batch_dims[k];
        in_base += idx * batch_in_strides[k];
        out_base += idx * batch_out_strides[k];
      }
      const int64_t i0 = (u % tiles) * kTileI;
      TransposeRows(in + in_base, in_strides[q], out + out_base, out_strides[p], i0,
                    std::min(m, i0 + kTileI), n);
    }
  });
}

}  // namespace

void Permute(const void* in, const int64_t* in_dims, const int* perm, int rank, size_t elem_size,
             void* out) {
  STRATA_CHECK(elem_size == 4 || elem_size == 8) << "element size " << elem_size;
  int64_t total = 1;
  for (int a = 0; a < rank; ++a) total *= in_dims[a];
  if (total == 0) return;
  const PermutePlan plan = Simplify(in_dims, perm, rank);
  const int r = static_cast<int>(plan.in_dims.size());
  const char* src = static_cast<const char*>(in);
  char* dst = static_cast<char*>(out);
  if (r <= 1) {
    // Only size-1 axes moved: the bytes are already in output order.
    ParallelFor(total * elem_size, kGrainBytes, [&](int64_t begin, int64_t end) {
      std::memcpy(dst + begin, src + begin, end - begin);
    });
  } else if (plan.perm[r - 1] == r - 1) {
    PermuteRows(src, plan, elem_size, dst);
  } else if (elem_size == 4) {
    PermuteTransposed(static_cast<const uint32_t*>(in), plan, static_cast<uint32_t*>(out));
  } else {
    PermuteTransposed(static_cast<const uint64_t*>(in), plan, static_cast<uint64_t*>(out));
  }
}

// ---------------------------------------------------------------------------------------------
// Slice and Pad: both move rows between a box and its enclosing array. Trailing axes that the
// box covers fully are merged into the row, so slicing rows of a matrix or padding H and W of
// an NHWC tensor copies long runs.

void Slice(const void* in, const int64_t* in_dims, const int64_t* begins, const int64_t* out_dims,
           int rank, size_t elem_size, void* out) {
  int64_t total = 1;
  for (int a = 0; a < rank; ++a) total *= out_dims[a];
  if (total == 0) return;
  // k: the last axis that the box does not cover fully; everything after it joins the run.
  int k = rank - 1;
  int64_t inner = 1;
  while (k >= 0 && out_dims[k] == in_dims[k]) inner *= in_dims[k--];
  const char* src = static_cast<const char*>(in);
  char* dst = static_cast<char*>(out);
  if (k < 0) {
    std::memcpy(dst, src, total * elem_size);
    return;
  }
  std::vector<int64_t> in_dims_k(in_dims, in_dims + k + 1);
  in_dims_k[k] *= inner;
  const std::vector<int64_t> in_strides = RowMajorStrides(in_dims_k);
  std::vector<int64_t> row_dims(out_dims, out_dims + k);
  std::vector<int64_t> row_strides(in_strides.begin(), in_strides.begin() + k);
  int64_t base = begins[k] * inner;
  for (int a = 0; a < k; ++a) base += begins[a] * in_strides[a];
  const int64_t row_bytes = out_dims[k] * inner * elem_size;
  ParallelFor(Product(row_dims), RowGrain(row_bytes), [&](int64_t begin, int64_t end) {
    Odometer it(row_dims, row_strides, begin);
    for (int64_t row = begin; row < end; ++row, it.Next()) {
      std::memcpy(dst + row * row_bytes, src + (base + it.offset) * elem_size, row_bytes);
    }
  });
}

void Pad(const void* in, const int64_t* in_dims, const int64_t* before, const int64_t* after,
         int rank, size_t elem_size, const void* fill, void* out) {
  STRATA_CHECK(elem_size == 4 || elem_size == 8) << "element size " << elem_size;
  std::vector<int64_t> out_dims(rank);
  int64_t in_total = 1;
  for (int a = 0; a < rank; ++a) {
    out_dims[a] = in_dims[a] + before[a] + after[a];
    in_total *= in_dims[a];
  }
  const int64_t out_total = Product(out_dims);
  if (out_total == 0) return;
  const char* src = static_cast<const char*>(in);
  const char* value = static_cast<const char*>(fill);
  char* dst = static_cast<char*>(out);
  if (in_total == 0) {
    ParallelFor(out_total, kGrainBytes / elem_size, [&](int64_t begin, int64_t end) {
      FillElements(dst + begin * elem_size, end - begin, elem_size, value);
    });
    return;
  }
  int k = rank - 1;
  int64_t inner = 1;
  while (k >= 0 && before[k] == 0 && after[k] == 0) inner *= in_dims[k--];
  if (k < 0) {
    std::memcpy(dst, src, in_total * elem_size);
    return;
  }
  // Rows run along axis k (with the merged trailing axes): `lead` fill elements, the input
  // run, `trail` fill elements. Rows outside the input box are all fill.
  const int64_t lead = before[k] * inner, run = in_dims[k] * inner, trail = after[k] * inner;
  const int64_t row_elems = lead + run + trail;
  std::vector<int64_t> in_dims_k(in_dims, in_dims + k + 1);
  in_dims_k[k] *= inner;
  const std::vector<int64_t> in_strides = RowMajorStrides(in_dims_k);
  std::vector<int64_t> row_dims(out_dims.begin(), out_dims.begin() + k);
  std::vector<int64_t> row_strides(in_strides.begin(), in_strides.begin() + k);
  int64_t shift = 0;  // Input offset of the output row index 0 (may be negative).
  for (int a = 0; a < k; ++a) shift -= before[a] * in_strides[a];
  ParallelFor(Product(row_dims), RowGrain(row_elems * elem_size), [&](int64_t begin, int64_t end) {
    Odometer it(row_dims, row_strides, begin);
    for (int64_t row = begin; row < end; ++row, it.Next()) {
      char* row_out = dst + row * row_elems * elem_size;
      bool inside = true;
      for (int a = 0; a < k; ++a) {
        inside &= it.idx[a] >= before[a] && it.idx[a] < before[a] + in_dims[a];
      }
      if (!inside) {
        FillElements(row_out, row_elems, elem_size, value);
        continue;
      }
      FillElements(row_out, lead, elem_size, value);
      std::memcpy(row_out + lead * elem_size, src + (shift + it.offset) * elem_size,
                  run * elem_size);
      FillElements(row_out + (lead + run) * elem_size, trail, elem_size, value);
    }
  });
}

void ConcatRows(const void* const* inputs, const int64_t* row_bytes, int num_inputs, int64_t outer,
                void* out) {
  int64_t out_row_bytes = 0;
  for (int i = 0; i < num_inputs; ++i) out_row_bytes += row_bytes[i];
  if (out_row_bytes == 0) return;
  char* dst = static_cast<char*>(out);
  ParallelFor(outer, RowGrain(out_row_bytes), [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      char* row_out = dst + row * out_row_bytes;
      for (int i = 0; i < num_inputs; ++i) {
        std::memcpy(row_out, static_cast<const char*>(inputs[i]) + row * row_bytes[i],
                    row_bytes[i]);
        row_out += row_bytes[i];
      }
    }
  });
}

}  // namespace strata::kernels
