// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/tfrecord.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace strata::callbacks {
namespace {

constexpr uint32_t kCastagnoliReflected = 0x82F63B78u;
constexpr uint32_t kMaskDelta = 0xa282ead8u;

// One 256-entry table (bytewise CRC): event files are small, so a slicing-by-8
// table or SSE4.2's crc32 instruction would buy nothing measurable here.
constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t crc = i;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1) ? (crc >> 1) ^ kCastagnoliReflected : crc >> 1;
    }
    table[i] = crc;
  }
  return table;
}

constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();

void AppendLittleEndian(std::string& out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
}

uint64_t ReadLittleEndian(const char* data, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) {
    value |= uint64_t{static_cast<unsigned char>(data[i])} << (8 * i);
  }
  return value;
}

}  // namespace

uint32_t Crc32c(absl::string_view data, uint32_t crc) {
  crc = ~crc;
  for (char c : data) {
    crc = kCrcTable[(crc ^ static_cast<unsigned char>(c)) & 0xff] ^ (crc >> 8);
  }
  return ~crc;
}

uint32_t MaskCrc32c(uint32_t crc) {
  return ((crc >> 15) | (crc << 17)) + kMaskDelta;
}

uint32_t UnmaskCrc32c(uint32_t masked) {
  const uint32_t rotated = masked - kMaskDelta;
  return (rotated >> 17) | (rotated << 15);
}

std::string FrameTfRecord(absl::string_view data) {
  std::string out;
  out.reserve(data.size() + 16);
  AppendLittleEndian(out, data.size(), 8);
  AppendLittleEndian(out, MaskCrc32c(Crc32c(absl::string_view(out.data(), 8))),
                     4);
  out.append(data.data(), data.size());
  AppendLittleEndian(out, MaskCrc32c(Crc32c(data)), 4);
  return out;
}

absl::StatusOr<std::unique_ptr<TfRecordWriter>> TfRecordWriter::Create(
    const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return absl::ErrnoToStatus(
        errno, absl::StrCat("TfRecordWriter: cannot create '", path, "'"));
  }
  return std::unique_ptr<TfRecordWriter>(new TfRecordWriter(path, file));
}

absl::StatusOr<std::unique_ptr<TfRecordWriter>> TfRecordWriter::CreateNew(
    const std::string& path) {
  // "x" (C11, glibc): O_CREAT | O_EXCL, so two writers never share a file.
  std::FILE* file = std::fopen(path.c_str(), "wbx");
  if (file == nullptr) {
    return absl::ErrnoToStatus(
        errno, absl::StrCat("TfRecordWriter: cannot create '", path, "'"));
  }
  return std::unique_ptr<TfRecordWriter>(new TfRecordWriter(path, file));
}

TfRecordWriter::~TfRecordWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::Status TfRecordWriter::Error(const char* what, int error_number) const {
  return absl::ErrnoToStatus(
      error_number,
      absl::StrCat("TfRecordWriter: cannot ", what, " '", path_, "'"));
}

absl::Status TfRecordWriter::Write(absl::string_view data) {
  if (file_ == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "TfRecordWriter: expected an open file; received a Write to '", path_,
        "' after Close."));
  }
  const std::string record = FrameTfRecord(data);
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size()) {
    return Error("write to", errno);
  }
  return absl::OkStatus();
}

absl::Status TfRecordWriter::Flush() {
  if (file_ != nullptr && std::fflush(file_) != 0) return Error("flush", errno);
  return absl::OkStatus();
}

absl::Status TfRecordWriter::Close() {
  if (file_ == nullptr) return absl::OkStatus();
  const int result = std::fclose(file_);
  file_ = nullptr;
  if (result != 0) return Error("close", errno);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ReadTfRecords(
    const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::ErrnoToStatus(
        errno, absl::StrCat("ReadTfRecords: cannot open '", path, "'"));
  }
  std::string bytes;
  char buffer[1 << 14];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    bytes.append(buffer, n);
  }
  std::fclose(file);

  std::vector<std::string> records;
  size_t offset = 0;
  auto corrupt = [&](absl::string_view what) {
    return absl::DataLossError(
        absl::StrCat("ReadTfRecords '", path, "' record ", records.size(),
                     " at byte ", offset, ": expected ", what, "."));
  };
  while (offset < bytes.size()) {
    if (bytes.size() - offset < 12) return corrupt("a 12-byte header");
    const char* header = bytes.data() + offset;
    const uint64_t length = ReadLittleEndian(header, 8);
    const uint32_t length_crc = ReadLittleEndian(header + 8, 4);
    if (MaskCrc32c(Crc32c(absl::string_view(header, 8))) != length_crc) {
      return corrupt("the length's CRC to match");
    }
    if (bytes.size() - offset - 12 < length ||
        bytes.size() - offset - 12 - length < 4) {
      return corrupt(absl::StrCat(length, " data bytes and a CRC"));
    }
    absl::string_view data(header + 12, length);
    const uint32_t data_crc = ReadLittleEndian(header + 12 + length, 4);
    if (MaskCrc32c(Crc32c(data)) != data_crc) {
      return corrupt("the data's CRC to match");
    }
    records.emplace_back(data);
    offset += 12 + length + 4;
  }
  return records;
}

}  // namespace strata::callbacks
