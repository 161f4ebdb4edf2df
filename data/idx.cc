// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "data/idx.h"

#include <zlib.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"

namespace strata::data {
namespace {

struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

// Reads exactly `n` bytes; false on a short read.
bool ReadExactly(gzFile file, void* out, size_t n) {
  char* dst = static_cast<char*>(out);
  while (n > 0) {
    const unsigned chunk = static_cast<unsigned>(std::min<size_t>(n, 1u << 30));
    const int got = gzread(file, dst, chunk);
    if (got <= 0) return false;
    dst += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

uint32_t BigEndian(const unsigned char* b) {
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

}  // namespace

absl::StatusOr<Tensor> ReadIdx(const std::string& path, bool as_float) {
  // gzread reads uncompressed files transparently, so one path serves both.
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("IDX file '", path, "': cannot open it."));
  }
  unsigned char header[4];
  if (!ReadExactly(file.get(), header, 4)) {
    return absl::DataLossError(absl::StrCat("IDX file '", path,
                                            "': expected a 4-byte magic number; received a "
                                            "shorter file."));
  }
  const int rank = header[3];
  if (header[0] != 0 || header[1] != 0 || header[2] != 0x08 || rank < 1 || rank > 4) {
    return absl::DataLossError(absl::StrFormat(
        "IDX file '%s': expected the magic number of unsigned-byte data of rank 1 to 4 "
        "(0x000008NN); received 0x%02x%02x%02x%02x.",
        path, header[0], header[1], header[2], header[3]));
  }
  std::vector<int64_t> dims(rank);
  int64_t count = 1;
  for (int i = 0; i < rank; ++i) {
    unsigned char d[4];
    if (!ReadExactly(file.get(), d, 4)) {
      return absl::DataLossError(absl::StrCat("IDX file '", path, "': truncated header."));
    }
    dims[i] = BigEndian(d);
    count *= dims[i];
  }
  if (count > (int64_t{1} << 32)) {
    return absl::DataLossError(absl::StrCat("IDX file '", path, "': expected at most 2^32 "
                                            "elements; received a header claiming ", count, "."));
  }
  std::vector<unsigned char> bytes(count);
  if (!ReadExactly(file.get(), bytes.data(), bytes.size())) {
    return absl::DataLossError(absl::StrCat("IDX file '", path, "': expected ", count,
                                            " bytes of data after the header; received fewer "
                                            "(truncated or corrupt file)."));
  }
  Tensor out = Tensor::Empty(Shape(dims), as_float ? DType::kFloat32 : DType::kInt64);
  if (as_float) {
    float* dst = out.mutable_data<float>();
    for (int64_t i = 0; i < count; ++i) dst[i] = bytes[i];
  } else {
    int64_t* dst = out.mutable_data<int64_t>();
    for (int64_t i = 0; i < count; ++i) dst[i] = bytes[i];
  }
  return out;
}

absl::StatusOr<FashionMnist> LoadFashionMnist(const std::string& dir) {
  FashionMnist data;
  struct Part {
    const char* file;
    bool as_float;
    Tensor* out;
  };
  for (const Part& part : {Part{"train-images-idx3-ubyte.gz", true, &data.train_images},
                           Part{"train-labels-idx1-ubyte.gz", false, &data.train_labels},
                           Part{"t10k-images-idx3-ubyte.gz", true, &data.test_images},
                           Part{"t10k-labels-idx1-ubyte.gz", false, &data.test_labels}}) {
    absl::StatusOr<Tensor> t = ReadIdx(absl::StrCat(dir, "/", part.file), part.as_float);
    if (absl::IsNotFound(t.status())) {
      return absl::NotFoundError(absl::StrCat(
          t.status().message(), " Install Debian's dataset-fashion-mnist package (scripts/setup.sh "
          "does)."));
    }
    STRATA_ASSIGN_OR_RETURN(*part.out, std::move(t));
  }
  if (data.train_images.dim(0) != data.train_labels.dim(0) ||
      data.test_images.dim(0) != data.test_labels.dim(0)) {
    return absl::DataLossError(absl::StrCat("Fashion-MNIST in '", dir,
                                            "': expected as many labels as images; received ",
                                            data.train_labels.dim(0), " and ",
                                            data.train_images.dim(0), "."));
  }
  return data;
}

}  // namespace strata::data
