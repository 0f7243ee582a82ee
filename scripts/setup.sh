#!/usr/bin/env bash
# Installs the Debian packages qualify builds with (only those missing) and
# builds it into build/ (or $BUILD_DIR). Sourced by demo.sh and test.sh.
set -euo pipefail

packages=(g++ cmake make pkg-config tao-pegtl-dev libboost-dev nlohmann-json3-dev libre2-dev libxgboost-dev
          doctest-dev libsimdjson-dev libbenchmark-dev libsqlite3-dev chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# node and npm run the VS Code grammar's test (editors/vscode/); a machine
# that has them from elsewhere keeps its own.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)
# ccache, when the machine has it, makes rebuilds in fresh clones cheap.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$jobs" >&2
