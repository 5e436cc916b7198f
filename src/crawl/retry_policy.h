// When the crawler tries again: within a run (timeouts, connection errors,
// 429 and 5xx, with exponential backoff, jitter and Retry-After) and across
// runs (UrlState::next_retry_at for URLs that failed). Pure functions apart
// from the caller's random generator; thread-safe.
#ifndef DEALWATCH_CRAWL_RETRY_POLICY_H_
#define DEALWATCH_CRAWL_RETRY_POLICY_H_

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "crawl/http_fetcher.h"

namespace dealwatch {

struct RetryPolicy {
  int max_retries = 3;          // retries after the first attempt
  int base_ms = 1000;           // first backoff
  int retry_after_max_s = 120;  // a longer Retry-After ends the attempts for this run
};

// True for answers worth another attempt in this run: "timeout",
// "connect", "network", HTTP 429 and 5xx.
bool IsRetryable(const HttpResponse& response);

// The reason recorded for a failed fetch: response.error, or "http N".
std::string FailureReason(const HttpResponse& response);

// Seconds a Retry-After value asks for (delta-seconds or an HTTP-date
// relative to `now_unix`); -1 when absent or unreadable.
int64_t ParseRetryAfter(std::string_view value, int64_t now_unix);

// Milliseconds to wait before retry number `retry` (1-based):
// base_ms * 2^(retry-1) * (1 + up to 50% jitter), at least `retry_after_s`
// (-1: none). Returns -1 when Retry-After exceeds retry_after_max_s.
int64_t RetryDelayMs(const RetryPolicy& policy, int retry, int64_t retry_after_s, std::mt19937* rng);

// When a URL that has now failed `failures` runs in a row may be fetched
// again: one hour, doubling per failure, at most 7 days, and not before
// `retry_after_s` (-1: none) has passed.
int64_t NextRetryAt(int64_t now_unix, int failures, int64_t retry_after_s);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_RETRY_POLICY_H_
