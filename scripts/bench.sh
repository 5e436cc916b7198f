#!/usr/bin/env bash
# Benchmarks (issue 9; docs/benchmarks.md says what each figure means):
#   1. the article stage over a bare gumbo_parse of the same pages (issue 5
#      budget: 1.15), on ../shared/bench's real pages and on generated pages;
#   2. every stage and the pipeline end to end, one thread and two: pages/s,
#      MB/s and peak memory, on generated pages and ../shared/bench's pages;
#   3. microbenchmarks: normaliser, amount parser, rule matching;
#   4. the crawl (issue 6): Crawler::Run fetching 2,000 generated pages from
#      loopback HTTP servers with delays off, alone and with the article
#      stage: pages/s, MB/s, CPU per page;
#   5. `dealwatch run` over a generated site of 20,000 pages read through
#      file:// feeds: pages/s, MB/s and peak RSS (budget: 200 MB), with RSS
#      along the run (processing, report, each quarter of the pages).
# Then prints one table. About 9 minutes on a 2-core machine (5 of them the
# 20,000-page run); --quick (2,000 pages) about 3.
# On a busy machine trust the cpu and alternating ratios: wall time then
# measures the other processes too (the table prints the load average).
# usage: scripts/bench.sh [--quick] [--pages N] [--run-pages N] [--no-run]
#                         [--no-crawl] [BUILD_DIR] [-- dealwatch_bench flags...]
#   BUILD_DIR  default build-bench/ (or $BUILD_DIR); results in BUILD_DIR/bench/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
quick=0 pages=1000 run_pages=20000 do_run=1 do_crawl=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 pages=300 run_pages=2000 ;;
    --pages) pages=$2; shift ;;
    --run-pages) run_pages=$2; shift ;;
    --no-run) do_run=0 ;;
    --no-crawl) do_crawl=0 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
mkdir -p "$build"
build=$(cd "$build" && pwd)
out=$build/bench
mkdir -p "$out"

echo "== build ($build)"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDEALWATCH_BUILD_BENCH=ON -DDEALWATCH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target dealwatch dealwatch_bench 2>&1 | grep -Ev '^\[ *[0-9]+%\]' || true
bench=$build/dealwatch_bench
test -x "$bench" && test -x "$build/dealwatch" || { echo "bench: build failed" >&2; exit 1; }
if [ "$quick" = 1 ]; then
  reps=1 article_time=0.3 min_real=300 micro_time=0.1
else
  reps=3 article_time=0.5 min_real=300 micro_time=0.5
fi
common=(--pages="$pages" --corpus_pages="$run_pages" --min_real_pages="$min_real")
uptime > "$out/load.txt"

echo "== article stage / gumbo_parse (issue 5)"
"$bench" "${common[@]}" --article_time="$article_time" --article_reps="$reps" \
  --benchmark_filter='^BM_(GumboParse|ArticleStage|StageOverGumbo)/' --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/ratio.json" --benchmark_out_format=json "${extra[@]}"

echo "== stages, one thread and two"
"$bench" "${common[@]}" --benchmark_filter='^stage/' \
  --benchmark_out="$out/stages.json" --benchmark_out_format=json "${extra[@]}"

echo "== microbenchmarks"
"$bench" "${common[@]}" --benchmark_filter='^BM_(Normalize|FindMoney|RuleMatch)/' --benchmark_min_time="$micro_time" \
  --benchmark_out="$out/micro.json" --benchmark_out_format=json "${extra[@]}"

rm -f "$out/crawl.json"
if [ "$do_crawl" = 1 ]; then
  echo "== crawl over loopback, delays off"
  "$bench" "${common[@]}" --benchmark_filter='^crawl/' --benchmark_repetitions="$reps" \
    --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/crawl.json" --benchmark_out_format=json "${extra[@]}"
fi

rm -f "$out/run.json"
if [ "$do_run" = 1 ]; then
  echo "== dealwatch run over $run_pages generated pages"
  site=$out/site
  rm -rf "$site"
  "$bench" --generate="$site" --corpus_pages="$run_pages" > "$out/generate.json"
  python3 - "$build/dealwatch" "$site" "$out/generate.json" "$out/run.json" <<'PY'
# Runs `dealwatch run`, samples its RSS every 0.2 s and notes, from its log,
# how many pages were done at each sample and when the crawl ended (the
# report is written after it). Peak RSS is the kernel's (wait4 ru_maxrss).
import json, os, re, subprocess, sys, threading, time
binary, site, gen_path, out_path = sys.argv[1:5]
gen = json.load(open(gen_path))
proc = subprocess.Popen([binary, "--log-level", "info", "run", "--config", os.path.join(site, "config.toml")],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
state = {"pages": 0, "crawl_done": None}
def read_log():
    for line in proc.stderr:
        if " info pipeline: " in line:
            state["pages"] += 1
        elif re.search(r" crawl: bench-[^:]+: \d+ fetched", line):
            state["crawl_done"] = time.time()
threading.Thread(target=read_log, daemon=True).start()
start, samples = time.time(), []
while True:
    try:
        with open("/proc/%d/status" % proc.pid) as f:
            rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) * 1024
        samples.append((time.time() - start, state["pages"], rss))
    except (OSError, AttributeError):
        pass
    if proc.poll() is not None:
        break
    time.sleep(0.2)
stdout = proc.stdout.read()
seconds = time.time() - start
m = re.search(r"run \d+ \w+ in ([\d.]+) s: (\d+) pages processed.*?(\d+) new deals", stdout)
pages = int(m.group(2)) if m else state["pages"]
crawl_end = (state["crawl_done"] or time.time()) - start
during = [s for s in samples if s[0] <= crawl_end] or samples
after = [s for s in samples if s[0] > crawl_end]
quarter, rate, last = [], [], (0.0, 0)
for q in (0.25, 0.5, 0.75, 1.0):
    at = [s for s in during if s[1] >= q * pages]
    quarter.append(at[0][2] if at else (during[-1][2] if during else 0))
    point = at[0][:2] if at else (crawl_end, pages)
    rate.append((point[1] - last[1]) / max(point[0] - last[0], 1e-9))
    last = point
res = {
    "pages": pages, "generated_pages": gen["pages"], "bytes": gen["bytes"], "seconds": seconds,
    "run_seconds": float(m.group(1)) if m else seconds, "deals_new": int(m.group(3)) if m else None,
    "exit": proc.returncode,
    "peak_rss": max((s[2] for s in samples), default=0),
    "peak_rss_crawl": max((s[2] for s in during), default=0),
    "peak_rss_report": max((s[2] for s in after), default=0),
    "rss_at_quarters": quarter, "pages_per_second_by_quarter": rate,
    "report_seconds": max(0.0, seconds - crawl_end),
    "samples": samples[::max(1, len(samples) // 300)],
}
import resource
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
res["peak_rss"] = max(res["peak_rss"], usage.ru_maxrss * 1024)
res["cpu_seconds"] = usage.ru_utime + usage.ru_stime
json.dump(res, open(out_path, "w"), indent=1)
print(stdout.strip())
print("peak RSS %.0f MB (processing %.0f MB, report %.0f MB); RSS after 25/50/75/100%% of pages: %s MB"
      % (res["peak_rss"] / 1e6, res["peak_rss_crawl"] / 1e6, res["peak_rss_report"] / 1e6,
         "/".join("%.0f" % (q / 1e6) for q in quarter)))
PY
fi

echo
echo "== summary"
python3 - "$out" "$pages" <<'PY'
import json, os, sys
out, pool = sys.argv[1], sys.argv[2]
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
ratio, stages, micro, run = load("ratio.json"), load("stages.json"), load("micro.json"), load("run.json")
crawl = load("crawl.json")
ctx = (stages or ratio or micro or {}).get("context", {})
print("machine: %d x %.0f MHz, load: %s" % (ctx.get("num_cpus", 0), ctx.get("mhz_per_cpu", 0),
      open(os.path.join(out, "load.txt")).read().split("load average:")[-1].strip()))
if ratio:
    print("\narticle stage / bare gumbo_parse (issue 5 budget 1.15; cpu time)")
    print("  %-10s %10s %10s %10s %12s" % ("set", "gumbo MB/s", "stage MB/s", "ratio", "alternating"))
    runs = [r for r in ratio["benchmarks"] if r.get("aggregate_name", "median") == "median"]
    by = {(r["run_name"].split("/")[0], r["run_name"].split("/")[1]): r for r in runs}
    for arg, name in (("1", "real-en"), ("2", "real-zh"), ("0", "generated")):
        g, a, alt = by.get(("BM_GumboParse", arg)), by.get(("BM_ArticleStage", arg)), by.get(("BM_StageOverGumbo", arg))
        if not (g and a) or g.get("error_occurred") or a.get("error_occurred"):
            continue
        mbs = lambda r: r["bytes_per_second"] / 1e6  # rates of these use cpu time
        print("  %-10s %10.1f %10.1f %10.3f %12.3f" % (name, mbs(g), mbs(a), a["cpu_time"] / g["cpu_time"],
                                                      alt["ratio"] if alt else float("nan")))
if stages:
    print("\nstages (wall time; %s generated pages in memory; threads: 1 -> 2)" % pool)
    print("  %-10s %-10s %17s %15s %15s %9s %15s %6s" % ("set", "stage", "pages/s", "page MB/s", "input MB/s",
                                                          "peak MB", "cpu ms/page", "cores"))
    rows = {}
    for r in stages["benchmarks"]:
        if r.get("error_occurred"):
            continue
        _, s, st = r["run_name"].split("/")[:3]
        rows.setdefault((s, st), {})[r["threads"]] = r
    for (s, st), t in rows.items():
        one, two = t.get(1), t.get(2)
        fmt = lambda k, d=1e6: "%7.1f" % (one[k] / d) + (" -> %6.1f" % (two[k] / d) if two else " " * 10)
        cpu = lambda r: r["cpu_time"] * {"s": 1e3, "ms": 1, "us": 1e-3, "ns": 1e-6}[r["time_unit"]]
        # Cores the two threads got: cpu seconds per wall second.
        cores = "%5.2f" % (two["items_per_second"] * cpu(two) / 1e3) if two else ""
        print("  %-10s %-10s %s %s %s %9.1f %s %6s" % (s, st, fmt("items_per_second", 1), fmt("bytes_per_second"),
              fmt("in_MBps", 1), max(x.get("peak_MB", 0) for x in t.values()),
              "%6.2f" % cpu(one) + (" -> %5.2f" % cpu(two) if two else " " * 9), cores))
    share = {s: t[1]["text_share"] for (s, st), t in rows.items() if st == "article" and 1 in t}
    if share:
        print("  article text / page bytes: " + ", ".join("%s %.1f%%" % (s, 100 * v) for s, v in share.items()))
    # Issue 4: extraction of a 10 KB article, from the extract stage's input
    # (normalised article text) rate on one thread.
    per10k = {s: 10.24 / t[1]["in_MBps"] for (s, st), t in rows.items() if st == "extract" and 1 in t and t[1]["in_MBps"]}
    if per10k:
        print("  extract, ms per 10 KB of article text (one thread): " +
              ", ".join("%s %.2f" % (s, v) for s, v in per10k.items()))
if micro:
    print("\nmicrobenchmarks (cpu time, our corpus)")
    print("  %-14s %-8s %14s %10s" % ("benchmark", "lang", "items/s", "MB/s"))
    for r in micro["benchmarks"]:
        print("  %-14s %-8s %14.0f %10.2f" % (r["run_name"].split("/")[0], r.get("label", ""),
              r["items_per_second"], r["bytes_per_second"] / 1e6))
if crawl:
    runs = [r for r in crawl["benchmarks"] if r.get("aggregate_name", "median") == "median"
            and not r.get("error_occurred")]
    pages = int(runs[0]["pages"]) if runs else 0
    print("\ncrawl (loopback, %s pages, delays off; wall time; cpu: the crawler's thread, process: with the servers)"
          % format(pages, ","))
    print("  %-8s %-9s %5s %9s %10s %10s %12s %12s %6s" % ("handler", "encoding", "hosts", "pages/s", "page MB/s",
          "wire MB/s", "cpu ms/page", "proc ms/page", "cores"))
    for r in runs:
        _, handler, encoding, hosts = r["run_name"].split("/")[:4]
        rate = r["items_per_second"]
        print("  %-8s %-9s %5s %9.0f %10.1f %10.1f %12.3f %12.3f %6.2f" % (
            handler, encoding, hosts.split(":")[1], rate, r["bytes_per_second"] / 1e6,
            r["wire_MB"] * rate / max(r["pages"], 1), r["cpu_ms_per_page"], r["proc_cpu_ms_per_page"], r["cores"]))
    for r in crawl["benchmarks"]:
        if r.get("error_occurred"):
            print("  %s: %s" % (r["run_name"], r.get("error_message", "failed")))
if run:
    mb = run["bytes"] / 1e6
    ok = run["peak_rss"] < 200e6
    print("\ndealwatch run over %d generated pages (%.0f MB through file:// feeds)" % (run["generated_pages"], mb))
    print("  %d pages in %.1f s: %.1f pages/s, %.2f MB/s; %.1f ms cpu/page; %s new deals; exit %s" % (
        run["pages"], run["seconds"], run["pages"] / run["seconds"], mb / run["seconds"],
        1e3 * run.get("cpu_seconds", 0) / max(run["pages"], 1), run["deals_new"], run["exit"]))
    print("  peak RSS %.0f MB (%s the 200 MB budget): processing %.0f MB, report %.0f MB (%.1f s)" % (
        run["peak_rss"] / 1e6, "within" if ok else "OVER", run["peak_rss_crawl"] / 1e6,
        run["peak_rss_report"] / 1e6, run["report_seconds"]))
    print("  RSS after 25/50/75/100%% of the pages: %s MB; pages/s in each quarter: %s" % (
        "/".join("%.0f" % (q / 1e6) for q in run["rss_at_quarters"]),
        "/".join("%.0f" % r for r in run.get("pages_per_second_by_quarter", []))))
PY
