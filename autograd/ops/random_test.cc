// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/random.h"

#include "autograd/grad_mode.h"
#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::HasSubstr;

using Inputs = absl::Span<const Variable>;

TEST(DropoutGradTest, GradCheckThroughAFixedMask) {
  // A fresh generator per call gives every probe of the checker the same mask.
  STRATA_EXPECT_OK(GradCheck(
      [](Inputs in) {
        ops::RandomGenerator rng(21);
        return Dropout(in[0], 0.4f, rng);
      },
      {GradCheckInput({6, 7}, 1)}));
}

TEST(DropoutGradTest, ForwardAndBackwardUseTheSameMask) {
  ops::RandomGenerator rng(5), twin(5);
  Variable x(Tensor::Full({1000}, 3.0), true);
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Dropout(x, 0.75f, rng));
  const Tensor u = twin.Uniform({1000});
  STRATA_ASSERT_OK(y.Backward(Tensor::Full({1000}, 2.0)));
  int kept = 0;
  for (int i = 0; i < 1000; ++i) {
    const bool keep = u.data<float>()[i] >= 0.75f;
    kept += keep;
    ASSERT_EQ(y.value().data<float>()[i], keep ? 3.0f * 4.0f : 0.0f) << i;
    ASSERT_EQ(x.grad().data<float>()[i], keep ? 2.0f * 4.0f : 0.0f) << i;
  }
  EXPECT_GT(kept, 200);
  EXPECT_LT(kept, 300);
}

TEST(DropoutGradTest, NoGraphWithoutGradAndRateOutsideTheRangeIsAnError) {
  ops::RandomGenerator rng(1);
  Variable x(GradCheckInput({4}, 2), true);
  {
    NoGradScope no_grad;
    STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Dropout(x, 0.5f, rng));
    EXPECT_FALSE(y.requires_grad());
  }
  EXPECT_THAT(Dropout(x, 1.0f, rng), StatusIs(absl::StatusCode::kInvalidArgument,
                                              HasSubstr("expected a rate in [0, 1); received 1")));
  EXPECT_THAT(Dropout(x, -0.1f, rng),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -0.1")));
}

}  // namespace
}  // namespace strata::autograd
