// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/reduce_lr_on_plateau.h"

#include <cmath>
#include <memory>
#include <string>
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

// Drives a fresh ReduceLROnPlateau (on a model whose SGD starts at
// `initial_lr`) through scripted values of `key`; returns the learning rate
// after each epoch.
std::vector<double> Rates(ReduceLROnPlateauOptions options,
                          const std::vector<double>& values,
                          double initial_lr = 1.0,
                          const std::string& key = "val_loss") {
  auto model = callbacks::testing::LineModel(initial_lr).value();
  auto reduce = ReduceLROnPlateau::Create(options).value();
  reduce->set_model(model.get());
  EXPECT_TRUE(reduce->OnTrainBegin({}).ok());
  std::vector<double> rates;
  for (int epoch = 0; epoch < static_cast<int>(values.size()); ++epoch) {
    EXPECT_TRUE(reduce->OnEpochEnd(epoch, {{key, values[epoch]}}).ok());
    rates.push_back(model->optimizer()->learning_rate());
  }
  return rates;
}

TEST(ReduceLROnPlateauTest, CutsByFactorAfterPatienceEpochs) {
  EXPECT_THAT(Rates({.patience = 2}, {1.0, 1.0, 1.0, 1.0, 1.0}),
              ElementsAre(1.0, 1.0, 0.1, 0.1, 1.0 * 0.1 * 0.1));
  EXPECT_THAT(Rates({.factor = 0.5, .patience = 1}, {3.0, 2.0, 2.5, 1.0, 1.5}),
              ElementsAre(1.0, 1.0, 0.5, 0.5, 0.25));
}

TEST(ReduceLROnPlateauTest, ImprovementsMustBeatMinDelta) {
  // 0.99995 is within the default min_delta of 1e-4 of 1.0: no improvement.
  EXPECT_THAT(Rates({.patience = 1}, {1.0, 0.99995}), ElementsAre(1.0, 0.1));
  EXPECT_THAT(Rates({.patience = 1}, {1.0, 0.9998}), ElementsAre(1.0, 1.0));
  EXPECT_THAT(Rates({.patience = 1, .min_delta = 0.5}, {1.0, 0.6, 0.4}),
              ElementsAre(1.0, 0.1, 0.1));
}

TEST(ReduceLROnPlateauTest, CooldownEpochsDoNotCount) {
  // Patience 1, cooldown 2: a cut, two quiet epochs, then a cut again.
  EXPECT_THAT(
      Rates({.patience = 1, .cooldown = 2}, std::vector<double>(6, 1.0)),
      ElementsAre(1.0, 0.1, 0.1, 1.0 * 0.1 * 0.1, 1.0 * 0.1 * 0.1,
                  1.0 * 0.1 * 0.1 * 0.1));
}

TEST(ReduceLROnPlateauTest, StopsAtMinLrAndKeepsWaiting) {
  auto model = callbacks::testing::LineModel(1.0).value();
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto reduce,
      ReduceLROnPlateau::Create({.factor = 0.5, .patience = 1, .min_lr = 0.3}));
  reduce->set_model(model.get());
  STRATA_ASSERT_OK(reduce->OnTrainBegin({}));
  std::vector<double> rates;
  for (int epoch = 0; epoch < 5; ++epoch) {
    STRATA_ASSERT_OK(reduce->OnEpochEnd(epoch, {{"val_loss", 1.0}}));
    rates.push_back(model->optimizer()->learning_rate());
  }
  EXPECT_THAT(rates, ElementsAre(1.0, 0.5, 0.3, 0.3, 0.3));
  // Keras resets `wait` only when it cuts; at min_lr it keeps counting.
  EXPECT_EQ(reduce->wait(), 2);
}

TEST(ReduceLROnPlateauTest, ComparesWithMinLrInFloat32AsKeras) {
  // 1.0 * 0.1 * 0.1 * 0.1 is 0.0010000000000000002 in double but 0.001 in
  // float32, so Keras (float32 variable) stops there; a double comparison
  // would cut once more to exactly 0.001 and print a fourth message.
  const double third_cut = 1.0 * 0.1 * 0.1 * 0.1;
  ASSERT_NE(third_cut, 0.001);
  ::testing::internal::CaptureStdout();
  EXPECT_THAT(
      Rates({.patience = 1, .verbose = 1, .min_lr = 0.001},
            std::vector<double>(6, 1.0)),
      ElementsAre(1.0, 0.1, 1.0 * 0.1 * 0.1, third_cut, third_cut, third_cut));
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.1.\n"
            "\nEpoch 3: ReduceLROnPlateau reducing learning rate to "
            "0.010000000000000002.\n"
            "\nEpoch 4: ReduceLROnPlateau reducing learning rate to "
            "0.0010000000000000002.\n");
}

TEST(ReduceLROnPlateauTest, AutoModeMaximizesAccuracy) {
  EXPECT_THAT(Rates({.monitor = "val_accuracy", .patience = 1},
                    {0.5, 0.6, 0.55}, 1.0, "val_accuracy"),
              ElementsAre(1.0, 1.0, 0.1));
  EXPECT_THAT(Rates({.patience = 1, .mode = Mode::kMax}, {0.5, 0.4}),
              ElementsAre(1.0, 0.1));
}

TEST(ReduceLROnPlateauTest, ReducesInARealFit) {
  // Monitoring the training loss in "max" mode: it falls every epoch, so no
  // epoch after the first improves and each one cuts the rate.
  auto model = callbacks::testing::LineModel(0.1).value();
  auto data = callbacks::testing::MakeLineData(32, 2.0, 5);
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<ReduceLROnPlateau> reduce,
                              ReduceLROnPlateau::Create({.monitor = "loss",
                                                         .factor = 0.5,
                                                         .patience = 1,
                                                         .mode = Mode::kMax}));
  STRATA_ASSERT_OK_AND_ASSIGN(
      History history,
      model->Fit(
          data.x, data.y,
          {.batch_size = 8, .epochs = 4, .verbose = 0, .callbacks = {reduce}}));
  const std::vector<double>& loss = history.history["loss"];
  ASSERT_EQ(loss.size(), 4u);
  for (int i = 1; i < 4; ++i) ASSERT_LT(loss[i], loss[i - 1]);
  EXPECT_DOUBLE_EQ(model->optimizer()->learning_rate(), 0.1 * 0.5 * 0.5 * 0.5);
  EXPECT_EQ(reduce->best(), loss[0]);
}

TEST(ReduceLROnPlateauTest, AMissingMonitorIsAnError) {
  auto model = callbacks::testing::LineModel(0.1).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto reduce, ReduceLROnPlateau::Create());
  reduce->set_model(model.get());
  STRATA_ASSERT_OK(reduce->OnTrainBegin({}));
  EXPECT_THAT(reduce->OnEpochEnd(0, {{"loss", 0.5}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("ReduceLROnPlateau monitor 'val_loss'"),
                             HasSubstr("[loss]"))));
}

TEST(ReduceLROnPlateauTest, NeedsAnOptimizer) {
  auto model = callbacks::testing::LineModel(0.1, /*compile=*/false).value();
  STRATA_ASSERT_OK_AND_ASSIGN(auto reduce, ReduceLROnPlateau::Create());
  reduce->set_model(model.get());
  EXPECT_THAT(
      reduce->OnEpochEnd(0, {{"val_loss", 0.5}}),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("Compile")));
}

TEST(ReduceLROnPlateauTest, CreateRejectsBadOptions) {
  EXPECT_THAT(ReduceLROnPlateau::Create({.factor = 1.0}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("'factor': expected a value in [0, 1)"),
                             HasSubstr("received 1.0."))));
  for (const ReduceLROnPlateauOptions& bad : {
           ReduceLROnPlateauOptions{.monitor = ""},
           ReduceLROnPlateauOptions{.factor = 2.0},
           ReduceLROnPlateauOptions{.factor = -0.1},
           ReduceLROnPlateauOptions{.factor = NAN},
           ReduceLROnPlateauOptions{.patience = -1},
           ReduceLROnPlateauOptions{.verbose = -1},
           ReduceLROnPlateauOptions{.min_delta = -1e-4},
           ReduceLROnPlateauOptions{.cooldown = -1},
           ReduceLROnPlateauOptions{.min_lr = -1.0},
           ReduceLROnPlateauOptions{.min_lr = INFINITY},
       }) {
    EXPECT_THAT(ReduceLROnPlateau::Create(bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         AllOf(HasSubstr("ReduceLROnPlateau option"),
                               HasSubstr("received"))));
  }
}

}  // namespace
}  // namespace strata::callbacks
