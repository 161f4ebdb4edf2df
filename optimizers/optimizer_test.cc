// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/optimizer.h"

#include <string>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "optimizers/schedules.h"

namespace strata::optimizers {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ConfigDict FromJson(const std::string& json) {
  ConfigDict dict;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &dict).ok()) << json;
  return dict;
}

double Number(const ConfigDict& config, const std::string& key) {
  return config.fields().at(key).number_value();
}

TEST(GetTest, KnowsKerasShortcutsInAnyCaseWithKerasDefaults) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, Get("sgd"));
  EXPECT_EQ(sgd->class_name(), "SGD");
  EXPECT_DOUBLE_EQ(sgd->learning_rate(), 0.01);
  EXPECT_EQ(Number(sgd->GetConfig(), "momentum"), 0.0);

  STRATA_ASSERT_OK_AND_ASSIGN(auto rmsprop, Get("RMSprop"));
  EXPECT_EQ(rmsprop->class_name(), "RMSprop");
  EXPECT_DOUBLE_EQ(rmsprop->learning_rate(), 0.001);
  EXPECT_EQ(Number(rmsprop->GetConfig(), "rho"), 0.9);
  EXPECT_EQ(Number(rmsprop->GetConfig(), "epsilon"), 1e-7);

  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Get("ADAM"));
  EXPECT_EQ(adam->class_name(), "Adam");
  EXPECT_DOUBLE_EQ(adam->learning_rate(), 0.001);
  EXPECT_EQ(Number(adam->GetConfig(), "beta_1"), 0.9);
  EXPECT_EQ(Number(adam->GetConfig(), "beta_2"), 0.999);
  EXPECT_THAT(adam->slot_names(), ElementsAre("m", "v"));

  STRATA_ASSERT_OK_AND_ASSIGN(auto adamw, Get("adamw"));
  EXPECT_EQ(adamw->class_name(), "AdamW");
  EXPECT_EQ(Number(adamw->GetConfig(), "weight_decay"), 0.004);

  STRATA_ASSERT_OK_AND_ASSIGN(auto adagrad, Get("Adagrad"));
  EXPECT_EQ(adagrad->class_name(), "Adagrad");
  EXPECT_EQ(Number(adagrad->GetConfig(), "initial_accumulator_value"), 0.1);
}

TEST(GetTest, UnknownNameIsNotFound) {
  EXPECT_THAT(Get("nadam"),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("Optimizer: expected one of Adagrad, Adam, AdamW, RMSprop, SGD "
                                 "(in any case); received 'nadam'.")));
  EXPECT_THAT(FromConfig("Adamax", ConfigDict()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("received 'Adamax'.")));
}

TEST(FromConfigTest, EveryOptimizerRoundTrips) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule, PiecewiseConstantDecay::Create(
                         {.boundaries = {10, 20}, .values = {0.1, 0.01, 0.001}, .name = "steps"}));
  std::vector<std::unique_ptr<Optimizer>> optimizers;
  optimizers.push_back(
      SGD::Create({.learning_rate_schedule = schedule, .momentum = 0.9, .clipnorm = 2}).value());
  optimizers.push_back(RMSprop::Create({.centered = true, .clipvalue = 0.5}).value());
  optimizers.push_back(
      Adam::Create({.learning_rate_schedule = schedule, .weight_decay = 0.1}).value());
  optimizers.push_back(AdamW::Create({.amsgrad = true, .global_clipnorm = 3}).value());
  optimizers.push_back(Adagrad::Create({.epsilon = 1e-3, .name = "ada"}).value());
  for (const auto& optimizer : optimizers) {
    ConfigDict serialized = Serialize(*optimizer);
    const std::string class_name = serialized.fields().at("class_name").string_value();
    EXPECT_EQ(class_name, optimizer->class_name());
    STRATA_ASSERT_OK_AND_ASSIGN(
        auto copy, FromConfig(class_name, serialized.fields().at("config").struct_value()));
    EXPECT_EQ(copy->class_name(), optimizer->class_name());
    EXPECT_TRUE(MessageDifferencer::Equals(copy->GetConfig(), optimizer->GetConfig()))
        << copy->GetConfig().DebugString() << " vs " << optimizer->GetConfig().DebugString();
    EXPECT_EQ(copy->slot_names(), optimizer->slot_names());
    EXPECT_EQ(copy->learning_rate(), optimizer->learning_rate());
  }
}

// The config tf.keras 2.13 writes for Adam with an ExponentialDecay schedule.
TEST(FromConfigTest, ReadsKerasConfig) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, FromConfig("Adam", FromJson(R"({
      "name": "Adam", "weight_decay": null, "clipnorm": null, "global_clipnorm": null,
      "clipvalue": null, "use_ema": false, "ema_momentum": 0.99,
      "ema_overwrite_frequency": null, "jit_compile": true, "is_legacy_optimizer": false,
      "learning_rate": {"module": "keras.optimizers.schedules",
                        "class_name": "ExponentialDecay",
                        "config": {"initial_learning_rate": 0.01, "decay_steps": 100,
                                   "decay_rate": 0.5, "staircase": true, "name": null},
                        "registered_name": null},
      "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": false})")));
  EXPECT_EQ(adam->class_name(), "Adam");
  EXPECT_DOUBLE_EQ(adam->learning_rate(), 0.01);
  STRATA_ASSERT_OK(adam->set_iterations(250));
  EXPECT_DOUBLE_EQ(adam->learning_rate(), 0.0025);
}

// Legacy (optimizer_v2) configs carry "decay"; strata takes 0 and refuses anything else, as
// it refuses weight EMA and unknown keys, rather than train differently.
TEST(FromConfigTest, RefusesWhatItWouldIgnore) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd,
                              FromConfig("SGD", FromJson(R"({"name": "SGD", "learning_rate": 0.1,
                                               "decay": 0.0, "momentum": 0.0,
                                               "nesterov": false})")));
  EXPECT_DOUBLE_EQ(sgd->learning_rate(), 0.1);
  EXPECT_THAT(FromConfig("sgd", FromJson(R"({"learning_rate": 0.1, "decay": 0.01})")),
              StatusIs(absl::StatusCode::kUnimplemented,
                       HasSubstr("'decay': expected 0 (the legacy per-step decay is not "
                                 "supported; use a learning-rate schedule); received 0.01.")));
  EXPECT_THAT(FromConfig("Adam", FromJson(R"({"use_ema": true})")),
              StatusIs(absl::StatusCode::kUnimplemented, HasSubstr("received true.")));
  EXPECT_THAT(FromConfig("Adam", FromJson(R"({"beta1": 0.5})")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'beta1'")));
  EXPECT_THAT(FromConfig("Adam", FromJson(R"({"beta_1": "0.5"})")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'beta_1': expected a number; received string.")));
  EXPECT_THAT(FromConfig("Adam", FromJson(R"({"beta_1": 2})")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received 2.")));
  EXPECT_THAT(FromConfig("RMSprop", FromJson(R"({"learning_rate": {"class_name": "Cosine"}})")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("received 'Cosine'.")));
}

}  // namespace
}  // namespace strata::optimizers
