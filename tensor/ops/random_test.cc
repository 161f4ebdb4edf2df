// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "tensor/ops/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tensor/kernels/random.h"
#include "tensor/parallel.h"

namespace strata::ops {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Moments {
  double mean = 0, variance = 0, min = 0, max = 0;
};

Moments MomentsOf(const Tensor& t) {
  const float* x = t.data<float>();
  const int64_t n = t.num_elements();
  Moments m{0, 0, x[0], x[0]};
  for (int64_t i = 0; i < n; ++i) {
    m.mean += x[i];
    m.min = std::min<double>(m.min, x[i]);
    m.max = std::max<double>(m.max, x[i]);
  }
  m.mean /= n;
  for (int64_t i = 0; i < n; ++i) m.variance += (x[i] - m.mean) * (x[i] - m.mean);
  m.variance /= n;
  return m;
}

// The published known-answer vectors of Random123 (kat_vectors, philox4x32_10).
TEST(PhiloxTest, KnownAnswers) {
  EXPECT_EQ(kernels::Philox4x32({0, 0, 0, 0}, {0, 0}),
            (std::array<uint32_t, 4>{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(kernels::Philox4x32({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
                                {0xffffffff, 0xffffffff}),
            (std::array<uint32_t, 4>{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(kernels::Philox4x32({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
                                {0xa4093822, 0x299f31d0}),
            (std::array<uint32_t, 4>{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(RandomGeneratorTest, UniformIsPhiloxOfSeedAndCounterPlusBlock) {
  // A seed with both 32-bit halves set and a counter past 2^32 exercise every key and counter
  // word of the vectorized fill against the scalar reference.
  const uint64_t seed = 0x0123456789abcdefULL;
  RandomGenerator rng(seed);
  rng.set_counter((uint64_t{1} << 32) - 3);
  const uint64_t start = rng.counter();
  Tensor u = rng.Uniform({50});
  EXPECT_EQ(rng.counter(), start + 13);  // ceil(50 / 4) blocks.
  for (int64_t i = 0; i < 50; ++i) {
    const uint64_t block = start + i / 4;
    const auto w = kernels::Philox4x32(
        {static_cast<uint32_t>(block), static_cast<uint32_t>(block >> 32), 0, 0},
        {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)});
    EXPECT_EQ(u.data<float>()[i], static_cast<float>(w[i % 4] >> 8) / 16777216.0f) << i;
  }
}

TEST(RandomGeneratorTest, UniformStatistics) {
  RandomGenerator rng(1);
  Tensor u = rng.Uniform({1000, 1000}, -2.0f, 4.0f);
  const Moments m = MomentsOf(u);
  EXPECT_NEAR(m.mean, 1.0, 0.01);
  EXPECT_NEAR(m.variance, 36.0 / 12.0, 0.01);
  EXPECT_GE(m.min, -2.0);
  EXPECT_LT(m.max, 4.0);
  EXPECT_LT(m.min, -1.99);
  EXPECT_GT(m.max, 3.99);
}

TEST(RandomGeneratorTest, NormalStatistics) {
  RandomGenerator rng(2);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor z, rng.Normal({1000001}, 2.0f, 3.0f));
  const Moments m = MomentsOf(z);
  EXPECT_NEAR(m.mean, 2.0, 0.015);
  EXPECT_NEAR(m.variance, 9.0, 0.05);
  EXPECT_THAT(rng.Normal({2}, 0.0f, -1.0f), StatusIs(absl::StatusCode::kInvalidArgument,
                                                     HasSubstr("received mean 0, stddev -1")));
}

TEST(RandomGeneratorTest, TruncatedNormalStaysWithinTwoSigma) {
  RandomGenerator rng(3);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor z, rng.TruncatedNormal({1000000}, -1.0f, 0.5f));
  EXPECT_EQ(rng.counter(), 1000000u);  // One block per element.
  const Moments m = MomentsOf(z);
  EXPECT_GE(m.min, -2.0);
  EXPECT_LE(m.max, 0.0);
  EXPECT_NEAR(m.mean, -1.0, 0.005);
  // The variance of a standard normal truncated to [-2, 2] is 1 - 4 phi(2) / (2 Phi(2) - 1).
  EXPECT_NEAR(m.variance, 0.25 * 0.77371, 0.003);
  EXPECT_THAT(rng.TruncatedNormal({2}, NAN, 1.0f),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received mean nan")));
}

TEST(RandomGeneratorTest, BernoulliIsAZeroOneMaskWithRateP) {
  RandomGenerator rng(4);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, rng.Bernoulli({1000000}, 0.3f));
  int64_t ones = 0;
  for (float v : b.ToVector<float>()) {
    ASSERT_TRUE(v == 0.0f || v == 1.0f);
    ones += v == 1.0f;
  }
  EXPECT_NEAR(ones / 1e6, 0.3, 0.002);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor none, rng.Bernoulli({100}, 0.0f));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor all, rng.Bernoulli({100}, 1.0f));
  EXPECT_TRUE(Equal(none, Tensor::Zeros({100})));
  EXPECT_TRUE(Equal(all, Tensor::Ones({100})));
  EXPECT_THAT(rng.Bernoulli({2}, 1.5f),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received 1.5")));
}

TEST(RandomGeneratorTest, PermutationIsAUniformPermutation) {
  RandomGenerator rng(5);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor p, rng.Permutation(1000));
  EXPECT_EQ(p.dtype(), DType::kInt64);
  std::vector<int64_t> sorted = p.ToVector<int64_t>();
  EXPECT_FALSE(std::is_sorted(sorted.begin(), sorted.end()));
  std::sort(sorted.begin(), sorted.end());
  std::vector<int64_t> iota(1000);
  std::iota(iota.begin(), iota.end(), 0);
  EXPECT_EQ(sorted, iota);
  // All 6 orders of 3 items, each about 1/6 of the time (sd of a count ~ 91).
  std::map<std::vector<int64_t>, int> counts;
  for (int i = 0; i < 30000; ++i) counts[rng.Permutation(3).value().ToVector<int64_t>()]++;
  EXPECT_EQ(counts.size(), 6u);
  for (const auto& [order, count] : counts) EXPECT_NEAR(count, 5000, 400);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor empty, rng.Permutation(0));
  EXPECT_EQ(empty.num_elements(), 0);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor one, rng.Permutation(1));
  EXPECT_THAT(one.ToVector<int64_t>(), ElementsAre(0));
  EXPECT_THAT(rng.Permutation(-1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -1")));
}

TEST(RandomGeneratorTest, SameSeedSameStreamDifferentSeedDifferentStream) {
  RandomGenerator a(42), b(42), c(43);
  Tensor a1 = a.Uniform({100});
  EXPECT_TRUE(Equal(a1, b.Uniform({100})));
  EXPECT_FALSE(Equal(a1, c.Uniform({100})));
  // Draws advance the stream: the next draw differs from the first.
  Tensor a2 = a.Uniform({100});
  EXPECT_FALSE(Equal(a1, a2));
  // Saving and restoring the counter replays the stream.
  EXPECT_EQ(a.seed(), 42u);
  const uint64_t saved = a.counter();
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor n1, a.Normal({7, 3}));
  a.set_counter(saved);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor n2, a.Normal({7, 3}));
  EXPECT_TRUE(Equal(n1, n2));
  RandomGenerator restored(42);
  restored.set_counter(saved);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor n3, restored.Normal({7, 3}));
  EXPECT_TRUE(Equal(n1, n3));
}

TEST(RandomGeneratorTest, DrawsAreTheSameAtOneAndTwoThreads) {
  auto draw = [] {
    RandomGenerator rng(7);
    std::vector<Tensor> out;
    out.push_back(rng.Uniform({1000003}));
    out.push_back(rng.Normal({1000003}).value());
    out.push_back(rng.TruncatedNormal({300001}).value());
    out.push_back(rng.Bernoulli({1000003}, 0.5f).value());
    out.push_back(rng.Permutation(100003).value());
    out.push_back(Dropout(Tensor::Ones({1000003}), 0.25f, rng).value().output);
    return out;
  };
  std::vector<Tensor> one;
  {
    ScopedThreadLimit limit(1);
    one = draw();
  }
  std::vector<Tensor> two = draw();
  for (size_t i = 0; i < one.size(); ++i) EXPECT_TRUE(Equal(one[i], two[i])) << i;
}

TEST(DropoutTest, MaskIsUniformAtLeastRateScaledByKeepProbability) {
  RandomGenerator rng(9), twin(9);
  Tensor x = Tensor::Full({200, 500}, 2.0);
  STRATA_ASSERT_OK_AND_ASSIGN(DropoutResult r, Dropout(x, 0.2f, rng));
  Tensor u = twin.Uniform(x.shape());
  EXPECT_EQ(rng.counter(), twin.counter());
  int64_t kept = 0;
  for (int64_t i = 0; i < x.num_elements(); ++i) {
    const bool keep = u.data<float>()[i] >= 0.2f;
    kept += keep;
    ASSERT_EQ(r.mask.data<float>()[i], keep ? 1.0f / 0.8f : 0.0f) << i;
    ASSERT_EQ(r.output.data<float>()[i], keep ? 2.0f * (1.0f / 0.8f) : 0.0f) << i;
  }
  EXPECT_NEAR(kept / 1e5, 0.8, 0.005);
  STRATA_ASSERT_OK_AND_ASSIGN(DropoutResult identity, Dropout(x, 0.0f, rng));
  EXPECT_TRUE(Equal(identity.output, x));
}

TEST(DropoutTest, RejectsBadRatesAndDTypes) {
  RandomGenerator rng(0);
  Tensor x = Tensor::Ones({3});
  EXPECT_THAT(Dropout(x, 1.0f, rng), StatusIs(absl::StatusCode::kInvalidArgument,
                                              HasSubstr("expected a rate in [0, 1); received 1")));
  EXPECT_THAT(Dropout(x, -0.5f, rng),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -0.5")));
  EXPECT_THAT(Dropout(Tensor::Ones({3}, DType::kInt32), 0.5f, rng),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received int32")));
  EXPECT_EQ(rng.counter(), 0u);  // Failed calls draw nothing.
}

TEST(ApplyMaskTest, MultipliesElementwise) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, Tensor::FromVector<float>({3}, {1, 2, 3}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor m, Tensor::FromVector<float>({3}, {0, 2, 0.5f}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, ApplyMask(x, m));
  EXPECT_THAT(y.ToVector<float>(), ElementsAre(0, 4, 1.5f));
  EXPECT_THAT(ApplyMask(x, Tensor::Ones({4})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received float32 (3,)")));
}

}  // namespace
}  // namespace strata::ops
