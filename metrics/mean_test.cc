// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/mean.h"

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

TEST(MeanTest, WeightedMeanOverUpdatesAndReset) {
  Mean mean;
  EXPECT_EQ(mean.name(), "mean");
  EXPECT_EQ(mean.Result(), 0.0);  // Before any update.
  // Keras's docstring: [1, 3, 5, 7] -> 4.
  STRATA_ASSERT_OK(mean.UpdateValues(Floats({4}, {1, 3, 5, 7})));
  EXPECT_DOUBLE_EQ(mean.Result(), 4.0);
  // A scalar with weight 4 counts like four values: (16 + 4 * 10) / 8 = 7.
  mean.Update(10.0, 4.0);
  EXPECT_DOUBLE_EQ(mean.Result(), 7.0);
  mean.Reset();
  EXPECT_EQ(mean.Result(), 0.0);
  // Keras's docstring: [1, 3, 5, 7] weighted [1, 1, 0, 0] -> 2.
  const Tensor w = Floats({4}, {1, 1, 0, 0});
  STRATA_ASSERT_OK(mean.UpdateValues(Floats({4}, {1, 3, 5, 7}), &w));
  EXPECT_DOUBLE_EQ(mean.Result(), 2.0);
}

TEST(MeanTest, BatchWeightsBroadcastOverEachSampleAndIntValues) {
  Mean mean({.name = "loss"});
  EXPECT_EQ(mean.name(), "loss");
  // (2, 2) values, (2,) weights: (1 + 2) * 1 + (3 + 4) * 3 over 2 + 6.
  const Tensor w = Floats({2}, {1, 3});
  STRATA_ASSERT_OK(mean.UpdateValues(Floats({2, 2}, {1, 2, 3, 4}), &w));
  EXPECT_DOUBLE_EQ(mean.Result(), (3.0 + 21.0) / 8.0);
  mean.Reset();
  const Tensor ints = Tensor::FromVector<int64_t>({3}, {1, 2, 6}).value();
  STRATA_ASSERT_OK(mean.Update(Tensor(), ints));  // y_true is not read.
  EXPECT_DOUBLE_EQ(mean.Result(), 3.0);
}

TEST(MeanTest, MismatchedWeightsAreRejectedWithoutChangingTheState) {
  Mean mean;
  mean.Update(2.0);
  const Tensor w = Floats({3}, {1, 1, 1});
  EXPECT_THAT(
      mean.UpdateValues(Floats({2}, {5, 5}), &w),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received (3,)")));
  EXPECT_THAT(mean.UpdateValues(Tensor()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received an undefined tensor")));
  EXPECT_DOUBLE_EQ(mean.Result(), 2.0);
}

}  // namespace
}  // namespace strata::metrics
