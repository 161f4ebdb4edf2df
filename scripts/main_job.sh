#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: set-up, build, then run strata's headline example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/bazel_flags.sh
bazel run "${STRATA_BAZEL_FLAGS[@]}" //examples:autograd_regression
