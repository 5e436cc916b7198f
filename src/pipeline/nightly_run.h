// RunNightly: the whole nightly job. Takes the database lock, loads the
// rules (failing before any crawling when they are bad), opens the
// database, crawls every source, and stores each new or changed article
// with its deals and its crawl state in one transaction, then logs the
// run (config with secrets masked, start and end, counts per stage and per
// source, errors; every URL in them redacted by common/redact.h) and
// writes the report. Interrupting it (stop flag,
// kill -9, power loss) loses nothing stored: the next run marks the killed
// run interrupted, skips what is stored (conditional GETs, content hashes)
// and does the rest.
// One RunNightly at a time per database (RunLock); not reentrant.
#ifndef DEALWATCH_PIPELINE_NIGHTLY_RUN_H_
#define DEALWATCH_PIPELINE_NIGHTLY_RUN_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crawl/crawl_report.h"
#include "pipeline/run_config.h"
#include "store/deal_store.h"

namespace dealwatch {

struct NightlyResult {
  int64_t run_id = 0;
  RunSummary summary;
  CrawlReport crawl;
  bool source_failed = false;  // some source's feed could not be read at all
  std::string report_path;
  double seconds = 0;
};

// Where a run is, for a progress display. `page_done` is false just before
// a page is processed (a display should get out of the way of log lines
// then) and true after.
struct RunProgress {
  bool page_done = false;
  std::string source, url;
  int pages = 0, articles_new = 0, articles_changed = 0, deals_new = 0, errors = 0;
  double seconds = 0;  // since the crawl started
};
using RunProgressFn = std::function<void(const RunProgress&)>;

// kUnavailable when another run holds the lock (LockHeldByAnotherRun());
// kInvalidArgument for bad rules or config; other errors when the database
// cannot be used. `stop` (may be null) ends the run early, marked
// "interrupted". `on_progress` (may be empty) is called on this thread.
Result<NightlyResult> RunNightly(const RunConfig& config, const std::atomic<bool>* stop,
                                 const RunProgressFn& on_progress = {});

// One line per source and a total, for the terminal and cron mail.
std::string SummaryText(const NightlyResult& result, const RunConfig& config);

// The config text with the value of every key whose name contains
// "password", "token", "secret" or "key" (any case, quoted or bare, in
// tables or inline tables) replaced by "***". Other text is kept as is.
std::string MaskSecrets(std::string_view config_text);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_NIGHTLY_RUN_H_
