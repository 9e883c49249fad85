#!/usr/bin/env bash
# The README's second command: install what is missing, build with warnings
# as errors, run every test; then build again with AddressSanitizer and
# UndefinedBehaviorSanitizer and run every test under them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

echo "== build (warnings as errors) and test"
"$root/scripts/build.sh" "$root/build" -DTENGERIM_TESTS=ON
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)"

echo "== build with -fsanitize=address,undefined and test"
"$root/scripts/build.sh" "$root/build-sanitize" -DTENGERIM_TESTS=ON -DTENGERIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$(nproc)"
