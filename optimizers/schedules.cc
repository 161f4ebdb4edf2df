// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/schedules.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"

namespace strata::optimizers {
namespace {

using google::protobuf::Value;

absl::Status CheckNonNegative(absl::string_view owner, absl::string_view option, double value) {
  if (std::isfinite(value) && value >= 0) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      owner, " option '", option, "': expected a finite value >= 0; received ", value, "."));
}

// Keras writes name=None when no name was given; strata keeps that as the empty string.
void WriteName(ConfigWriter& writer, const std::string& name) {
  if (name.empty()) {
    writer.SetNull("name");
  } else {
    writer.SetString("name", name);
  }
}

absl::StatusOr<std::string> ReadName(const ConfigDict& config, ConfigReader& reader) {
  auto it = config.fields().find("name");
  if (it == config.fields().end() || it->second.kind_case() == Value::kNullValue) {
    reader.Ignore("name");
    return std::string();
  }
  return reader.GetString("name");
}

// ConfigReader has no list-of-floats getter; PiecewiseConstantDecay's values are the only one
// here, so it is read from the Struct directly (and marked read for Finish()).
absl::StatusOr<std::vector<double>> ReadFloatList(const ConfigDict& config, ConfigReader& reader,
                                                  absl::string_view owner, absl::string_view key) {
  reader.Ignore(key);
  auto it = config.fields().find(std::string(key));
  if (it == config.fields().end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(owner, " config: expected key '", key, "'; received none."));
  }
  std::vector<double> out;
  bool ok = it->second.kind_case() == Value::kListValue;
  if (ok) {
    for (const Value& item : it->second.list_value().values()) {
      if (item.kind_case() != Value::kNumberValue) {
        ok = false;
        break;
      }
      out.push_back(item.number_value());
    }
  }
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrCat(owner, " config key '", key,
                                                   "': expected a list of numbers; received ",
                                                   it->second.ShortDebugString(), "."));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const ExponentialDecay>> ExponentialDecay::Create(
    ExponentialDecayOptions options) {
  STRATA_RETURN_IF_ERROR(
      CheckNonNegative("ExponentialDecay", "initial_learning_rate", options.initial_learning_rate));
  STRATA_RETURN_IF_ERROR(CheckNonNegative("ExponentialDecay", "decay_rate", options.decay_rate));
  if (options.decay_steps <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("ExponentialDecay option 'decay_steps': expected an integer > 0; received ",
                     options.decay_steps, "."));
  }
  return std::shared_ptr<const ExponentialDecay>(new ExponentialDecay(std::move(options)));
}

absl::StatusOr<std::shared_ptr<const ExponentialDecay>> ExponentialDecay::FromConfig(
    const ConfigDict& config) {
  ConfigReader reader(config, "ExponentialDecay");
  ExponentialDecayOptions options;
  STRATA_ASSIGN_OR_RETURN(options.initial_learning_rate, reader.GetFloat("initial_learning_rate"));
  STRATA_ASSIGN_OR_RETURN(options.decay_steps, reader.GetInt("decay_steps"));
  STRATA_ASSIGN_OR_RETURN(options.decay_rate, reader.GetFloat("decay_rate"));
  STRATA_ASSIGN_OR_RETURN(options.staircase, reader.GetBool("staircase", false));
  STRATA_ASSIGN_OR_RETURN(options.name, ReadName(config, reader));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

double ExponentialDecay::Value(int64_t step) const {
  // Keras computes in float32; double here, so values agree to float32 rounding.
  double p = static_cast<double>(step) / static_cast<double>(options_.decay_steps);
  if (options_.staircase) p = std::floor(p);
  return options_.initial_learning_rate * std::pow(options_.decay_rate, p);
}

ConfigDict ExponentialDecay::GetConfig() const {
  ConfigDict config;
  ConfigWriter writer(&config);
  writer.SetFloat("initial_learning_rate", options_.initial_learning_rate);
  writer.SetInt("decay_steps", options_.decay_steps);
  writer.SetFloat("decay_rate", options_.decay_rate);
  writer.SetBool("staircase", options_.staircase);
  WriteName(writer, options_.name);
  return config;
}

absl::StatusOr<std::shared_ptr<const PiecewiseConstantDecay>> PiecewiseConstantDecay::Create(
    PiecewiseConstantDecayOptions options) {
  if (options.values.size() != options.boundaries.size() + 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "PiecewiseConstantDecay option 'values': expected one more value than boundaries (",
        options.boundaries.size() + 1, "); received ", options.values.size(), "."));
  }
  // Steps are never negative, and Keras configs hold them as non-negative integers.
  for (size_t i = 0; i < options.boundaries.size(); ++i) {
    if (options.boundaries[i] < 0 ||
        (i > 0 && options.boundaries[i] <= options.boundaries[i - 1])) {
      return absl::InvalidArgumentError(
          absl::StrCat("PiecewiseConstantDecay option 'boundaries': expected strictly "
                       "increasing steps >= 0; received [",
                       absl::StrJoin(options.boundaries, ", "), "]."));
    }
  }
  for (double value : options.values) {
    STRATA_RETURN_IF_ERROR(CheckNonNegative("PiecewiseConstantDecay", "values", value));
  }
  return std::shared_ptr<const PiecewiseConstantDecay>(
      new PiecewiseConstantDecay(std::move(options)));
}

absl::StatusOr<std::shared_ptr<const PiecewiseConstantDecay>> PiecewiseConstantDecay::FromConfig(
    const ConfigDict& config) {
  ConfigReader reader(config, "PiecewiseConstantDecay");
  PiecewiseConstantDecayOptions options;
  STRATA_ASSIGN_OR_RETURN(options.boundaries, reader.GetIntList("boundaries"));
  STRATA_ASSIGN_OR_RETURN(options.values,
                          ReadFloatList(config, reader, "PiecewiseConstantDecay", "values"));
  STRATA_ASSIGN_OR_RETURN(options.name, ReadName(config, reader));
  STRATA_RETURN_IF_ERROR(reader.Finish());
  return Create(std::move(options));
}

double PiecewiseConstantDecay::Value(int64_t step) const {
  // The first boundary >= step selects its interval (intervals are closed on the right).
  const auto it = std::lower_bound(options_.boundaries.begin(), options_.boundaries.end(), step);
  return options_.values[it - options_.boundaries.begin()];
}

ConfigDict PiecewiseConstantDecay::GetConfig() const {
  ConfigDict config;
  ConfigWriter writer(&config);
  writer.SetIntList("boundaries", options_.boundaries);
  google::protobuf::ListValue* values = (*config.mutable_fields())["values"].mutable_list_value();
  for (double v : options_.values) values->add_values()->set_number_value(v);
  WriteName(writer, options_.name);
  return config;
}

absl::StatusOr<std::shared_ptr<const LearningRateSchedule>> ScheduleFromConfig(
    absl::string_view class_name, const ConfigDict& config) {
  if (class_name == "ExponentialDecay") return ExponentialDecay::FromConfig(config);
  if (class_name == "PiecewiseConstantDecay") return PiecewiseConstantDecay::FromConfig(config);
  return absl::NotFoundError(absl::StrCat(
      "Learning-rate schedule: expected one of ExponentialDecay, PiecewiseConstantDecay; "
      "received '",
      class_name, "'."));
}

}  // namespace strata::optimizers
