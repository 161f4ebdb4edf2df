// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/initializers.h"

#include <cmath>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

struct Moments {
  double mean = 0, variance = 0, min = 1e30, max = -1e30;
};

Moments Measure(const Tensor& t) {
  Moments m;
  std::vector<float> v = t.ToVector<float>();
  for (float x : v) {
    m.mean += x;
    m.min = std::min<double>(m.min, x);
    m.max = std::max<double>(m.max, x);
  }
  m.mean /= v.size();
  for (float x : v) m.variance += (x - m.mean) * (x - m.mean);
  m.variance /= v.size();
  return m;
}

TEST(InitializersTest, GlorotUniformUsesKerasLimit) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Initializer::GlorotUniform(1).Initialize({784, 64}));
  const double limit = std::sqrt(6.0 / (784 + 64));
  Moments m = Measure(t);
  EXPECT_GE(m.min, -limit);
  EXPECT_LE(m.max, limit);
  EXPECT_NEAR(m.mean, 0.0, 0.005);
  EXPECT_NEAR(m.variance, limit * limit / 3, 0.05 * limit * limit / 3);
}

TEST(InitializersTest, HeNormalHasVarianceTwoOverFanIn) {
  // A conv kernel (3, 3, 16, 32): fan_in = 3 * 3 * 16.
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, Initializer::HeNormal(2).Initialize({3, 3, 16, 32}));
  Moments m = Measure(t);
  EXPECT_NEAR(m.variance, 2.0 / 144, 0.1 * 2.0 / 144);
  const double bound = 2 * std::sqrt(2.0 / 144) / 0.87962566103423978;
  EXPECT_GE(m.min, -bound - 1e-6);
  EXPECT_LE(m.max, bound + 1e-6);
}

TEST(InitializersTest, ConstantsAndSeeds) {
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor zeros, Initializer::Zeros().Initialize({3}));
  EXPECT_THAT(zeros.ToVector<float>(), ::testing::ElementsAre(0, 0, 0));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor c, Initializer::Constant(2.5).Initialize({2}));
  EXPECT_THAT(c.ToVector<float>(), ::testing::ElementsAre(2.5, 2.5));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor a, Initializer::RandomNormal(0, 1, 42).Initialize({10}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor b, Initializer::RandomNormal(0, 1, 42).Initialize({10}));
  EXPECT_TRUE(Equal(a, b));
  // Unseeded initializers draw from the process sequence: reproducible after SetRandomSeed.
  SetRandomSeed(3);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor u1, Initializer::GlorotUniform().Initialize({5, 5}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor u2, Initializer::GlorotUniform().Initialize({5, 5}));
  SetRandomSeed(3);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor u1_again, Initializer::GlorotUniform().Initialize({5, 5}));
  EXPECT_TRUE(Equal(u1, u1_again));
  EXPECT_FALSE(Equal(u1, u2));
}

TEST(InitializersTest, ConfigRoundTripsInKerasSpelling) {
  Initializer init = Initializer::RandomNormal(0.5, 0.1, 9);
  EXPECT_EQ(init.class_name(), "RandomNormal");
  STRATA_ASSERT_OK_AND_ASSIGN(Initializer again,
                              Initializer::FromConfig(init.class_name(), init.GetConfig()));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor x, init.Initialize({4}));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, again.Initialize({4}));
  EXPECT_TRUE(Equal(x, y));
  STRATA_ASSERT_OK_AND_ASSIGN(Initializer by_alias, Initializer::FromName("he_normal"));
  EXPECT_EQ(by_alias.kind(), Initializer::Kind::kHeNormal);
}

TEST(InitializersTest, UnknownClassOrKeyIsAnError) {
  EXPECT_THAT(Initializer::FromName("orthogonal_ish"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received 'orthogonal_ish'")));
  ConfigDict config;
  ConfigWriter(&config).SetFloat("scale", 2.0);
  EXPECT_THAT(Initializer::FromConfig("GlorotUniform", config),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'scale'")));
}

}  // namespace
}  // namespace strata
