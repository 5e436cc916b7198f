// Dates as feeds write them, turned into ISO 8601 for Page::published_hint.
// Accepts ISO 8601 / W3C datetime (Atom, sitemaps, dc:date) and RFC 822 /
// RFC 1123 (RSS pubDate, HTTP dates). Pure functions; thread-safe.
#ifndef DEALWATCH_CRAWL_FEED_DATES_H_
#define DEALWATCH_CRAWL_FEED_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dealwatch {

// "2025-08-23", "2025-08-23T14:05:00+08:00" (an ISO input keeps its offset;
// fractions are dropped) or "2025-08-23T06:05:00Z" (RFC 822 input, in UTC).
// Returns "" when `text` is not a date.
std::string NormalizeFeedDate(std::string_view text);

// Unix seconds of a NormalizeFeedDate() result (a bare date is midnight
// UTC), or -1 when it cannot be read.
int64_t IsoDateToUnix(std::string_view iso);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_FEED_DATES_H_
