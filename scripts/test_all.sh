#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every test: set-up, then `bazel test //...`. Prints a closing "tests: N passed, N failed" line
# and exits non-zero if any test failed or did not build.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

log=$(mktemp)
source scripts/bazel_flags.sh
bazel test "${STRATA_BAZEL_FLAGS[@]}" //... 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
failed=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FAILED TO BUILD|INCOMPLETE)' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # The build itself failed before any test ran.
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
