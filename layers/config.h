// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_CONFIG_H_
#define STRATA_LAYERS_CONFIG_H_

// Typed access to a layer's config dictionary (a google.protobuf.Struct in Keras's keys).
//
// ConfigWriter fills one; ConfigReader reads one and, on Finish(), rejects every key nobody read
// (NOTE [ Unknown config keys ]): a misspelt or unsupported Keras option is an error naming the
// key, never silently ignored.
//
//   ConfigWriter w(&config);
//   w.SetInt("units", 64);
//   w.SetString("activation", "relu");
//
//   ConfigReader r(config, "Dense");
//   STRATA_ASSIGN_OR_RETURN(int64_t units, r.GetInt("units"));
//   STRATA_ASSIGN_OR_RETURN(bool use_bias, r.GetBool("use_bias", /*default_value=*/true));
//   r.IgnoreNull("kernel_regularizer");  // accepted only when null
//   STRATA_RETURN_IF_ERROR(r.Finish());

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/struct.pb.h"
#include "layers/partial_shape.h"

namespace strata {

using ConfigDict = google::protobuf::Struct;

class ConfigWriter {
 public:
  explicit ConfigWriter(ConfigDict* dict) : dict_(dict) {}
  void SetInt(absl::string_view key, int64_t value);
  void SetFloat(absl::string_view key, double value);
  void SetBool(absl::string_view key, bool value);
  void SetString(absl::string_view key, absl::string_view value);
  void SetNull(absl::string_view key);
  // A list of ints; kUnknownDim entries are written as null (Keras's None).
  void SetIntList(absl::string_view key, const std::vector<int64_t>& values);
  void SetShape(absl::string_view key, const PartialShape& shape) {
    SetIntList(key, shape.dims());
  }
  void SetStringList(absl::string_view key, const std::vector<std::string>& values);
  void SetDict(absl::string_view key, const ConfigDict& value);
  // {"class_name": class_name, "config": config}: how Keras nests initializers and layers.
  void SetClassAndConfig(absl::string_view key, absl::string_view class_name,
                         const ConfigDict& config);

 private:
  ConfigDict* dict_;
};

class ConfigReader {
 public:
  // `owner` names the layer class in errors ("Dense").
  ConfigReader(const ConfigDict& dict, absl::string_view owner);

  // Each getter marks the key as read. The one-argument forms make the key required.
  absl::StatusOr<int64_t> GetInt(absl::string_view key);
  absl::StatusOr<int64_t> GetInt(absl::string_view key, int64_t default_value);
  absl::StatusOr<double> GetFloat(absl::string_view key);
  absl::StatusOr<double> GetFloat(absl::string_view key, double default_value);
  absl::StatusOr<bool> GetBool(absl::string_view key, bool default_value);
  absl::StatusOr<std::string> GetString(absl::string_view key);
  absl::StatusOr<std::string> GetString(absl::string_view key, absl::string_view default_value);
  // A list of ints or nulls (null -> kUnknownDim); a lone int is read as a one-element list
  // (Keras accepts `kernel_size=3` for `(3, 3)`, callers expand it).
  absl::StatusOr<std::vector<int64_t>> GetIntList(absl::string_view key);
  absl::StatusOr<std::vector<int64_t>> GetIntList(absl::string_view key,
                                                  const std::vector<int64_t>& default_value);
  absl::StatusOr<std::vector<std::string>> GetStringList(absl::string_view key);
  // An int or null; nullopt for null or absent.
  absl::StatusOr<std::optional<int64_t>> GetOptionalInt(absl::string_view key);
  absl::StatusOr<ConfigDict> GetDict(absl::string_view key);
  // For {"class_name": ..., "config": {...}} values; a bare string "glorot_uniform" is read as
  // class_name with an empty config, as Keras allows.
  absl::StatusOr<std::pair<std::string, ConfigDict>> GetClassAndConfig(absl::string_view key);
  bool Has(absl::string_view key) const;

  // Accepts a key Keras writes but strata does not use, in any value.
  void Ignore(absl::string_view key);
  // Accepts a key only if absent or null (regularizers, constraints: strata has none, so a
  // non-null one is an error rather than a silently different model).
  absl::Status IgnoreNull(absl::string_view key);
  // InvalidArgument naming every key that no getter or Ignore touched.
  absl::Status Finish() const;

 private:
  absl::StatusOr<const google::protobuf::Value*> Find(absl::string_view key);
  absl::Status TypeError(absl::string_view key, absl::string_view expected) const;

  const ConfigDict& dict_;
  std::string owner_;
  absl::flat_hash_set<std::string> read_;
};

}  // namespace strata

#endif  // STRATA_LAYERS_CONFIG_H_
