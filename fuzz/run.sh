#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/CMakeLists.txt), one process at a time, under nice -n 19.
#   fuzz/run.sh [--build DIR] [--runs N] [--seconds S] [--until HH:MM] [TARGET...]   the campaign: each target
#       runs what is left of its budget of executions (10,000,000 for what a network request
#       reaches: api_body, api_query, options, scenario; 1,000,000 for each file reader), counted
#       over sessions in fuzz/campaign.tsv; --runs N and --seconds S cap this session's executions
#       and time per target, --until stops the session at that UTC time (what a target has left is
#       run in the next session).
#       The grown corpus fuzz/corpus/TARGET is minimised (-merge=1) after each run; findings go
#       to fuzz/findings/TARGET/ and make the script exit 1.
#   fuzz/run.sh --smoke [--build DIR] [--runs N]   CI: each target over its corpus plus N new
#       inputs (default 200), seed 1; corpora left as they are (new inputs go to a scratch folder).
#   fuzz/run.sh --merge [--build DIR] [TARGET...]   minimises the corpora (-merge=1).
#   fuzz/run.sh --status   each target's executions so far against its budget, and its last run's cov, ft, outcome.
# Build first: cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DTENGERIM_FUZZ=ON
#   -DTENGERIM_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build-fuzz -j2 --target fuzz_all
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build-fuzz"
ledger="$here/campaign.tsv"  # date, target, executions, cov, ft, corpus files, outcome
mode=campaign runs=0 seconds=0 until="" targets=()
while (($#)); do
  case "$1" in
    --smoke) mode=smoke ;;
    --merge) mode=merge ;;
    --status) mode=status ;;
    --build) build=$2; shift ;;
    --runs) runs=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --until) until=$2; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
if ((${#targets[@]} == 0)); then
  for binary in "$build"/fuzz/fuzz_*; do [[ -x $binary ]] && targets+=("$(basename "$binary" | sed 's/^fuzz_//')"); done
fi
((${#targets[@]})) || { echo "run.sh: no fuzz targets in $build/fuzz (build with -DTENGERIM_FUZZ=ON)" >&2; exit 2; }

budget_of() {  # the issue's budgets: 10^7 where a network request reaches, 10^6 for a file reader
  case "$1" in
    api_body | api_query | options | scenario) echo 10000000 ;;
    *) echo 1000000 ;;
  esac
}
done_of() {  # executions recorded for a target over all sessions
  [[ -f $ledger ]] || { echo 0; return; }
  awk -F'\t' -v t="$1" '$2 == t { n += $3 } END { print n + 0 }' "$ledger"
}
dict_for() {  # the dictionary of a target's format
  case "$1" in
    api_* | options) echo "$here/dict/json.dict" ;;
    *_toml | scenario | policy | coupling | directions) echo "$here/dict/toml.dict" ;;
    *) echo "$here/dict/csv.dict" ;;
  esac
}
last_status() {  # "#N ... cov: C ft: F ..." -> "N C F" from a libFuzzer log
  grep -E '^#[0-9]+' "$1" | tail -1 | sed -E 's/^#([0-9]+).*cov: ([0-9]+) ft: ([0-9]+).*/\1 \2 \3/'
}
minimise() {  # TARGET: fuzz/corpus/TARGET replaced by its -merge=1 subset
  local target=$1 corpus="$here/corpus/$1" out="$scratch/merge-$1"
  rm -rf "$out" && mkdir -p "$out"
  nice -n 19 "$build/fuzz/fuzz_$target" "${common[@]}" -merge=1 "$out" "$corpus" >"$scratch/$target.merge.log" 2>&1
  rm -f "$corpus"/*
  cp "$out"/* "$corpus"/ 2>/dev/null || true
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  corpus="$here/corpus/$target"
  mkdir -p "$corpus"
  # -timeout is wall time: 60 s, as at nice 19 on a busy machine an input of 0.5 s CPU took 26 s
  common=(-dict="$(dict_for "$target")" -max_len=65536 -timeout=60 -rss_limit_mb=2048 -print_final_stats=1)
  case $mode in
    status)
      last=$(awk -F'\t' -v t="$target" '$2 == t { line = "cov " $4 ", ft " $5 ", " $6 " corpus files, " $7 } END { print line }' \
        "$ledger" 2>/dev/null || true)
      printf '%-22s %10d of %10d  %s\n' "$target" "$(done_of "$target")" "$(budget_of "$target")" "${last:-not run}"
      ;;
    smoke)
      mkdir -p "$scratch/$target"
      log="$scratch/$target.log"
      started=$SECONDS
      # -runs counts the corpus' executions too: the corpus, then N new inputs
      if ! nice -n 19 "$binary" "${common[@]}" -seed=1 -runs="$(($(ls "$corpus" | wc -l) + (runs > 0 ? runs : 200)))" \
             -artifact_prefix="$scratch/$target-" "$scratch/$target" "$corpus" >"$log" 2>&1; then
        echo "FAIL $target"; tail -40 "$log"; status=1; continue
      fi
      read -r n cov ft <<<"$(last_status "$log")"
      echo "ok   $target: $n executions, cov $cov, ft $ft, $((SECONDS - started)) s"
      ;;
    merge)
      minimise "$target"
      echo "merged $target: $(ls "$corpus" | wc -l) inputs"
      ;;
    campaign)
      left=$(($(budget_of "$target") - $(done_of "$target")))
      ((runs > 0 && runs < left)) && left=$runs
      ((left > 0)) || { echo "$target: budget reached"; continue; }
      limit=(-runs="$left")
      time_left=$seconds
      if [[ -n $until ]]; then
        to_until=$(($(date -u -d "$until" +%s) - $(date -u +%s)))
        ((to_until > 10)) || { echo "run.sh: $until reached, stopping before $target"; break; }
        ((time_left == 0 || to_until < time_left)) && time_left=$to_until
      fi
      ((time_left > 0)) && limit+=(-max_total_time="$time_left")
      findings="$here/findings/$target"
      mkdir -p "$findings"
      log="$here/findings/$target.log"
      outcome=ok
      if ! nice -n 19 "$binary" "${common[@]}" "${limit[@]}" -artifact_prefix="$findings/" "$corpus" >"$log" 2>&1; then
        echo "FINDING $target (see $findings/, $log)"; status=1; outcome=finding
      fi
      executed=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
      [[ -n $executed ]] || executed=$(last_status "$log" | awk '{print $1}')
      read -r n cov ft <<<"$(last_status "$log" || true)"
      minimise "$target"
      files=$(ls "$corpus" | wc -l)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "${executed:-0}" "${cov:-?}" "${ft:-?}" \
        "$files" "$outcome" >>"$ledger"
      echo "$target: ${executed:-0} executions (total $(done_of "$target") of $(budget_of "$target")), cov ${cov:-?}, ft ${ft:-?}, $files corpus files, $outcome"
      ;;
  esac
done
exit $status
