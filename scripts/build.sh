#!/usr/bin/env bash
# Configures and builds into a folder: scripts/build.sh BUILD_DIR [extra cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$1
shift
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENGERIM_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
