// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_LOSSES_H_
#define STRATA_LOSSES_LOSSES_H_

// Every built-in loss, and Keras's lookups: Get resolves the strings users
// pass to compile (keras.losses.get), FromConfig rebuilds a loss from the
// {"class_name", "config"} pair a saved model holds (keras.losses.deserialize).
//
//   STRATA_ASSIGN_OR_RETURN(std::shared_ptr<Loss> loss, Get("mse"));
//   STRATA_ASSIGN_OR_RETURN(
//       std::shared_ptr<Loss> again,
//       FromConfig(loss->class_name(), loss->GetConfig()));

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "layers/config.h"
#include "losses/binary_crossentropy.h"
#include "losses/categorical_crossentropy.h"
#include "losses/loss.h"
#include "losses/regression.h"

namespace strata::losses {

// A loss with default options from Keras's function names and aliases
// ("mse", "MSE", "mean_squared_error", "mae", "MAE", "mean_absolute_error",
// "huber", "huber_loss", "binary_crossentropy", "categorical_crossentropy",
// "sparse_categorical_crossentropy") or a class name ("MeanSquaredError",
// ...). NotFound naming the identifier and listing the valid ones.
absl::StatusOr<std::shared_ptr<Loss>> Get(absl::string_view identifier);

// The loss of class `class_name` built from its Keras config; NotFound for an
// unknown class, InvalidArgument for a bad config.
absl::StatusOr<std::shared_ptr<Loss>> FromConfig(absl::string_view class_name,
                                                 const ConfigDict& config);

// The class names FromConfig accepts, sorted.
std::vector<std::string> ClassNames();

}  // namespace strata::losses

#endif  // STRATA_LOSSES_LOSSES_H_
