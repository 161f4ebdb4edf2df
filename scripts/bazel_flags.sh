#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sourced by the other scripts: flags every strata Bazel command of theirs adds.
#
# The build uses -march=native (.bazelrc), and Bazel's disk cache keys actions by their command
# line, not by the CPU that ran them: a cache filled on a CPU with AVX-512 would hand its
# binaries to one without, which then die of SIGILL. So the scripts keep one disk cache per CPU
# feature set.
cpu_key=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | md5sum | cut -c1-12)
STRATA_BAZEL_FLAGS=("--disk_cache=${HOME}/.cache/strata-bazel-disk-${cpu_key}")
