#!/usr/bin/env bash
# Tengerim against pandas on the full public files (docs/performance.md,
# "Importers and atlas"). Both read the full UN votes (870k rows) and COW
# dyadic trade (674k rows) files and compute one focal country's agreement
# series and trade shares; the script prints both times, peak memory and the
# ratio, checks that the numbers agree, then times `tengerim atlas` over the
# whole of both files.
#
#   bench/atlas_vs_pandas.sh [DATA_DIR] [FOCAL]      (default ../shared/data KAZ)
#
# Needs /usr/bin/time (Debian package `time`) and python3-pandas; builds a
# Release binary in build-release unless TENGERIM points to one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data}
focal=${2:-KAZ}
runs=${RUNS:-3}
tengerim=${TENGERIM:-$root/build-release/tengerim}

# shellcheck source=bench/pandas_bench.sh
source "$root/bench/pandas_bench.sh"
votes=$data/unvotes_voeten/un_votes.csv
calls=$data/unvotes_voeten/un_roll_calls.csv
cow=$data/cow_trade_v4/cow_trade_dyadic_ndy.csv
for file in "$votes" "$calls" "$cow"; do [ -r "$file" ] || { echo "missing $file" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$votes" "$calls" "$cow" >/dev/null  # both read from the page cache


tengerim_route() {
  rm -rf "$work/model"
  "$tengerim" import unvotes "$votes" "$calls" --focal "$focal" --into "$work/model" 2>/dev/null
  "$tengerim" import cow-trade "$cow" --focal "$focal" --into "$work/model" 2>/dev/null
  "$tengerim" report "$work/model" --format json
}
export -f tengerim_route
export tengerim votes calls cow focal work

measure tengerim "$work/tengerim.json" bash -c tengerim_route
measure pandas "$work/pandas.json" /usr/bin/python3 "$root/bench/pandas_reference.py" compute "$data" "$focal"
measure atlas /dev/null "$tengerim" atlas --cow-trade "$cow" --unvotes "$votes" "$calls" --out "$work/atlas.csv"

read -r t_time t_cpu t_peak <"$work/tengerim.result"
read -r p_time p_cpu p_peak <"$work/pandas.result"
read -r a_time a_cpu a_peak <"$work/atlas.result"
mb() { echo "$1/1024" | bc -l; }
echo "focal $focal, best of $runs runs (wall), its CPU time (user + system), peak = largest maximum resident set of any process"
printf "%-70s %7s %7s %9s\n" "" "wall s" "CPU s" "peak MB"
printf "%-70s %7.3f %7.2f %9.1f\n" "tengerim: import unvotes + import cow-trade + report --format json" "$t_time" "$t_cpu" "$(mb "$t_peak")"
printf "%-70s %7.3f %7.2f %9.1f\n" "pandas: bench/pandas_reference.py compute" "$p_time" "$p_cpu" "$(mb "$p_peak")"
printf "ratio pandas / tengerim: wall %.1fx, CPU %.1fx, peak memory %.1fx\n" "$(echo "$p_time/$t_time" | bc -l)" \
  "$(echo "$p_cpu/$t_cpu" | bc -l)" "$(echo "$p_peak/$t_peak" | bc -l)"
/usr/bin/python3 "$root/bench/pandas_reference.py" compare "$work/tengerim.json" "$work/pandas.json"
printf "%-70s %7.3f %7.2f %9.1f\n" "tengerim atlas: all countries, all years ($(($(wc -l <"$work/atlas.csv") - 1)) rows)" \
  "$a_time" "$a_cpu" "$(mb "$a_peak")"
