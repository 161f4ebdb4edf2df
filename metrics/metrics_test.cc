// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/metrics.h"

#include <memory>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::metrics {
namespace {

using ::strata::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

Tensor Floats(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

template <typename T>
bool Is(const std::unique_ptr<Metric>& m) {
  return dynamic_cast<const T*>(m.get()) != nullptr;
}

TEST(GetTest, AccuracyFollowsKerasCompileRule) {
  // Sparse labels (64,) or (64, 1) against (64, 10) logits.
  STRATA_ASSERT_OK_AND_ASSIGN(auto sparse, Get("accuracy", {64}, {64, 10}));
  EXPECT_TRUE(Is<SparseCategoricalAccuracy>(sparse));
  EXPECT_EQ(sparse->name(), "accuracy");
  STRATA_ASSERT_OK_AND_ASSIGN(auto sparse1, Get("accuracy", {64, 1}, {64, 10}));
  EXPECT_TRUE(Is<SparseCategoricalAccuracy>(sparse1));
  // One-hot targets.
  STRATA_ASSERT_OK_AND_ASSIGN(auto onehot, Get("accuracy", {64, 10}, {64, 10}));
  EXPECT_TRUE(Is<CategoricalAccuracy>(onehot));
  // A single sigmoid output is binary, whatever y_true's rank.
  STRATA_ASSERT_OK_AND_ASSIGN(auto binary, Get("accuracy", {64, 1}, {64, 1}));
  EXPECT_TRUE(Is<BinaryAccuracy>(binary));
  STRATA_ASSERT_OK_AND_ASSIGN(auto binary2, Get("accuracy", {64}, {64, 1}));
  EXPECT_TRUE(Is<BinaryAccuracy>(binary2));
  // "acc" keeps its own spelling, as Keras prints it.
  STRATA_ASSERT_OK_AND_ASSIGN(auto acc, Get("acc", {8}, {8, 3}));
  EXPECT_TRUE(Is<SparseCategoricalAccuracy>(acc));
  EXPECT_EQ(acc->name(), "acc");
  EXPECT_THAT(Get("accuracy", {}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received shape ()")));
}

TEST(GetTest, ResolvedAccuracyComputes) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto acc, Get("accuracy", {2}, {2, 3}));
  STRATA_ASSERT_OK(
      acc->Update(Floats({2}, {2, 0}), Floats({2, 3}, {0, 1, 5, 0, 2, 1})));
  EXPECT_DOUBLE_EQ(acc->Result(), 0.5);
}

TEST(GetTest, NamesAndClasses) {
  const Shape t = {4, 1}, p = {4, 1};
  const struct {
    const char* id;
    const char* name;
  } kCases[] = {
      {"auc", "auc"},
      {"AUC", "auc"},
      {"mae", "mae"},
      {"mean_absolute_error", "mean_absolute_error"},
      {"MeanAbsoluteError", "mean_absolute_error"},
      {"mse", "mse"},
      {"MeanSquaredError", "mean_squared_error"},
      {"precision", "precision"},
      {"recall", "recall"},
      {"Accuracy", "accuracy"},
      {"binary_accuracy", "binary_accuracy"},
      {"categorical_accuracy", "categorical_accuracy"},
      {"sparse_categorical_accuracy", "sparse_categorical_accuracy"},
      {"BinaryAccuracy", "binary_accuracy"},
      {"Mean", "mean"},
  };
  for (const auto& c : kCases) {
    STRATA_ASSERT_OK_AND_ASSIGN(auto m, Get(c.id, t, p));
    EXPECT_EQ(m->name(), c.name) << c.id;
  }
  STRATA_ASSERT_OK_AND_ASSIGN(auto auc, Get("auc", t, p));
  EXPECT_TRUE(Is<AUC>(auc));
  STRATA_ASSERT_OK_AND_ASSIGN(auto mae, Get("mae", t, p));
  EXPECT_TRUE(Is<MeanAbsoluteError>(mae));
  // "Accuracy" is the class (exact match), not the resolved string.
  STRATA_ASSERT_OK_AND_ASSIGN(auto exact, Get("Accuracy", {4}, {4, 3}));
  EXPECT_TRUE(Is<Accuracy>(exact));
}

TEST(GetTest, UnknownIsNotFound) {
  EXPECT_THAT(Get("f1", {4}, {4}),
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("received 'f1'"), HasSubstr("accuracy"),
                             HasSubstr("AUC"))));
}

}  // namespace
}  // namespace strata::metrics
