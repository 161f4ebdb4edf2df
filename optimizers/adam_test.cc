// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/adam.h"

#include <algorithm>
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

const std::vector<double> kStart = {0.5, -1.5, 2.0};
// Gradients shrink after the first step, so v decreases and amsgrad's vhat differs from it.
const std::vector<std::vector<double>> kGrads = {
    {2.0, -3.0, 1.0}, {0.25, 0.5, -0.125}, {-0.5, 0.125, 0.25}};

// Keras 2.11+'s Adam/AdamW in double, for comparison.
struct Reference {
  double lr, beta_1, beta_2, epsilon, weight_decay = 0;
  bool amsgrad = false;
  int t = 0;
  std::vector<double> w = kStart, m = std::vector<double>(3, 0.0), v = std::vector<double>(3, 0.0),
                      vhat = std::vector<double>(3, 0.0);

  void Step(const std::vector<double>& g) {
    ++t;
    const double alpha = lr * std::sqrt(1 - std::pow(beta_2, t)) / (1 - std::pow(beta_1, t));
    for (int i = 0; i < 3; ++i) {
      w[i] -= w[i] * weight_decay * lr;
      m[i] = beta_1 * m[i] + (1 - beta_1) * g[i];
      v[i] = beta_2 * v[i] + (1 - beta_2) * g[i] * g[i];
      vhat[i] = std::max(vhat[i], v[i]);
      w[i] -= alpha * m[i] / (std::sqrt(amsgrad ? vhat[i] : v[i]) + epsilon);
    }
  }
};

void RunAndCompare(Optimizer& optimizer, Reference ref) {
  autograd::Variable w = MakeVariable(kStart);
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(optimizer.ApplyGradients({w}));
    ref.Step(g);
    ExpectNear(Values(w), ref.w, 1e-6, "w");
  }
  for (const Optimizer::Slot& slot : optimizer.GetSlots()) {
    const std::vector<double>& expected = slot.name == "m"   ? ref.m
                                          : slot.name == "v" ? ref.v
                                                             : ref.vhat;
    ExpectNear(Values(slot.value), expected, 1e-6, slot.name);
  }
}

TEST(AdamTest, DefaultsAreKeras) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create());
  EXPECT_EQ(adam->class_name(), "Adam");
  EXPECT_EQ(adam->name(), "Adam");
  EXPECT_DOUBLE_EQ(adam->learning_rate(), 0.001);
  EXPECT_EQ(adam->options().beta_1, 0.9);
  EXPECT_EQ(adam->options().beta_2, 0.999);
  EXPECT_EQ(adam->options().epsilon, 1e-7);
  EXPECT_FALSE(adam->options().amsgrad);
  EXPECT_FALSE(adam->options().weight_decay.has_value());
  EXPECT_THAT(adam->slot_names(), ElementsAre("m", "v"));
}

// Keras's Adam docstring: the first step is -learning_rate * sign(grad).
TEST(AdamTest, FirstStepIsLearningRateTimesSign) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.learning_rate = 0.1}));
  autograd::Variable var1 = MakeVariable({10.0, -4.0});
  SetGradient(var1, {10.0, -4.0});
  STRATA_ASSERT_OK(adam->ApplyGradients({var1}));
  ExpectNear(Values(var1), {9.9, -3.9}, 1e-6);
}

// Non-default betas and a large epsilon make every term of the update visible.
TEST(AdamTest, StepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto adam,
      Adam::Create({.learning_rate = 0.05, .beta_1 = 0.8, .beta_2 = 0.95, .epsilon = 0.01}));
  RunAndCompare(*adam, {.lr = 0.05, .beta_1 = 0.8, .beta_2 = 0.95, .epsilon = 0.01});
}

TEST(AdamTest, AmsgradStepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.learning_rate = 0.05,
                                                       .beta_1 = 0.8,
                                                       .beta_2 = 0.95,
                                                       .epsilon = 0.01,
                                                       .amsgrad = true}));
  EXPECT_THAT(adam->slot_names(), ElementsAre("m", "v", "vhat"));
  RunAndCompare(*adam,
                {.lr = 0.05, .beta_1 = 0.8, .beta_2 = 0.95, .epsilon = 0.01, .amsgrad = true});
}

TEST(AdamWTest, DefaultsAreKeras) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adamw, AdamW::Create());
  EXPECT_EQ(adamw->class_name(), "AdamW");
  EXPECT_EQ(adamw->name(), "AdamW");
  EXPECT_DOUBLE_EQ(adamw->learning_rate(), 0.001);
  EXPECT_EQ(adamw->options().weight_decay, 0.004);
  EXPECT_EQ(adamw->options().beta_1, 0.9);
  EXPECT_EQ(adamw->options().beta_2, 0.999);
  EXPECT_EQ(adamw->options().epsilon, 1e-7);
  EXPECT_FALSE(adamw->options().amsgrad);
}

TEST(AdamWTest, StepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adamw, AdamW::Create({.learning_rate = 0.05,
                                                         .weight_decay = 0.5,
                                                         .beta_1 = 0.8,
                                                         .beta_2 = 0.95,
                                                         .epsilon = 0.01,
                                                         .amsgrad = true}));
  RunAndCompare(*adamw, {.lr = 0.05,
                         .beta_1 = 0.8,
                         .beta_2 = 0.95,
                         .epsilon = 0.01,
                         .weight_decay = 0.5,
                         .amsgrad = true});
}

TEST(AdamTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.learning_rate = 0.05,
                                                       .beta_1 = 0.8,
                                                       .beta_2 = 0.95,
                                                       .epsilon = 0.01,
                                                       .amsgrad = true,
                                                       .name = "opt"}));
  ConfigDict config = adam->GetConfig();
  EXPECT_EQ(config.fields().at("beta_1").number_value(), 0.8);
  EXPECT_EQ(config.fields().at("beta_2").number_value(), 0.95);
  EXPECT_EQ(config.fields().at("epsilon").number_value(), 0.01);
  EXPECT_TRUE(config.fields().at("amsgrad").bool_value());
  EXPECT_TRUE(config.fields().at("weight_decay").has_null_value());
  EXPECT_FALSE(config.fields().at("is_legacy_optimizer").bool_value());
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, Adam::FromConfig(config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
}

TEST(AdamWTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adamw, AdamW::Create({.weight_decay = 0.01}));
  ConfigDict config = adamw->GetConfig();
  EXPECT_EQ(config.fields().at("weight_decay").number_value(), 0.01);
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, AdamW::FromConfig(config));
  EXPECT_EQ(copy->class_name(), "AdamW");
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
  // Keras's AdamW requires a weight decay.
  ConfigWriter(&config).SetNull("weight_decay");
  EXPECT_THAT(AdamW::FromConfig(config),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("AdamW option 'weight_decay': expected a value >= 0; received "
                                 "none.")));
}

TEST(AdamTest, RejectsBadOptions) {
  EXPECT_THAT(Adam::Create({.beta_1 = 1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Adam option 'beta_1': expected a value in [0, 1); received 1.")));
  EXPECT_THAT(Adam::Create({.beta_2 = -0.1}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'beta_2': expected a value in [0, 1); received -0.1.")));
  EXPECT_THAT(Adam::Create({.epsilon = -1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'epsilon'")));
  EXPECT_THAT(AdamW::Create({.weight_decay = -0.1}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("AdamW option 'weight_decay': expected a value in [0, inf); "
                                 "received -0.1.")));
}

}  // namespace
}  // namespace strata::optimizers
