#!/usr/bin/env bash
# CI's fuzz stage: builds the libFuzzer targets (clang-14, -DTENGERIM_FUZZ=ON) and runs each
# over its corpus plus N new inputs with seed 1 (fuzz/run.sh --smoke), so the same commit
# runs the same inputs; any crash, leak, timeout or finding fails it.
#   fuzz/smoke.sh [BUILD_DIR] [N]      default build-fuzz, N = 200
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-fuzz}
runs=${2:-200}
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DTENGERIM_FUZZ=ON -DTENGERIM_TESTS=OFF \
  -DTENGERIM_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_all >/dev/null
printf 'fuzz build: %d s\n' "$SECONDS"
"$root/fuzz/run.sh" --smoke --build "$build" --runs "$runs"
