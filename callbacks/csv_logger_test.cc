// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/csv_logger.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "callbacks/internal/python_format.h"
#include "callbacks/internal/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "models/training.h"

namespace strata::callbacks {
namespace {

using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string TempPath(const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::remove(path.c_str());
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs one scripted training: OnTrainBegin, OnEpochEnd per logs, OnTrainEnd.
void Train(CSVLogger& logger, const std::vector<Logs>& epochs) {
  ASSERT_TRUE(logger.OnTrainBegin({}).ok());
  for (int epoch = 0; epoch < static_cast<int>(epochs.size()); ++epoch) {
    ASSERT_TRUE(logger.OnEpochEnd(epoch, epochs[epoch]).ok());
  }
  ASSERT_TRUE(logger.OnTrainEnd({}).ok());
}

TEST(CSVLoggerTest, WritesKerasHeaderAndRows) {
  const std::string path = TempPath("log.csv");
  STRATA_ASSERT_OK_AND_ASSIGN(auto logger,
                              CSVLogger::Create({.filename = path}));
  Train(*logger, {{{"loss", 0.5},
                   {"accuracy", 0.25},
                   {"val_loss", 0.75},
                   {"val_accuracy", 0.125}},
                  {{"loss", 0.1},
                   {"accuracy", 1e-05},
                   {"val_loss", 2.0},
                   {"val_accuracy", 0.6931471805599453}}});
  EXPECT_EQ(ReadFile(path),
            "epoch,accuracy,loss,val_accuracy,val_loss\r\n"
            "0,0.25,0.5,0.125,0.75\r\n"
            "1,1e-05,0.1,0.6931471805599453,2.0\r\n");
}

TEST(CSVLoggerTest, AddsValColumnsWhenTheFirstEpochHasNone) {
  // Keras adds "val_<key>" columns for validation that starts later; keys
  // missing from an epoch are written NA.
  const std::string path = TempPath("noval.csv");
  STRATA_ASSERT_OK_AND_ASSIGN(auto logger,
                              CSVLogger::Create({.filename = path}));
  Train(*logger, {{{"loss", 0.5}, {"mae", 0.25}},
                  {{"loss", 0.25}, {"val_loss", 0.375}}});
  EXPECT_EQ(ReadFile(path),
            "epoch,loss,mae,val_loss,val_mae\r\n"
            "0,0.5,0.25,NA,NA\r\n"
            "1,0.25,NA,0.375,NA\r\n");
}

TEST(CSVLoggerTest, UsesTheSeparatorAndQuotesAsPythonsCsv) {
  const std::string path = TempPath("semicolon.csv");
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto logger, CSVLogger::Create({.filename = path, .separator = ';'}));
  Train(*logger, {{{"loss", 1.5}, {"a;b", 2.0}, {"val_loss", 3.0}}});
  EXPECT_EQ(ReadFile(path),
            "epoch;\"a;b\";loss;val_loss\r\n"
            "0;2.0;1.5;3.0\r\n");
}

TEST(CSVLoggerTest, FlushesEachRow) {
  const std::string path = TempPath("flush.csv");
  STRATA_ASSERT_OK_AND_ASSIGN(auto logger,
                              CSVLogger::Create({.filename = path}));
  STRATA_ASSERT_OK(logger->OnTrainBegin({}));
  STRATA_ASSERT_OK(logger->OnEpochEnd(0, {{"loss", 0.5}, {"val_loss", 0.25}}));
  EXPECT_EQ(ReadFile(path), "epoch,loss,val_loss\r\n0,0.5,0.25\r\n");
  STRATA_ASSERT_OK(
      logger->OnEpochEnd(1, {{"loss", 0.25}, {"val_loss", 0.125}}));
  EXPECT_EQ(ReadFile(path),
            "epoch,loss,val_loss\r\n0,0.5,0.25\r\n1,0.25,0.125\r\n");
  STRATA_ASSERT_OK(logger->OnTrainEnd({}));
}

TEST(CSVLoggerTest, AppendSkipsTheHeaderOfANonEmptyFile) {
  const std::string path = TempPath("append.csv");
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto logger, CSVLogger::Create({.filename = path, .append = true}));
  Train(*logger, {{{"loss", 0.5}, {"val_loss", 0.25}}});
  Train(*logger, {{{"loss", 0.125}, {"val_loss", 0.0625}}});
  EXPECT_EQ(ReadFile(path),
            "epoch,loss,val_loss\r\n0,0.5,0.25\r\n0,0.125,0.0625\r\n");
  // Without append, a new training replaces the file.
  STRATA_ASSERT_OK_AND_ASSIGN(auto fresh,
                              CSVLogger::Create({.filename = path}));
  Train(*fresh, {{{"loss", 1.0}, {"val_loss", 2.0}}});
  EXPECT_EQ(ReadFile(path), "epoch,loss,val_loss\r\n0,1.0,2.0\r\n");
}

TEST(CSVLoggerTest, MatchesTheHistoryOfARealFit) {
  const std::string path = TempPath("fit.csv");
  auto model = callbacks::testing::LineModel(0.1).value();
  auto data = callbacks::testing::MakeLineData(40, 2.0, 4);
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<CSVLogger> logger,
                              CSVLogger::Create({.filename = path}));
  STRATA_ASSERT_OK_AND_ASSIGN(History history,
                              model->Fit(data.x, data.y,
                                         {.batch_size = 8,
                                          .epochs = 3,
                                          .verbose = 0,
                                          .validation_split = 0.25,
                                          .callbacks = {logger}}));
  std::string expected = "epoch,loss,val_loss\r\n";
  for (int epoch = 0; epoch < 3; ++epoch) {
    expected +=
        std::to_string(epoch) + "," +
        internal::FormatPythonFloat(history.history["loss"][epoch]) + "," +
        internal::FormatPythonFloat(history.history["val_loss"][epoch]) +
        "\r\n";
  }
  EXPECT_EQ(ReadFile(path), expected);
}

TEST(CSVLoggerTest, AnUnopenableFileIsAnErrorNamingIt) {
  const std::string path = ::testing::TempDir() + "/no/such/dir/log.csv";
  STRATA_ASSERT_OK_AND_ASSIGN(auto logger,
                              CSVLogger::Create({.filename = path}));
  EXPECT_THAT(logger->OnTrainBegin({}),
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("CSVLogger"), HasSubstr(path))));
  EXPECT_THAT(
      logger->OnEpochEnd(0, {{"loss", 1.0}}),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("received")));
}

TEST(CSVLoggerTest, CreateRejectsBadOptions) {
  EXPECT_THAT(
      CSVLogger::Create({}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("'filename': expected a file path; received")));
  EXPECT_THAT(CSVLogger::Create({.filename = "x.csv", .separator = '"'}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received character code 34.")));
  EXPECT_THAT(
      CSVLogger::Create({.filename = "x.csv", .separator = '\n'}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
}

}  // namespace
}  // namespace strata::callbacks
