// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_MATMUL_H_
#define STRATA_TENSOR_KERNELS_MATMUL_H_

// Matrix products of row-major float32 matrices on Eigen's GEMM, parallelized with ParallelFor.
// Callers validate shapes; kernels only CHECK internal consistency.
//
// GemmDims describes C (m x n) = op(A) @ op(B), where op(A) is (m x k): A is stored (m x k), or
// (k x m) when transpose_a (op(A) = A^T); likewise op(B) is (k x n), B stored (k x n) or (n x k).
// Gemm computes one product; BatchedGemm computes many with index maps, which express NumPy
// batch broadcasting and the sums over broadcast batch dimensions that gradients need.
//
//   // x (64 x 784), w (784 x 64), dy (64 x 64):
//   kernels::Gemm({.m = 64, .n = 64, .k = 784}, x, w, y);                      // y = x @ w
//   kernels::Gemm({.m = 784, .n = 64, .k = 64, .transpose_a = true}, x, dy, dw);  // x^T @ dy
//
// NOTE [ GEMM blocking ]
// One product is cut into blocks along one of its dimensions, each block one Eigen GEMM, run
// with ParallelFor; the axis and the block size are a function of (m, n, k) alone (PlanGemm),
// never of the thread count, so results are bitwise identical on any number of threads
// (NOTE [ Deterministic parallelism ] in tensor/parallel.h). Every block re-packs the operand it
// shares with the other blocks, which costs about 1/extent of the block's work, so products under
// kMinParallelFlops run as one Eigen call (no TBB at all), and others are cut along their longest
// dimension into an even number of blocks of about kTargetBlockExtent (at least
// kMinBlockExtent): two threads get equal halves and one thread loses only a few percent.
// - Columns of C win ties with rows: Eigen computes a row-major C^T = B^T A^T, so n is the
//   dimension of its packed left panel, and halving it keeps the panel in L2 (at 1024^3 it is
//   2 MiB unsplit, the whole L2 here), which pays for the extra packing of A.
// - The contraction is cut only when it dwarfs m and n (the MLP's 64x784 @ 784x64); block 0
//   writes C, the others temporaries added in block order. Smaller blocks also keep Eigen's
//   packing buffers under its 128 KiB stack limit: unsplit, that product allocates them on the
//   heap, and glibc serves such a same-size request with a fresh mmap and ~50 page faults on
//   every call.

#include <cstdint>

namespace strata::kernels {

// The sizes and transposes of C = op(A) @ op(B); see the header comment.
struct GemmDims {
  int64_t m = 0;  // Rows of C and of op(A).
  int64_t n = 0;  // Columns of C and of op(B).
  int64_t k = 0;  // The contraction: columns of op(A), rows of op(B).
  bool transpose_a = false;  // A is stored (k x m).
  bool transpose_b = false;  // B is stored (n x k).
};

// Products smaller than this (2*m*n*k flops) run as one Eigen call on the calling thread.
inline constexpr int64_t kMinParallelFlops = int64_t{1} << 22;
// A split block spans at least this many rows / columns / contraction steps ...
inline constexpr int64_t kMinBlockExtent = 128;
// ... and about this many when the dimension is long (more, smaller blocks only add re-packing).
inline constexpr int64_t kTargetBlockExtent = 512;

// How Gemm cuts one product (NOTE [ GEMM blocking ]).
struct GemmPlan {
  enum class Axis { kNone, kRows, kCols, kDepth };
  Axis axis = Axis::kNone;  // kNone: one Eigen call.
  int64_t grain = 0;        // Block extent along `axis` (the last block may be shorter).
  int64_t blocks = 1;       // ceil(extent / grain).
};

// The blocking Gemm uses for `dims`; a function of the sizes only.
GemmPlan PlanGemm(const GemmDims& dims);

// c = op(a) @ op(b); c is (m x n) and is overwritten (zeros when k == 0). c must not overlap a
// or b.
void Gemm(const GemmDims& dims, const float* a, const float* b, float* c);

// A batch of products with index maps. Matrix i of a starts at a + i * m * k, of b at
// b + i * k * n, of c at c + i * m * n. For each output matrix j in [0, num_outputs):
//   c_j = sum over p in [0, num_products) with c_index[p] == j of
//         op(a_{a_index[p]}) @ op(b_{b_index[p]}),
// summed in increasing p (zeros if no p maps to j). A null index map is the identity
// (index[p] == p); with a null c_index, num_outputs must equal num_products. Outputs are cut
// into blocks of whole matrices, and of rows when there are fewer than four, with a plan that
// depends only on the sizes (NOTE [ GEMM blocking ]): bitwise identical for any thread count.
void BatchedGemm(const GemmDims& dims, const float* a, const int64_t* a_index, const float* b,
                 const int64_t* b_index, int64_t num_products, float* c, const int64_t* c_index,
                 int64_t num_outputs);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_MATMUL_H_
