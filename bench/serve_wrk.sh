#!/usr/bin/env bash
# Web API load test (issue 7): wrk at 64 connections against GET /api/report
# and POST /api/shock of `tengerim serve` on the built-in model, on loopback.
# Usage: bench/serve_wrk.sh [TENGERIM_BINARY] [SECONDS]   (default build/tengerim, 10 s each)
# Prints requests/s and p99 latency per endpoint; goal p99 < 20 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/tengerim}
seconds=${2:-10}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "serve_wrk: needs wrk (apt-get install wrk)" >&2; exit 2; }

log=$(mktemp)
lua=$(mktemp --suffix=.lua)
fresh=$(mktemp --suffix=.lua)
"$binary" serve --port "$port" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log" "$lua" "$fresh"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done

cat >"$lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"scenario": "cpc-halt"}'
wrk.headers["Content-Type"] = "application/json"
LUA

# Every request a different derating of the BTC pipeline: no cache hit, one LP pair each.
cat >"$fresh" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"scenario": "cpc-halt", "edges": [{"edge": "btc", "factor": %.6f}]}', (n %% 999983) / 999983)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
LUA
sed -i 's/%%/%/' "$fresh"

run() {  # name, then wrk arguments
  local name=$1; shift
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf "%-28s %10s req/s   p99 %s   %s\n" "$name" "$rps" "$p99" "$errors"
}
echo "tengerim serve ($binary), wrk -t2 -c64 -d${seconds}s, $(nproc) cores"
run "GET /api/report?year=2023" "http://127.0.0.1:$port/api/report?year=2023"
run "POST /api/shock cpc-halt" -s "$lua" "http://127.0.0.1:$port/api/shock"
run "POST /api/shock, uncached" -s "$fresh" "http://127.0.0.1:$port/api/shock"
