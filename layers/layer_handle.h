// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_LAYER_HANDLE_H_
#define STRATA_LAYERS_LAYER_HANDLE_H_

// Make<T>(options) creates a layer and returns a handle that calls it on symbolic tensors, so
// graph-building code reads like Keras and needs no error checks per line: if the options are
// invalid the handle holds the error, its calls return tensors carrying it, and Model creation
// reports it (STYLE.md, "The functional API stays chainable").
//
//   auto x = Make<Dense>({.units = 64, .activation = "relu"})(inputs);
//   auto dense = Make<Dense>({.units = 10});   // keep the handle to share the layer
//   auto a = dense(x1), b = dense(x2);         // one set of weights
//   dense->CountParams();

#include <memory>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "base/check.h"
#include "layers/layer.h"
#include "layers/symbolic.h"

namespace strata {

template <typename T>
class LayerHandle {
 public:
  explicit LayerHandle(absl::StatusOr<std::shared_ptr<T>> layer) : layer_(std::move(layer)) {}
  LayerHandle(std::shared_ptr<T> layer)  // NOLINT: a layer is a valid handle.
      : layer_(std::move(layer)) {}

  bool ok() const { return layer_.ok(); }
  absl::Status status() const { return layer_.status(); }
  // The layer; checked to be OK (test ok() or use the calls, which carry errors).
  const std::shared_ptr<T>& get() const {
    STRATA_CHECK(layer_.ok()) << layer_.status();
    return *layer_;
  }
  T* operator->() const { return get().get(); }
  T& operator*() const { return *get(); }
  operator std::shared_ptr<Layer>() const { return get(); }  // NOLINT

  SymbolicTensor operator()(const SymbolicTensor& input) const {
    if (!layer_.ok()) return SymbolicTensor::FromError(layer_.status());
    return (**layer_)(input);
  }
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs) const {
    if (!layer_.ok()) return SymbolicTensor::FromError(layer_.status());
    return (**layer_)(inputs);
  }
  std::vector<SymbolicTensor> CallSymbolic(const std::vector<SymbolicTensor>& inputs) const {
    if (!layer_.ok()) return {SymbolicTensor::FromError(layer_.status())};
    return (*layer_)->CallSymbolic(inputs);
  }

 private:
  absl::StatusOr<std::shared_ptr<T>> layer_;
};

// Creates a T from its options (T::Create) as a handle.
template <typename T>
LayerHandle<T> Make(typename T::Options options) {
  return LayerHandle<T>(T::Create(std::move(options)));
}

}  // namespace strata

#endif  // STRATA_LAYERS_LAYER_HANDLE_H_
