// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/monitor.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::callbacks {
namespace {

using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(MonitorTest, AutoModeMaximizesAccuracyAndAucAndMinimizesTheRest) {
  EXPECT_TRUE(HigherIsBetter(Mode::kAuto, "accuracy"));
  EXPECT_TRUE(HigherIsBetter(Mode::kAuto, "val_accuracy"));
  EXPECT_TRUE(HigherIsBetter(Mode::kAuto, "val_acc"));
  EXPECT_TRUE(HigherIsBetter(Mode::kAuto, "auc"));
  EXPECT_TRUE(HigherIsBetter(Mode::kAuto, "val_auc_1"));
  EXPECT_FALSE(HigherIsBetter(Mode::kAuto, "loss"));
  EXPECT_FALSE(HigherIsBetter(Mode::kAuto, "val_loss"));
  EXPECT_FALSE(HigherIsBetter(Mode::kAuto, "mae"));
}

TEST(MonitorTest, ExplicitModesWin) {
  EXPECT_TRUE(HigherIsBetter(Mode::kMax, "loss"));
  EXPECT_FALSE(HigherIsBetter(Mode::kMin, "accuracy"));
  EXPECT_EQ(ModeName(Mode::kAuto), "auto");
  EXPECT_EQ(ModeName(Mode::kMin), "min");
  EXPECT_EQ(ModeName(Mode::kMax), "max");
}

TEST(MonitorTest, FindsTheValue) {
  Logs logs = {{"loss", 0.5}, {"val_loss", 0.25}};
  STRATA_ASSERT_OK_AND_ASSIGN(double value,
                              FindMonitor("EarlyStopping", "val_loss", logs));
  EXPECT_EQ(value, 0.25);
}

TEST(MonitorTest, AMissingKeyNamesItAndTheAvailableKeys) {
  Logs logs = {{"loss", 0.5}, {"accuracy", 0.75}};
  EXPECT_THAT(
      FindMonitor("EarlyStopping", "val_loss", logs),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("EarlyStopping monitor 'val_loss'"),
                     HasSubstr("received logs with keys [loss, accuracy]"),
                     HasSubstr("validation"))));
}

}  // namespace
}  // namespace strata::callbacks
