// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_OPTIMIZER_H_
#define STRATA_OPTIMIZERS_OPTIMIZER_H_

// strata's optimizers as one module, as keras.optimizers: the Optimizer base class
// (optimizers/base_optimizer.h), every built-in optimizer, and get/serialize/deserialize by
// Keras name or config: "sgd", "rmsprop", "adam", "adamw" and "adagrad" (any case, so the class
// names "SGD", "RMSprop", ... too), each with Keras's defaults. Depend on //optimizers:optimizer
// for all of them, or on one optimizer's own target (//optimizers:adam) for just that one.
//
//   STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Optimizer> optimizer, Get("adam"));
//   ConfigDict saved = Serialize(*optimizer);  // {"class_name": "Adam", "config": {...}}
//   STRATA_ASSIGN_OR_RETURN(auto restored, FromConfig("Adam", optimizer->GetConfig()));

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "layers/config.h"
#include "optimizers/adagrad.h"
#include "optimizers/adam.h"
#include "optimizers/base_optimizer.h"
#include "optimizers/rmsprop.h"
#include "optimizers/sgd.h"

namespace strata::optimizers {

// A built-in optimizer with Keras's defaults; NotFound (listing the known names) otherwise.
absl::StatusOr<std::unique_ptr<Optimizer>> Get(absl::string_view identifier);

// An optimizer from Keras's {"class_name": class_name, "config": config}; class_name matches
// as in Get. NotFound for an unknown class; InvalidArgument for a bad or unknown config key.
absl::StatusOr<std::unique_ptr<Optimizer>> FromConfig(absl::string_view class_name,
                                                      const ConfigDict& config);

// {"class_name": optimizer.class_name(), "config": optimizer.GetConfig()}.
ConfigDict Serialize(const Optimizer& optimizer);

// The built-in class names, sorted: "Adagrad", "Adam", "AdamW", "RMSprop", "SGD".
std::vector<std::string> BuiltinOptimizerNames();

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_OPTIMIZER_H_
