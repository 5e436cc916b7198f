#!/bin/sh
# Scores `dealwatch article` on the article-extraction benchmarks (issue 5).
# usage: scripts/eval_articles.sh [BUILD_DIR] [--per-page]
# Writes the predictions to BUILD_DIR/article-{en,zh}.json and prints the
# scorer's lines for the English/multilingual set and the Chinese set.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
bench=${DEALWATCH_BENCH:-$here/../shared/bench}
"$build/dealwatch" article --format bench-json "$bench"/article-extraction/html/*.html.gz \
  > "$build/article-en.json"
"$build/dealwatch" article --format bench-json "$bench"/article-extraction-zh/original/*.html \
  > "$build/article-zh.json"
echo "== article-extraction (181 pages)"
python3 "$bench/score_articles.py" "$build/article-en.json" "$@"
echo "== article-extraction-zh (69 pages, --tokens cjk)"
python3 "$bench/score_articles.py" "$build/article-zh.json" \
  --gt "$bench/article-extraction-zh/eval/cleaned_ground.json" --tokens cjk "$@"
