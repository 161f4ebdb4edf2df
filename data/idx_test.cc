// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "data/idx.h"

#include <fstream>
#include <string>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::data {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Write(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(IdxTest, ReadsAPlainFile) {
  // Magic 0x00000802 (ubyte, rank 2), dims 2 x 3, six bytes.
  const std::string bytes("\0\0\x08\x02\0\0\0\x02\0\0\0\x03\x01\x02\x03\x04\x05\xff", 18);
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor t, ReadIdx(Write("ok.idx", bytes), true));
  EXPECT_EQ(t.shape(), Shape({2, 3}));
  EXPECT_THAT(t.ToVector<float>(), ElementsAre(1, 2, 3, 4, 5, 255));
  STRATA_ASSERT_OK_AND_ASSIGN(Tensor labels, ReadIdx(Write("ok.idx", bytes), false));
  EXPECT_EQ(labels.dtype(), DType::kInt64);
}

TEST(IdxTest, CorruptFilesAreClearErrors) {
  EXPECT_THAT(ReadIdx("/nonexistent/file.gz", true),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/nonexistent/file.gz")));
  EXPECT_THAT(ReadIdx(Write("magic.idx", std::string("PK\x03\x04", 4)), true),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("received 0x504b0304")));
  const std::string truncated("\0\0\x08\x01\0\0\0\x09\x01\x02", 10);
  EXPECT_THAT(ReadIdx(Write("short.idx", truncated), true),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("expected 9 bytes")));
  EXPECT_THAT(ReadIdx(Write("empty.idx", ""), true),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("magic")));
}

TEST(IdxTest, LoadsDebiansFashionMnist) {
  STRATA_ASSERT_OK_AND_ASSIGN(FashionMnist data, LoadFashionMnist());
  EXPECT_EQ(data.train_images.shape(), Shape({60000, 28, 28}));
  EXPECT_EQ(data.train_labels.shape(), Shape({60000}));
  EXPECT_EQ(data.test_images.shape(), Shape({10000, 28, 28}));
  // The first training label of Fashion-MNIST is 9 (ankle boot), the first test label 9 too.
  EXPECT_EQ(data.train_labels.data<int64_t>()[0], 9);
  EXPECT_EQ(data.test_labels.data<int64_t>()[0], 9);
  EXPECT_THAT(LoadFashionMnist("/nonexistent"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("dataset-fashion-mnist")));
}

}  // namespace
}  // namespace strata::data
