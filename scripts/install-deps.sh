#!/usr/bin/env bash
# Installs the Debian packages Tengerim needs to build, test and benchmark.
# Idempotent and quick when everything is present: apt-get runs only when a
# package is missing, and `apt-get update` at most once.
set -euo pipefail

packages=(
  build-essential cmake pkg-config            # toolchain
  libfmt-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev   # core libraries
  coinor-libclp-dev libeigen3-dev libtbb-dev  # LP solver, linear algebra, threads
  libssl-dev                                  # SHA-256 (content hashes of model files)
  libgtest-dev libgmock-dev libbenchmark-dev  # tests and benchmarks
  libcpp-httplib-dev chromium wrk             # web server, browser tests, load benchmark
  ccache                                      # compiler cache (rebuilds)
  libopenmpi-dev openmpi-bin libsqlite3-dev   # sweeps: MPI ranks, the results store
  clang-14 libclang-rt-14-dev                 # libFuzzer targets (fuzz/, -DTENGERIM_FUZZ=ON)
  llvm-14                                     # llvm-symbolizer: file and line in a finding's stack
  pybind11-dev python3-pybind11 python3-dev   # the Python module (python/)
  python3-pandas python3-numpy python3-pytest # its DataFrames and tests
  python3-venv python3-setuptools python3-wheel  # its offline install into a venv (python/setup.py)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exec "$(dirname "$0")/install-web-deps.sh"
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
"$(dirname "$0")/install-web-deps.sh"
