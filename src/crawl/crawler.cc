#include "crawl/crawler.h"

#include <utility>

#include "crawl/crawl_run.h"

namespace dealwatch {

Crawler::Crawler(CrawlConfig config, UrlStateStore* store)
    : config_(std::move(config)), store_(store) {}

CrawlReport Crawler::Run(const std::function<void(Page&&)>& on_page, const std::atomic<bool>* stop) {
  CrawlRun run(config_, store_, on_page, stop);
  return run.Run();
}

}  // namespace dealwatch
