#include "crawl/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>

#include "common/strings.h"

namespace dealwatch {

namespace {
constexpr int64_t kFirstRunRetryS = 3600;
constexpr int64_t kMaxRunRetryS = 7 * 24 * 3600;
}  // namespace

bool IsRetryable(const HttpResponse& r) {
  if (!r.error.empty()) return r.error == "timeout" || r.error == "connect" || r.error == "network";
  return r.status == 429 || (r.status >= 500 && r.status <= 599);
}

std::string FailureReason(const HttpResponse& r) {
  if (!r.error.empty()) return r.error;
  return "http " + std::to_string(r.status);
}

int64_t ParseRetryAfter(std::string_view value, int64_t now_unix) {
  std::string v(Trim(value));
  if (v.empty()) return -1;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return v.size() > 9 ? kMaxRunRetryS : std::strtoll(v.c_str(), nullptr, 10);
  }
  time_t when = curl_getdate(v.c_str(), nullptr);
  if (when == -1) return -1;
  return std::max<int64_t>(0, static_cast<int64_t>(when) - now_unix);
}

int64_t RetryDelayMs(const RetryPolicy& policy, int retry, int64_t retry_after_s, std::mt19937* rng) {
  if (retry_after_s > policy.retry_after_max_s) return -1;
  int shift = std::clamp(retry - 1, 0, 20);
  int64_t backoff = int64_t{policy.base_ms} << shift;
  std::uniform_int_distribution<int64_t> jitter(0, backoff / 2);
  backoff += jitter(*rng);
  return std::max(backoff, retry_after_s * 1000);
}

int64_t NextRetryAt(int64_t now_unix, int failures, int64_t retry_after_s) {
  int shift = std::clamp(failures - 1, 0, 20);
  int64_t wait = std::min(kFirstRunRetryS << shift, kMaxRunRetryS);
  return now_unix + std::max(wait, retry_after_s);
}

}  // namespace dealwatch
