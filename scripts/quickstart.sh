#!/usr/bin/env bash
# The README's first command: install what is missing, build, and print the
# balance sheet of the built-in Kazakhstan model.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" >&2
"$root/scripts/build.sh" "$root/build" -DTENGERIM_TESTS=OFF >&2
"$root/build/tengerim" report
