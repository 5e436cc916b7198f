#!/usr/bin/env bash
# The evaluation gate (issue 9): scores extraction on every gold article of
# corpus/ and exits non-zero when a figure falls below its floor in
# corpus/floors.json (raise a floor with each improvement; never lower one
# without saying why in the commit). When ../shared/eval/ exists it then
# prints, without gating (they are not part of the project):
#   - ../shared/eval/score.py on the dev set;
#   - the money list (../shared/eval/money/dev.tsv) through `dealwatch amounts`;
#   - scripts/eval_articles.sh (the article-extraction benchmarks), when
#     ../shared/bench/ exists.
# Builds first when the binary is missing or older than a source.
#   scripts/eval.sh                 the gate, then the shared scores
#   scripts/eval.sh --misses        also every missed and false deal (and money miss)
#   scripts/eval.sh --gate-only     the corpus gate alone
# BUILD_DIR selects the build (default build/). Works from any directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(mkdir -p "${BUILD_DIR:-$root/build}" && cd "${BUILD_DIR:-$root/build}" && pwd)
bin="$build/dealwatch"
shared="$root/../shared"
misses=() shared_scores=1
for arg in "$@"; do
  case "$arg" in
    --misses) misses=(--misses) ;;
    --gate-only) shared_scores=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "eval: unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x "$bin" ] || [ -n "$(find "$root/src" "$root/CMakeLists.txt" -newer "$bin" -print -quit)" ]; then
  BUILD_DIR="$build" "$root/scripts/build.sh" >&2
fi
dw=("$bin" --rules "$root/rules")

echo "== corpus evaluation gate (corpus/gold.jsonl, floors corpus/floors.json)"
gate=0
"${dw[@]}" eval --gold "$root/corpus/gold.jsonl" --floors "$root/corpus/floors.json" "${misses[@]}" || gate=$?
[ "$shared_scores" = 1 ] && [ -d "$shared/eval" ] || exit "$gate"

echo
echo "== ../shared/eval dev set (score.py; not gated)"
python3 "$shared/eval/score.py" --cmd "$bin --rules $root/rules extract --format jsonl" --set dev \
  || echo "eval: score.py failed (exit $?)"

if [ -f "$shared/eval/money/dev.tsv" ]; then
  echo
  echo "== ../shared/eval/money/dev.tsv (dealwatch amounts; not gated)"
  # A row is right when the first amount with an exact value has the gold
  # value (to the unit) and currency; rows with no gold value are skipped
  # (money/README.md). Each row is read with its own context.
  python3 - "$bin" "$root/rules" "$shared/eval/money/dev.tsv" "${misses[@]}" <<'PY' || echo "eval: money scoring failed"
import collections, json, subprocess, sys
binary, rules, path = sys.argv[1:4]
show = "--misses" in sys.argv[4:]
with open(path, encoding="utf-8") as f:
    rows = [line.rstrip("\n").split("\t") for line in f][1:]
rows = [r for r in rows if len(r) >= 5 and r[2] != ""]
right, total = collections.Counter(), collections.Counter()
for ctx in sorted({r[4] for r in rows}):
    part = [r for r in rows if r[4] == ctx]
    out = subprocess.run([binary, "--rules", rules, "amounts", "--context", ctx],
                         input="".join(r[1].replace("\n", " ") + "\n" for r in part),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for r, line in zip(part, out + [""] * (len(part) - len(out))):
        lang, text, value, currency = r[0], r[1], float(r[2]), r[3]
        got = [a for a in (json.loads(line).get("amounts", []) if line else []) if a.get("value") is not None]
        ok = bool(got) and abs(float(got[0]["value"]) - value) < 0.5 and got[0].get("currency") == currency
        total[lang] += 1
        right[lang] += ok
        if show and not ok:
            seen = "%s %s" % (got[0]["value"], got[0].get("currency")) if got else "nothing"
            print("  miss %-7s %-4s %s: want %.0f %s, got %s" % (lang, ctx, text, value, currency, seen))
for lang in sorted(total):
    print("  %-8s %3d/%3d  %.3f" % (lang, right[lang], total[lang], right[lang] / total[lang]))
n, k = sum(total.values()), sum(right.values())
print("  %-8s %3d/%3d  %.3f" % ("all", k, n, k / max(n, 1)))
PY
fi

if [ -d "$shared/bench" ]; then
  echo
  echo "== ../shared/bench article extraction (scripts/eval_articles.sh; not gated)"
  DEALWATCH_BENCH="$shared/bench" "$root/scripts/eval_articles.sh" "$build" || echo "eval: eval_articles.sh failed"
fi
exit "$gate"
