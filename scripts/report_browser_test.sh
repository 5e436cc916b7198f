#!/bin/sh
# Renders the report of a run over the bundled corpus in headless Chromium
# (Debian's `chromium` package) and checks what a reader sees: the page
# loads from the file alone, its table script ran (every sortable table got
# its filter box), the deals, the league table and the volume chart are
# there, and it prints. Leaves report.png and report.pdf to look at.
# usage: scripts/report_browser_test.sh [DEALWATCH_BINARY] [OUT_DIR]
# Exits 77 (CTest: skipped) with a message when Chromium is not installed.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/dealwatch}
out=${2:-$(mktemp -d /tmp/dealwatch-report-XXXXXX)}
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: no Chromium found (apt-get install chromium) - the report was not checked in a browser"
  exit 77
fi
test -x "$bin" || { echo "report_browser_test: $bin is not an executable (build first)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/deals.db "$out"/deals.db-wal "$out"/deals.db-shm "$out"/deals.db.lock  # a fresh run: every deal is new
"$bin" --log-level error run --db "$out/deals.db" --report "$out/report.html" >"$out/run.txt"

# No network: the browser gets a proxy that does not exist, so any fetch fails.
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --proxy-server=127.0.0.1:9 --user-data-dir="$out/profile" "$@" 2>>"$out/chromium.log"
}
chrome --dump-dom "file://$out/report.html" >"$out/dom.html"
chrome --window-size=1280,4000 --screenshot="$out/report.png" "file://$out/report.html" >/dev/null
chrome --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "file://$out/report.html" >/dev/null

fail=0
check() {  # check DESCRIPTION COMMAND...
  what=$1; shift
  if "$@"; then echo "ok:   $what"; else echo "FAIL: $what"; fail=1; fi
}
tables=$(grep -Eo '<table class="?sortable' "$out/report.html" | wc -l)
filters=$(grep -o 'class="filter"' "$out/dom.html" | wc -l)
check "the page has sortable tables ($tables)" test "$tables" -gt 0
check "the script ran: one filter box per sortable table ($filters)" test "$filters" -eq "$tables"
check "deals are shown (Vantage Data Centers)" grep -q "Vantage Data Centers" "$out/dom.html"
check "Chinese text is shown (聯合貸款 or 聯貸)" grep -Eq "聯合貸款|聯貸" "$out/dom.html"
check "the league table is there" grep -qi "league" "$out/dom.html"
check "the volume chart is inline SVG" grep -q "<svg" "$out/dom.html"
png=$(wc -c <"$out/report.png" 2>/dev/null || echo 0)
pdf=$(wc -c <"$out/report.pdf" 2>/dev/null || echo 0)
check "a screenshot was rendered ($png bytes)" test "$png" -gt 20000
check "the report prints to PDF ($pdf bytes)" test "$pdf" -gt 20000
echo "screenshot: $out/report.png  pdf: $out/report.pdf"
exit $fail
