// What one crawl run did, per source: counts for the run log, the report
// and the exit code. Plain data, filled by Crawler::Run.
#ifndef DEALWATCH_CRAWL_CRAWL_REPORT_H_
#define DEALWATCH_CRAWL_CRAWL_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dealwatch {

// Every discovered page ends in exactly one of handed_on, not_modified,
// unchanged, duplicates, failed or skipped; `failed` also counts the
// source's own feeds, sitemaps and filing indexes that could not be read,
// so failed_completely always comes with failed >= 1.
struct SourceReport {
  std::string source;    // name from the config
  int discovered = 0;    // distinct canonical page URLs found (a URL another source
                         // found first in this run counts there only)
  int fetched = 0;       // page bodies received (2xx), handed on or not
  int handed_on = 0;     // new or changed pages given to on_page
  int not_modified = 0;  // 304 answers to a conditional GET
  int unchanged = 0;     // 2xx bodies with the stored content hash
  int duplicates = 0;    // 2xx bodies identical to another page's (stored or this run)
  int failed = 0;        // pages, feeds, sitemaps, indexes given up on; reasons in `failures`
  int skipped = 0;       // not requested: retry not due, known immutable,
                         // max_pages reached or run stopped
  // Failed requests of this source (pages, feeds, sitemaps, filing indexes)
  // by reason: "http 404", "http 503", "timeout", "too large", "robots",
  // "robots unavailable", "private address", "dns", "connect", "tls",
  // "network", "redirect loop", "too many redirects", "scheme",
  // "not found", "io", "bad feed".
  std::map<std::string, int> failures;
  int64_t bytes = 0;     // body bytes received for this source (decoded)
  double seconds = 0;    // from the first request of the source to its last event
  bool failed_completely = false;  // the source's own feed/sitemap/listing could not be read
  std::string error;     // why, when failed_completely
};

struct CrawlReport {
  std::vector<SourceReport> sources;  // in config order
  bool stopped = false;               // `stop` was set before the run ended
  double seconds = 0;                 // the whole run
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_CRAWL_REPORT_H_
