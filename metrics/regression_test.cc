// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/regression.h"

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

TEST(MeanAbsoluteErrorTest, KerasDocstringAndUpdates) {
  // [[0, 1], [0, 0]] vs [[1, 1], [1, 0]] -> 0.5; weighted [1, 0] -> 0.5.
  const Tensor t = Floats({2, 2}, {0, 1, 0, 0});
  const Tensor p = Floats({2, 2}, {1, 1, 1, 0});
  MeanAbsoluteError mae;
  EXPECT_EQ(mae.name(), "mean_absolute_error");
  STRATA_ASSERT_OK(mae.Update(t, p));
  EXPECT_DOUBLE_EQ(mae.Result(), 0.5);
  // A second batch of per-sample errors [2, 4]: (0.5 + 0.5 + 2 + 4) / 4.
  STRATA_ASSERT_OK(mae.Update(Floats({2, 1}, {1, 1}), Floats({2, 1}, {3, -3})));
  EXPECT_DOUBLE_EQ(mae.Result(), 7.0 / 4.0);
  mae.Reset();
  const Tensor w = Floats({2}, {1, 0});
  STRATA_ASSERT_OK(mae.Update(t, p, &w));
  EXPECT_DOUBLE_EQ(mae.Result(), 0.5);
}

TEST(MeanSquaredErrorTest, KerasDocstringAndRankOne) {
  // [[0, 1], [0, 0]] vs [[1, 1], [1, 0]]: per-sample errors [0.5, 0.5].
  MeanSquaredError mse({.name = "mse"});
  EXPECT_EQ(mse.name(), "mse");
  STRATA_ASSERT_OK(
      mse.Update(Floats({2, 2}, {0, 1, 0, 0}), Floats({2, 2}, {1, 1, 1, 0})));
  EXPECT_DOUBLE_EQ(mse.Result(), 0.5);
  // (3,) targets: each element is a sample: errors [1, 0, 9].
  mse.Reset();
  STRATA_ASSERT_OK(mse.Update(Floats({3}, {1, 2, 3}), Floats({3}, {2, 2, 6})));
  EXPECT_DOUBLE_EQ(mse.Result(), 10.0 / 3.0);
  const Tensor w = Floats({3}, {0, 0, 1});
  STRATA_ASSERT_OK(
      mse.Update(Floats({3}, {1, 2, 3}), Floats({3}, {2, 2, 6}), &w));
  EXPECT_DOUBLE_EQ(mse.Result(), 19.0 / 4.0);
}

TEST(RegressionMetricsTest, ShapeMismatch) {
  MeanSquaredError mse;
  EXPECT_THAT(mse.Update(Floats({2}, {0, 0}), Floats({3}, {0, 0, 0})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received y_true (2,) and y_pred (3,)")));
}

}  // namespace
}  // namespace strata::metrics
