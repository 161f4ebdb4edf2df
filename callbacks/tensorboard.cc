// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/tensorboard.h"

#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "callbacks/event.pb.h"

namespace strata::callbacks {
namespace {

namespace pb = ::strata::callbacks::tensorboard;

// TensorFlow's EventsWriter writes this as the first record of every file.
constexpr char kFileVersion[] = "brain.Event:2";
// Enough attempts for any realistic number of runs started in one second.
constexpr int kMaxNameAttempts = 1000;

double WallTime() {
  return std::chrono::duration<double>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Hostname() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0') {
    return "localhost";
  }
  return name;
}

// TensorFlow's name: "events.out.tfevents.%010lld.<host>" plus the summary
// writer's ".<pid>" and ".v2" suffix; `attempt` > 0 adds a counter, as TF2's
// writers do, when the name is taken.
std::string EventFileName(int64_t seconds, int attempt) {
  char stamp[32];
  std::snprintf(stamp, sizeof(stamp), "%010" PRId64, seconds);
  std::string name = absl::StrCat("events.out.tfevents.", stamp, ".",
                                  Hostname(), ".", getpid());
  if (attempt > 0) absl::StrAppend(&name, ".", attempt);
  return name + ".v2";
}

absl::Status WriteEvent(TfRecordWriter& writer, const pb::Event& event) {
  std::string bytes;
  if (!event.SerializeToString(&bytes)) {
    return absl::InternalError("TensorBoard: cannot serialize an Event.");
  }
  return writer.Write(bytes);
}

}  // namespace

absl::StatusOr<std::unique_ptr<TensorBoard>> TensorBoard::Create(
    TensorBoardOptions options) {
  if (options.log_dir.empty()) {
    return absl::InvalidArgumentError(
        "TensorBoard option 'log_dir': expected a directory path; received "
        "\"\".");
  }
  return std::unique_ptr<TensorBoard>(new TensorBoard(std::move(options)));
}

TensorBoard::~TensorBoard() = default;

absl::StatusOr<std::unique_ptr<TfRecordWriter>> TensorBoard::OpenWriter(
    const std::string& run) {
  const std::filesystem::path dir =
      std::filesystem::path(options_.log_dir) / run;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::ErrnoToStatus(
        error.value(), absl::StrCat("TensorBoard: cannot create directory '",
                                    dir.string(), "'"));
  }
  const int64_t seconds = static_cast<int64_t>(std::time(nullptr));
  absl::StatusOr<std::unique_ptr<TfRecordWriter>> writer;
  for (int attempt = 0; attempt < kMaxNameAttempts; ++attempt) {
    writer = TfRecordWriter::CreateNew(
        (dir / EventFileName(seconds, attempt)).string());
    if (!absl::IsAlreadyExists(writer.status())) break;
  }
  if (!writer.ok()) {
    return absl::Status(
        writer.status().code(),
        absl::StrCat("TensorBoard: ", writer.status().message()));
  }
  pb::Event event;
  event.set_wall_time(WallTime());
  event.set_file_version(kFileVersion);
  STRATA_RETURN_IF_ERROR(WriteEvent(**writer, event));
  STRATA_RETURN_IF_ERROR((*writer)->Flush());
  return writer;
}

absl::Status TensorBoard::OnTrainBegin(const Logs& logs) {
  // Files a failed Fit left open are closed here.
  train_writer_.reset();
  validation_writer_.reset();
  train_path_.clear();
  validation_path_.clear();
  STRATA_ASSIGN_OR_RETURN(train_writer_, OpenWriter("train"));
  train_path_ = train_writer_->path();
  return absl::OkStatus();
}

absl::Status TensorBoard::OnEpochEnd(int epoch, const Logs& logs) {
  if (train_writer_ == nullptr) {
    return absl::FailedPreconditionError(
        "TensorBoard: expected OnTrainBegin to have opened the event files; "
        "received OnEpochEnd with none open.");
  }
  const double wall_time = WallTime();
  bool wrote_validation = false;
  for (const auto& [key, value] : logs) {
    const bool validation = absl::StartsWith(key, "val_");
    if (validation && validation_writer_ == nullptr) {
      STRATA_ASSIGN_OR_RETURN(validation_writer_, OpenWriter("validation"));
      validation_path_ = validation_writer_->path();
    }
    // One Event per scalar, as tf.summary.scalar writes them.
    pb::Event event;
    event.set_wall_time(wall_time);
    event.set_step(epoch);
    pb::Summary::Value* scalar = event.mutable_summary()->add_value();
    scalar->set_tag(absl::StrCat("epoch_", validation ? key.substr(4) : key));
    scalar->set_simple_value(static_cast<float>(value));
    STRATA_RETURN_IF_ERROR(
        WriteEvent(validation ? *validation_writer_ : *train_writer_, event));
    wrote_validation |= validation;
  }
  STRATA_RETURN_IF_ERROR(train_writer_->Flush());
  if (wrote_validation) STRATA_RETURN_IF_ERROR(validation_writer_->Flush());
  return absl::OkStatus();
}

absl::Status TensorBoard::OnTrainEnd(const Logs& logs) {
  absl::Status status;
  if (train_writer_ != nullptr) status.Update(train_writer_->Close());
  if (validation_writer_ != nullptr) {
    status.Update(validation_writer_->Close());
  }
  train_writer_.reset();
  validation_writer_.reset();
  return status;
}

}  // namespace strata::callbacks
