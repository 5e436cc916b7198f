// RunNightly: the whole nightly job. Loads the rules (failing before any
// crawling when they are bad), opens and locks the database, crawls every
// source, and stores each new or changed article with its deals in its own
// transaction, then logs the run and writes the report. Interrupting it
// (stop flag, kill) loses nothing stored; the next run resumes.
#ifndef DEALWATCH_PIPELINE_NIGHTLY_RUN_H_
#define DEALWATCH_PIPELINE_NIGHTLY_RUN_H_

#include <atomic>
#include <cstdint>
#include <string>

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

// kUnavailable when another run holds the lock; kInvalidArgument for bad
// rules or config; other errors when the database cannot be used.
Result<NightlyResult> RunNightly(const RunConfig& config, const std::atomic<bool>* stop);

// One line per source and a total, for the terminal and cron mail.
std::string SummaryText(const NightlyResult& result, const RunConfig& config);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_NIGHTLY_RUN_H_
