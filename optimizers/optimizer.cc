// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/optimizer.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata::optimizers {
namespace {

// Keras lower-cases the identifier before looking it up, so "Adam", "adam" and "ADAM" agree.
absl::StatusOr<std::unique_ptr<Optimizer>> Make(absl::string_view identifier,
                                                const ConfigDict* config) {
  const std::string key = absl::AsciiStrToLower(identifier);
  if (key == "sgd") {
    if (config == nullptr) return SGD::Create();
    return SGD::FromConfig(*config);
  }
  if (key == "rmsprop") {
    if (config == nullptr) return RMSprop::Create();
    return RMSprop::FromConfig(*config);
  }
  if (key == "adam") {
    if (config == nullptr) return Adam::Create();
    return Adam::FromConfig(*config);
  }
  if (key == "adamw") {
    if (config == nullptr) return AdamW::Create();
    return AdamW::FromConfig(*config);
  }
  if (key == "adagrad") {
    if (config == nullptr) return Adagrad::Create();
    return Adagrad::FromConfig(*config);
  }
  return absl::NotFoundError(absl::StrCat("Optimizer: expected one of ",
                                          absl::StrJoin(BuiltinOptimizerNames(), ", "),
                                          " (in any case); received '", identifier, "'."));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Optimizer>> Get(absl::string_view identifier) {
  return Make(identifier, nullptr);
}

absl::StatusOr<std::unique_ptr<Optimizer>> FromConfig(absl::string_view class_name,
                                                      const ConfigDict& config) {
  return Make(class_name, &config);
}

ConfigDict Serialize(const Optimizer& optimizer) {
  ConfigDict out;
  ConfigWriter writer(&out);
  writer.SetString("class_name", optimizer.class_name());
  writer.SetDict("config", optimizer.GetConfig());
  return out;
}

std::vector<std::string> BuiltinOptimizerNames() {
  return {"Adagrad", "Adam", "AdamW", "RMSprop", "SGD"};
}

}  // namespace strata::optimizers
