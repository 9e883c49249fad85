# Sourced by the bench scripts that race pandas (atlas_vs_pandas.sh,
# importers_vs_pandas.sh) after they set $root, $runs and $tengerim: checks
# the tools, builds the Release binary if $tengerim is missing, and defines
# measure.
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
/usr/bin/python3 -c "import pandas" 2>/dev/null || { echo "needs pandas: apt-get install python3-pandas" >&2; exit 1; }
if [ ! -x "$tengerim" ]; then
  cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DTENGERIM_TESTS=OFF >/dev/null
  cmake --build "$root/build-release" -j2 --target tengerim >/dev/null
fi

# `measure NAME OUT COMMAND...` runs COMMAND
# $runs times and writes "best-wall cpu-of-that-run largest-peak-kB" to
# $work/NAME.result: the best-of-$runs wall time (s), the CPU time (user +
# system, s) of that run and the largest peak RSS (kB); stdout to OUT, stderr
# to $work/NAME.err. Wall time from bash's microsecond clock (time's %e has
# 10 ms steps). Needs $runs, $work, bc and /usr/bin/time.
measure() {
  local name=$1 out=$2 best="" cpu="" peak=0 start end seconds
  shift 2
  for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$work/$name.time" "$@" >"$out" 2>"$work/$name.err"
    end=$EPOCHREALTIME
    seconds=$(echo "$end - $start" | bc -l)
    read -r user system kb <"$work/$name.time"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then
      best=$seconds
      cpu=$(echo "$user + $system" | bc -l)
    fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$best $cpu $peak" >"$work/$name.result"
}

