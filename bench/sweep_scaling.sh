#!/usr/bin/env bash
# Plans per second of `tengerim sweep` on threads (1, 2) and MPI ranks (1, 2),
# and the 1 -> 2 speed-up (docs/performance.md, "Sweeps"). Each configuration
# runs the same plan into a fresh store, best of REPEAT; the stores must hold
# the same rows (checked: canonical dump ordered by index).
# Environment: TENGERIM_BUILD (default build), PLANS (design points of
# builtin:kaz, default 4000), REPEAT (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TENGERIM_BUILD:-$root/build}
plans=${PLANS:-4000}
repeat=${REPEAT:-3}
binary=$build/tengerim
[ -x "$binary" ] || { echo "no $binary: build first (scripts/build.sh $build)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'seed = 7\n[[runs]]\ncommand = "report"\nmodel = "builtin:kaz"\nsensitivity = %s\n' "$plans" > "$work/plan.toml"

best() {  # best NAME LAUNCHER... -- ARGS: the best wall time of REPEAT runs, in seconds
  local name=$1; shift
  local launcher=() args=()
  while [ "$1" != "--" ]; do launcher+=("$1"); shift; done
  shift
  args=("$@")
  local best_time=""
  for _ in $(seq "$repeat"); do
    rm -f "$work/$name.sqlite"*
    local start end
    start=$(date +%s.%N)
    "${launcher[@]}" "$binary" sweep "$work/plan.toml" --out "$work/$name.sqlite" "${args[@]}" 2>/dev/null
    end=$(date +%s.%N)
    local t
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best_time" ] || [ "$(echo "$t < $best_time" | bc -l)" = 1 ]; then best_time=$t; fi
  done
  echo "$best_time"
}

dump() { sqlite3 "$1" 'SELECT idx, run, point, status, error, summary, figures FROM plans ORDER BY idx' | sha256sum; }

mpi=(mpirun --oversubscribe --allow-run-as-root)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $plans plans (report design points of builtin:kaz)"
printf '%-18s %10s %10s %10s\n' configuration "wall s" "plans/s" "speed-up"
t1=$(best threads1 env -- --threads 1)
t2=$(best threads2 env -- --threads 2)
r1=$(best ranks1 "${mpi[@]}" -np 1 -- )
r2=$(best ranks2 "${mpi[@]}" -np 2 -- )
for row in "threads 1:$t1:$t1" "threads 2:$t2:$t1" "mpirun -np 1:$r1:$r1" "mpirun -np 2:$r2:$r1"; do
  IFS=: read -r name t base <<<"$row"
  printf '%-18s %10.3f %10.0f %9.2fx\n' "$name" "$t" "$(echo "$plans / $t" | bc -l)" "$(echo "$base / $t" | bc -l)"
done
same=$( (dump "$work/threads1.sqlite"; dump "$work/threads2.sqlite"; dump "$work/ranks1.sqlite"; dump "$work/ranks2.sqlite") | sort -u | wc -l)
[ "$same" = 1 ] && echo "stores: identical rows" || { echo "stores differ"; exit 1; }
