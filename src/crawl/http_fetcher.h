// HttpFetcher runs many HTTP(S) transfers at once on one libcurl multi
// handle: HTTP/2 where offered, TLS verified, gzip/deflate/br decoded,
// connect/total/low-speed timeouts, bodies cut at max_bytes while they
// stream, and the private-address guard applied to every connection it
// opens or reuses. It neither follows redirects (the crawler does, so each
// hop passes robots and politeness) nor retries; the caller decides.
// Also ReadLocalUrl, the file:// counterpart.
// Not thread-safe: one thread calls Start and Poll.
#ifndef DEALWATCH_CRAWL_HTTP_FETCHER_H_
#define DEALWATCH_CRAWL_HTTP_FETCHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "crawl/curl_handles.h"

namespace dealwatch {

struct FetchOptions {
  std::string user_agent;
  int connect_timeout_s = 10;
  int timeout_s = 30;
  int low_speed_s = 30;  // under 1 byte/s for this long: "timeout"
};

struct HttpRequest {
  std::string url;                // http or https
  std::string if_none_match;      // ETag for a conditional GET, or ""
  std::string if_modified_since;  // Last-Modified for a conditional GET, or ""
  int64_t max_bytes = 10 << 20;   // decoded body limit: beyond it, error "too large"
  int64_t keep_bytes = -1;        // body bytes kept (-1: all); the rest is read,
                                  // counted against max_bytes and dropped
  bool allow_private = false;
  bool follow_redirects = false;  // only for robots.txt (at most 5)
};

struct HttpResponse {
  // "" when an HTTP answer arrived; else why not: "timeout", "dns",
  // "connect", "tls", "too large", "private address", "network",
  // "bad encoding", "scheme", "not found" (file), "io" (file).
  std::string error;
  std::string error_detail;  // libcurl's message, for logs
  int status = 0;            // HTTP status, 0 without an answer
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string retry_after;   // header value as sent, or ""
  std::string redirect_url;  // absolute target of a 3xx, or ""
  std::string final_url;     // URL of the answer (differs after followed redirects)
  std::string body;          // decoded bytes
  double seconds = 0;
};

class HttpFetcher {
 public:
  static Result<std::unique_ptr<HttpFetcher>> Create(const FetchOptions& options);
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // Starts a transfer that Poll reports under `id`. Fails for a request
  // libcurl refuses (then nothing is reported).
  Status Start(uint64_t id, const HttpRequest& request);

  // Moves transfers along, waiting up to `timeout_ms` for network activity,
  // and appends those that finished (in any way) to `*done`.
  void Poll(int timeout_ms, std::vector<std::pair<uint64_t, HttpResponse>>* done);

  // Cancels every transfer; none of them is reported.
  void AbortAll();

  size_t active() const { return transfers_.size(); }

  struct Transfer;  // defined in the .cc

 private:
  explicit HttpFetcher(const FetchOptions& options);
  void ReadDone(std::vector<std::pair<uint64_t, HttpResponse>>* done);
  void Finish(CURL* easy, CURLcode code, std::vector<std::pair<uint64_t, HttpResponse>>* done);

  FetchOptions options_;
  // Transfers hold easy handles that are added to multi_, so they are
  // declared after it and removed in the destructor before it is cleaned up.
  CurlMultiPtr multi_;
  std::map<uint64_t, std::unique_ptr<Transfer>> transfers_;
};

// Reads a file:// URL like a fetch: status 200 and the bytes, or error
// "not found", "io" or "too large" (more than `max_bytes`).
HttpResponse ReadLocalUrl(const std::string& url, int64_t max_bytes);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_HTTP_FETCHER_H_
