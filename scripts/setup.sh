#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what strata needs on Debian 12, as root. Idempotent: installs only what is missing,
# and runs `apt-get update` only when something is.
set -euo pipefail

packages=(
  bazel-bootstrap      # Bazel 4.2.3; the build never downloads (WORKSPACE, NOTE [ Offline build ])
  g++
  libabsl-dev
  libeigen3-dev
  libtbb-dev
  libprotobuf-dev
  protobuf-compiler
  libhdf5-dev
  hdf5-tools
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  nlohmann-json3-dev
  zlib1g-dev           # gzip-compressed IDX files
  graphviz             # plot_model renders through `dot`
  dataset-fashion-mnist
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages present"
fi
