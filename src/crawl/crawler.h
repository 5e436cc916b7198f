// Crawler is the crawl stage: for each configured source it discovers URLs
// (feed, sitemap, listing page, fixed list or EDGAR filings), fetches them
// politely and incrementally, and hands every new or changed page to the
// caller. docs/crawl.md describes the behaviour; in short:
//   - concurrent across hosts, one request at a time per host, spaced by
//     max(delay_ms, robots.txt Crawl-delay) (and >= 100 ms to sec.gov);
//   - robots.txt obeyed (fetched once per host and run);
//   - conditional GETs from the UrlStateStore; 304s, unchanged bodies and
//     bodies identical to another page are not handed on;
//   - retries with backoff for transient failures; a failing URL is not
//     tried again before its next_retry_at; one failing source never stops
//     the others;
//   - private and loopback addresses refused unless allow_private.
// Thread-safety: Run is single-threaded (transfers progress between
// on_page calls, so on_page should take milliseconds, not seconds); one Run
// at a time per Crawler. REQUIRES: a CurlGlobal exists during Run.
#ifndef DEALWATCH_CRAWL_CRAWLER_H_
#define DEALWATCH_CRAWL_CRAWLER_H_

#include <atomic>
#include <functional>

#include "crawl/crawl_config.h"
#include "crawl/crawl_report.h"
#include "crawl/page.h"
#include "crawl/url_state_store.h"

namespace dealwatch {

class Crawler {
 public:
  // `store` is borrowed and must outlive the crawler. REQUIRES: `config`
  // came from ParseCrawlConfig (URLs canonical, values validated).
  Crawler(CrawlConfig config, UrlStateStore* store);

  // Crawls every source once. Calls `on_page` on the calling thread, one
  // page at a time, for each page that is new or changed (at most
  // max_pages per source); the page's `state` is what the caller should
  // store (UrlStateStore::Put) once the page is processed. Everything not
  // handed on is recorded in the store by the crawler itself. When `stop`
  // (may be null) becomes true, transfers are cancelled and Run returns
  // soon with report.stopped set. Never fails as a whole: failures are in
  // the report.
  CrawlReport Run(const std::function<void(Page&&)>& on_page, const std::atomic<bool>* stop);

 private:
  CrawlConfig config_;
  UrlStateStore* store_;  // not owned
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_CRAWLER_H_
