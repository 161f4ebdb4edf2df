// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/tensorboard.h"

#include <unistd.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "callbacks/event.pb.h"
#include "callbacks/internal/test_util.h"
#include "callbacks/tfrecord.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "models/training.h"

namespace strata::callbacks {
namespace {

namespace fs = std::filesystem;
namespace pb = ::strata::callbacks::tensorboard;
using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string FreshDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  return dir.string();
}

uint64_t LittleEndian(const std::string& bytes, size_t offset, int size) {
  uint64_t value = 0;
  for (int i = 0; i < size; ++i) {
    value |= uint64_t{static_cast<unsigned char>(bytes[offset + i])} << (8 * i);
  }
  return value;
}

// Parses an event file by hand: the TFRecord framing with both masked CRCs
// checked, then each record as an Event.
std::vector<pb::Event> ReadEvents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  std::vector<pb::Event> events;
  size_t offset = 0;
  while (offset < bytes.size()) {
    EXPECT_GE(bytes.size() - offset, 16u) << "truncated header";
    if (bytes.size() - offset < 16) break;
    const uint64_t length = LittleEndian(bytes, offset, 8);
    EXPECT_EQ(LittleEndian(bytes, offset + 8, 4),
              MaskCrc32c(Crc32c(bytes.substr(offset, 8))))
        << "length CRC of record " << events.size();
    EXPECT_LE(offset + 16 + length, bytes.size()) << "truncated record";
    if (offset + 16 + length > bytes.size()) break;
    const std::string data = bytes.substr(offset + 12, length);
    EXPECT_EQ(LittleEndian(bytes, offset + 12 + length, 4),
              MaskCrc32c(Crc32c(data)))
        << "data CRC of record " << events.size();
    pb::Event event;
    EXPECT_TRUE(event.ParseFromString(data)) << "record " << events.size();
    events.push_back(event);
    offset += 16 + length;
  }
  return events;
}

// The (tag, step, value) of each scalar after the file_version record.
struct Scalar {
  std::string tag;
  int64_t step;
  float value;
  bool operator==(const Scalar& o) const {
    return tag == o.tag && step == o.step && value == o.value;
  }
  friend std::ostream& operator<<(std::ostream& os, const Scalar& s) {
    return os << "{" << s.tag << ", " << s.step << ", " << s.value << "}";
  }
};

std::vector<Scalar> Scalars(const std::vector<pb::Event>& events) {
  std::vector<Scalar> scalars;
  for (size_t i = 1; i < events.size(); ++i) {
    EXPECT_TRUE(events[i].has_summary());
    for (const pb::Summary::Value& v : events[i].summary().value()) {
      EXPECT_EQ(v.value_case(), pb::Summary::Value::kSimpleValue);
      scalars.push_back({v.tag(), events[i].step(), v.simple_value()});
    }
  }
  return scalars;
}

void ExpectFileVersionFirst(const std::vector<pb::Event>& events) {
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].file_version(), "brain.Event:2");
  EXPECT_EQ(events[0].step(), 0);
  EXPECT_NEAR(events[0].wall_time(), static_cast<double>(std::time(nullptr)),
              600.0);
}

TEST(TensorBoardTest, WritesTrainAndValidationScalars) {
  const std::string log_dir = FreshDir("tb_scripted");
  STRATA_ASSERT_OK_AND_ASSIGN(auto tensorboard,
                              TensorBoard::Create({.log_dir = log_dir}));
  STRATA_ASSERT_OK(tensorboard->OnTrainBegin({}));
  STRATA_ASSERT_OK(tensorboard->OnEpochEnd(0, {{"loss", 0.5},
                                               {"accuracy", 0.25},
                                               {"val_loss", 0.75},
                                               {"val_accuracy", 0.125}}));
  STRATA_ASSERT_OK(tensorboard->OnEpochEnd(1, {{"loss", 0.375},
                                               {"accuracy", 0.5},
                                               {"val_loss", 0.625},
                                               {"val_accuracy", 0.25}}));
  STRATA_ASSERT_OK(tensorboard->OnTrainEnd({}));

  // <log_dir>/train/events.out.tfevents.<seconds>.<hostname>.<pid>.v2
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  const std::regex name(std::string("events\\.out\\.tfevents\\.[0-9]{10}\\.") +
                        host + "\\." + std::to_string(getpid()) + "\\.v2");
  const fs::path train = tensorboard->train_path();
  const fs::path validation = tensorboard->validation_path();
  EXPECT_EQ(train.parent_path(), fs::path(log_dir) / "train");
  EXPECT_EQ(validation.parent_path(), fs::path(log_dir) / "validation");
  EXPECT_TRUE(std::regex_match(train.filename().string(), name)) << train;
  EXPECT_TRUE(std::regex_match(validation.filename().string(), name))
      << validation;

  std::vector<pb::Event> train_events = ReadEvents(train.string());
  ExpectFileVersionFirst(train_events);
  EXPECT_THAT(Scalars(train_events),
              ::testing::ElementsAre(Scalar{"epoch_loss", 0, 0.5f},
                                     Scalar{"epoch_accuracy", 0, 0.25f},
                                     Scalar{"epoch_loss", 1, 0.375f},
                                     Scalar{"epoch_accuracy", 1, 0.5f}));
  std::vector<pb::Event> val_events = ReadEvents(validation.string());
  ExpectFileVersionFirst(val_events);
  EXPECT_THAT(Scalars(val_events),
              ::testing::ElementsAre(Scalar{"epoch_loss", 0, 0.75f},
                                     Scalar{"epoch_accuracy", 0, 0.125f},
                                     Scalar{"epoch_loss", 1, 0.625f},
                                     Scalar{"epoch_accuracy", 1, 0.25f}));
  // The wall time of the scalars is set too.
  EXPECT_GE(train_events.back().wall_time(), train_events[0].wall_time());
}

TEST(TensorBoardTest, MatchesTheHistoryOfARealFit) {
  const std::string log_dir = FreshDir("tb_fit");
  auto model = callbacks::testing::LineModel(0.1).value();
  auto data = callbacks::testing::MakeLineData(40, 2.0, 7);
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<TensorBoard> tensorboard,
                              TensorBoard::Create({.log_dir = log_dir}));
  STRATA_ASSERT_OK_AND_ASSIGN(History history,
                              model->Fit(data.x, data.y,
                                         {.batch_size = 8,
                                          .epochs = 3,
                                          .verbose = 0,
                                          .validation_split = 0.25,
                                          .callbacks = {tensorboard}}));
  std::vector<Scalar> train, validation;
  for (int epoch = 0; epoch < 3; ++epoch) {
    train.push_back({"epoch_loss", epoch,
                     static_cast<float>(history.history["loss"][epoch])});
    validation.push_back(
        {"epoch_loss", epoch,
         static_cast<float>(history.history["val_loss"][epoch])});
  }
  std::vector<pb::Event> train_events = ReadEvents(tensorboard->train_path());
  ExpectFileVersionFirst(train_events);
  EXPECT_EQ(Scalars(train_events), train);
  std::vector<pb::Event> val_events =
      ReadEvents(tensorboard->validation_path());
  ExpectFileVersionFirst(val_events);
  EXPECT_EQ(Scalars(val_events), validation);
}

TEST(TensorBoardTest, NoValidationLogsNoValidationFile) {
  const std::string log_dir = FreshDir("tb_noval");
  STRATA_ASSERT_OK_AND_ASSIGN(auto tensorboard,
                              TensorBoard::Create({.log_dir = log_dir}));
  STRATA_ASSERT_OK(tensorboard->OnTrainBegin({}));
  STRATA_ASSERT_OK(tensorboard->OnEpochEnd(0, {{"loss", 1.0}}));
  STRATA_ASSERT_OK(tensorboard->OnTrainEnd({}));
  EXPECT_EQ(tensorboard->validation_path(), "");
  EXPECT_FALSE(fs::exists(fs::path(log_dir) / "validation"));
  EXPECT_EQ(Scalars(ReadEvents(tensorboard->train_path())),
            std::vector<Scalar>({{"epoch_loss", 0, 1.0f}}));
}

TEST(TensorBoardTest, EachTrainingWritesANewFile) {
  const std::string log_dir = FreshDir("tb_twice");
  STRATA_ASSERT_OK_AND_ASSIGN(auto tensorboard,
                              TensorBoard::Create({.log_dir = log_dir}));
  std::vector<std::string> paths;
  for (int run = 0; run < 3; ++run) {
    STRATA_ASSERT_OK(tensorboard->OnTrainBegin({}));
    STRATA_ASSERT_OK(tensorboard->OnEpochEnd(0, {{"loss", 1.0 + run}}));
    STRATA_ASSERT_OK(tensorboard->OnTrainEnd({}));
    paths.push_back(tensorboard->train_path());
  }
  EXPECT_NE(paths[0], paths[1]);
  EXPECT_NE(paths[1], paths[2]);
  EXPECT_NE(paths[0], paths[2]);
  for (int run = 0; run < 3; ++run) {
    EXPECT_EQ(Scalars(ReadEvents(paths[run])),
              std::vector<Scalar>({{"epoch_loss", 0, 1.0f + run}}));
  }
}

TEST(TensorBoardTest, AnUncreatableDirectoryIsAnErrorNamingIt) {
  const std::string file = FreshDir("tb_not_a_dir");
  std::ofstream(file) << "a file, not a directory";
  const std::string log_dir = file + "/logs";
  STRATA_ASSERT_OK_AND_ASSIGN(auto tensorboard,
                              TensorBoard::Create({.log_dir = log_dir}));
  EXPECT_THAT(tensorboard->OnTrainBegin({}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("TensorBoard"), HasSubstr(log_dir))));
  EXPECT_THAT(
      tensorboard->OnEpochEnd(0, {{"loss", 1.0}}),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("received")));
}

TEST(TensorBoardTest, CreateRejectsAnEmptyLogDir) {
  EXPECT_THAT(TensorBoard::Create({.log_dir = ""}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'log_dir': expected a directory path; "
                                 "received \"\".")));
  STRATA_ASSERT_OK_AND_ASSIGN(auto tensorboard, TensorBoard::Create());
  EXPECT_EQ(tensorboard->options().log_dir, "logs");
}

}  // namespace
}  // namespace strata::callbacks
