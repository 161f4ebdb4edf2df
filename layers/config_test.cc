// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "layers/config.h"

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ConfigDict Sample() {
  ConfigDict dict;
  ConfigWriter w(&dict);
  w.SetInt("units", 64);
  w.SetFloat("rate", 0.25);
  w.SetBool("use_bias", false);
  w.SetString("activation", "relu");
  w.SetShape("batch_input_shape", PartialShape{kUnknownDim, 28, 28});
  w.SetNull("kernel_regularizer");
  ConfigDict seed;
  ConfigWriter(&seed).SetNull("seed");
  w.SetClassAndConfig("kernel_initializer", "GlorotUniform", seed);
  return dict;
}

TEST(ConfigTest, ReadsWhatWasWritten) {
  ConfigDict dict = Sample();
  ConfigReader r(dict, "Dense");
  STRATA_ASSERT_OK_AND_ASSIGN(int64_t units, r.GetInt("units"));
  STRATA_ASSERT_OK_AND_ASSIGN(double rate, r.GetFloat("rate"));
  STRATA_ASSERT_OK_AND_ASSIGN(bool use_bias, r.GetBool("use_bias", true));
  STRATA_ASSERT_OK_AND_ASSIGN(std::string activation, r.GetString("activation"));
  STRATA_ASSERT_OK_AND_ASSIGN(std::vector<int64_t> shape, r.GetIntList("batch_input_shape"));
  STRATA_ASSERT_OK_AND_ASSIGN(auto init, r.GetClassAndConfig("kernel_initializer"));
  STRATA_ASSERT_OK(r.IgnoreNull("kernel_regularizer"));
  STRATA_ASSERT_OK_AND_ASSIGN(int64_t missing, r.GetInt("filters", 7));
  STRATA_EXPECT_OK(r.Finish());
  EXPECT_EQ(units, 64);
  EXPECT_EQ(rate, 0.25);
  EXPECT_FALSE(use_bias);
  EXPECT_EQ(activation, "relu");
  EXPECT_THAT(shape, ElementsAre(kUnknownDim, 28, 28));
  EXPECT_EQ(init.first, "GlorotUniform");
  EXPECT_TRUE(init.second.fields().contains("seed"));
  EXPECT_EQ(missing, 7);
}

TEST(ConfigTest, FinishNamesUnreadKeys) {
  ConfigDict dict = Sample();
  ConfigReader r(dict, "Dense");
  STRATA_ASSERT_OK(r.GetInt("units").status());
  EXPECT_THAT(r.Finish(), StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("unknown key(s) 'activation', 'batch_input_shape'")));
}

TEST(ConfigTest, TypeMismatchSaysWhatWasReceived) {
  ConfigDict dict = Sample();
  ConfigReader r(dict, "Dense");
  EXPECT_THAT(r.GetInt("activation"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Dense config key 'activation': expected an integer; received "
                                 "string")));
  EXPECT_THAT(r.GetInt("rate"), StatusIs(absl::StatusCode::kInvalidArgument,
                                         HasSubstr("received number")));
  EXPECT_THAT(r.GetString("name"), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("expected key 'name'; received none")));
}

TEST(ConfigTest, IgnoreNullRejectsAValue) {
  ConfigDict dict;
  ConfigWriter(&dict).SetString("kernel_regularizer", "l2");
  ConfigReader r(dict, "Dense");
  EXPECT_THAT(r.IgnoreNull("kernel_regularizer"),
              StatusIs(absl::StatusCode::kUnimplemented, HasSubstr("received string")));
}

TEST(ConfigTest, BareNameIsAClassWithEmptyConfig) {
  ConfigDict dict;
  ConfigWriter(&dict).SetString("kernel_initializer", "he_normal");
  ConfigReader r(dict, "Dense");
  STRATA_ASSERT_OK_AND_ASSIGN(auto init, r.GetClassAndConfig("kernel_initializer"));
  EXPECT_EQ(init.first, "he_normal");
  EXPECT_TRUE(init.second.fields().empty());
}

}  // namespace
}  // namespace strata
