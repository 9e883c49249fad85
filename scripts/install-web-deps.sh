#!/usr/bin/env bash
# Node.js and the browser-test packages pinned in web/package-lock.json
# (playwright-core, driving Debian's /usr/bin/chromium; no browser download).
# Quick when done: npm ci runs only when the lock file changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v npm >/dev/null; then
  echo "install-web-deps: installing nodejs npm"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi
stamp="$root/web/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/web/package-lock.json" -nt "$stamp" ]; then
  echo "install-web-deps: npm ci in web/"
  (cd "$root/web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
else
  echo "install-web-deps: web/node_modules up to date"
fi
