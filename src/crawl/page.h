// What the crawl stage hands on: one fetched document with enough context to
// decode it and to remember it for the next run. Plain data.
#ifndef DEALWATCH_CRAWL_PAGE_H_
#define DEALWATCH_CRAWL_PAGE_H_

#include <cstdint>
#include <string>

namespace dealwatch {

// Per-URL memory between runs (kept in the database by the store stage).
struct UrlState {
  std::string url;            // canonical URL (the key)
  std::string source;         // name of the source that found it
  std::string etag;           // validators for a conditional GET
  std::string last_modified;
  std::string content_hash;   // hex SHA-256 (or similar) of the last body
  int last_status = 0;        // HTTP status, or 0 for a transport failure
  std::string last_error;     // reason of the last failure, "" after success
  int64_t fetched_at = 0;     // unix seconds of the last fetch attempt
  int64_t next_retry_at = 0;  // unix seconds before which a failed URL is not retried
  int failures = 0;           // consecutive failures
};

struct Page {
  std::string source;          // source name from the config
  std::string context;         // the source's market: "TW", "CN", "HK", "US", ... or ""
  std::string lang_hint;       // the source's `lang`, or ""
  std::string charset;         // the source's `charset` override, or ""
  std::string url;             // canonical URL as requested
  std::string final_url;       // after redirects
  std::string content_type;    // HTTP Content-Type header value, or "" (file://)
  std::string body;            // raw bytes (Content-Encoding already decoded)
  std::string title_hint;      // title from the feed entry, or ""
  std::string published_hint;  // date from the feed entry / sitemap (ISO 8601), or ""
  int http_status = 0;
  UrlState state;              // the state to store once the page is processed
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_PAGE_H_
