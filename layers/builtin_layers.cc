// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/builtin_layers.h"

#include "base/status_macros.h"
#include "layers/activation.h"
#include "layers/concatenate.h"
#include "layers/dense.h"
#include "layers/dropout.h"
#include "layers/embedding.h"
#include "layers/flatten.h"
#include "layers/input_layer.h"
#include "layers/merge.h"
#include "layers/reshape.h"

namespace strata {

absl::Status RegisterBuiltinLayers(LayerRegistry& registry) {
  STRATA_RETURN_IF_ERROR(registry.Register("Activation", &Activation::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Add", &Add::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Average", &Average::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Concatenate", &Concatenate::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Dense", &Dense::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Dropout", &Dropout::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Embedding", &Embedding::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Flatten", &Flatten::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("InputLayer", &InputLayer::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Maximum", &Maximum::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Minimum", &Minimum::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Multiply", &Multiply::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Reshape", &Reshape::FromConfig));
  STRATA_RETURN_IF_ERROR(registry.Register("Subtract", &Subtract::FromConfig));
  return absl::OkStatus();
}

}  // namespace strata
