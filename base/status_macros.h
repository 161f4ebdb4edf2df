// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_BASE_STATUS_MACROS_H_
#define STRATA_BASE_STATUS_MACROS_H_

// Early-return helpers for absl::Status / absl::StatusOr, with the meaning of the ABSL_* macros
// of newer Abseil releases (Debian's 20220623 has none), so moving to them is a sed job.
//
//   absl::StatusOr<Tensor> Twice(const Tensor& x) {
//     STRATA_ASSIGN_OR_RETURN(Tensor y, Add(x, x));
//     STRATA_RETURN_IF_ERROR(CheckFinite(y));
//     return y;
//   }

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns `expr` from the enclosing function if it is not OK.
#define STRATA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::absl::Status strata_status_ = (expr);          \
    if (!strata_status_.ok()) return strata_status_; \
  } while (0)

#define STRATA_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define STRATA_STATUS_MACROS_CONCAT_(a, b) STRATA_STATUS_MACROS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status, otherwise moves the
// value into `lhs`, which may be a declaration (`auto x`) or an existing variable.
#define STRATA_ASSIGN_OR_RETURN(lhs, rexpr)                                        \
  STRATA_ASSIGN_OR_RETURN_IMPL_(                                                   \
      STRATA_STATUS_MACROS_CONCAT_(strata_statusor_, __LINE__), lhs, rexpr)

#define STRATA_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // STRATA_BASE_STATUS_MACROS_H_
