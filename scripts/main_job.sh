#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: set-up, build, then run strata's headline example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bazel run //examples:autograd_regression
