// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_TENSORBOARD_H_
#define STRATA_CALLBACKS_TENSORBOARD_H_

// TensorBoard is Keras's callback for TensorBoard's scalar charts: at each
// epoch end it writes every epoch log as a scalar named "epoch_<key>" with
// step = epoch (from 0), the training ones to
//   <log_dir>/train/events.out.tfevents.<seconds>.<hostname>.<pid>.v2
// and the "val_" ones, without the prefix, to the same name under
// <log_dir>/validation/ ("val_loss" -> "epoch_loss" there), so TensorBoard
// draws train and validation on one chart, as with Keras. The files are
// TFRecord files of Event protos (callbacks/tfrecord.h, callbacks/event.proto)
// starting with file_version "brain.Event:2"; each epoch is flushed.
//
// OnTrainBegin creates the directories and the train file; the validation
// file is created at the first epoch that has val_ logs (Keras's writers are
// lazy too). OnTrainEnd closes both; each Fit writes new files. A name already
// taken (two runs in one second) gets a counter before ".v2".
// Only the epoch scalars are written: no graph, histograms, images, profiles
// or batch-level scalars (Keras's update_freq = "epoch", its default).
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<TensorBoard> tensorboard,
//                           TensorBoard::Create({.log_dir = "logs/run1"}));
//   STRATA_RETURN_IF_ERROR(model->Fit(x, y, {.epochs = 5,
//                                            .validation_split = 0.2,
//                                            .callbacks = {tensorboard}})
//                              .status());
//   // $ tensorboard --logdir logs

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "callbacks/tfrecord.h"
#include "models/callback.h"
#include "models/logs.h"

namespace strata::callbacks {

struct TensorBoardOptions {
  std::string log_dir = "logs";  // Not empty; created if missing.
};

class TensorBoard final : public Callback {
 public:
  // InvalidArgument for an empty log_dir.
  static absl::StatusOr<std::unique_ptr<TensorBoard>> Create(
      TensorBoardOptions options = {});
  ~TensorBoard() override;

  const TensorBoardOptions& options() const { return options_; }

  // Creates <log_dir>/train/ and its event file; an error naming the path if
  // either cannot be created.
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Writes and flushes the epoch's scalars.
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;
  // Closes the files.
  absl::Status OnTrainEnd(const Logs& logs) override;

  // The event files of the current (or last) Fit; empty if not created.
  const std::string& train_path() const { return train_path_; }
  const std::string& validation_path() const { return validation_path_; }

 private:
  explicit TensorBoard(TensorBoardOptions options)
      : options_(std::move(options)) {}
  // Creates <log_dir>/<run>/ and a new event file there, writing the
  // file_version record.
  absl::StatusOr<std::unique_ptr<TfRecordWriter>> OpenWriter(
      const std::string& run);

  TensorBoardOptions options_;
  std::unique_ptr<TfRecordWriter> train_writer_;
  std::unique_ptr<TfRecordWriter> validation_writer_;
  std::string train_path_;
  std::string validation_path_;
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_TENSORBOARD_H_
