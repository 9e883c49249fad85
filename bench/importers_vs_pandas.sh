#!/usr/bin/env bash
# The importers of issue 13 against pandas on the full public files
# (docs/performance.md, "Importers of issue 13"): `tengerim import imf-dots`
# (37 MB), `undesa-migrants` (the 2020 long form), `knomad-remittances` (both
# matrices and the inflow table) and `uis-students` (both tables) for one
# focal country, beside bench/pandas_importers.py computing the same ties;
# prints both times, peak memory and the ratio, and checks that every tie
# agrees.
#
#   bench/importers_vs_pandas.sh [DATA_DIR] [FOCAL]      (default ../shared/data KAZ)
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
dots=$data/imf_dots_bilateral/imf_dots_annual_2000_2020.csv
undesa=$data/undesa_migrant_stock_2020/undesa_ims2020_bilateral_stock_by_sex.csv
knomad=$data/wb_knomad_remittances
uis=$data/uis_student_mobility_top10
files=("$dots" "$undesa" "$knomad/bilateral_remittance_matrix_2017_long.csv"
       "$knomad/bilateral_remittance_matrix_2021_long.csv" "$knomad/inward_remittance_flows_2000_2023_dec2023.csv"
       "$uis/popular_destinations_by_origin_1998_2021.csv" "$uis/popular_origins_by_destination_1998_2021.csv")
for file in "${files[@]}"; do [ -r "$file" ] || { echo "missing $file" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "${files[@]}" >/dev/null  # both read from the page cache

tengerim_route() {
  rm -rf "$work/imf" "$work/undesa" "$work/knomad" "$work/uis"
  "$tengerim" import imf-dots "$dots" --focal "$focal" --into "$work/imf" 2>/dev/null
  "$tengerim" import undesa-migrants "$undesa" --focal "$focal" --into "$work/undesa" 2>/dev/null
  "$tengerim" import knomad-remittances "$knomad/bilateral_remittance_matrix_2017_long.csv" \
    "$knomad/bilateral_remittance_matrix_2021_long.csv" "$knomad/inward_remittance_flows_2000_2023_dec2023.csv" \
    --focal "$focal" --into "$work/knomad" 2>/dev/null
  "$tengerim" import uis-students "$uis/popular_destinations_by_origin_1998_2021.csv" \
    "$uis/popular_origins_by_destination_1998_2021.csv" --focal "$focal" --into "$work/uis" 2>/dev/null
}
export -f tengerim_route
export tengerim dots undesa knomad uis focal work

measure tengerim /dev/null bash -c tengerim_route
measure pandas "$work/pandas.json" /usr/bin/python3 "$root/bench/pandas_importers.py" compute "$data" "$focal"

read -r t_time t_cpu t_peak <"$work/tengerim.result"
read -r p_time p_cpu p_peak <"$work/pandas.result"
mb() { echo "$1/1024" | bc -l; }
echo "focal $focal, best of $runs runs (wall), its CPU time (user + system), peak = largest maximum resident set of any process"
printf "%-72s %7s %7s %9s\n" "" "wall s" "CPU s" "peak MB"
printf "%-72s %7.3f %7.2f %9.1f\n" "tengerim: import imf-dots + undesa-migrants + knomad-remittances + uis-students" \
  "$t_time" "$t_cpu" "$(mb "$t_peak")"
printf "%-72s %7.3f %7.2f %9.1f\n" "pandas: bench/pandas_importers.py compute" "$p_time" "$p_cpu" "$(mb "$p_peak")"
printf "ratio pandas / tengerim: wall %.1fx, CPU %.1fx, peak memory %.1fx\n" "$(echo "$p_time/$t_time" | bc -l)" \
  "$(echo "$p_cpu/$t_cpu" | bc -l)" "$(echo "$p_peak/$t_peak" | bc -l)"
/usr/bin/python3 "$root/bench/pandas_importers.py" compare "$work/imf" "$work/undesa" "$work/knomad" "$work/uis" \
  "$work/pandas.json"
