// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/adagrad.h"

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

TEST(AdagradTest, DefaultsAreKeras) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adagrad, Adagrad::Create());
  EXPECT_EQ(adagrad->class_name(), "Adagrad");
  EXPECT_DOUBLE_EQ(adagrad->learning_rate(), 0.001);
  EXPECT_EQ(adagrad->options().initial_accumulator_value, 0.1);
  EXPECT_EQ(adagrad->options().epsilon, 1e-7);
  EXPECT_THAT(adagrad->slot_names(), ElementsAre("accumulator"));
}

TEST(AdagradTest, StepsMatchHandComputed) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto adagrad,
      Adagrad::Create({.learning_rate = 0.1, .initial_accumulator_value = 0.2, .epsilon = 0.05}));
  autograd::Variable w = MakeVariable(kStart);
  std::vector<double> expected = kStart, accumulator(3, 0.2);
  for (const auto& g : kGrads) {
    SetGradient(w, g);
    STRATA_ASSERT_OK(adagrad->ApplyGradients({w}));
    for (int i = 0; i < 3; ++i) {
      accumulator[i] += g[i] * g[i];
      expected[i] -= 0.1 * g[i] / std::sqrt(accumulator[i] + 0.05);
    }
    ExpectNear(Values(w), expected);
    std::vector<Optimizer::Slot> slots = adagrad->GetSlots();
    ASSERT_EQ(slots.size(), 1u);
    ExpectNear(Values(slots[0].value), accumulator, 1e-6, "accumulator");
  }
}

TEST(AdagradTest, AccumulatorStartsAtInitialValue) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adagrad, Adagrad::Create({.initial_accumulator_value = 0.3}));
  autograd::Variable with_grad = MakeVariable({1.0});
  autograd::Variable without_grad = MakeVariable({1.0, 2.0});
  SetGradient(with_grad, {1.0});
  STRATA_ASSERT_OK(adagrad->ApplyGradients({with_grad, without_grad}));
  std::vector<Optimizer::Slot> slots = adagrad->GetSlots();
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[1].variable_index, 1);
  EXPECT_THAT(slots[1].value.ToVector<float>(), ElementsAre(0.3f, 0.3f));
  EXPECT_THAT(Values(without_grad), ElementsAre(1.0, 2.0));
}

TEST(AdagradTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adagrad, Adagrad::Create({.learning_rate = 0.1,
                                                             .initial_accumulator_value = 0.2,
                                                             .epsilon = 0.05,
                                                             .clipnorm = 1.0}));
  ConfigDict config = adagrad->GetConfig();
  EXPECT_EQ(config.fields().at("initial_accumulator_value").number_value(), 0.2);
  EXPECT_EQ(config.fields().at("epsilon").number_value(), 0.05);
  EXPECT_EQ(config.fields().at("clipnorm").number_value(), 1.0);
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, Adagrad::FromConfig(config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
}

TEST(AdagradTest, RejectsBadOptions) {
  EXPECT_THAT(Adagrad::Create({.initial_accumulator_value = -1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Adagrad option 'initial_accumulator_value': expected a value "
                                 "in [0, inf); received -1.")));
  EXPECT_THAT(Adagrad::Create({.learning_rate = std::nan("")}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received nan")));
}

}  // namespace
}  // namespace strata::optimizers
