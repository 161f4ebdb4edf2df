// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_CALLBACKS_TFRECORD_H_
#define STRATA_CALLBACKS_TFRECORD_H_

// TFRecord is TensorFlow's record framing, used by TensorBoard's event files.
// Each record is
//
//   uint64 length        (little endian)
//   uint32 masked_crc32c(length bytes)
//   byte   data[length]
//   uint32 masked_crc32c(data)
//
// where CRC32C is the Castagnoli CRC (reflected polynomial 0x82F63B78) and
// masked(crc) = ((crc >> 15) | (crc << 17)) + 0xa282ead8. TfRecordWriter
// appends records to a file; ReadTfRecords reads them back, checking both
// CRCs.
//
//   STRATA_ASSIGN_OR_RETURN(std::unique_ptr<TfRecordWriter> writer,
//                           TfRecordWriter::Create("/tmp/events"));
//   STRATA_RETURN_IF_ERROR(writer->Write(event.SerializeAsString()));
//   STRATA_RETURN_IF_ERROR(writer->Flush());
//   STRATA_ASSIGN_OR_RETURN(std::vector<std::string> records,
//                           ReadTfRecords("/tmp/events"));

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace strata::callbacks {

// CRC32C of `data`, continuing from `crc` (the CRC of the bytes before it).
// Crc32c("123456789") == 0xE3069283.
uint32_t Crc32c(absl::string_view data, uint32_t crc = 0);

// TFRecord's masking of a CRC (so that CRCs of CRCs are not trivial).
uint32_t MaskCrc32c(uint32_t crc);
// The inverse of MaskCrc32c.
uint32_t UnmaskCrc32c(uint32_t masked);

// The framed bytes of one record holding `data`.
std::string FrameTfRecord(absl::string_view data);

// Appends framed records to a file it creates.
class TfRecordWriter {
 public:
  // Creates (truncates) `path`; an error naming the path if it cannot.
  static absl::StatusOr<std::unique_ptr<TfRecordWriter>> Create(
      const std::string& path);
  // Creates `path`, failing with AlreadyExists if it exists (never
  // overwrites another writer's file).
  static absl::StatusOr<std::unique_ptr<TfRecordWriter>> CreateNew(
      const std::string& path);
  ~TfRecordWriter();
  TfRecordWriter(const TfRecordWriter&) = delete;
  TfRecordWriter& operator=(const TfRecordWriter&) = delete;

  const std::string& path() const { return path_; }
  // Appends one record (buffered until Flush or Close).
  absl::Status Write(absl::string_view data);
  // Pushes buffered records to the file.
  absl::Status Flush();
  // Flushes and closes; later calls do nothing.
  absl::Status Close();

 private:
  TfRecordWriter(std::string path, std::FILE* file)
      : path_(std::move(path)), file_(file) {}
  absl::Status Error(const char* what, int error_number) const;

  std::string path_;
  std::FILE* file_ = nullptr;
};

// The records of a TFRecord file. DataLoss naming the path and record index
// for a truncated record or a CRC mismatch; NotFound etc. if unreadable.
absl::StatusOr<std::vector<std::string>> ReadTfRecords(const std::string& path);

}  // namespace strata::callbacks

#endif  // STRATA_CALLBACKS_TFRECORD_H_
