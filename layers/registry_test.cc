// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/registry.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layers/builtin_layers.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(RegistryTest, BuiltinNamesArePinned) {
  LayerRegistry registry;
  STRATA_ASSERT_OK(RegisterBuiltinLayers(registry));
  EXPECT_THAT(registry.RegisteredNames(),
              ElementsAre("Activation", "Add", "Average", "Concatenate", "Dense", "Dropout",
                          "Embedding", "Flatten", "InputLayer", "Maximum", "Minimum", "Multiply",
                          "Reshape", "Subtract"));
}

TEST(RegistryTest, DuplicatesAndUnknownNamesAreErrors) {
  LayerRegistry registry;
  STRATA_ASSERT_OK(RegisterBuiltinLayers(registry));
  EXPECT_THAT(RegisterBuiltinLayers(registry),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("'Activation'")));
  LayerConfig config;
  config.set_class_name("Dens");
  EXPECT_THAT(registry.Create(config),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("unknown layer class 'Dens' (closest: Dense")));
}

TEST(RegistryTest, CreateReportsConfigErrorsWithTheClass) {
  LayerRegistry registry;
  STRATA_ASSERT_OK(RegisterBuiltinLayers(registry));
  LayerConfig config;
  config.set_class_name("Dense");
  ConfigWriter w(config.mutable_config());
  w.SetInt("units", 4);
  w.SetInt("unitz", 4);
  EXPECT_THAT(registry.Create(config),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Loading a 'Dense' layer: Dense config: unknown key(s) 'unitz'")));
}

}  // namespace
}  // namespace strata
