#!/usr/bin/env bash
# Runs the whole test suite through CTest. With CI=true (or --sanitize) it
# also builds and runs the suite under AddressSanitizer and UBSan.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/setup.sh"
ctest --test-dir "$build" --output-on-failure -j "$jobs"
if [[ "${CI:-}" == "true" || "${1:-}" == "--sanitize" ]]; then
  BUILD_DIR="$root/build-sanitize" CMAKE_ARGS="-DQUALIFY_SANITIZE=ON -DQUALIFY_BENCH=OFF" source "$root/scripts/setup.sh"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$jobs"
fi
