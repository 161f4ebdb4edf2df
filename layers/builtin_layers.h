// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_BUILTIN_LAYERS_H_
#define STRATA_LAYERS_BUILTIN_LAYERS_H_

// Registers every built-in layer under its Keras class name. Called explicitly (no static
// registration objects, STYLE.md); AlreadyExists if any is registered already.
//
//   LayerRegistry registry;
//   STRATA_RETURN_IF_ERROR(RegisterBuiltinLayers(registry));

#include "absl/status/status.h"
#include "layers/registry.h"

namespace strata {

absl::Status RegisterBuiltinLayers(LayerRegistry& registry);

}  // namespace strata

#endif  // STRATA_LAYERS_BUILTIN_LAYERS_H_
