// Reads dates as pages write them and returns ISO 8601: "2025-08-23", or
// "2025-08-23T14:05:00" with "+08:00" / "Z" appended when the zone is known.
// Forms understood:
//   ISO and RFC 3339     2025-08-23T14:05:00+08:00, 2025-08-23 14:05, 20250823
//   numeric              2025/08/23 14:05, 2025.8.23, 08/23/2025, 23.08.2025
//   English              Aug. 23, 2025; August 23rd, 2025 2:05 PM ET; 23 Aug 2025;
//                        Sat, 23 Aug 2025 14:05:00 +0800
//   Chinese              2025年8月23日 14:05, 2025年08月23日14:05
//   ROC (Taiwan) years   民國114年8月23日, 114年8月23日, 114/08/23
// Years outside 1990-2099 (after ROC conversion) are rejected. Pure functions;
// thread-safe.
#ifndef DEALWATCH_PARSE_DATE_PARSER_H_
#define DEALWATCH_PARSE_DATE_PARSER_H_

#include <string>
#include <string_view>

namespace dealwatch {

// The first date in `text`, as ISO 8601, or "" when there is none.
std::string ParseDate(std::string_view text);

// A date in a URL path: /2025/08/23/, /2025-08-23/, /20250823/ or
// article-20250823.html. "" when none.
std::string DateFromUrl(std::string_view url);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_DATE_PARSER_H_
