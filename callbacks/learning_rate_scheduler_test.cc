// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/learning_rate_scheduler.h"

#include <memory>
#include <utility>
#include <vector>

#include "base/testing/status_matchers.h"
#include "callbacks/internal/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "models/training.h"
#include "optimizers/optimizer.h"

namespace strata::callbacks {
namespace {

using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Keras's docstring example in small: keep the rate for two epochs, then
// halve it each epoch.
double HalveAfterTwo(int epoch, double lr) { return epoch < 2 ? lr : lr * 0.5; }

TEST(LearningRateSchedulerTest, SetsTheScheduledRateAtEachEpochBegin) {
  auto model = callbacks::testing::LineModel(0.01).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto scheduler, LearningRateScheduler::Create(
                                                  {.schedule = HalveAfterTwo}));
  scheduler->set_model(model.get());
  STRATA_ASSERT_OK(scheduler->OnTrainBegin({}));
  const std::vector<double> expected = {0.01, 0.01, 0.005, 0.0025, 0.00125};
  for (int epoch = 0; epoch < 5; ++epoch) {
    STRATA_ASSERT_OK(scheduler->OnEpochBegin(epoch, {}));
    EXPECT_DOUBLE_EQ(model->optimizer()->learning_rate(), expected[epoch]);
    STRATA_ASSERT_OK(scheduler->OnEpochEnd(epoch, {{"loss", 1.0}}));
  }
  ASSERT_EQ(scheduler->learning_rates().size(), 5u);
  for (int epoch = 0; epoch < 5; ++epoch) {
    EXPECT_DOUBLE_EQ(scheduler->learning_rates()[epoch], expected[epoch]);
  }
  STRATA_ASSERT_OK(scheduler->OnTrainBegin({}));
  EXPECT_TRUE(scheduler->learning_rates().empty());
}

TEST(LearningRateSchedulerTest, VerbosePrintsKerasMessage) {
  auto model = callbacks::testing::LineModel(0.01).value();
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto scheduler,
      LearningRateScheduler::Create({.schedule = HalveAfterTwo, .verbose = 1}));
  scheduler->set_model(model.get());
  ::testing::internal::CaptureStdout();
  for (int epoch = 0; epoch < 3; ++epoch) {
    STRATA_ASSERT_OK(scheduler->OnEpochBegin(epoch, {}));
  }
  EXPECT_EQ(
      ::testing::internal::GetCapturedStdout(),
      "\nEpoch 1: LearningRateScheduler setting learning rate to 0.01.\n"
      "\nEpoch 2: LearningRateScheduler setting learning rate to 0.01.\n"
      "\nEpoch 3: LearningRateScheduler setting learning rate to 0.005.\n");
}

TEST(LearningRateSchedulerTest, DrivesTheOptimizerInARealFit) {
  auto model = callbacks::testing::LineModel(0.1).value();
  auto data = callbacks::testing::MakeLineData(32, 2.0, 3);
  std::vector<std::pair<int, double>> calls;
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<LearningRateScheduler> scheduler,
                              LearningRateScheduler::Create(
                                  {.schedule = [&calls](int epoch, double lr) {
                                    calls.emplace_back(epoch, lr);
                                    return 0.1 / (epoch + 1);
                                  }}));
  STRATA_ASSERT_OK_AND_ASSIGN(History history,
                              model->Fit(data.x, data.y,
                                         {.batch_size = 8,
                                          .epochs = 3,
                                          .verbose = 0,
                                          .callbacks = {scheduler}}));
  ASSERT_EQ(calls.size(), 3u);
  // Each call sees the rate the previous epoch used.
  EXPECT_EQ(calls[0], std::make_pair(0, 0.1));
  EXPECT_EQ(calls[1], std::make_pair(1, 0.1));
  EXPECT_EQ(calls[2], std::make_pair(2, 0.05));
  EXPECT_DOUBLE_EQ(model->optimizer()->learning_rate(), 0.1 / 3);
  EXPECT_THAT(scheduler->learning_rates(), ElementsAre(0.1, 0.05, 0.1 / 3));
  EXPECT_EQ(history.epochs.size(), 3u);
}

TEST(LearningRateSchedulerTest, ABadScheduledRateStopsFit) {
  auto model = callbacks::testing::LineModel(0.1).value();
  auto data = callbacks::testing::MakeLineData(16, 2.0, 3);
  STRATA_ASSERT_OK_AND_ASSIGN(
      std::shared_ptr<LearningRateScheduler> scheduler,
      LearningRateScheduler::Create({.schedule = [](int epoch, double lr) {
        return epoch == 1 ? -1.0 : lr;
      }}));
  EXPECT_THAT(model->Fit(data.x, data.y,
                         {.epochs = 3, .verbose = 0, .callbacks = {scheduler}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received -1.0 for epoch 1.")));
}

TEST(LearningRateSchedulerTest, NeedsAnOptimizer) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto scheduler, LearningRateScheduler::Create(
                                                  {.schedule = HalveAfterTwo}));
  scheduler->set_model(model.get());
  EXPECT_THAT(scheduler->OnEpochBegin(0, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("received"), HasSubstr("Compile"))));
}

TEST(LearningRateSchedulerTest, CreateRejectsBadOptions) {
  EXPECT_THAT(LearningRateScheduler::Create({}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'schedule': expected a function of (epoch, "
                                 "lr); received none.")));
  EXPECT_THAT(
      LearningRateScheduler::Create({.schedule = HalveAfterTwo, .verbose = -1}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -1")));
}

}  // namespace
}  // namespace strata::callbacks
