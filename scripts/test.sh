#!/usr/bin/env bash
# Sets up (Debian packages), builds and runs every test: the Catch2 suite
# through ctest (unit, integration on 127.0.0.1, corpus), the rule example
# runner, and the corpus evaluation gate (figures pinned in
# corpus/floors.json).
#   scripts/test.sh              Release build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
if [ "${1:-}" = "--sanitize" ]; then
  export BUILD_DIR="$root/build-asan"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # Warnings are gated by the default build: GCC 12 reports false positives
  # (-Wrestrict, -Wstringop-overflow) in code instrumented by ASan.
  "$root/scripts/build.sh" -DDEALWATCH_SANITIZE=ON -DDEALWATCH_WERROR=OFF
else
  export BUILD_DIR="$root/build"
  "$root/scripts/build.sh" -DDEALWATCH_WERROR=ON
fi
bin="$BUILD_DIR/dealwatch"
echo "== unit and integration tests (ctest)"
(cd "$BUILD_DIR" && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" --timeout 300)
echo "== rule examples"
"$bin" rules test
echo "== corpus evaluation gate (scripts/eval.sh --gate-only)"
"$root/scripts/eval.sh" --gate-only
echo "test: all passed"
