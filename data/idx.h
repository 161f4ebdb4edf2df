// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_DATA_IDX_H_
#define STRATA_DATA_IDX_H_

// Readers for the IDX files of (Fashion-)MNIST, plain or gzip-compressed, and for the
// Fashion-MNIST data set that Debian's dataset-fashion-mnist package installs.
//
//   STRATA_ASSIGN_OR_RETURN(FashionMnist data, LoadFashionMnist());
//   data.train_images.shape();  // (60000, 28, 28), float32 in [0, 255]
//   data.train_labels.shape();  // (60000,), int64 in [0, 10)

#include <string>

#include "absl/status/statusor.h"
#include "tensor/tensor.h"

namespace strata::data {

// Reads an IDX file (".gz" or not; the content decides). Unsigned-byte data comes back as
// float32 when `as_float` and int64 otherwise. NotFound if the file is missing; DataLoss for a
// bad magic number, an unsupported element type, or a file shorter than its header says.
absl::StatusOr<Tensor> ReadIdx(const std::string& path, bool as_float);

struct FashionMnist {
  Tensor train_images;  // (60000, 28, 28) float32, 0..255
  Tensor train_labels;  // (60000,) int64
  Tensor test_images;   // (10000, 28, 28) float32, 0..255
  Tensor test_labels;   // (10000,) int64
};

// Where dataset-fashion-mnist installs the files.
inline constexpr char kFashionMnistDir[] = "/usr/share/datasets/fashion-mnist";

// Loads the four files of `dir` (train-images-idx3-ubyte.gz, ...). NotFound names the Debian
// package if they are missing.
absl::StatusOr<FashionMnist> LoadFashionMnist(const std::string& dir = kFashionMnistDir);

}  // namespace strata::data

#endif  // STRATA_DATA_IDX_H_
