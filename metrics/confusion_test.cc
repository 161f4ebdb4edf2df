// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/confusion.h"

#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::metrics {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

Tensor Floats(const Shape& shape, std::vector<float> v) {
  return Tensor::FromVector<float>(shape, absl::MakeConstSpan(v)).value();
}

TEST(PrecisionTest, KerasDocstringValues) {
  // [0, 1, 1, 1] vs [1, 0, 1, 1]: tp 2, fp 1 -> 2/3; weighted [0, 0, 1, 0]
  // -> 1.
  Precision precision;
  EXPECT_EQ(precision.name(), "precision");
  EXPECT_EQ(precision.Result(), 0.0);
  STRATA_ASSERT_OK(
      precision.Update(Floats({4}, {0, 1, 1, 1}), Floats({4}, {1, 0, 1, 1})));
  EXPECT_DOUBLE_EQ(precision.Result(), 2.0 / 3.0);
  precision.Reset();
  const Tensor w = Floats({4}, {0, 0, 1, 0});
  STRATA_ASSERT_OK(precision.Update(Floats({4}, {0, 1, 1, 1}),
                                    Floats({4}, {1, 0, 1, 1}), &w));
  EXPECT_DOUBLE_EQ(precision.Result(), 1.0);
}

TEST(RecallTest, KerasDocstringValuesAndThreshold) {
  // [0, 1, 1, 1] vs [1, 0, 1, 1]: tp 2, fn 1 -> 2/3; weighted [0, 0, 1, 0]
  // -> 1.
  Recall recall;
  STRATA_ASSERT_OK(
      recall.Update(Floats({4}, {0, 1, 1, 1}), Floats({4}, {1, 0, 1, 1})));
  EXPECT_DOUBLE_EQ(recall.Result(), 2.0 / 3.0);
  // Another batch: probabilities against 0.5 (0.5 itself is negative):
  // labels [1, 1] preds [0.5, 0.7]: tp 1, fn 1 -> (2 + 1) / (3 + 2).
  STRATA_ASSERT_OK(
      recall.Update(Floats({2, 1}, {1, 1}), Floats({2, 1}, {0.5f, 0.7f})));
  EXPECT_DOUBLE_EQ(recall.Result(), 3.0 / 5.0);
  recall.Reset();
  EXPECT_EQ(recall.Result(), 0.0);
  Recall strict({.threshold = 0.8f});
  STRATA_ASSERT_OK(
      strict.Update(Floats({2}, {1, 1}), Floats({2}, {0.7f, 0.9f})));
  EXPECT_DOUBLE_EQ(strict.Result(), 0.5);
}

TEST(ConfusionMetricsTest, Errors) {
  Precision precision;
  EXPECT_THAT(
      precision.Update(Floats({2}, {0, 1}), Floats({2, 2}, {0, 1, 0, 1})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("received y_true (2,) and y_pred (2, 2)")));
  Recall bad({.threshold = 1.5f});
  EXPECT_THAT(bad.Update(Floats({1}, {1}), Floats({1}, {1})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("threshold in [0, 1]; received 1.5")));
}

}  // namespace
}  // namespace strata::metrics
