// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/kernels/matmul.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "Eigen/Core"
#include "base/check.h"
#include "tensor/parallel.h"

namespace strata::kernels {
namespace {

using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Stride = Eigen::OuterStride<>;
using ConstMap = Eigen::Map<const RowMajorMatrix, Eigen::Unaligned, Stride>;
using MutableMap = Eigen::Map<RowMajorMatrix, Eigen::Unaligned, Stride>;

int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// A sub-product: rows [r0, r1) and columns [c0, c1) of C, contraction steps [k0, k1).
struct Block {
  int64_t r0, r1, c0, c1, k0, k1;
};

// The (rows x cols) view of op(X) at (row, col), where X is stored row-major with `ld` elements
// per row: X itself, or X^T as an Eigen expression when kTranspose (no copy; Eigen's GEMM packs
// straight from the strided source).
template <bool kTranspose>
auto OpView(const float* x, int64_t ld, int64_t row, int64_t col, int64_t rows, int64_t cols) {
  if constexpr (kTranspose) {
    return ConstMap(x + col * ld + row, cols, rows, Stride(ld)).transpose();
  } else {
    return ConstMap(x + row * ld + col, rows, cols, Stride(ld));
  }
}

// out (= or +=) op(A)[r0:r1, k0:k1] @ op(B)[k0:k1, c0:c1], where out points at the block's first
// element and has `ldc` elements per row.
template <bool kTransposeA, bool kTransposeB>
void BlockProduct(const GemmDims& d, const float* a, const float* b, const Block& blk,
                  float* out, int64_t ldc, bool accumulate) {
  const int64_t rows = blk.r1 - blk.r0, cols = blk.c1 - blk.c0, depth = blk.k1 - blk.k0;
  const auto lhs = OpView<kTransposeA>(a, kTransposeA ? d.m : d.k, blk.r0, blk.k0, rows, depth);
  const auto rhs = OpView<kTransposeB>(b, kTransposeB ? d.k : d.n, blk.k0, blk.c0, depth, cols);
  MutableMap dst(out, rows, cols, Stride(ldc));
  if (accumulate) {
    dst.noalias() += lhs * rhs;
  } else {
    dst.noalias() = lhs * rhs;
  }
}

// Dispatches the runtime transposes to the four instantiations. Requires a non-empty block.
void Product(const GemmDims& d, const float* a, const float* b, const Block& blk, float* out,
             int64_t ldc, bool accumulate) {
  if (d.transpose_a) {
    if (d.transpose_b) {
      BlockProduct<true, true>(d, a, b, blk, out, ldc, accumulate);
    } else {
      BlockProduct<true, false>(d, a, b, blk, out, ldc, accumulate);
    }
  } else if (d.transpose_b) {
    BlockProduct<false, true>(d, a, b, blk, out, ldc, accumulate);
  } else {
    BlockProduct<false, false>(d, a, b, blk, out, ldc, accumulate);
  }
}

// The grain for cutting a dimension of `extent` >= 2 * kMinBlockExtent: an even number of blocks
// (two threads get equal shares), about kTargetBlockExtent each, rounded up to a multiple of 16
// so that Eigen's register-blocked micro kernels see full panels.
int64_t SplitGrain(int64_t extent) {
  int64_t blocks = std::max<int64_t>(2, extent / kTargetBlockExtent);
  blocks += blocks % 2;
  return CeilDiv(CeilDiv(extent, blocks), 16) * 16;
}

void ZeroFill(float* c, int64_t count) { std::fill_n(c, count, 0.0f); }

}  // namespace

GemmPlan PlanGemm(const GemmDims& d) {
  GemmPlan plan;
  if (d.m <= 0 || d.n <= 0 || d.k <= 0) return plan;
  // In double: 2mnk overflows int64 for absurd but representable sizes.
  if (2.0 * d.m * d.n * d.k < static_cast<double>(kMinParallelFlops)) return plan;
  const int64_t min_extent = 2 * kMinBlockExtent;
  int64_t extent = 0;
  // NOTE [ GEMM blocking ]: the longest dimension costs the least re-packing per block. Depth
  // needs a temporary C per extra block, so it is preferred only when it clearly dominates;
  // columns win ties with rows because they also shrink Eigen's packed panel.
  if (d.k >= min_extent && d.k >= 2 * std::max(d.m, d.n)) {
    plan.axis = GemmPlan::Axis::kDepth;
    extent = d.k;
  } else if (std::max(d.m, d.n) >= min_extent) {
    plan.axis = d.n >= d.m ? GemmPlan::Axis::kCols : GemmPlan::Axis::kRows;
    extent = std::max(d.m, d.n);
  } else if (d.k >= min_extent) {
    plan.axis = GemmPlan::Axis::kDepth;
    extent = d.k;
  } else {
    return plan;
  }
  plan.grain = SplitGrain(extent);
  plan.blocks = CeilDiv(extent, plan.grain);
  return plan;
}

void Gemm(const GemmDims& d, const float* a, const float* b, float* c) {
  STRATA_CHECK(d.m >= 0 && d.n >= 0 && d.k >= 0) << d.m << "x" << d.n << "x" << d.k;
  if (d.m == 0 || d.n == 0) return;
  if (d.k == 0) return ZeroFill(c, d.m * d.n);
  const GemmPlan plan = PlanGemm(d);
  const Block full{0, d.m, 0, d.n, 0, d.k};
  switch (plan.axis) {
    case GemmPlan::Axis::kNone:
      Product(d, a, b, full, c, d.n, /*accumulate=*/false);
      return;
    case GemmPlan::Axis::kRows:
      ParallelFor(d.m, plan.grain, [&](int64_t begin, int64_t end) {
        Block blk = full;
        blk.r0 = begin;
        blk.r1 = end;
        Product(d, a, b, blk, c + begin * d.n, d.n, false);
      });
      return;
    case GemmPlan::Axis::kCols:
      ParallelFor(d.n, plan.grain, [&](int64_t begin, int64_t end) {
        Block blk = full;
        blk.c0 = begin;
        blk.c1 = end;
        Product(d, a, b, blk, c + begin, d.n, false);
      });
      return;
    case GemmPlan::Axis::kDepth: {
      // Block 0 writes C; block i > 0 writes partial i, added to C in block order afterwards, so
      // the sum's association is fixed by the plan alone.
      const int64_t size = d.m * d.n;
      std::unique_ptr<float[]> partials(new float[(plan.blocks - 1) * size]);
      ParallelFor(d.k, plan.grain, [&](int64_t begin, int64_t end) {
        Block blk = full;
        blk.k0 = begin;
        blk.k1 = end;
        const int64_t index = begin / plan.grain;
        float* out = index == 0 ? c : partials.get() + (index - 1) * size;
        Product(d, a, b, blk, out, d.n, false);
      });
      Eigen::Map<Eigen::ArrayXf> sum(c, size);
      for (int64_t i = 1; i < plan.blocks; ++i) {
        sum += Eigen::Map<const Eigen::ArrayXf>(partials.get() + (i - 1) * size, size);
      }
      return;
    }
  }
}

void BatchedGemm(const GemmDims& d, const float* a, const int64_t* a_index, const float* b,
                 const int64_t* b_index, int64_t num_products, float* c, const int64_t* c_index,
                 int64_t num_outputs) {
  STRATA_CHECK(d.m >= 0 && d.n >= 0 && d.k >= 0) << d.m << "x" << d.n << "x" << d.k;
  STRATA_CHECK(num_products >= 0 && num_outputs >= 0);
  if (num_outputs == 0 || d.m == 0 || d.n == 0) return;
  const int64_t a_size = d.m * d.k, b_size = d.k * d.n, c_size = d.m * d.n;
  if (d.k == 0 || num_products == 0) return ZeroFill(c, num_outputs * c_size);
  STRATA_CHECK(c_index != nullptr || num_products == num_outputs)
      << num_products << " products, " << num_outputs << " outputs";

  // The products of output j are order[offsets[j]:offsets[j + 1]], in increasing p (a stable
  // counting sort), which fixes the order of every sum.
  std::vector<int64_t> offsets, order;
  if (c_index != nullptr) {
    offsets.assign(num_outputs + 1, 0);
    for (int64_t p = 0; p < num_products; ++p) {
      STRATA_CHECK(c_index[p] >= 0 && c_index[p] < num_outputs) << "c_index " << c_index[p];
      ++offsets[c_index[p] + 1];
    }
    for (int64_t j = 0; j < num_outputs; ++j) offsets[j + 1] += offsets[j];
    std::vector<int64_t> next(offsets.begin(), offsets.end() - 1);
    order.resize(num_products);
    for (int64_t p = 0; p < num_products; ++p) order[next[c_index[p]]++] = p;
  }

  // Tiles are (output, row block) pairs. Rows are cut only when there are too few outputs to
  // keep two threads busy, with the same grain a single product would use.
  const double product_flops = 2.0 * d.m * d.n * d.k;
  const double total_flops = product_flops * num_products;
  int64_t row_grain = d.m;
  if (num_outputs < 4 && total_flops / num_outputs >= kMinParallelFlops &&
      d.m >= 2 * kMinBlockExtent) {
    row_grain = SplitGrain(d.m);
  }
  const int64_t row_blocks = CeilDiv(d.m, row_grain);
  const int64_t num_tiles = num_outputs * row_blocks;
  // A chunk of tiles carries about kMinParallelFlops / 2 of work, so TBB's per-task cost stays
  // small; problems under kMinParallelFlops run as one chunk on the calling thread.
  int64_t tile_grain = num_tiles;
  if (total_flops >= kMinParallelFlops) {
    const double tile_flops = total_flops / num_tiles;
    tile_grain = std::clamp<int64_t>(
        static_cast<int64_t>(kMinParallelFlops / 2 / tile_flops) + 1, 1, num_tiles);
  }

  ParallelFor(num_tiles, tile_grain, [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      const int64_t j = t / row_blocks;
      const int64_t r0 = (t % row_blocks) * row_grain, r1 = std::min(d.m, r0 + row_grain);
      float* out = c + j * c_size + r0 * d.n;
      const int64_t first = c_index == nullptr ? j : offsets[j];
      const int64_t last = c_index == nullptr ? j + 1 : offsets[j + 1];
      if (first == last) {
        ZeroFill(out, (r1 - r0) * d.n);
        continue;
      }
      const Block blk{r0, r1, 0, d.n, 0, d.k};
      for (int64_t q = first; q < last; ++q) {
        const int64_t p = c_index == nullptr ? q : order[q];
        const float* ap = a + (a_index == nullptr ? p : a_index[p]) * a_size;
        const float* bp = b + (b_index == nullptr ? p : b_index[p]) * b_size;
        Product(d, ap, bp, blk, out, d.n, /*accumulate=*/q != first);
      }
    }
  });
}

}  // namespace strata::kernels
