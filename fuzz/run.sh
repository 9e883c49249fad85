#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/CMakeLists.txt), one at a time.
#   fuzz/run.sh [--build DIR] [--runs N] [--seconds S] [TARGET...]   a campaign: each target for N
#       executions (default 1000000) or S seconds, growing fuzz/corpus/TARGET (kept between sessions);
#       findings go to fuzz/findings/TARGET/ and stop the script with status 1.
#   fuzz/run.sh --smoke [--build DIR]   CI: each target over its corpus plus 2000 new inputs, seed 1,
#       corpora left as they are (new inputs go to a scratch folder).
#   fuzz/run.sh --merge [--build DIR] [TARGET...]   minimises the corpora (-merge=1).
# Build first: cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DTENGERIM_FUZZ=ON && cmake --build build-fuzz --target fuzz_all
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build-fuzz"
mode=campaign runs=1000000 seconds=0 targets=()
while (($#)); do
  case "$1" in
    --smoke) mode=smoke ;;
    --merge) mode=merge ;;
    --build) build=$2; shift ;;
    --runs) runs=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
if ((${#targets[@]} == 0)); then
  for binary in "$build"/fuzz/fuzz_*; do [[ -x $binary ]] && targets+=("$(basename "$binary" | sed 's/^fuzz_//')"); done
fi
((${#targets[@]})) || { echo "run.sh: no fuzz targets in $build/fuzz (build with -DTENGERIM_FUZZ=ON)" >&2; exit 2; }

dict_for() {  # the dictionary of a target's format
  case "$1" in
    api_*) echo "$here/dict/json.dict" ;;
    *_toml|scenario|policy|coupling) echo "$here/dict/toml.dict" ;;
    *) echo "$here/dict/csv.dict" ;;
  esac
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  corpus="$here/corpus/$target"
  mkdir -p "$corpus"
  common=(-dict="$(dict_for "$target")" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1)
  case $mode in
    smoke)
      mkdir -p "$scratch/$target"
      log="$scratch/$target.log"
      if ! "$binary" "${common[@]}" -seed=1 -runs=2000 -artifact_prefix="$scratch/$target-" \
             "$scratch/$target" "$corpus" >"$log" 2>&1; then
        echo "FAIL $target"; tail -40 "$log"; status=1; continue
      fi
      echo "ok   $target: $(grep -E '^#[0-9]+.*(DONE|pulse|INITED)' "$log" | tail -1)"
      ;;
    merge)
      mkdir -p "$scratch/$target"
      "$binary" "${common[@]}" -merge=1 "$scratch/$target" "$corpus" >"$scratch/$target.log" 2>&1
      rm -f "$corpus"/*
      cp "$scratch/$target"/* "$corpus"/ 2>/dev/null || true
      echo "merged $target: $(ls "$corpus" | wc -l) inputs"
      ;;
    campaign)
      findings="$here/findings/$target"
      mkdir -p "$findings"
      limit=(-runs="$runs")
      ((seconds > 0)) && limit=(-max_total_time="$seconds")
      log="$here/findings/$target.log"
      if ! nice -n 10 "$binary" "${common[@]}" "${limit[@]}" -artifact_prefix="$findings/" \
             "$corpus" >"$log" 2>&1; then
        echo "FINDING $target (see $findings/, $log)"; status=1
      fi
      # The figures docs/reliability.md records: executions, cov, ft from the last status line.
      echo "$target: $(grep -E '^#[0-9]+' "$log" | tail -1)"
      grep -E '^stat::number_of_executed_units' "$log" || true
      ;;
  esac
done
exit $status
