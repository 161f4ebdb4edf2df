// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_BASE_CHECK_H_
#define STRATA_BASE_CHECK_H_

// STRATA_CHECK(cond) << "context" aborts with file:line when `cond` is false. It is for bugs in
// strata itself (broken invariants), never for user input: user errors are absl::Status values.
// It stays on in optimized builds (Debian's Abseil has no absl/log, hence our own).
//
//   STRATA_CHECK(index < size_) << "slot " << index << " of " << size_;

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace strata::internal {

// Collects the streamed message and aborts when destroyed.
class CheckFailure {
 public:
  CheckFailure(const char* file, int line, const char* condition) {
    stream_ << file << ":" << line << ": STRATA_CHECK failed: " << condition << " ";
  }
  CheckFailure(const CheckFailure&) = delete;
  CheckFailure& operator=(const CheckFailure&) = delete;
  [[noreturn]] ~CheckFailure() {
    std::cerr << stream_.str() << std::endl;
    std::abort();
  }
  std::ostream& stream() { return stream_; }

 private:
  std::ostringstream stream_;
};

// Lets `STRATA_CHECK(c) << x` be an expression of type void in both branches of ?:.
struct Voidify {
  void operator&(std::ostream&) {}
};

}  // namespace strata::internal

#define STRATA_CHECK(condition)                                 \
  (condition) ? (void)0                                         \
              : ::strata::internal::Voidify() &                 \
                    ::strata::internal::CheckFailure(__FILE__, __LINE__, #condition).stream()

#endif  // STRATA_BASE_CHECK_H_
