// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_REGISTRY_H_
#define STRATA_LAYERS_REGISTRY_H_

// LayerRegistry maps a Keras class name ("Dense") or a plugin's registered name ("acme>Swish")
// to a factory that builds the layer from its config. Deserialization and plugins use it.
//
// There are no static registration objects (STYLE.md): built-in layers are registered by an
// explicit call, RegisterBuiltinLayers (layers/builtin_layers.h), and tests make their own
// registry.
//
//   LayerRegistry registry;
//   STRATA_RETURN_IF_ERROR(RegisterBuiltinLayers(registry));
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Layer> layer, registry.Create(config));

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "layers/layer.h"
#include "layers/layer_config.pb.h"

namespace strata {

using LayerFactory =
    absl::AnyInvocable<absl::StatusOr<std::shared_ptr<Layer>>(const ConfigDict&) const>;

class LayerRegistry {
 public:
  LayerRegistry() = default;
  LayerRegistry(const LayerRegistry&) = delete;
  LayerRegistry& operator=(const LayerRegistry&) = delete;

  // AlreadyExists if `name` is registered.
  absl::Status Register(absl::string_view name, LayerFactory factory);
  // Builds config.registered_name() if set, else config.class_name(). NotFound for an unknown
  // name, listing the closest registered names.
  absl::StatusOr<std::shared_ptr<Layer>> Create(const LayerConfig& config) const;
  bool Contains(absl::string_view name) const;
  // Sorted.
  std::vector<std::string> RegisteredNames() const;

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, LayerFactory> factories_ ABSL_GUARDED_BY(mu_);
};

}  // namespace strata

#endif  // STRATA_LAYERS_REGISTRY_H_
