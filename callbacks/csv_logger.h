// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_CSV_LOGGER_H_
#define STRATA_CALLBACKS_CSV_LOGGER_H_

// CSVLogger is Keras's callback that streams the epoch logs to a CSV file,
// byte for byte as Keras writes it (Python's csv module, excel dialect):
//
//   epoch,accuracy,loss,val_accuracy,val_loss\r\n
//   0,0.5,0.6931471805599453,0.5,0.6931\r\n
//
// The columns are "epoch" then the first epoch's log keys sorted; if none of
// them starts with "val_", a "val_<key>" column is added for each key (Keras
// does so for validation that starts late). Keys missing from a later epoch
// are written "NA"; numbers as Python's str(float) ("0.1", "1e-05", "nan").
// Rows end with "\r\n" and each row is flushed. OnTrainBegin opens (truncates,
// or with `append` appends to) the file; OnTrainEnd closes it. In append mode
// the header is written only if the file is empty or new.
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<CSVLogger> csv,
//                           CSVLogger::Create({.filename = "run/log.csv"}));
//   STRATA_RETURN_IF_ERROR(model->Fit(x, y, {.epochs = 5,
//                                            .callbacks = {csv}}).status());

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "models/callback.h"
#include "models/logs.h"

namespace strata::callbacks {

// Keras's arguments and defaults.
struct CSVLoggerOptions {
  std::string filename;  // Required: the CSV file ("run/log.csv").
  char separator = ',';  // Not '"', '\r' or '\n'.
  bool append = false;   // Append to an existing file instead of replacing it.
};

class CSVLogger final : public Callback {
 public:
  // InvalidArgument for an empty filename or an unusable separator.
  static absl::StatusOr<std::unique_ptr<CSVLogger>> Create(
      CSVLoggerOptions options);
  ~CSVLogger() override;

  const CSVLoggerOptions& options() const { return options_; }

  // Opens the file; an error naming the path if it cannot be opened.
  absl::Status OnTrainBegin(const Logs& logs) override;
  // Writes the header (first epoch) and the epoch's row, then flushes.
  absl::Status OnEpochEnd(int epoch, const Logs& logs) override;
  // Closes the file.
  absl::Status OnTrainEnd(const Logs& logs) override;

 private:
  explicit CSVLogger(CSVLoggerOptions options) : options_(std::move(options)) {}
  absl::Status WriteLine(const std::vector<std::string>& fields);
  absl::Status IoError(const char* what, int error_number) const;

  CSVLoggerOptions options_;
  std::FILE* file_ = nullptr;
  bool write_header_ = true;
  bool have_keys_ = false;         // keys_ is set (at the first epoch end).
  std::vector<std::string> keys_;  // The columns after "epoch".
};

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_CSV_LOGGER_H_
