// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/schedules.h"

#include <cmath>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace strata::optimizers {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

ConfigDict FromJson(const std::string& json) {
  ConfigDict dict;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &dict).ok()) << json;
  return dict;
}

TEST(ExponentialDecayTest, ContinuousValues) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule, ExponentialDecay::Create(
                         {.initial_learning_rate = 0.1, .decay_steps = 10, .decay_rate = 0.5}));
  EXPECT_EQ(schedule->class_name(), "ExponentialDecay");
  EXPECT_DOUBLE_EQ(schedule->Value(0), 0.1);
  EXPECT_DOUBLE_EQ(schedule->Value(5), 0.1 * std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(schedule->Value(10), 0.05);
  EXPECT_DOUBLE_EQ(schedule->Value(25), 0.1 * std::pow(0.5, 2.5));
}

TEST(ExponentialDecayTest, StaircaseDropsEveryDecaySteps) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule,
      ExponentialDecay::Create(
          {.initial_learning_rate = 0.1, .decay_steps = 10, .decay_rate = 0.5, .staircase = true}));
  EXPECT_DOUBLE_EQ(schedule->Value(0), 0.1);
  EXPECT_DOUBLE_EQ(schedule->Value(9), 0.1);
  EXPECT_DOUBLE_EQ(schedule->Value(10), 0.05);
  EXPECT_DOUBLE_EQ(schedule->Value(19), 0.05);
  EXPECT_DOUBLE_EQ(schedule->Value(25), 0.025);
}

TEST(ExponentialDecayTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto schedule, ExponentialDecay::Create({.initial_learning_rate = 0.1,
                                                                       .decay_steps = 1000,
                                                                       .decay_rate = 0.96,
                                                                       .staircase = true,
                                                                       .name = "decay"}));
  ConfigDict config = schedule->GetConfig();
  EXPECT_EQ(config.fields().at("initial_learning_rate").number_value(), 0.1);
  EXPECT_EQ(config.fields().at("decay_steps").number_value(), 1000);
  EXPECT_EQ(config.fields().at("decay_rate").number_value(), 0.96);
  EXPECT_TRUE(config.fields().at("staircase").bool_value());
  EXPECT_EQ(config.fields().at("name").string_value(), "decay");
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, ScheduleFromConfig("ExponentialDecay", config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
  EXPECT_DOUBLE_EQ(copy->Value(2500), 0.1 * 0.96 * 0.96);
}

// As tf.keras writes it: name null.
TEST(ExponentialDecayTest, ReadsKerasConfig) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule, ExponentialDecay::FromConfig(FromJson(
                         R"({"initial_learning_rate": 0.01, "decay_steps": 100, "decay_rate": 0.9,
              "staircase": false, "name": null})")));
  EXPECT_DOUBLE_EQ(schedule->Value(100), 0.009);
  EXPECT_TRUE(schedule->options().name.empty());
  EXPECT_TRUE(schedule->GetConfig().fields().at("name").has_null_value());
}

TEST(PiecewiseConstantDecayTest, IntervalsAreClosedOnTheRight) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule,
      PiecewiseConstantDecay::Create({.boundaries = {10, 20}, .values = {1.0, 0.5, 0.1}}));
  EXPECT_EQ(schedule->Value(0), 1.0);
  EXPECT_EQ(schedule->Value(10), 1.0);
  EXPECT_EQ(schedule->Value(11), 0.5);
  EXPECT_EQ(schedule->Value(20), 0.5);
  EXPECT_EQ(schedule->Value(21), 0.1);
  EXPECT_EQ(schedule->Value(1000000), 0.1);
}

TEST(PiecewiseConstantDecayTest, ConfigRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule,
      PiecewiseConstantDecay::Create({.boundaries = {100000, 110000}, .values = {1.0, 0.5, 0.1}}));
  ConfigDict config = schedule->GetConfig();
  EXPECT_EQ(config.fields().at("boundaries").list_value().values(1).number_value(), 110000);
  EXPECT_EQ(config.fields().at("values").list_value().values(2).number_value(), 0.1);
  STRATA_ASSERT_OK_AND_ASSIGN(auto copy, ScheduleFromConfig("PiecewiseConstantDecay", config));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy->GetConfig(), config));
  EXPECT_EQ(copy->Value(100001), 0.5);
}

TEST(SchedulesTest, RejectBadOptions) {
  EXPECT_THAT(ExponentialDecay::Create({.initial_learning_rate = 0.1, .decay_steps = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("ExponentialDecay option 'decay_steps': expected an integer > "
                                 "0; received 0.")));
  EXPECT_THAT(
      ExponentialDecay::Create({.initial_learning_rate = -1, .decay_steps = 1, .decay_rate = 1}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("'initial_learning_rate': expected a finite value >= 0; received -1.")));
  EXPECT_THAT(PiecewiseConstantDecay::Create({.boundaries = {10}, .values = {1.0}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected one more value than boundaries (2); received 1.")));
  EXPECT_THAT(PiecewiseConstantDecay::Create({.boundaries = {10, 10}, .values = {1, 2, 3}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("strictly increasing steps >= 0; received [10, 10].")));
  EXPECT_THAT(PiecewiseConstantDecay::Create({.boundaries = {10}, .values = {1, -2}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -2.")));
}

TEST(SchedulesTest, RejectBadConfigs) {
  EXPECT_THAT(ScheduleFromConfig("CosineDecay", ConfigDict()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("received 'CosineDecay'.")));
  EXPECT_THAT(ExponentialDecay::FromConfig(FromJson(
                  R"({"initial_learning_rate": 0.01, "decay_steps": 100, "decay_rate": 0.9,
                      "cycle": true})")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'cycle'")));
  EXPECT_THAT(
      PiecewiseConstantDecay::FromConfig(FromJson(R"({"boundaries": [10], "values": [1.0, "x"]})")),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("'values': expected a list of numbers; received")));
}

}  // namespace
}  // namespace strata::optimizers
