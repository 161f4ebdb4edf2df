// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/parallel.h"

#include <atomic>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace strata {
namespace {

std::set<std::pair<int64_t, int64_t>> ChunksSeen(int64_t n, int64_t grain) {
  std::mutex mu;
  std::set<std::pair<int64_t, int64_t>> chunks;
  ParallelFor(n, grain, [&](int64_t begin, int64_t end) {
    std::lock_guard<std::mutex> lock(mu);
    chunks.insert({begin, end});
  });
  return chunks;
}

TEST(ParallelTest, CoversTheRangeInFixedChunks) {
  auto chunks = ChunksSeen(10, 4);
  EXPECT_EQ(chunks, (std::set<std::pair<int64_t, int64_t>>{{0, 4}, {4, 8}, {8, 10}}));
  EXPECT_EQ(NumChunks(10, 4), 3);
  EXPECT_EQ(NumChunks(0, 4), 0);
  EXPECT_TRUE(ChunksSeen(0, 4).empty());
}

TEST(ParallelTest, ChunksDoNotDependOnTheThreadCount) {
  std::set<std::pair<int64_t, int64_t>> one_thread;
  {
    ScopedThreadLimit limit(1);
    EXPECT_EQ(NumThreads(), 1);
    one_thread = ChunksSeen(1000, 7);
  }
  EXPECT_EQ(one_thread, ChunksSeen(1000, 7));
}

TEST(ParallelTest, EveryIndexRunsOnce) {
  std::vector<std::atomic<int>> hits(10000);
  ParallelFor(10000, 64, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) hits[i]++;
  });
  for (const auto& h : hits) EXPECT_EQ(h.load(), 1);
}

}  // namespace
}  // namespace strata
