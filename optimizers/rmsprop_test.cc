// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/rmsprop.h"

#include <cmath>
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

// Keras 2.11+'s update in double, for comparison.
struct Reference {
  double lr, rho, momentum, epsilon;
  bool centered;
  std::vector<double> w = kStart, velocity = std::vector<double>(3, 0.0),
                      mom = std::vector<double>(3, 0.0), average = std::vector<double>(3, 0.0);

  void Step(const std::vector<double>& g) {
    for (int i = 0; i < 3; ++i) {
      velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i];
      double denominator = velocity[i] + epsilon;
      if (centered) {
        average[i] = rho * average[i] + (1 - rho) * g[i];
        denominator -= average[i] * average[i];
      }
      const double increment = lr * g[i] / std::sqrt(denominator);
      if (momentum > 0) {
        mom[i] = momentum * mom[i] + increment;
        w[i] -= mom[i];
      } else {
        w[i] -= increment;
      }
    }
  }
};

void RunAndCompare(const RMSpropOptions& options, const std::vector<std::string>& slot_names) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto rmsprop, RMSprop::Create(options));
  EXPECT_EQ(rmsprop->slot_names(), slot_names);
  Reference ref{.lr = options.learning_rate,
                .rho = options.rho,
                .momentum = options.momentum,
                .epsilon = options.epsilon,
                .centered = options.centered};
  autograd::Variable w = MakeVariable(kStart);
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(rmsprop->ApplyGradients({w}));
    ref.Step(g);
    ExpectNear(Values(w), ref.w, 1e-6, "w");
  }
  for (const Optimizer::Slot& slot : rmsprop->GetSlots()) {
    const std::vector<double>& expected = slot.name == "velocity"   ? ref.velocity
                                          : slot.name == "momentum" ? ref.mom
                                                                    : ref.average;
    ExpectNear(Values(slot.value), expected, 1e-6, slot.name);
  }
}

TEST(RMSpropTest, DefaultsAreKeras) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto rmsprop, RMSprop::Create());
  EXPECT_EQ(rmsprop->class_name(), "RMSprop");
  EXPECT_DOUBLE_EQ(rmsprop->learning_rate(), 0.001);
  EXPECT_EQ(rmsprop->options().rho, 0.9);
  EXPECT_EQ(rmsprop->options().momentum, 0.0);
  EXPECT_EQ(rmsprop->options().epsilon, 1e-7);
  EXPECT_FALSE(rmsprop->options().centered);
  EXPECT_THAT(rmsprop->slot_names(), ElementsAre("velocity"));
}

// The example of Keras's RMSprop docstring: var1 = 10, loss = var1^2 / 2, one step at lr 0.1.
TEST(RMSpropTest, MatchesKerasDocstringExample) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto rmsprop, RMSprop::Create({.learning_rate = 0.1}));
  autograd::Variable var1 = MakeVariable({10.0});
  SetGradient(var1, {10.0});
  STRATA_ASSERT_OK(rmsprop->ApplyGradients({var1}));
  EXPECT_NEAR(Values(var1)[0], 9.683772, 1e-5);
}

// A large epsilon makes its place (inside the square root, as Keras 2.11+) visible.
TEST(RMSpropTest, PlainStepsMatchHandComputed) {
  RunAndCompare({.learning_rate = 0.01, .rho = 0.8, .epsilon = 0.1}, {"velocity"});
}

TEST(RMSpropTest, MomentumStepsMatchHandComputed) {
  RunAndCompare({.learning_rate = 0.01, .rho = 0.8, .momentum = 0.7, .epsilon = 0.1},
                {"velocity", "momentum"});
}

TEST(RMSpropTest, CenteredStepsMatchHandComputed) {
  RunAndCompare({.learning_rate = 0.01, .rho = 0.8, .epsilon = 0.1, .centered = true},
                {"velocity", "average_gradient"});
}

TEST(RMSpropTest, CenteredMomentumStepsMatchHandComputed) {
  RunAndCompare(
      {.learning_rate = 0.01, .rho = 0.8, .momentum = 0.7, .epsilon = 0.1, .centered = true},
      {"velocity", "momentum", "average_gradient"});
}

TEST(RMSpropTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto rmsprop, RMSprop::Create({.learning_rate = 0.01,
                                                             .rho = 0.8,
                                                             .momentum = 0.7,
                                                             .epsilon = 0.1,
                                                             .centered = true,
                                                             .global_clipnorm = 5.0}));
  ConfigDict config = rmsprop->GetConfig();
  EXPECT_EQ(config.fields().at("rho").number_value(), 0.8);
  EXPECT_EQ(config.fields().at("momentum").number_value(), 0.7);
  EXPECT_EQ(config.fields().at("epsilon").number_value(), 0.1);
  EXPECT_TRUE(config.fields().at("centered").bool_value());
  EXPECT_EQ(config.fields().at("global_clipnorm").number_value(), 5.0);
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, RMSprop::FromConfig(config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
  EXPECT_EQ(copy->slot_names(), rmsprop->slot_names());
}

TEST(RMSpropTest, RejectsBadOptions) {
  EXPECT_THAT(RMSprop::Create({.rho = 1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("RMSprop option 'rho': expected a value in [0, 1); received 1.")));
  EXPECT_THAT(RMSprop::Create({.momentum = -0.5}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -0.5")));
  EXPECT_THAT(RMSprop::Create({.epsilon = -1e-7}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'epsilon'")));
}

}  // namespace
}  // namespace strata::optimizers
