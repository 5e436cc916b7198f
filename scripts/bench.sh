#!/bin/sh
# Builds and runs dealwatch_bench (Google Benchmark) in BUILD_DIR (default
# build-bench), then prints the article stage / gumbo_parse time ratio per
# page set. The issue 5 budget is 1.15.
# usage: scripts/bench.sh [BUILD_DIR] [benchmark flags...]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-bench}
shift || true
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDEALWATCH_BUILD_BENCH=ON > /dev/null
cmake --build "$build" -j2 --target dealwatch_bench
"$build/dealwatch_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$build/bench.json" --benchmark_out_format=json "$@"
python3 - "$build/bench.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
med = {r["run_name"]: r for r in runs if r.get("aggregate_name") == "median"}
for arg, name in (("0", "en"), ("1", "zh")):
    g, a = med.get("BM_GumboParse/%s/min_time:3.000" % arg), med.get("BM_ArticleStage/%s/min_time:3.000" % arg)
    alt = med.get("BM_StageOverGumbo/%s/min_time:10.000" % arg)
    if g and a:
        print("%s: article stage %.1f ms / gumbo_parse %.1f ms = %.3f (medians); "
              "alternating, fastest passes: %.3f" % (name, a["real_time"], g["real_time"],
              a["real_time"] / g["real_time"], alt["ratio"] if alt else float("nan")))
PY
