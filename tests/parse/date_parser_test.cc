// Tests parse/date_parser.cc: each date form pages use, as a table.
#include "parse/date_parser.h"

#include <catch2/catch.hpp>
#include <string>

namespace dealwatch {
namespace {

struct DateCase {
  const char* text;
  const char* iso;
};

TEST_CASE("Parse ISO 8601 and RFC 3339 dates", "[parse]") {
  const DateCase cases[] = {
      {"2025-08-23T14:05:00+08:00", "2025-08-23T14:05:00+08:00"},
      {"2025-08-23T14:05:00.123Z", "2025-08-23T14:05:00Z"},
      {"2025-08-23T06:05:00-0400", "2025-08-23T06:05:00-04:00"},
      {"2025-08-23", "2025-08-23"},
      {"2025-08-23 14:05", "2025-08-23T14:05:00"},
      {"20250823", "2025-08-23"},
      {"2005-5-7 21:23:57", "2005-05-07T21:23:57"},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(ParseDate(c.text) == c.iso);
  }
}

TEST_CASE("Parse numeric dates with slashes and dots", "[parse]") {
  const DateCase cases[] = {
      {"2025/08/23 14:05", "2025-08-23T14:05:00"},
      {"2025.8.23", "2025-08-23"},
      {"08/23/2025", "2025-08-23"},
      {"23/08/2025", "2025-08-23"},
      {"23.08.2025", "2025-08-23"},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(ParseDate(c.text) == c.iso);
  }
}

TEST_CASE("Parse English dates with month names", "[parse]") {
  const DateCase cases[] = {
      {"Aug. 23, 2025", "2025-08-23"},
      {"August 23rd, 2025", "2025-08-23"},
      {"Published: Sept 3 2025", "2025-09-03"},
      {"23 Aug 2025", "2025-08-23"},
      {"Sat, 23 Aug 2025 14:05:00 +0800", "2025-08-23T14:05:00+08:00"},
      {"Aug. 23, 2025 2:05 PM EDT", "2025-08-23T14:05:00-04:00"},
      {"November 19, 2019, 9:02 AM", "2019-11-19T09:02:00"},
      {"Updated 12:30 a.m. GMT, March 1, 2024", "2024-03-01"},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(ParseDate(c.text) == c.iso);
  }
}

TEST_CASE("Parse Chinese dates, with and without time", "[parse]") {
  const DateCase cases[] = {
      {"2025年8月23日", "2025-08-23"},
      {"发布时间：2025年08月23日14:05", "2025-08-23T14:05:00"},
      {"2025年8月23日 14:05:09", "2025-08-23T14:05:09"},
      {"2025 年 8 月 23 日", "2025-08-23"},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(ParseDate(c.text) == c.iso);
  }
}

TEST_CASE("Parse Taiwanese dates with Minguo years", "[parse]") {
  const DateCase cases[] = {
      {"民國114年8月23日", "2025-08-23"},
      {"民国114年8月23日", "2025-08-23"},
      {"114年8月23日", "2025-08-23"},
      {"發布日期：114/08/23", "2025-08-23"},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(ParseDate(c.text) == c.iso);
  }
}

TEST_CASE("Reject strings that are not dates", "[parse]") {
  for (const char* text : {"", "no date here", "2025-13-01", "2025-02-30", "1899-01-01",
                           "version 10.2.3", "call 2025/99/99", "1234567890"}) {
    INFO(text);
    CHECK(ParseDate(text).empty());
  }
}

TEST_CASE("Find dates in URL paths", "[parse]") {
  const DateCase cases[] = {
      {"https://example.com/2025/08/23/bank-loan/", "2025-08-23"},
      {"https://example.com/news/2025-08-23/loan.html", "2025-08-23"},
      {"https://example.com/a/20250823/loan.html", "2025-08-23"},
      {"https://example.com/article-20250823.html?id=1", "2025-08-23"},
      {"https://example.com/story/12345678", ""},
      {"https://example.com/", ""},
  };
  for (const DateCase& c : cases) {
    INFO(c.text);
    CHECK(DateFromUrl(c.text) == c.iso);
  }
}

}  // namespace
}  // namespace dealwatch
