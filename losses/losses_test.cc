// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/losses.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "losses/loss_test_util.h"

namespace strata::losses {
namespace {

using ::strata::losses::testing::Floats;
using ::strata::losses::testing::Ints64;
using ::strata::losses::testing::ValueOf;
using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(GetTest, ResolvesKerasNamesAndClassNames) {
  const struct {
    const char* identifier;
    const char* class_name;
    const char* name;
  } kCases[] = {
      {"mse", "MeanSquaredError", "mean_squared_error"},
      {"MSE", "MeanSquaredError", "mean_squared_error"},
      {"mean_squared_error", "MeanSquaredError", "mean_squared_error"},
      {"MeanSquaredError", "MeanSquaredError", "mean_squared_error"},
      {"mae", "MeanAbsoluteError", "mean_absolute_error"},
      {"mean_absolute_error", "MeanAbsoluteError", "mean_absolute_error"},
      {"huber", "Huber", "huber_loss"},
      {"Huber", "Huber", "huber_loss"},
      {"binary_crossentropy", "BinaryCrossentropy", "binary_crossentropy"},
      {"categorical_crossentropy", "CategoricalCrossentropy",
       "categorical_crossentropy"},
      {"sparse_categorical_crossentropy", "SparseCategoricalCrossentropy",
       "sparse_categorical_crossentropy"},
      {"SparseCategoricalCrossentropy", "SparseCategoricalCrossentropy",
       "sparse_categorical_crossentropy"},
  };
  for (const auto& c : kCases) {
    STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<Loss> loss, Get(c.identifier));
    EXPECT_EQ(loss->class_name(), c.class_name) << c.identifier;
    EXPECT_EQ(loss->name(), c.name) << c.identifier;
    EXPECT_EQ(loss->reduction(), Reduction::kAuto);
  }
  // Keras's string losses are the defaults: probabilities, not logits.
  STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<Loss> scce,
                              Get("sparse_categorical_crossentropy"));
  const Tensor p = Floats({1, 2}, {0.25f, 0.75f});
  EXPECT_NEAR(*ValueOf(*scce, Ints64({1}, {1}), p), -std::log(0.75), 1e-6);
}

TEST(GetTest, UnknownNameIsNotFoundListingTheValidOnes) {
  EXPECT_THAT(Get("mean_squared_eror"),
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("received 'mean_squared_eror'"),
                             HasSubstr("mean_squared_error"),
                             HasSubstr("SparseCategoricalCrossentropy"))));
  EXPECT_THAT(FromConfig("Hinge", ConfigDict()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("'Hinge'")));
}

TEST(FromConfigTest, EveryClassRoundTrips) {
  const std::shared_ptr<Loss> losses[] = {
      std::make_shared<MeanSquaredError>(
          MeanSquaredErrorOptions{.reduction = Reduction::kSum}),
      std::make_shared<MeanAbsoluteError>(
          MeanAbsoluteErrorOptions{.name = "l1"}),
      std::make_shared<Huber>(HuberOptions{.delta = 2.5f}),
      std::make_shared<BinaryCrossentropy>(BinaryCrossentropyOptions{
          .from_logits = true, .label_smoothing = 0.1f}),
      std::make_shared<CategoricalCrossentropy>(CategoricalCrossentropyOptions{
          .label_smoothing = 0.2f, .reduction = Reduction::kNone}),
      std::make_shared<SparseCategoricalCrossentropy>(
          SparseCategoricalCrossentropyOptions{.from_logits = true}),
  };
  std::vector<std::string> seen;
  for (const std::shared_ptr<Loss>& loss : losses) {
    const ConfigDict config = loss->GetConfig();
    STRATA_ASSERT_OK_AND_ASSIGN(std::shared_ptr<Loss> again,
                                FromConfig(loss->class_name(), config));
    EXPECT_EQ(again->class_name(), loss->class_name());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        again->GetConfig(), config))
        << loss->class_name();
    seen.push_back(loss->class_name());
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, ClassNames());
}

TEST(FromConfigTest, KerasWrittenConfigsLoad) {
  // As Keras 2.x's get_config writes them (JSON numbers are doubles).
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetString("reduction", "auto");
  w.SetString("name", "sparse_categorical_crossentropy");
  w.SetBool("from_logits", true);
  w.SetNull("ignore_class");
  STRATA_ASSERT_OK_AND_ASSIGN(
      std::shared_ptr<Loss> loss,
      FromConfig("SparseCategoricalCrossentropy", config));
  // from_logits took effect: logits (0, 0) give log 2, not -log(0).
  EXPECT_NEAR(*ValueOf(*loss, Ints64({1}, {0}), Floats({1, 2}, {0, 0})),
              std::log(2.0), 1e-6);
  w.SetFloat("label_smoothing", 0.1);
  EXPECT_THAT(FromConfig("SparseCategoricalCrossentropy", config),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("label_smoothing")));
}

}  // namespace
}  // namespace strata::losses
