// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/early_stopping.h"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "callbacks/internal/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "models/training.h"

namespace strata::callbacks {
namespace {

using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

// Drives a fresh EarlyStopping through one training on scripted values of
// `key`; returns the epoch at which it stopped training, or -1.
int StopEpoch(EarlyStoppingOptions options, const std::vector<double>& values,
              const std::string& key = "val_loss") {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  auto stop = EarlyStopping::Create(options).value();
  stop->set_model(model.get());
  EXPECT_TRUE(stop->OnTrainBegin({}).ok());
  for (int epoch = 0; epoch < static_cast<int>(values.size()); ++epoch) {
    EXPECT_TRUE(
        stop->OnEpochEnd(epoch, {{"loss", 1.0}, {key, values[epoch]}}).ok());
    if (model->stop_training()) {
      EXPECT_EQ(stop->stopped_epoch(), epoch);
      return epoch;
    }
  }
  EXPECT_EQ(stop->stopped_epoch(), 0);
  return -1;
}

TEST(EarlyStoppingTest, StopsAfterPatienceEpochsWithoutImprovement) {
  EXPECT_EQ(StopEpoch({.patience = 2}, {1.0, 0.9, 0.95, 0.91, 0.8}), 3);
  EXPECT_EQ(StopEpoch({.patience = 3}, {1.0, 0.9, 0.95, 0.91, 0.8, 0.9}), -1);
  EXPECT_EQ(StopEpoch({.patience = 3}, {1.0, 0.9, 0.95, 0.91, 0.92}), 4);
}

TEST(EarlyStoppingTest, PatienceZeroStopsAtTheFirstEpochWithoutImprovement) {
  // An equal value is not an improvement; epoch 0 never stops.
  EXPECT_EQ(StopEpoch({}, {1.0, 0.9, 0.9}), 2);
  EXPECT_EQ(StopEpoch({}, {1.0, 2.0}), 1);
  // Keras >= 2.12 returns after an improvement: steady progress never stops.
  EXPECT_EQ(StopEpoch({}, {1.0, 0.9, 0.8, 0.7}), -1);
}

TEST(EarlyStoppingTest, MinDeltaIsAnAbsoluteMargin) {
  EXPECT_EQ(StopEpoch({.min_delta = 0.1, .patience = 1}, {1.0, 0.95}), 1);
  EXPECT_EQ(StopEpoch({.min_delta = -0.1, .patience = 1}, {1.0, 0.95}), 1);
  EXPECT_EQ(StopEpoch({.min_delta = 0.1, .patience = 1}, {1.0, 0.85, 0.7}), -1);
}

TEST(EarlyStoppingTest, AutoModeMaximizesAccuracy) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto stop,
      EarlyStopping::Create({.monitor = "val_accuracy", .patience = 2}));
  stop->set_model(model.get());
  STRATA_ASSERT_OK(stop->OnTrainBegin({}));
  const std::vector<double> accuracy = {0.5, 0.6, 0.55, 0.58};
  for (int epoch = 0; epoch < 4; ++epoch) {
    STRATA_ASSERT_OK(
        stop->OnEpochEnd(epoch, {{"val_accuracy", accuracy[epoch]}}));
    EXPECT_EQ(model->stop_training(), epoch == 3) << epoch;
  }
  EXPECT_EQ(stop->best(), 0.6);
  EXPECT_EQ(stop->best_epoch(), 1);
  EXPECT_EQ(StopEpoch({.patience = 1, .mode = Mode::kMax}, {1.0, 2.0, 1.5}), 2);
  EXPECT_EQ(StopEpoch({.monitor = "val_accuracy", .patience = 1, .mode = Mode::kMin},
                      {0.5, 0.6}, "val_accuracy"),
            1);
}

TEST(EarlyStoppingTest, BaselineMustBeBeatenToResetPatience) {
  // Short of the baseline, epochs count towards patience even when they
  // improve on the best; but as in Keras >= 2.12 an improving epoch itself
  // never stops training.
  EXPECT_EQ(StopEpoch({.patience = 2, .baseline = 0.5}, {1.0, 0.9, 0.8}), -1);
  EXPECT_EQ(StopEpoch({.patience = 2, .baseline = 0.5}, {1.0, 1.2, 1.3}), 1);
  EXPECT_EQ(StopEpoch({.patience = 3, .baseline = 0.5}, {1.0, 1.2, 0.9, 1.3}),
            3);
  // Beating it resets the counter as usual.
  EXPECT_EQ(
      StopEpoch({.patience = 2, .baseline = 0.5}, {0.4, 0.45, 0.46, 0.47}), 2);
}

TEST(EarlyStoppingTest, StartFromEpochSkipsWarmUp) {
  EXPECT_EQ(StopEpoch({.start_from_epoch = 2}, {1.0, 2.0, 3.0, 4.0}), 3);
  EXPECT_EQ(StopEpoch({}, {1.0, 2.0, 3.0, 4.0}), 1);
}

TEST(EarlyStoppingTest, ResetsAtTrainBegin) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto stop,
                              EarlyStopping::Create({.patience = 1}));
  stop->set_model(model.get());
  STRATA_ASSERT_OK(stop->OnTrainBegin({}));
  STRATA_ASSERT_OK(stop->OnEpochEnd(0, {{"val_loss", 0.1}}));
  STRATA_ASSERT_OK(stop->OnEpochEnd(1, {{"val_loss", 0.2}}));
  EXPECT_EQ(stop->stopped_epoch(), 1);
  STRATA_ASSERT_OK(stop->OnTrainBegin({}));
  EXPECT_EQ(stop->stopped_epoch(), 0);
  EXPECT_EQ(stop->wait(), 0);
  EXPECT_TRUE(std::isinf(stop->best()) && stop->best() > 0);
}

TEST(EarlyStoppingTest, AMissingMonitorIsAnErrorListingTheKeys) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto stop, EarlyStopping::Create());
  stop->set_model(model.get());
  STRATA_ASSERT_OK(stop->OnTrainBegin({}));
  EXPECT_THAT(
      stop->OnEpochEnd(0, {{"loss", 0.5}, {"mae", 0.25}}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("'val_loss'"),
                     HasSubstr("received logs with keys [loss, mae]"))));
}

TEST(EarlyStoppingTest, CreateRejectsBadOptions) {
  for (const EarlyStoppingOptions& bad : {
           EarlyStoppingOptions{.monitor = ""},
           EarlyStoppingOptions{.min_delta = NAN},
           EarlyStoppingOptions{.patience = -1},
           EarlyStoppingOptions{.verbose = -1},
           EarlyStoppingOptions{.baseline = INFINITY},
           EarlyStoppingOptions{.start_from_epoch = -2},
       }) {
    EXPECT_THAT(EarlyStopping::Create(bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         AllOf(HasSubstr("EarlyStopping option"),
                               HasSubstr("received"))));
  }
  EXPECT_THAT(EarlyStopping::Create({.patience = -1}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'patience': expected >= 0; received -1.")));
}

// A real fit in which the validation loss is best in the middle of training:
// w learns y = 2x from w = 0 while the validation data has y = x, so the
// validation loss falls until w passes 1 and then rises.
struct FitRun {
  std::shared_ptr<Model> model;
  History history;
  std::shared_ptr<callbacks::testing::WeightRecorder> recorder;
  std::shared_ptr<EarlyStopping> stop;
  std::string output;
};

FitRun FitWithEarlyStopping(EarlyStoppingOptions options) {
  FitRun run;
  run.model = callbacks::testing::LineModel(0.1).value();
  auto train = callbacks::testing::MakeLineData(64, 2.0, 1);
  auto val = callbacks::testing::MakeLineData(32, 1.0, 2);
  run.recorder = std::make_shared<callbacks::testing::WeightRecorder>();
  run.stop = EarlyStopping::Create(options).value();
  ::testing::internal::CaptureStdout();
  auto history = run.model->Fit(train.x, train.y,
                                {.batch_size = 64,
                                 .epochs = 20,
                                 .verbose = 0,
                                 .validation_x = val.x,
                                 .validation_y = val.y,
                                 .shuffle = false,
                                 .callbacks = {run.recorder, run.stop}});
  run.output = ::testing::internal::GetCapturedStdout();
  EXPECT_TRUE(history.ok()) << history.status();
  if (history.ok()) run.history = *history;
  return run;
}

TEST(EarlyStoppingTest, RestoresTheBestWeightsInARealFit) {
  FitRun run = FitWithEarlyStopping(
      {.patience = 2, .verbose = 1, .restore_best_weights = true});
  const std::vector<double>& val_loss = run.history.history["val_loss"];
  ASSERT_GE(val_loss.size(), 4u);
  ASSERT_LT(val_loss.size(), 20u) << "did not stop";
  const int stopped = run.stop->stopped_epoch();
  const int best = run.stop->best_epoch();
  EXPECT_EQ(static_cast<int>(val_loss.size()), stopped + 1);
  EXPECT_EQ(stopped, best + 2);
  for (int epoch = 0; epoch < static_cast<int>(val_loss.size()); ++epoch) {
    EXPECT_LE(val_loss[best], val_loss[epoch]) << epoch;
  }
  EXPECT_EQ(run.stop->best(), val_loss[best]);
  // Back to the best epoch's weights, bit for bit, not the last epoch's.
  ASSERT_EQ(run.recorder->weights.size(), val_loss.size());
  const Tensor& now = run.model->weights()[0].variable.value();
  EXPECT_TRUE(Equal(now, run.recorder->weights[best][0]));
  EXPECT_FALSE(Equal(now, run.recorder->weights.back()[0]));
  EXPECT_NEAR(callbacks::testing::Slope(*run.model), 1.0, 0.2);
  EXPECT_EQ(run.output,
            "Epoch " + std::to_string(stopped + 1) + ": early stopping\n" +
                "Restoring model weights from the end of the best epoch: " +
                std::to_string(best + 1) + ".\n");
}

TEST(EarlyStoppingTest, KeepsTheLastWeightsWithoutRestoreBestWeights) {
  FitRun run = FitWithEarlyStopping({.patience = 2});
  ASSERT_LT(run.history.epochs.size(), 20u);
  EXPECT_TRUE(Equal(run.model->weights()[0].variable.value(),
                    run.recorder->weights.back()[0]));
  EXPECT_EQ(run.output, "");
}

}  // namespace
}  // namespace strata::callbacks
