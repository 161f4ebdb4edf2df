// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/terminate_on_nan.h"

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "base/testing/status_matchers.h"
#include "callbacks/internal/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "models/training.h"

namespace strata::callbacks {
namespace {


constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(TerminateOnNaNTest, StopsAtTheFirstInvalidBatchLoss) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto guard, TerminateOnNaN::Create());
  guard->set_model(model.get());
  STRATA_ASSERT_OK(guard->OnTrainBegin({}));
  ::testing::internal::CaptureStdout();
  STRATA_ASSERT_OK(guard->OnTrainBatchEnd(0, {{"loss", 1.0}}));
  STRATA_ASSERT_OK(guard->OnTrainBatchEnd(1, {{"mae", kNaN}}));  // No loss.
  EXPECT_FALSE(model->stop_training());
  EXPECT_FALSE(guard->terminated());
  STRATA_ASSERT_OK(guard->OnTrainBatchEnd(2, {{"loss", kNaN}, {"mae", 1.0}}));
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "Batch 2: Invalid loss, terminating training\n");
  EXPECT_TRUE(model->stop_training());
  EXPECT_TRUE(guard->terminated());
  EXPECT_EQ(guard->terminated_batch(), 2);
  EXPECT_TRUE(std::isnan(guard->invalid_loss()));

  STRATA_ASSERT_OK(guard->OnTrainBegin({}));
  EXPECT_FALSE(guard->terminated());
  EXPECT_EQ(guard->terminated_batch(), -1);
}

TEST(TerminateOnNaNTest, InfinityCountsToo) {
  for (double bad : {kInf, -kInf}) {
    auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
    STRATA_ASSERT_OK_AND_ASSIGN(auto guard, TerminateOnNaN::Create());
    guard->set_model(model.get());
    STRATA_ASSERT_OK(guard->OnTrainBegin({}));
    ::testing::internal::CaptureStdout();
    STRATA_ASSERT_OK(guard->OnTrainBatchEnd(7, {{"loss", bad}}));
    EXPECT_EQ(::testing::internal::GetCapturedStdout(),
              "Batch 7: Invalid loss, terminating training\n");
    EXPECT_TRUE(model->stop_training());
    EXPECT_EQ(guard->invalid_loss(), bad);
  }
}

// SGD with a learning rate far past 1 / E[x^2] multiplies the error by about
// -2e6 per step: the loss overflows to inf (then NaN) within a few batches.
History DivergingFit(std::shared_ptr<Model> model,
                     std::vector<std::shared_ptr<Callback>> callbacks) {
  auto data = callbacks::testing::MakeLineData(64, 2.0, 6);
  auto history = model->Fit(data.x, data.y,
                            {.batch_size = 4,
                             .epochs = 3,
                             .verbose = 0,
                             .callbacks = std::move(callbacks)});
  EXPECT_TRUE(history.ok()) << history.status();
  return history.ok() ? *history : History{};
}

TEST(TerminateOnNaNTest, StopsARealFitWhoseLossDiverges) {
  // Without the callback the fit runs all its epochs, on a non-finite loss.
  History unguarded =
      DivergingFit(callbacks::testing::LineModel(1e6).value(), {});
  ASSERT_EQ(unguarded.epochs.size(), 3u);
  EXPECT_FALSE(std::isfinite(unguarded.history["loss"][0]));

  auto model = callbacks::testing::LineModel(1e6).value();
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<TerminateOnNaN> guard,
                              TerminateOnNaN::Create());
  ::testing::internal::CaptureStdout();
  History history = DivergingFit(model, {guard});
  const std::string output = ::testing::internal::GetCapturedStdout();
  EXPECT_TRUE(guard->terminated());
  EXPECT_GT(guard->terminated_batch(), 0);
  EXPECT_LT(guard->terminated_batch(), 16);  // 16 batches per epoch.
  EXPECT_EQ(output, "Batch " + std::to_string(guard->terminated_batch()) +
                        ": Invalid loss, terminating training\n");
  EXPECT_EQ(history.epochs.size(), 1u);
  EXPECT_FALSE(std::isfinite(history.history["loss"][0]));
}

}  // namespace
}  // namespace strata::callbacks
