// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/accuracy.h"

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
Tensor Ints(const Shape& shape, std::vector<int64_t> v) {
  return Tensor::FromVector<int64_t>(shape, absl::MakeConstSpan(v)).value();
}

TEST(AccuracyTest, ExactMatchAcrossUpdates) {
  Accuracy acc;
  EXPECT_EQ(acc.name(), "accuracy");
  // Keras's docstring: [[1], [2], [3], [4]] vs [[0], [2], [3], [4]] -> 0.75.
  STRATA_ASSERT_OK(
      acc.Update(Floats({4, 1}, {1, 2, 3, 4}), Floats({4, 1}, {0, 2, 3, 4})));
  EXPECT_DOUBLE_EQ(acc.Result(), 0.75);
  // Elementwise on (2, 2): 1 of 4 more matches -> 4 / 8; int y_true compares
  // as float.
  STRATA_ASSERT_OK(
      acc.Update(Ints({2, 2}, {1, 0, 0, 0}), Floats({2, 2}, {1, 1, 1, 1})));
  EXPECT_DOUBLE_EQ(acc.Result(), 4.0 / 8.0);
  acc.Reset();
  EXPECT_EQ(acc.Result(), 0.0);
  // Weighted: Keras's [1, 1, 0, 0] example -> 1.0.
  const Tensor w = Floats({4}, {1, 1, 0, 0});
  STRATA_ASSERT_OK(acc.Update(Floats({4, 1}, {1, 2, 3, 4}),
                              Floats({4, 1}, {1, 2, 0, 0}), &w));
  EXPECT_DOUBLE_EQ(acc.Result(), 1.0);
}

TEST(BinaryAccuracyTest, ThresholdAndWeights) {
  // Keras's docstring: [[1], [1], [0], [0]] vs [[0.98], [1], [0], [0.6]]
  // -> 0.75.
  BinaryAccuracy acc;
  EXPECT_EQ(acc.name(), "binary_accuracy");
  STRATA_ASSERT_OK(acc.Update(Floats({4, 1}, {1, 1, 0, 0}),
                              Floats({4, 1}, {0.98f, 1, 0, 0.6f})));
  EXPECT_DOUBLE_EQ(acc.Result(), 0.75);
  // (4,) labels against (4, 1) predictions; weights [1, 0, 0, 1] -> 0.5, so
  // the total is (3 + 1) / (4 + 2).
  const Tensor w = Floats({4}, {1, 0, 0, 1});
  STRATA_ASSERT_OK(acc.Update(Floats({4}, {1, 1, 0, 0}),
                              Floats({4, 1}, {0.98f, 1, 0, 0.6f}), &w));
  EXPECT_DOUBLE_EQ(acc.Result(), 4.0 / 6.0);
  // Each sample's value is the mean over its last axis: [1, 0.5].
  acc.Reset();
  STRATA_ASSERT_OK(acc.Update(Floats({2, 2}, {1, 0, 1, 0}),
                              Floats({2, 2}, {0.7f, 0.2f, 0.7f, 0.9f})));
  EXPECT_DOUBLE_EQ(acc.Result(), 0.75);
  // Threshold 0 reads logits; a prediction equal to it is a 0.
  BinaryAccuracy logits({.threshold = 0.0f});
  STRATA_ASSERT_OK(
      logits.Update(Floats({3}, {1, 0, 0}), Floats({3}, {2.5f, -1, 0})));
  EXPECT_DOUBLE_EQ(logits.Result(), 1.0);
}

TEST(CategoricalAccuracyTest, ArgmaxMatch) {
  // Keras's docstring: [[0, 0, 1], [0, 1, 0]] vs [[0.1, 0.9, 0.8],
  // [0.05, 0.95, 0]] -> 0.5; weighted [0.7, 0.3] -> 0.3.
  CategoricalAccuracy acc;
  EXPECT_EQ(acc.name(), "categorical_accuracy");
  const Tensor t = Floats({2, 3}, {0, 0, 1, 0, 1, 0});
  const Tensor p = Floats({2, 3}, {0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0});
  STRATA_ASSERT_OK(acc.Update(t, p));
  EXPECT_DOUBLE_EQ(acc.Result(), 0.5);
  acc.Reset();
  const Tensor w = Floats({2}, {0.7f, 0.3f});
  STRATA_ASSERT_OK(acc.Update(t, p, &w));
  EXPECT_NEAR(acc.Result(), 0.3, 1e-7);
  // Ties go to the first maximum, as tf.argmax: [1, 1, 0] -> class 0.
  acc.Reset();
  STRATA_ASSERT_OK(acc.Update(Floats({1, 3}, {1, 0, 0}),
                              Floats({1, 3}, {0.4f, 0.4f, 0.2f})));
  EXPECT_DOUBLE_EQ(acc.Result(), 1.0);
}

TEST(SparseCategoricalAccuracyTest, LabelsOfEveryShapeAndDtype) {
  // Keras's docstring: [[2], [1]] vs [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]
  // -> 0.5; weighted [0.7, 0.3] -> 0.3.
  const Tensor p = Floats({2, 3}, {0.1f, 0.6f, 0.3f, 0.05f, 0.95f, 0});
  for (const Tensor& labels :
       {Floats({2, 1}, {2, 1}), Floats({2}, {2, 1}), Ints({2}, {2, 1}),
        Tensor::FromVector<int32_t>({2, 1}, {2, 1}).value()}) {
    SparseCategoricalAccuracy acc;
    STRATA_ASSERT_OK(acc.Update(labels, p));
    EXPECT_DOUBLE_EQ(acc.Result(), 0.5) << labels;
    acc.Reset();
    const Tensor w = Floats({2}, {0.7f, 0.3f});
    STRATA_ASSERT_OK(acc.Update(labels, p, &w));
    EXPECT_NEAR(acc.Result(), 0.3, 1e-7) << labels;
  }
  // Over several batches: 1 / 2, then 3 / 3 -> 4 / 5; a label out of range
  // never matches.
  SparseCategoricalAccuracy acc({.name = "accuracy"});
  EXPECT_EQ(acc.name(), "accuracy");
  STRATA_ASSERT_OK(acc.Update(Ints({2}, {2, 1}), p));
  STRATA_ASSERT_OK(
      acc.Update(Ints({3}, {0, 1, 1}), Floats({3, 2}, {5, 1, -1, 3, 0, 0.5f})));
  EXPECT_DOUBLE_EQ(acc.Result(), 4.0 / 5.0);
  STRATA_ASSERT_OK(acc.Update(Ints({1}, {7}), Floats({1, 2}, {0, 1})));
  EXPECT_DOUBLE_EQ(acc.Result(), 4.0 / 6.0);
}

TEST(AccuracyMetricsTest, ShapeErrorsNameBothShapes) {
  Accuracy acc;
  EXPECT_THAT(acc.Update(Floats({2, 2}, {0, 0, 0, 0}),
                         Floats({2, 3}, {0, 0, 0, 0, 0, 0})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Accuracy"),
                             HasSubstr("received y_true (2, 2) and y_pred (2, "
                                       "3)"))));
  SparseCategoricalAccuracy sparse;
  EXPECT_THAT(
      sparse.Update(Floats({3}, {0, 0, 0}), Floats({2, 3}, {0, 0, 0, 0, 0, 0})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("(2,) or (2, 1)"),
                     HasSubstr("received y_true (3,)"))));
  CategoricalAccuracy categorical;
  EXPECT_THAT(
      categorical.Update(Floats({3}, {0, 0, 0}), Floats({3}, {0, 0, 0})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("received shape (3,)")));
  BinaryAccuracy binary;
  const Tensor w = Floats({3}, {1, 1, 1});
  EXPECT_THAT(
      binary.Update(Floats({2}, {0, 1}), Floats({2}, {0, 1}), &w),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("sample_weight")));
  EXPECT_EQ(binary.Result(), 0.0);  // Unchanged by the failed update.
}

}  // namespace
}  // namespace strata::metrics
