// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_SEQUENTIAL_H_
#define STRATA_MODELS_SEQUENTIAL_H_

// Sequential is Keras's linear stack of layers. Once its input shape is known (an Input added
// first), every Add() calls the new layer on the stack's output, so a shape mismatch is reported
// by the Add that causes it; the model is then a functional Model whose layers() exclude the
// InputLayer, as Keras's Sequential.layers do.
//
//   auto model = Sequential::Create("sequential");
//   STRATA_RETURN_IF_ERROR(model->Add(Input({784})));
//   STRATA_RETURN_IF_ERROR(model->Add(Make<Dense>({.units = 64, .activation = "relu"})));
//   STRATA_RETURN_IF_ERROR(model->Add(Make<Dense>({.units = 10})));
//   model->Summary();

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "layers/layer_handle.h"
#include "models/model.h"

namespace strata {

class Sequential final : public Model {
 public:
  // `name` empty: "sequential", "sequential_1", ...
  static std::shared_ptr<Sequential> Create(std::string name = "");

  std::string class_name() const override { return "Sequential"; }

  // Sets the input (a tensor made by Input()); must come before any layer.
  absl::Status Add(const SymbolicTensor& input);
  // Appends a layer and calls it on the current output. FailedPrecondition before an input;
  // the layer's own error (naming it) if it does not accept the current output.
  absl::Status Add(std::shared_ptr<Layer> layer);
  template <typename T>
  absl::Status Add(const LayerHandle<T>& layer) {
    if (!layer.ok()) return layer.status();
    return Add(std::static_pointer_cast<Layer>(layer.get()));
  }

 private:
  explicit Sequential(std::string name);
  absl::Status Rebuild();

  SymbolicTensor input_;
  std::vector<std::shared_ptr<Layer>> stack_;
};

}  // namespace strata

#endif  // STRATA_MODELS_SEQUENTIAL_H_
