#!/usr/bin/env bash
# Configures and builds dealwatch (Release) in build/ (or the folder given
# by BUILD_DIR). Extra arguments go to cmake's configure step.
#   scripts/build.sh                      build/ with the tests
#   BUILD_DIR=build-asan scripts/build.sh -DDEALWATCH_SANITIZE=ON
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} "$@" >/dev/null
cmake --build "$build" -j "$jobs" 2>&1 | grep -Ev '^\[ *[0-9]+%\]' || true
test -x "$build/dealwatch" || { echo "build: dealwatch was not built" >&2; exit 1; }
echo "build: $build/dealwatch"
