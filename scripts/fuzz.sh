#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, build-fuzz/) if needed
# and runs each for SECONDS (default 60), one after the other. Crashes,
# timeouts and out-of-memory inputs are saved to fuzz/regressions/<target>/
# (the test suite replays them: tests/hostile/fuzz_regressions_test.cc).
# The growing corpus stays in build-fuzz/corpus/<target>/, seeded from
# fuzz/corpus/<target>/ (python3 fuzz/make_seeds.py writes those).
#   scripts/fuzz.sh                 every target, 60 s each
#   scripts/fuzz.sh 600 feed robots  the named targets, 600 s each
#   scripts/fuzz.sh --no-build 60    run the fuzzers already built
# Exit status: 0 when every target ran clean, 1 when one found something.
# docs/robustness.md records how long each target has run clean.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=60
build_first=1
if [ "${1:-}" = "--no-build" ]; then build_first=0; shift; fi
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
all_targets=(charset article normalize rule_file extractor feed robots)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${JOBS:-2}"

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-dev)" >&2
  exit 1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DDEALWATCH_FUZZ=ON \
    -DDEALWATCH_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g"
fi
if [ "$build_first" = 1 ]; then
  cmake --build "$build" -j "$jobs" --target "${targets[@]/%/_fuzzer}"
fi

# UBSan findings must stop the run like ASan's do, with a stack.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
mkdir -p "$build/logs"
summary=()
status=0
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  found="$root/fuzz/regressions/$t"
  mkdir -p "$work" "$found" "$root/fuzz/corpus/$t"
  before=$(ls -A "$found" | wc -l)
  log="$build/logs/$t.log"
  echo "== $t: ${seconds}s (log: $log)"
  set +e
  "$build/${t}_fuzzer" "$work" "$root/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$found/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  after=$(ls -A "$found" | wc -l)
  if [ "$rc" -eq 0 ] && [ "$after" -eq "$before" ]; then
    result="clean"
  else
    result="FOUND (exit $rc): $(ls -t "$found" | head -1)"
    status=1
    grep -m1 -E 'ERROR: |runtime error|fuzz invariant|ALARM|out-of-memory' "$log" || true
  fi
  summary+=("| $t | ${seconds} | ${runs:-?} | ${cov:-?} | $result |")
done

echo
echo "| target | seconds | runs | coverage | result |"
echo "|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit "$status"
