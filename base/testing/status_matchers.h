// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_BASE_TESTING_STATUS_MATCHERS_H_
#define STRATA_BASE_TESTING_STATUS_MATCHERS_H_

// Test helpers for absl::Status / absl::StatusOr (Debian's Abseil has no status_matchers.h).
//
//   STRATA_ASSERT_OK(tensor.Reshape({2, 3}));
//   STRATA_ASSERT_OK_AND_ASSIGN(Tensor y, Add(a, b));
//   EXPECT_THAT(MatMul(a, c), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));

#include <ostream>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace strata::testing {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches an absl::Status or absl::StatusOr<T> whose code is `code` and whose message matches
// `message_matcher`.
MATCHER_P2(StatusIs, code, message_matcher,
           "has status code " + ::testing::PrintToString(code)) {
  const absl::Status& status = ::strata::testing::GetStatus(arg);
  if (status.code() != code) {
    *result_listener << "whose status is " << status;
    return false;
  }
  return ::testing::ExplainMatchResult(message_matcher, std::string(status.message()),
                                       result_listener);
}

// Matches an OK absl::Status or absl::StatusOr<T>.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = ::strata::testing::GetStatus(arg);
  if (!status.ok()) *result_listener << "whose status is " << status;
  return status.ok();
}

}  // namespace strata::testing

#define STRATA_ASSERT_OK(expr) ASSERT_THAT((expr), ::strata::testing::IsOk())
#define STRATA_EXPECT_OK(expr) EXPECT_THAT((expr), ::strata::testing::IsOk())

#define STRATA_TESTING_CONCAT_INNER_(a, b) a##b
#define STRATA_TESTING_CONCAT_(a, b) STRATA_TESTING_CONCAT_INNER_(a, b)

// Asserts that `rexpr` (an absl::StatusOr<T>) is OK and moves its value into `lhs`.
#define STRATA_ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  STRATA_ASSERT_OK_AND_ASSIGN_IMPL_(STRATA_TESTING_CONCAT_(strata_statusor_, __LINE__), lhs, rexpr)
#define STRATA_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                      \
  ASSERT_THAT(statusor.status(), ::strata::testing::IsOk());    \
  lhs = std::move(statusor).value()

#endif  // STRATA_BASE_TESTING_STATUS_MATCHERS_H_
