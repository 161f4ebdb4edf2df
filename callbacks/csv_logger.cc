// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/csv_logger.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "callbacks/internal/python_format.h"

namespace strata::callbacks {
namespace {

// Python's csv.excel dialect: QUOTE_MINIMAL with '"' doubled inside quotes.
std::string QuoteField(const std::string& field, char separator) {
  if (field.find_first_of(std::string{separator, '"', '\r', '\n'}) ==
      std::string::npos) {
    return field;
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

absl::StatusOr<std::unique_ptr<CSVLogger>> CSVLogger::Create(
    CSVLoggerOptions options) {
  if (options.filename.empty()) {
    return absl::InvalidArgumentError(
        "CSVLogger option 'filename': expected a file path; received \"\".");
  }
  const char s = options.separator;
  if (s == '"' || s == '\r' || s == '\n' || s == '\0') {
    return absl::InvalidArgumentError(absl::StrCat(
        "CSVLogger option 'separator': expected a character other than '\"', "
        "'\\r', '\\n' and '\\0'; received character code ",
        static_cast<int>(static_cast<unsigned char>(s)), "."));
  }
  return std::unique_ptr<CSVLogger>(new CSVLogger(std::move(options)));
}

CSVLogger::~CSVLogger() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::Status CSVLogger::IoError(const char* what, int error_number) const {
  return absl::ErrnoToStatus(
      error_number,
      absl::StrCat("CSVLogger: cannot ", what, " '", options_.filename, "'"));
}

absl::Status CSVLogger::OnTrainBegin(const Logs& logs) {
  if (file_ != nullptr) {  // A previous Fit ended with an error.
    std::fclose(file_);
    file_ = nullptr;
  }
  keys_.clear();
  have_keys_ = false;
  write_header_ = true;
  if (options_.append) {
    // As Keras: no header when appending to a file whose first line is not
    // empty (a missing file counts as empty).
    if (std::FILE* existing = std::fopen(options_.filename.c_str(), "rb")) {
      const int first = std::fgetc(existing);
      write_header_ = first == EOF || first == '\n' || first == '\r';
      std::fclose(existing);
    }
  }
  // Binary mode: the "\r\n" line ends are part of Keras's format.
  file_ = std::fopen(options_.filename.c_str(), options_.append ? "ab" : "wb");
  if (file_ == nullptr) return IoError("open for writing", errno);
  return absl::OkStatus();
}

absl::Status CSVLogger::WriteLine(const std::vector<std::string>& fields) {
  std::vector<std::string> quoted;
  quoted.reserve(fields.size());
  for (const std::string& field : fields) {
    quoted.push_back(QuoteField(field, options_.separator));
  }
  const std::string line = absl::StrCat(
      absl::StrJoin(quoted, std::string(1, options_.separator)), "\r\n");
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() ||
      std::fflush(file_) != 0) {
    return IoError("write to", errno);
  }
  return absl::OkStatus();
}

absl::Status CSVLogger::OnEpochEnd(int epoch, const Logs& logs) {
  if (file_ == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "CSVLogger: expected OnTrainBegin to have opened '", options_.filename,
        "'; received OnEpochEnd with no open file."));
  }
  if (!have_keys_) {
    have_keys_ = true;
    for (const auto& [key, value] : logs) keys_.push_back(key);
    std::sort(keys_.begin(), keys_.end());
    const bool has_val = std::any_of(
        keys_.begin(), keys_.end(),
        [](const std::string& key) { return absl::StartsWith(key, "val_"); });
    if (!has_val) {
      const size_t n = keys_.size();
      for (size_t i = 0; i < n; ++i) keys_.push_back("val_" + keys_[i]);
    }
    if (write_header_) {
      std::vector<std::string> header = {"epoch"};
      header.insert(header.end(), keys_.begin(), keys_.end());
      STRATA_RETURN_IF_ERROR(WriteLine(header));
    }
  }
  std::vector<std::string> row = {absl::StrCat(epoch)};
  for (const std::string& key : keys_) {
    const double* value = FindLog(logs, key);
    row.push_back(value != nullptr ? internal::FormatPythonFloat(*value)
                                   : "NA");
  }
  return WriteLine(row);
}

absl::Status CSVLogger::OnTrainEnd(const Logs& logs) {
  if (file_ == nullptr) return absl::OkStatus();
  const int result = std::fclose(file_);
  file_ = nullptr;
  if (result != 0) return IoError("close", errno);
  return absl::OkStatus();
}

}  // namespace strata::callbacks
