#!/usr/bin/env bash
# Issue 4 benchmark, one command: `tengerim risk` on the built-in model side by
# side with bench/risk_reference.py (the same model in Python with NumPy and
# NetworkX, reading the same shipped files). Prints draws per second for each
# and their ratio, checks that the mean losses agree within three standard
# errors, and measures 1 vs 2 threads and time against draws (10k, 100k, 1M).
#
#   bash bench/risk_vs_python.sh                 # builds build-bench (Release) if needed
#   TENGERIM_BUILD=build-x DRAWS=1000000 bash bench/risk_vs_python.sh
#
# Needs /usr/bin/python3 with python3-numpy and python3-networkx (Debian); as
# root it installs them with apt-get, otherwise it says what to install.
# Exit status 1 when the means disagree.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TENGERIM_BUILD:-build-bench}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DRAWS="${DRAWS:-1000000}"
LOOP_DRAWS="${LOOP_DRAWS:-20000}"  # the per-draw Python loop is slow; its rate does not depend on N
SEED="${SEED:-20240101}"
MODEL="$ROOT/data/models/kaz"
SCENARIO="$ROOT/data/models/kaz/scenarios/default.toml"
PY=/usr/bin/python3

if ! "$PY" -c 'import numpy, networkx' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y python3-numpy python3-networkx >/dev/null
  else
    echo "risk_vs_python: install python3-numpy and python3-networkx (sudo apt-get install python3-numpy python3-networkx)" >&2
    exit 2
  fi
fi

if [ ! -x "$BUILD/tengerim" ]; then
  # Release: what is measured. Warnings are not errors here: GCC 12 at -O3 gives a false -Wrestrict in libstdc++.
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DTENGERIM_WERROR=OFF >/dev/null
  cmake --build "$BUILD" -j"${JOBS:-1}" --target tengerim >/dev/null
fi
BIN="$BUILD/tengerim"

REPEAT="${REPEAT:-3}"  # each figure is the best of REPEAT runs (other load on the machine only slows a run down)

# Runs `tengerim risk` on the built-in model and its default shocks; prints the JSON of its fastest run.
engine() {
  for _ in $(seq "$REPEAT"); do "$BIN" risk --draws "$1" --threads "$2" --seed "$SEED" --format json --profile 2>/dev/null | tr -d '\n'; echo; done |
    "$PY" -c 'import json, sys; print(json.dumps(min((json.loads(l) for l in sys.stdin), key=lambda j: j["profile"]["simulate"])))'
}
reference() {
  for _ in $(seq "$REPEAT"); do "$PY" "$ROOT/bench/risk_reference.py" --model "$MODEL" --scenario "$SCENARIO" --seed "$SEED" --draws "$1" --mode "$2"; done |
    "$PY" -c 'import json, sys; print(json.dumps(min((json.loads(l) for l in sys.stdin), key=lambda j: j["seconds"])))'
}

echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(nproc) cores"
echo "engine: $BIN ($(grep -m1 CMAKE_BUILD_TYPE "$BUILD/CMakeCache.txt" | cut -d= -f2)); reference: $("$PY" --version), numpy $("$PY" -c 'import numpy; print(numpy.__version__)'), networkx $("$PY" -c 'import networkx; print(networkx.__version__)')"
echo "model builtin:kaz (= data/models/kaz), scenario default (= data/models/kaz/scenarios/default.toml), seed $SEED; best of $REPEAT runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

E1="$(engine "$DRAWS" 1)"
E2="$(engine "$DRAWS" 2)"
PV="$(reference "$DRAWS" vectorized)"
PL="$(reference "$LOOP_DRAWS" loop)"
S10K="$(engine 10000 1)"
S100K="$(engine 100000 1)"

"$PY" - "$E1" "$E2" "$PV" "$PL" "$S10K" "$S100K" <<'EOF'
import json, math, sys
e1, e2, pv, pl, s10k, s100k = (json.loads(a) for a in sys.argv[1:])
rate = lambda e: e["draws"] / e["profile"]["simulate"]
cpu_rate = lambda e: e["draws"] / e["profile"]["simulate_cpu"]
r1, r2 = rate(e1), rate(e2)
print("wall = elapsed time of the measured section (engine: stage 'simulate'; reference: tables + draws + summary);")
print("cpu = CPU time of the process over that section, all threads (not inflated by other load on the machine)")
print(f"{'':30} {'draws':>8} {'wall s':>8} {'draws/s wall':>13} {'cpu s':>8} {'draws/s cpu':>12} {'mean loss':>10} {'se':>9}")
for e, name in ((e1, "tengerim, 1 thread"), (e2, "tengerim, 2 threads")):
    print(f"{name:30} {e['draws']:>8} {e['profile']['simulate']:>8.4f} {rate(e):>13.4g} {e['profile']['simulate_cpu']:>8.4f} "
          f"{cpu_rate(e):>12.4g} {e['mean_loss']:>10.6f} {e['stderr']['mean_loss']:>9.2e}")
for p, name in ((pv, "python numpy, vectorized"), (pl, "python numpy, loop per draw")):
    print(f"{name:30} {p['draws']:>8} {p['seconds']:>8.4f} {p['draws_per_second']:>13.4g} {p['cpu_seconds']:>8.4f} "
          f"{p['draws'] / p['cpu_seconds']:>12.4g} {p['mean_loss']:>10.6f} {p['stderr']:>9.2e}")
print()
for p, name in ((pv, "python vectorized"), (pl, "python loop")):
    print(f"ratio tengerim (1 thread) / {name + ':':19} wall {r1 / p['draws_per_second']:7.1f}x   cpu {cpu_rate(e1) / (p['draws'] / p['cpu_seconds']):7.1f}x   (goal >= 100x)")
print(f"speed-up 1 -> 2 threads (wall):                 {r2 / r1:.2f}x   (goal >= 1.8x); identical results: {e1['mean_loss'] == e2['mean_loss'] and e1['var'] == e2['var']}")
print()
print("time against draws (tengerim, 1 thread, stage 'simulate'; linear: time = fixed + per-draw x draws):")
for e in (s10k, s100k, e1):
    t, c = e["profile"]["simulate"], e["profile"]["simulate_cpu"]
    print(f"  {e['draws']:>9} draws  wall {t:>8.4f} s ({t / e['draws'] * 1e9:>7.1f} ns/draw)  cpu {c:>8.4f} s ({c / e['draws'] * 1e9:>7.1f} ns/draw)")
slope = (e1["profile"]["simulate"] - s100k["profile"]["simulate"]) / (e1["draws"] - s100k["draws"])
fixed = s100k["profile"]["simulate"] - slope * s100k["draws"]
print(f"  fit through 100k and 1M: {fixed:.4f} s fixed + {slope * 1e9:.1f} ns/draw; at 10k it predicts "
      f"{fixed + slope * s10k['draws']:.4f} s, measured {s10k['profile']['simulate']:.4f} s")
ok = True
for p, name in ((pv, "vectorized"), (pl, "loop")):
    diff = abs(e1["mean_loss"] - p["mean_loss"])
    bound = 3 * math.hypot(e1["stderr"]["mean_loss"], p["stderr"])
    agree = diff <= bound
    ok = ok and agree
    print(f"mean loss vs python {name}: |{e1['mean_loss']:.6f} - {p['mean_loss']:.6f}| = {diff:.2e} "
          f"{'<=' if agree else '>'} 3 se = {bound:.2e}: {'agree' if agree else 'DISAGREE'}")
sys.exit(0 if ok else 1)
EOF
