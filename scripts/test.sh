#!/usr/bin/env bash
# The README's second command: install what is missing, build with warnings
# as errors, run every test; then build again with AddressSanitizer and
# UndefinedBehaviorSanitizer and run every test under them; then build the
# libFuzzer targets and run each a short, fixed while (fuzz/smoke.sh). Each stage prints
# its time, so CI's log says where the minutes go (README, "Tests and CI").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

stage_start=0
stage() {  # stage NAME: ends the previous stage (printing its time) and starts NAME
  local now=$SECONDS
  [ -n "${stage_name:-}" ] && printf '== %s: %d s\n' "$stage_name" $((now - stage_start))
  stage_name=${1:-}
  stage_start=$now
  [ -n "$stage_name" ] && printf '== %s\n' "$stage_name"
  return 0
}

stage "install dependencies"
"$root/scripts/install-deps.sh"

stage "build (warnings as errors)"
"$root/scripts/build.sh" "$root/build" -DTENGERIM_TESTS=ON -DTENGERIM_BENCH=ON

stage "test"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"

stage "build with -fsanitize=address,undefined"
"$root/scripts/build.sh" "$root/build-sanitize" -DTENGERIM_TESTS=ON -DTENGERIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug

stage "test under the sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$jobs"

stage "fuzz smoke: each libFuzzer target over its corpus plus 100 new inputs"
"$root/fuzz/smoke.sh" "$root/build-fuzz" 100

stage
printf '== all stages: %d s\n' "$SECONDS"
