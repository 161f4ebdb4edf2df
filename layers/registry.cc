// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/registry.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata {
namespace {

// Edit distance, to suggest the registered names closest to an unknown one.
int Distance(absl::string_view a, absl::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int above = row[j];
      const bool same = absl::ascii_tolower(a[i - 1]) == absl::ascii_tolower(b[j - 1]);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

absl::Status LayerRegistry::Register(absl::string_view name, LayerFactory factory) {
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = factories_.try_emplace(std::string(name), std::move(factory));
  if (!inserted) {
    return absl::AlreadyExistsError(
        absl::StrCat("LayerRegistry: the layer class '", name, "' is already registered."));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<Layer>> LayerRegistry::Create(const LayerConfig& config) const {
  const std::string& name =
      config.registered_name().empty() ? config.class_name() : config.registered_name();
  absl::MutexLock lock(&mu_);
  auto it = factories_.find(name);
  if (it == factories_.end()) {
    std::vector<std::pair<int, std::string>> near;
    for (const auto& [known, factory] : factories_) near.push_back({Distance(name, known), known});
    std::sort(near.begin(), near.end());
    std::vector<std::string> suggestions;
    for (size_t i = 0; i < near.size() && i < 3; ++i) suggestions.push_back(near[i].second);
    return absl::NotFoundError(absl::StrCat(
        "LayerRegistry: unknown layer class '", name, "'",
        suggestions.empty() ? "" : absl::StrCat(" (closest: ", absl::StrJoin(suggestions, ", "), ")"),
        ". If it is a custom layer, load the plugin that defines it (strata::plugins::Load, "
        "or STRATA_PLUGIN_PATH)."));
  }
  absl::StatusOr<std::shared_ptr<Layer>> layer = it->second(config.config());
  if (!layer.ok()) {
    return absl::Status(layer.status().code(),
                        absl::StrCat("Loading a '", name, "' layer: ", layer.status().message()));
  }
  return layer;
}

bool LayerRegistry::Contains(absl::string_view name) const {
  absl::MutexLock lock(&mu_);
  return factories_.contains(std::string(name));
}

std::vector<std::string> LayerRegistry::RegisteredNames() const {
  absl::MutexLock lock(&mu_);
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace strata
