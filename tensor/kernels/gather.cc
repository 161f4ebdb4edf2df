// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/gather.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

// Bytes of output per parallel chunk (see layout.cc): chunks depend only on sizes.
constexpr int64_t kGrainBytes = int64_t{1} << 17;

int64_t RowGrain(int64_t row_bytes) {
  return std::max<int64_t>(1, kGrainBytes / std::max<int64_t>(row_bytes, 1));
}

// Copies rows [begin, end) of the output, stepping (o, i) instead of dividing per row. kBytes
// > 0 makes the row size a constant (one load/store for 4- and 8-byte rows, the common case of
// a 1-D table or a gather along the last axis); kBytes == 0 uses row_bytes.
template <int64_t kBytes, typename Index>
void GatherRange(const char* params, int64_t axis_dim, int64_t row_bytes, const Index* indices,
                 int64_t num_indices, char* out, int64_t begin, int64_t end) {
  const int64_t bytes = kBytes > 0 ? kBytes : row_bytes;
  int64_t o = begin / num_indices, i = begin % num_indices;
  const char* table = params + o * axis_dim * bytes;
  for (int64_t r = begin; r < end; ++r) {
    std::memcpy(out + r * bytes, table + indices[i] * bytes, bytes);
    if (++i == num_indices) {
      i = 0;
      table += axis_dim * bytes;
    }
  }
}

template <typename Index>
void GatherRowsImpl(const void* params, int64_t outer, int64_t axis_dim, int64_t row_bytes,
                    const Index* indices, int64_t num_indices, void* out) {
  const int64_t rows = outer * num_indices;
  if (rows == 0 || row_bytes == 0) return;
  const char* src = static_cast<const char*>(params);
  char* dst = static_cast<char*>(out);
  ParallelFor(rows, RowGrain(row_bytes), [&](int64_t begin, int64_t end) {
    if (row_bytes == 4) {
      GatherRange<4>(src, axis_dim, row_bytes, indices, num_indices, dst, begin, end);
    } else if (row_bytes == 8) {
      GatherRange<8>(src, axis_dim, row_bytes, indices, num_indices, dst, begin, end);
    } else {
      GatherRange<0>(src, axis_dim, row_bytes, indices, num_indices, dst, begin, end);
    }
  });
}

inline void AddRow(const float* src, int64_t n, float* dst) {
  for (int64_t k = 0; k < n; ++k) dst[k] += src[k];
}

template <typename Index>
void ScatterAddRowsImpl(const float* grad, int64_t outer, int64_t num_indices, int64_t row_size,
                        const Index* indices, int64_t axis_dim, float* out) {
  const int64_t out_rows = outer * axis_dim;
  if (out_rows == 0 || row_size == 0) return;
  const int64_t grain = RowGrain(row_size * static_cast<int64_t>(sizeof(float)));
  if (NumChunks(out_rows, grain) == 1) {
    // Small: one pass in index order.
    std::memset(out, 0, out_rows * row_size * sizeof(float));
    for (int64_t o = 0; o < outer; ++o) {
      for (int64_t i = 0; i < num_indices; ++i) {
        AddRow(grad + (o * num_indices + i) * row_size, row_size,
               out + (o * axis_dim + indices[i]) * row_size);
      }
    }
    return;
  }
  // Large: a stable counting sort of positions by destination row, then destination rows in
  // parallel, each summing its sources in increasing index order. Every destination row sees
  // exactly the additions of the sequential loop above, in the same order, so the bits match.
  std::vector<int64_t> start(axis_dim + 1, 0);
  for (int64_t i = 0; i < num_indices; ++i) ++start[indices[i] + 1];
  for (int64_t r = 0; r < axis_dim; ++r) start[r + 1] += start[r];
  std::vector<int64_t> by_row(num_indices);
  {
    std::vector<int64_t> next(start.begin(), start.end() - 1);
    for (int64_t i = 0; i < num_indices; ++i) by_row[next[indices[i]]++] = i;
  }
  ParallelFor(out_rows, grain, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      const int64_t o = row / axis_dim, r = row % axis_dim;
      float* dst = out + row * row_size;
      std::memset(dst, 0, row_size * sizeof(float));
      for (int64_t s = start[r]; s < start[r + 1]; ++s) {
        AddRow(grad + (o * num_indices + by_row[s]) * row_size, row_size, dst);
      }
    }
  });
}

template <typename Index>
void OneHotImpl(const Index* indices, int64_t n, int64_t depth, float* out) {
  if (n == 0 || depth == 0) return;
  ParallelFor(n, RowGrain(depth * static_cast<int64_t>(sizeof(float))),
              [&](int64_t begin, int64_t end) {
                std::memset(out + begin * depth, 0, (end - begin) * depth * sizeof(float));
                for (int64_t i = begin; i < end; ++i) out[i * depth + indices[i]] = 1.0f;
              });
}

}  // namespace

void GatherRows(const void* params, int64_t outer, int64_t axis_dim, int64_t row_bytes,
                const int32_t* indices, int64_t num_indices, void* out) {
  GatherRowsImpl(params, outer, axis_dim, row_bytes, indices, num_indices, out);
}
void GatherRows(const void* params, int64_t outer, int64_t axis_dim, int64_t row_bytes,
                const int64_t* indices, int64_t num_indices, void* out) {
  GatherRowsImpl(params, outer, axis_dim, row_bytes, indices, num_indices, out);
}

void ScatterAddRows(const float* grad, int64_t outer, int64_t num_indices, int64_t row_size,
                    const int32_t* indices, int64_t axis_dim, float* out) {
  ScatterAddRowsImpl(grad, outer, num_indices, row_size, indices, axis_dim, out);
}
void ScatterAddRows(const float* grad, int64_t outer, int64_t num_indices, int64_t row_size,
                    const int64_t* indices, int64_t axis_dim, float* out) {
  ScatterAddRowsImpl(grad, outer, num_indices, row_size, indices, axis_dim, out);
}

void OneHot(const int32_t* indices, int64_t n, int64_t depth, float* out) {
  OneHotImpl(indices, n, depth, out);
}
void OneHot(const int64_t* indices, int64_t n, int64_t depth, float* out) {
  OneHotImpl(indices, n, depth, out);
}

}  // namespace strata::kernels
