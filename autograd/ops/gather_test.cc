// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/ops/gather.h"

#include "autograd/gradcheck.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::autograd {
namespace {

using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Inputs = absl::Span<const Variable>;

TEST(GatherGradTest, GradCheckWithRepeatedIndices) {
  const Tensor ids = Tensor::FromVector<int64_t>({2, 3}, {3, 0, 3, 1, 3, 0}).value();
  STRATA_EXPECT_OK(
      GradCheck([&](Inputs in) { return Gather(in[0], ids); }, {GradCheckInput({4, 5}, 1)}));
  const Tensor cols = Tensor::FromVector<int32_t>({4}, {2, 2, 0, 1}).value();
  STRATA_EXPECT_OK(GradCheck([&](Inputs in) { return Gather(in[0], cols, -1); },
                             {GradCheckInput({2, 3, 3}, 2)}));
  STRATA_EXPECT_OK(
      GradCheck([&](Inputs in) { return Gather(in[0], cols, 1); }, {GradCheckInput({2, 3, 2}, 3)}));
}

TEST(GatherGradTest, EmbeddingBackwardByHand) {
  // Table rows r = (r, 10 r); ids {2, 0, 2}: the output is rows 2, 0, 2, and with an output
  // gradient of ones, row 2 of the table gets 2, row 0 gets 1, row 1 nothing.
  Variable table(Tensor::FromVector<float>({3, 2}, {0, 0, 1, 10, 2, 20}).value(), true);
  const Tensor ids = Tensor::FromVector<int32_t>({3}, {2, 0, 2}).value();
  STRATA_ASSERT_OK_AND_ASSIGN(Variable y, Gather(table, ids));
  EXPECT_THAT(y.value().ToVector<float>(), ElementsAre(2, 20, 0, 0, 2, 20));
  STRATA_ASSERT_OK(y.Backward(Tensor::Ones({3, 2})));
  EXPECT_THAT(table.grad().ToVector<float>(), ElementsAre(1, 1, 0, 0, 2, 2));
}

TEST(GatherGradTest, ConstantsAndIntegerParamsRecordNothing) {
  const Tensor ids = Tensor::FromVector<int64_t>({1}, {1}).value();
  Variable labels(Tensor::FromVector<int32_t>({3}, {7, 8, 9}).value());
  STRATA_ASSERT_OK_AND_ASSIGN(Variable picked, Gather(labels, ids));
  EXPECT_FALSE(picked.requires_grad());
  EXPECT_THAT(picked.value().ToVector<int32_t>(), ElementsAre(8));
}

TEST(GatherGradTest, OutOfRangeIndicesAreErrors) {
  Variable table(GradCheckInput({4, 2}, 4), true);
  const Tensor bad = Tensor::FromVector<int64_t>({2}, {0, 9}).value();
  EXPECT_THAT(Gather(table, bad), StatusIs(absl::StatusCode::kOutOfRange,
                                           HasSubstr("expected indices in [0, 4) for axis 0 of "
                                                     "params of shape (4, 2); received 9")));
  EXPECT_THAT(Gather(table, GradCheckInput({2}, 5)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received float32")));
}

}  // namespace
}  // namespace strata::autograd
