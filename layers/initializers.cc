// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/initializers.h"

#include <cmath>
#include <mutex>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "tensor/ops/random.h"

namespace strata {
namespace {

std::mutex seed_mutex;
uint64_t seed_base = 0;
uint64_t seed_count = 0;

struct KindInfo {
  Initializer::Kind kind;
  absl::string_view class_name;
  absl::string_view alias;
};

constexpr KindInfo kKinds[] = {
    {Initializer::Kind::kZeros, "Zeros", "zeros"},
    {Initializer::Kind::kOnes, "Ones", "ones"},
    {Initializer::Kind::kConstant, "Constant", "constant"},
    {Initializer::Kind::kRandomNormal, "RandomNormal", "random_normal"},
    {Initializer::Kind::kRandomUniform, "RandomUniform", "random_uniform"},
    {Initializer::Kind::kTruncatedNormal, "TruncatedNormal", "truncated_normal"},
    {Initializer::Kind::kGlorotUniform, "GlorotUniform", "glorot_uniform"},
    {Initializer::Kind::kGlorotNormal, "GlorotNormal", "glorot_normal"},
    {Initializer::Kind::kHeNormal, "HeNormal", "he_normal"},
    {Initializer::Kind::kHeUniform, "HeUniform", "he_uniform"},
    {Initializer::Kind::kLecunNormal, "LecunNormal", "lecun_normal"},
    {Initializer::Kind::kLecunUniform, "LecunUniform", "lecun_uniform"},
};

bool IsVarianceScaling(Initializer::Kind kind) {
  return kind >= Initializer::Kind::kGlorotUniform;
}

// Keras's _compute_fans.
std::pair<double, double> ComputeFans(const Shape& shape) {
  if (shape.rank() < 1) return {1, 1};
  if (shape.rank() == 1) return {double(shape.dim(0)), double(shape.dim(0))};
  if (shape.rank() == 2) return {double(shape.dim(0)), double(shape.dim(1))};
  double receptive = 1;
  for (int i = 0; i < shape.rank() - 2; ++i) receptive *= shape.dim(i);
  return {shape.dim(shape.rank() - 2) * receptive, shape.dim(shape.rank() - 1) * receptive};
}

}  // namespace

void SetRandomSeed(uint64_t seed) {
  std::lock_guard<std::mutex> lock(seed_mutex);
  seed_base = seed;
  seed_count = 0;
}

uint64_t NextRandomSeed() {
  std::lock_guard<std::mutex> lock(seed_mutex);
  // Spread consecutive seeds apart (splitmix64 finalizer) so that streams do not overlap.
  uint64_t z = seed_base * 0x9E3779B97F4A7C15ull + (++seed_count);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Initializer Initializer::Seeded(Kind kind, std::optional<uint64_t> seed) {
  Initializer init(kind);
  init.seed_ = seed;
  return init;
}

Initializer Initializer::Constant(double value) {
  Initializer init(Kind::kConstant);
  init.a_ = value;
  return init;
}

Initializer Initializer::RandomNormal(double mean, double stddev, std::optional<uint64_t> seed) {
  Initializer init(Kind::kRandomNormal);
  init.a_ = mean;
  init.b_ = stddev;
  init.seed_ = seed;
  return init;
}

Initializer Initializer::RandomUniform(double minval, double maxval,
                                       std::optional<uint64_t> seed) {
  Initializer init(Kind::kRandomUniform);
  init.a_ = minval;
  init.b_ = maxval;
  init.seed_ = seed;
  return init;
}

Initializer Initializer::TruncatedNormal(double mean, double stddev,
                                         std::optional<uint64_t> seed) {
  Initializer init(Kind::kTruncatedNormal);
  init.a_ = mean;
  init.b_ = stddev;
  init.seed_ = seed;
  return init;
}

Initializer Initializer::GlorotUniform(std::optional<uint64_t> seed) {
  return Seeded(Kind::kGlorotUniform, seed);
}
Initializer Initializer::GlorotNormal(std::optional<uint64_t> seed) {
  return Seeded(Kind::kGlorotNormal, seed);
}
Initializer Initializer::HeNormal(std::optional<uint64_t> seed) {
  return Seeded(Kind::kHeNormal, seed);
}
Initializer Initializer::HeUniform(std::optional<uint64_t> seed) {
  return Seeded(Kind::kHeUniform, seed);
}
Initializer Initializer::LecunNormal(std::optional<uint64_t> seed) {
  return Seeded(Kind::kLecunNormal, seed);
}
Initializer Initializer::LecunUniform(std::optional<uint64_t> seed) {
  return Seeded(Kind::kLecunUniform, seed);
}

absl::string_view Initializer::class_name() const {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind_) return info.class_name;
  }
  return "";
}

absl::StatusOr<Initializer> Initializer::FromName(absl::string_view name) {
  return FromConfig(name, ConfigDict());
}

absl::StatusOr<Initializer> Initializer::FromConfig(absl::string_view class_name,
                                                    const ConfigDict& config) {
  const KindInfo* found = nullptr;
  std::vector<std::string> known;
  for (const KindInfo& info : kKinds) {
    if (info.class_name == class_name || info.alias == class_name) found = &info;
    known.push_back(std::string(info.class_name));
  }
  if (found == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Initializer: expected one of ", absl::StrJoin(known, ", "), "; received '", class_name,
        "'."));
  }
  Initializer init(found->kind);
  ConfigReader reader(config, found->class_name);
  switch (found->kind) {
    case Kind::kZeros:
    case Kind::kOnes:
      break;
    case Kind::kConstant: {
      STRATA_ASSIGN_OR_RETURN(init.a_, reader.GetFloat("value", 0.0));
      break;
    }
    case Kind::kRandomNormal:
    case Kind::kTruncatedNormal: {
      STRATA_ASSIGN_OR_RETURN(init.a_, reader.GetFloat("mean", 0.0));
      STRATA_ASSIGN_OR_RETURN(init.b_, reader.GetFloat("stddev", 0.05));
      break;
    }
    case Kind::kRandomUniform: {
      STRATA_ASSIGN_OR_RETURN(init.a_, reader.GetFloat("minval", -0.05));
      STRATA_ASSIGN_OR_RETURN(init.b_, reader.GetFloat("maxval", 0.05));
      break;
    }
    default:
      break;
  }
  if (found->kind != Kind::kZeros && found->kind != Kind::kOnes &&
      found->kind != Kind::kConstant) {
    STRATA_ASSIGN_OR_RETURN(std::optional<int64_t> seed, reader.GetOptionalInt("seed"));
    if (seed.has_value()) init.seed_ = static_cast<uint64_t>(*seed);
  }
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return init;
}

ConfigDict Initializer::GetConfig() const {
  ConfigDict config;
  ConfigWriter w(&config);
  switch (kind_) {
    case Kind::kZeros:
    case Kind::kOnes:
      return config;
    case Kind::kConstant:
      w.SetFloat("value", a_);
      return config;
    case Kind::kRandomNormal:
    case Kind::kTruncatedNormal:
      w.SetFloat("mean", a_);
      w.SetFloat("stddev", b_);
      break;
    case Kind::kRandomUniform:
      w.SetFloat("minval", a_);
      w.SetFloat("maxval", b_);
      break;
    default:
      break;
  }
  if (seed_.has_value()) {
    w.SetInt("seed", static_cast<int64_t>(*seed_));
  } else {
    w.SetNull("seed");
  }
  return config;
}

absl::StatusOr<Tensor> Initializer::Initialize(const Shape& shape) const {
  switch (kind_) {
    case Kind::kZeros:
      return Tensor::Zeros(shape);
    case Kind::kOnes:
      return Tensor::Ones(shape);
    case Kind::kConstant:
      return Tensor::Full(shape, a_);
    default:
      break;
  }
  ops::RandomGenerator rng(seed_.has_value() ? *seed_ : NextRandomSeed());
  switch (kind_) {
    case Kind::kRandomNormal:
      return rng.Normal(shape, static_cast<float>(a_), static_cast<float>(b_));
    case Kind::kTruncatedNormal:
      return rng.TruncatedNormal(shape, static_cast<float>(a_), static_cast<float>(b_));
    case Kind::kRandomUniform:
      return rng.Uniform(shape, static_cast<float>(a_), static_cast<float>(b_));
    default:
      break;
  }
  STRATA_CHECK(IsVarianceScaling(kind_)) << "unhandled initializer " << class_name();
  // Keras's VarianceScaling: scale 1 (Glorot, Lecun) or 2 (He), over fan_avg (Glorot) or fan_in.
  const auto [fan_in, fan_out] = ComputeFans(shape);
  const bool glorot = kind_ == Kind::kGlorotUniform || kind_ == Kind::kGlorotNormal;
  const bool he = kind_ == Kind::kHeNormal || kind_ == Kind::kHeUniform;
  const double n = glorot ? std::max(1.0, (fan_in + fan_out) / 2.0) : std::max(1.0, fan_in);
  const double variance = (he ? 2.0 : 1.0) / n;
  const bool uniform = kind_ == Kind::kGlorotUniform || kind_ == Kind::kHeUniform ||
                       kind_ == Kind::kLecunUniform;
  if (uniform) {
    const float limit = static_cast<float>(std::sqrt(3.0 * variance));
    return rng.Uniform(shape, -limit, limit);
  }
  // Keras draws a truncated normal and corrects its stddev for the truncation at 2 sigma.
  const float stddev = static_cast<float>(std::sqrt(variance) / 0.87962566103423978);
  return rng.TruncatedNormal(shape, 0.0f, stddev);
}

}  // namespace strata
