// The crawl part of the TOML config: the global [crawl] table and one
// [[source]] table per source. docs/crawl.md documents every key. Other
// top-level tables and keys belong to other stages and are ignored here.
// Plain data; ParseCrawlConfig is a pure function (thread-safe).
#ifndef DEALWATCH_CRAWL_CRAWL_CONFIG_H_
#define DEALWATCH_CRAWL_CRAWL_CONFIG_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dealwatch {

struct SourceConfig {
  std::string name;
  std::string kind;                 // rss, atom, sitemap, listing, urls, edgar
  std::string url;                  // feed / sitemap / listing / EDGAR feed URL
  std::vector<std::string> urls;    // for kind = "urls"
  std::string link_pattern;         // RE2 selecting article links (listing)
  std::vector<std::string> forms;   // EDGAR form types (default {"8-K"})
  std::string context;              // market: TW, CN, HK, JP, US, ... or ""
  std::string lang;                 // lang hint or ""
  std::string charset;              // charset override or ""
  int max_pages = 200;              // per run
  int delay_ms = 1000;              // minimum gap between two requests to one host
  bool allow_private = false;       // allow loopback/private addresses
  bool obey_robots = true;          // key `robots`; false skips robots.txt for this source
  int line = 0;                     // line of the [[source]] header, for messages
};

struct CrawlConfig {
  std::string user_agent = "dealwatch/0.1 (+mailto:dealwatch@example.invalid)";
  int timeout_s = 30;
  int64_t max_bytes = 10 << 20;
  int concurrency = 8;
  int connect_timeout_s = 10;
  int low_speed_s = 30;         // a transfer under 1 byte/s for this long times out
  int max_retries = 3;          // retries after the first attempt (timeouts, 429, 5xx, ...)
  int retry_base_ms = 1000;     // first backoff; doubles per retry, plus up to 50% jitter
  int retry_after_max_s = 120;  // a longer Retry-After gives up for this run
  std::vector<SourceConfig> sources;
};

// Parses the [crawl] table and the [[source]] tables of `toml_text`.
// `origin` names the text in messages; relative `url`s (local paths) resolve
// against `base_dir`, or against the folder of `origin` when it is empty, and
// become file:// URLs. URLs come out canonical (see crawl/url.h).
// Errors are kInvalidArgument with "origin:line: context: cause", e.g.
// "config.toml:12: source 'udn': unknown key 'delay'".
Result<CrawlConfig> ParseCrawlConfig(std::string_view toml_text, const std::string& origin,
                                     const std::filesystem::path& base_dir = {});

// Reads and parses the file at `path` (relative urls resolve against its folder).
Result<CrawlConfig> LoadCrawlConfig(const std::filesystem::path& path);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_CRAWL_CONFIG_H_
