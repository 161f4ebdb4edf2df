// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_INITIALIZERS_H_
#define STRATA_LAYERS_INITIALIZERS_H_

// Weight initializers, as Keras defines them (same formulas, same config), with optional seeds.
//
// An initializer without a seed draws a fresh seed from the process-wide seed sequence
// (SetRandomSeed), so a program that builds its layers in the same order gets the same weights on
// every run, whatever the thread count.
//
//   Initializer init = Initializer::GlorotUniform();          // Keras's default kernel init
//   Initializer normal = Initializer::RandomNormal(0.0, 0.05, /*seed=*/7);
//   STRATA_ASSIGN_OR_RETURN(Tensor kernel, init.Initialize({784, 64}));
//   STRATA_ASSIGN_OR_RETURN(Initializer again,
//                           Initializer::FromConfig(init.class_name(), init.GetConfig()));

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "layers/config.h"
#include "tensor/tensor.h"

namespace strata {

// Seeds the sequence from which unseeded initializers (and layers' dropout streams) draw, like
// keras.utils.set_random_seed. The sequence starts from seed 0 if this is never called.
void SetRandomSeed(uint64_t seed);
// The next seed of that sequence (thread-safe).
uint64_t NextRandomSeed();

class Initializer {
 public:
  enum class Kind {
    kZeros,
    kOnes,
    kConstant,
    kRandomNormal,
    kRandomUniform,
    kTruncatedNormal,
    kGlorotUniform,
    kGlorotNormal,
    kHeNormal,
    kHeUniform,
    kLecunNormal,
    kLecunUniform,
  };

  static Initializer Zeros() { return Initializer(Kind::kZeros); }
  static Initializer Ones() { return Initializer(Kind::kOnes); }
  static Initializer Constant(double value);
  static Initializer RandomNormal(double mean = 0.0, double stddev = 0.05,
                                  std::optional<uint64_t> seed = std::nullopt);
  static Initializer RandomUniform(double minval = -0.05, double maxval = 0.05,
                                   std::optional<uint64_t> seed = std::nullopt);
  static Initializer TruncatedNormal(double mean = 0.0, double stddev = 0.05,
                                     std::optional<uint64_t> seed = std::nullopt);
  static Initializer GlorotUniform(std::optional<uint64_t> seed = std::nullopt);
  static Initializer GlorotNormal(std::optional<uint64_t> seed = std::nullopt);
  static Initializer HeNormal(std::optional<uint64_t> seed = std::nullopt);
  static Initializer HeUniform(std::optional<uint64_t> seed = std::nullopt);
  static Initializer LecunNormal(std::optional<uint64_t> seed = std::nullopt);
  static Initializer LecunUniform(std::optional<uint64_t> seed = std::nullopt);

  // From Keras's config: a class name ("GlorotUniform") or alias ("glorot_uniform") and its
  // config dict. InvalidArgument for an unknown class (listing the known ones) or key.
  static absl::StatusOr<Initializer> FromConfig(absl::string_view class_name,
                                                const ConfigDict& config);
  // From a name alone ("he_normal"): the initializer with Keras's default arguments.
  static absl::StatusOr<Initializer> FromName(absl::string_view name);

  Kind kind() const { return kind_; }
  // Keras's class name: "GlorotUniform".
  absl::string_view class_name() const;
  ConfigDict GetConfig() const;

  // A float32 tensor of `shape`. Fans follow Keras: for a kernel (..., in, out) fan_in is
  // in * receptive field and fan_out is out * receptive field.
  absl::StatusOr<Tensor> Initialize(const Shape& shape) const;

 private:
  explicit Initializer(Kind kind) : kind_(kind) {}
  static Initializer Seeded(Kind kind, std::optional<uint64_t> seed);

  Kind kind_;
  double a_ = 0.0;  // mean, minval or constant value
  double b_ = 0.0;  // stddev or maxval
  std::optional<uint64_t> seed_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_INITIALIZERS_H_
