// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "callbacks/tfrecord.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::callbacks {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

std::string Bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Crc32cTest, StandardCheckValue) {
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c(""), 0u);
}

TEST(Crc32cTest, Rfc3720Vectors) {
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(Crc32c(std::string(32, '\xff')), 0x62A8AB43u);
  std::string ascending, descending;
  for (int i = 0; i < 32; ++i) {
    ascending.push_back(static_cast<char>(i));
    descending.push_back(static_cast<char>(31 - i));
  }
  EXPECT_EQ(Crc32c(ascending), 0x46DD794Eu);
  EXPECT_EQ(Crc32c(descending), 0x113FDB5Cu);
}

TEST(Crc32cTest, ExtendsAcrossPieces) {
  EXPECT_EQ(Crc32c("6789", Crc32c("12345")), Crc32c("123456789"));
}

TEST(Crc32cTest, MaskIsTensorFlowsAndInvertible) {
  EXPECT_EQ(MaskCrc32c(0), 0xa282ead8u);
  // ((c >> 15) | (c << 17)) + 0xa282ead8 for c = 0xE3069283, by hand.
  EXPECT_EQ(MaskCrc32c(0xE3069283u), 0xC78AB0E5u);
  for (uint32_t crc : {0u, 1u, 0xE3069283u, 0xFFFFFFFFu, 0x80000000u}) {
    EXPECT_EQ(UnmaskCrc32c(MaskCrc32c(crc)), crc);
  }
}

TEST(TfRecordTest, FrameMatchesTensorFlowsBytes) {
  // The first 12 bytes of every TensorFlow event file whose first record (the
  // file_version event) is 24 bytes long: 18 00 .. 00 a3 7f 4b 22.
  EXPECT_EQ(FrameTfRecord(std::string(24, 'x')).substr(0, 12),
            Bytes({0x18, 0, 0, 0, 0, 0, 0, 0, 0xa3, 0x7f, 0x4b, 0x22}));
  // "hello", framed by an independent bitwise CRC32C implementation.
  EXPECT_EQ(FrameTfRecord("hello"),
            Bytes({0x05, 0,   0,   0,   0,   0,   0,    0,    0xea, 0xb2, 0x04,
                   0x3e, 'h', 'e', 'l', 'l', 'o', 0xbb, 0x1f, 0x1c, 0x19}));
}

TEST(TfRecordTest, WritesAndReadsBack) {
  const std::string path = TempPath("records.tfrecord");
  STRATA_ASSERT_OK_AND_ASSIGN(auto writer, TfRecordWriter::Create(path));
  STRATA_ASSERT_OK(writer->Write("first"));
  STRATA_ASSERT_OK(writer->Write(""));
  STRATA_ASSERT_OK(writer->Write(std::string(70000, 'z')));
  STRATA_ASSERT_OK(writer->Close());
  EXPECT_THAT(
      writer->Write("late"),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("received")));
  EXPECT_EQ(ReadFile(path).size(), (5 + 16) + 16 + (70000 + 16u));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<std::string> records,
                              ReadTfRecords(path));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0], "first");
  EXPECT_EQ(records[1], "");
  EXPECT_EQ(records[2], std::string(70000, 'z'));
}

TEST(TfRecordTest, ReadDetectsCorruptionAndTruncation) {
  const std::string path = TempPath("corrupt.tfrecord");
  std::string framed = FrameTfRecord("payload");
  for (size_t flip : {size_t{0}, size_t{9}, size_t{14}, framed.size() - 1}) {
    std::string bad = framed;
    bad[flip] ^= 0x01;
    std::ofstream(path, std::ios::binary) << bad;
    EXPECT_THAT(ReadTfRecords(path),
                StatusIs(absl::StatusCode::kDataLoss, HasSubstr("CRC")))
        << "flipped byte " << flip;
  }
  std::ofstream(path, std::ios::binary) << framed.substr(0, framed.size() - 2);
  EXPECT_THAT(ReadTfRecords(path),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("record 0")));
}

TEST(TfRecordTest, CreateNewNeverOverwrites) {
  const std::string path = TempPath("exclusive.tfrecord");
  std::remove(path.c_str());
  STRATA_ASSERT_OK_AND_ASSIGN(auto first, TfRecordWriter::CreateNew(path));
  EXPECT_THAT(TfRecordWriter::CreateNew(path),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr(path)));
}

TEST(TfRecordTest, UnwritablePathIsAnErrorNamingIt) {
  const std::string path = TempPath("no/such/dir/file.tfrecord");
  EXPECT_THAT(TfRecordWriter::Create(path),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(path)));
  EXPECT_THAT(ReadTfRecords(path),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(path)));
}

}  // namespace
}  // namespace strata::callbacks
