// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/sgd.h"

#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "optimizers/internal/test_util.h"

namespace strata::optimizers {
namespace {

using ::strata::optimizers::testing::ExpectNear;
using ::strata::optimizers::testing::MakeVariable;
using ::strata::optimizers::testing::SetGradient;
using ::strata::optimizers::testing::Values;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<std::vector<double>> kGrads = {
    {0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}, {-0.5, 2.0, 1.0}};
const std::vector<double> kStart = {1.0, -2.0, 3.0};

TEST(SGDTest, DefaultsAreKeras) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create());
  EXPECT_EQ(sgd->class_name(), "SGD");
  EXPECT_EQ(sgd->name(), "SGD");
  EXPECT_DOUBLE_EQ(sgd->learning_rate(), 0.01);
  EXPECT_EQ(sgd->options().momentum, 0.0);
  EXPECT_FALSE(sgd->options().nesterov);
  EXPECT_TRUE(sgd->slot_names().empty());
  EXPECT_EQ(sgd->iterations(), 0);
}

TEST(SGDTest, PlainStepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 0.1}));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart;
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(sgd->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) expected[i] -= 0.1 * g[i];
    ExpectNear(Values(w), expected);
  }
  EXPECT_EQ(sgd->iterations(), 3);
}

TEST(SGDTest, MomentumStepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 0.1, .momentum = 0.9}));
  EXPECT_THAT(sgd->slot_names(), ElementsAre("m"));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart, m(3, 0.0);
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(sgd->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) {
      m[i] = 0.9 * m[i] - 0.1 * g[i];
      expected[i] += m[i];
    }
    ExpectNear(Values(w), expected);
  }
  std::vector<Optimizer::Slot> slots = sgd->GetSlots();
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].name, "m");
  ExpectNear(Values(slots[0].value), m);
}

TEST(SGDTest, NesterovStepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto sgd, SGD::Create({.learning_rate = 0.1, .momentum = 0.5, .nesterov = true}));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart, m(3, 0.0);
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(sgd->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) {
      m[i] = 0.5 * m[i] - 0.1 * g[i];
      expected[i] += 0.5 * m[i] - 0.1 * g[i];
    }
    ExpectNear(Values(w), expected);
  }
}

TEST(SGDTest, WeightDecayComesFirst) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 0.1, .weight_decay = 0.5}));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart;
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(sgd->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) expected[i] = expected[i] - expected[i] * 0.5 * 0.1 - 0.1 * g[i];
    ExpectNear(Values(w), expected);
  }
}

TEST(SGDTest, FollowsScheduleAtIterations) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule,
      ExponentialDecay::Create(
          {.initial_learning_rate = 0.1, .decay_steps = 2, .decay_rate = 0.5, .staircase = true}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate_schedule = schedule}));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart;
  const double rates[] = {0.1, 0.1, 0.05};  // Steps 0, 1, 2.
  for (int step = 0; step < 3; ++step) {
    EXPECT_DOUBLE_EQ(sgd->learning_rate(), rates[step]);
    SetGradient(w, kGrads[step]);
    STRATA_ASSERT_OK(sgd->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) expected[i] -= rates[step] * kGrads[step][i];
    ExpectNear(Values(w), expected);
  }
  EXPECT_DOUBLE_EQ(sgd->learning_rate(), 0.05);
}

TEST(SGDTest, VariableWithoutGradientIsUntouched) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 0.1, .momentum = 0.9}));
  autograd::Variable a = MakeVariable({1.0, 2.0});
  autograd::Variable b = MakeVariable({3.0, 4.0});
  SetGradient(a, {1.0, 1.0});
  STRATA_ASSERT_OK(sgd->ApplyGradients({a, b}));
  EXPECT_THAT(Values(b), ElementsAre(3.0, 4.0));
  ExpectNear(Values(a), {0.9, 1.9});
}

TEST(SGDTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 0.05,
                                                     .momentum = 0.5,
                                                     .nesterov = true,
                                                     .clipvalue = 2.0,
                                                     .name = "my_sgd"}));
  ConfigDict config = sgd->GetConfig();
  EXPECT_EQ(config.fields().at("name").string_value(), "my_sgd");
  EXPECT_EQ(config.fields().at("learning_rate").number_value(), 0.05);
  EXPECT_EQ(config.fields().at("momentum").number_value(), 0.5);
  EXPECT_TRUE(config.fields().at("nesterov").bool_value());
  EXPECT_EQ(config.fields().at("clipvalue").number_value(), 2.0);
  EXPECT_TRUE(config.fields().at("clipnorm").has_null_value());
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, SGD::FromConfig(config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config))
      << copy->GetConfig().DebugString();
}

TEST(SGDTest, RejectsBadOptions) {
  EXPECT_THAT(SGD::Create({.learning_rate = -0.1}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("SGD option 'learning_rate': expected a value in [0, inf); "
                                 "received -0.1.")));
  EXPECT_THAT(SGD::Create({.momentum = 1.5}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'momentum': expected a value in [0, 1]; received 1.5")));
  EXPECT_THAT(SGD::Create({.clipnorm = 0.0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'clipnorm'")));
  EXPECT_THAT(SGD::Create({.clipnorm = 1.0, .clipvalue = 1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("at most one of clipnorm, clipvalue and global_clipnorm")));
  ConfigDict config;
  ConfigWriter(&config).SetFloat("momentun", 0.9);
  EXPECT_THAT(SGD::FromConfig(config),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'momentun'")));
}

}  // namespace
}  // namespace strata::optimizers
