// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/losses.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata::losses {
namespace {

// A plain table instead of a registry: the set of built-in losses is closed,
// and a table needs no static initialization.
struct Alias {
  absl::string_view identifier;
  absl::string_view class_name;
};
constexpr Alias kAliases[] = {
    {"mse", "MeanSquaredError"},
    {"MSE", "MeanSquaredError"},
    {"mean_squared_error", "MeanSquaredError"},
    {"mae", "MeanAbsoluteError"},
    {"MAE", "MeanAbsoluteError"},
    {"mean_absolute_error", "MeanAbsoluteError"},
    {"huber", "Huber"},
    {"huber_loss", "Huber"},
    {"binary_crossentropy", "BinaryCrossentropy"},
    {"categorical_crossentropy", "CategoricalCrossentropy"},
    {"sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"},
};

template <typename T>
absl::StatusOr<std::shared_ptr<Loss>> Shared(
    absl::StatusOr<std::unique_ptr<T>> loss) {
  if (!loss.ok()) return loss.status();
  return std::shared_ptr<Loss>(*std::move(loss));
}

}  // namespace

std::vector<std::string> ClassNames() {
  return {"BinaryCrossentropy",
          "CategoricalCrossentropy",
          "Huber",
          "MeanAbsoluteError",
          "MeanSquaredError",
          "SparseCategoricalCrossentropy"};
}

absl::StatusOr<std::shared_ptr<Loss>> FromConfig(absl::string_view class_name,
                                                 const ConfigDict& config) {
  if (class_name == "MeanSquaredError") {
    return Shared(MeanSquaredError::FromConfig(config));
  }
  if (class_name == "MeanAbsoluteError") {
    return Shared(MeanAbsoluteError::FromConfig(config));
  }
  if (class_name == "Huber") return Shared(Huber::FromConfig(config));
  if (class_name == "BinaryCrossentropy") {
    return Shared(BinaryCrossentropy::FromConfig(config));
  }
  if (class_name == "CategoricalCrossentropy") {
    return Shared(CategoricalCrossentropy::FromConfig(config));
  }
  if (class_name == "SparseCategoricalCrossentropy") {
    return Shared(SparseCategoricalCrossentropy::FromConfig(config));
  }
  return absl::NotFoundError(absl::StrCat("Loss class: expected one of ",
                                          absl::StrJoin(ClassNames(), ", "),
                                          "; received '", class_name, "'."));
}

absl::StatusOr<std::shared_ptr<Loss>> Get(absl::string_view identifier) {
  absl::string_view class_name = identifier;
  for (const Alias& alias : kAliases) {
    if (alias.identifier == identifier) class_name = alias.class_name;
  }
  absl::StatusOr<std::shared_ptr<Loss>> loss =
      FromConfig(class_name, ConfigDict());
  if (loss.ok() || loss.status().code() != absl::StatusCode::kNotFound) {
    return loss;
  }
  std::vector<absl::string_view> names;
  for (const Alias& alias : kAliases) names.push_back(alias.identifier);
  return absl::NotFoundError(absl::StrCat(
      "Unknown loss: expected a loss name (", absl::StrJoin(names, ", "),
      ") or class name (", absl::StrJoin(ClassNames(), ", "), "); received '",
      identifier, "'."));
}

}  // namespace strata::losses
