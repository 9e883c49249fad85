#!/usr/bin/env bash
# Optimiser time against the number of Monte Carlo draws (issue 5), side by
# side with its baseline: `tengerim risk` on the same draws (the sampling the
# optimiser reuses), so the LP's own share of the time is visible.
# Usage: bench/optimize_scaling.sh [BUILD_DIR] (default: build; use a Release build)
set -euo pipefail
BIN="${1:-build}/tengerim"
[ -x "$BIN" ] || { echo "no $BIN: build first (cmake -DCMAKE_BUILD_TYPE=Release)" >&2; exit 1; }
printf "%-8s %12s %12s %12s %12s %12s\n" draws risk_s optimize_s sample_s lp_s cvar_after
for draws in 1000 10000 100000; do
  t0=$(date +%s.%N)
  "$BIN" risk --draws "$draws" --format json >/dev/null
  t1=$(date +%s.%N)
  json=$("$BIN" optimize --draws "$draws" --format json --profile 2>/dev/null)
  t2=$(date +%s.%N)
  read -r sample lp cvar < <(python3 -c '
import json, sys
j = json.loads(sys.stdin.read())
print(j["profile"].get("simulate", 0), j["profile"].get("optimize", 0), j["cvar_after"])' <<<"$json")
  printf "%-8s %12.3f %12.3f %12.3f %12.3f %12.6f\n" "$draws" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" \
    "$sample" "$lp" "$cvar"
done
