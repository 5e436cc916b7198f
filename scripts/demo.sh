#!/usr/bin/env bash
# Sets up (Debian packages), builds, and runs the nightly job on the bundled
# corpus: the crawler reads corpus/site/feed.xml over file://, extracts the
# deals and writes out/deals.db and out/report.html. Run it twice: the
# second run finds nothing new.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
mkdir -p "$root/out"
"$root/build/dealwatch" run --db "$root/out/deals.db" --report "$root/out/report.html"
echo
echo "deals in the database (sqlite3 $root/out/deals.db 'SELECT * FROM v_deals'):"
"$root/build/dealwatch" query --db "$root/out/deals.db" \
  "SELECT deal_id, borrower, amount, currency, type, status, source_count FROM v_deals ORDER BY deal_id"
