// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/config.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace strata {

using google::protobuf::ListValue;
using google::protobuf::NullValue;
using google::protobuf::Value;

namespace {

Value& Slot(ConfigDict* dict, absl::string_view key) {
  return (*dict->mutable_fields())[std::string(key)];
}

absl::string_view KindName(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNullValue:
      return "null";
    case Value::kNumberValue:
      return "number";
    case Value::kStringValue:
      return "string";
    case Value::kBoolValue:
      return "bool";
    case Value::kStructValue:
      return "dict";
    case Value::kListValue:
      return "list";
    default:
      return "nothing";
  }
}

bool IsInteger(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace

void ConfigWriter::SetInt(absl::string_view key, int64_t value) {
  Slot(dict_, key).set_number_value(static_cast<double>(value));
}
void ConfigWriter::SetFloat(absl::string_view key, double value) {
  Slot(dict_, key).set_number_value(value);
}
void ConfigWriter::SetBool(absl::string_view key, bool value) {
  Slot(dict_, key).set_bool_value(value);
}
void ConfigWriter::SetString(absl::string_view key, absl::string_view value) {
  Slot(dict_, key).set_string_value(std::string(value));
}
void ConfigWriter::SetNull(absl::string_view key) {
  Slot(dict_, key).set_null_value(NullValue::NULL_VALUE);
}
void ConfigWriter::SetIntList(absl::string_view key, const std::vector<int64_t>& values) {
  ListValue* list = Slot(dict_, key).mutable_list_value();
  list->Clear();
  for (int64_t v : values) {
    if (v == kUnknownDim) {
      list->add_values()->set_null_value(NullValue::NULL_VALUE);
    } else {
      list->add_values()->set_number_value(static_cast<double>(v));
    }
  }
}
void ConfigWriter::SetStringList(absl::string_view key, const std::vector<std::string>& values) {
  ListValue* list = Slot(dict_, key).mutable_list_value();
  list->Clear();
  for (const std::string& v : values) list->add_values()->set_string_value(v);
}
void ConfigWriter::SetDict(absl::string_view key, const ConfigDict& value) {
  *Slot(dict_, key).mutable_struct_value() = value;
}
void ConfigWriter::SetClassAndConfig(absl::string_view key, absl::string_view class_name,
                                     const ConfigDict& config) {
  ConfigDict nested;
  ConfigWriter w(&nested);
  w.SetString("class_name", class_name);
  w.SetDict("config", config);
  SetDict(key, nested);
}

ConfigReader::ConfigReader(const ConfigDict& dict, absl::string_view owner)
    : dict_(dict), owner_(owner) {}

bool ConfigReader::Has(absl::string_view key) const {
  return dict_.fields().contains(std::string(key));
}

absl::StatusOr<const Value*> ConfigReader::Find(absl::string_view key) {
  auto it = dict_.fields().find(std::string(key));
  if (it == dict_.fields().end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(owner_, " config: expected key '", key, "'; received none."));
  }
  read_.insert(std::string(key));
  return &it->second;
}

absl::Status ConfigReader::TypeError(absl::string_view key, absl::string_view expected) const {
  const Value& v = dict_.fields().at(std::string(key));
  return absl::InvalidArgumentError(absl::StrCat(owner_, " config key '", key, "': expected ",
                                                 expected, "; received ", KindName(v), "."));
}

absl::StatusOr<int64_t> ConfigReader::GetInt(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  const Value& v = **found;
  if (v.kind_case() != Value::kNumberValue || !IsInteger(v.number_value())) {
    return TypeError(key, "an integer");
  }
  return static_cast<int64_t>(v.number_value());
}

absl::StatusOr<int64_t> ConfigReader::GetInt(absl::string_view key, int64_t default_value) {
  if (!Has(key)) return default_value;
  return GetInt(key);
}

absl::StatusOr<double> ConfigReader::GetFloat(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() != Value::kNumberValue) return TypeError(key, "a number");
  return (*found)->number_value();
}

absl::StatusOr<double> ConfigReader::GetFloat(absl::string_view key, double default_value) {
  if (!Has(key)) return default_value;
  return GetFloat(key);
}

absl::StatusOr<bool> ConfigReader::GetBool(absl::string_view key, bool default_value) {
  if (!Has(key)) return default_value;
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() != Value::kBoolValue) return TypeError(key, "a bool");
  return (*found)->bool_value();
}

absl::StatusOr<std::string> ConfigReader::GetString(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() != Value::kStringValue) return TypeError(key, "a string");
  return (*found)->string_value();
}

absl::StatusOr<std::string> ConfigReader::GetString(absl::string_view key,
                                                    absl::string_view default_value) {
  if (!Has(key)) return std::string(default_value);
  return GetString(key);
}

absl::StatusOr<std::vector<int64_t>> ConfigReader::GetIntList(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  const Value& v = **found;
  if (v.kind_case() == Value::kNumberValue && IsInteger(v.number_value())) {
    return std::vector<int64_t>{static_cast<int64_t>(v.number_value())};
  }
  if (v.kind_case() != Value::kListValue) return TypeError(key, "a list of integers");
  std::vector<int64_t> out;
  for (const Value& item : v.list_value().values()) {
    if (item.kind_case() == Value::kNullValue) {
      out.push_back(kUnknownDim);
    } else if (item.kind_case() == Value::kNumberValue && IsInteger(item.number_value()) &&
               item.number_value() >= 0) {
      out.push_back(static_cast<int64_t>(item.number_value()));
    } else {
      return TypeError(key, "a list of non-negative integers or nulls");
    }
  }
  return out;
}

absl::StatusOr<std::vector<int64_t>> ConfigReader::GetIntList(
    absl::string_view key, const std::vector<int64_t>& default_value) {
  if (!Has(key)) return default_value;
  return GetIntList(key);
}

absl::StatusOr<std::vector<std::string>> ConfigReader::GetStringList(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() != Value::kListValue) return TypeError(key, "a list of strings");
  std::vector<std::string> out;
  for (const Value& item : (*found)->list_value().values()) {
    if (item.kind_case() != Value::kStringValue) return TypeError(key, "a list of strings");
    out.push_back(item.string_value());
  }
  return out;
}

absl::StatusOr<std::optional<int64_t>> ConfigReader::GetOptionalInt(absl::string_view key) {
  if (!Has(key)) return std::optional<int64_t>();
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() == Value::kNullValue) return std::optional<int64_t>();
  if ((*found)->kind_case() != Value::kNumberValue || !IsInteger((*found)->number_value())) {
    return TypeError(key, "an integer or null");
  }
  return std::optional<int64_t>(static_cast<int64_t>((*found)->number_value()));
}

absl::StatusOr<ConfigDict> ConfigReader::GetDict(absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  if ((*found)->kind_case() != Value::kStructValue) return TypeError(key, "a dict");
  return (*found)->struct_value();
}

absl::StatusOr<std::pair<std::string, ConfigDict>> ConfigReader::GetClassAndConfig(
    absl::string_view key) {
  auto found = Find(key);
  if (!found.ok()) return found.status();
  const Value& v = **found;
  if (v.kind_case() == Value::kStringValue) {
    return std::make_pair(v.string_value(), ConfigDict());
  }
  if (v.kind_case() != Value::kStructValue) {
    return TypeError(key, "{\"class_name\": ..., \"config\": {...}} or a name");
  }
  ConfigReader nested(v.struct_value(), absl::StrCat(owner_, " '", key, "'"));
  auto class_name = nested.GetString("class_name");
  if (!class_name.ok()) return class_name.status();
  ConfigDict config;
  if (nested.Has("config")) {
    auto dict = nested.GetDict("config");
    if (!dict.ok()) return dict.status();
    config = *std::move(dict);
  }
  nested.Ignore("module");           // Keras 2.13+ serialization metadata.
  nested.Ignore("registered_name");
  nested.Ignore("build_config");
  if (absl::Status s = nested.Finish(); !s.ok()) return s;
  return std::make_pair(*std::move(class_name), std::move(config));
}

void ConfigReader::Ignore(absl::string_view key) { read_.insert(std::string(key)); }

absl::Status ConfigReader::IgnoreNull(absl::string_view key) {
  read_.insert(std::string(key));
  auto it = dict_.fields().find(std::string(key));
  if (it == dict_.fields().end() || it->second.kind_case() == Value::kNullValue) {
    return absl::OkStatus();
  }
  return absl::UnimplementedError(absl::StrCat(
      owner_, " config key '", key, "': expected null (strata does not support it); received ",
      KindName(it->second), "."));
}

// NOTE [ Unknown config keys ]
// Keras silently drops unknown keyword arguments in some versions; a model that loads with an
// option quietly ignored computes something else than it did in Keras, so strata refuses.
absl::Status ConfigReader::Finish() const {
  std::vector<std::string> unknown;
  for (const auto& [key, value] : dict_.fields()) {
    if (!read_.contains(key)) unknown.push_back(key);
  }
  if (unknown.empty()) return absl::OkStatus();
  std::sort(unknown.begin(), unknown.end());
  return absl::InvalidArgumentError(absl::StrCat(owner_, " config: unknown key(s) '",
                                                 absl::StrJoin(unknown, "', '"),
                                                 "'; received them but this class has no such "
                                                 "option."));
}

}  // namespace strata
