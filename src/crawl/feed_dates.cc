#include "crawl/feed_dates.h"

#include <curl/curl.h>

#include <cstdio>
#include <ctime>

#include "common/strings.h"

namespace dealwatch {

namespace {

struct IsoParts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  int offset_minutes = 0;
  std::string zone;  // "Z", "+08:00" or "" (no zone: taken as UTC)
};

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool ParseZone(std::string_view s, size_t p, IsoParts* d) {
  if (p == s.size()) return true;
  if (s[p] == 'Z' || s[p] == 'z') {
    d->zone = "Z";
    return p + 1 == s.size();
  }
  if (s[p] != '+' && s[p] != '-') return false;
  int hh = 0, mm = 0;
  if (!Digits(s, p + 1, 2, &hh)) return false;
  size_t q = p + 3;
  if (q < s.size() && s[q] == ':') ++q;
  if (q < s.size() && !Digits(s, q, 2, &mm)) return false;
  if (q < s.size()) q += 2;
  if (q != s.size() || hh > 23 || mm > 59) return false;
  d->offset_minutes = (s[p] == '-' ? -1 : 1) * (hh * 60 + mm);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", s[p], hh, mm);
  d->zone = buf;
  return true;
}

bool ParseTime(std::string_view s, size_t p, IsoParts* d) {
  if (!Digits(s, p, 2, &d->hour) || p + 2 >= s.size() || s[p + 2] != ':' ||
      !Digits(s, p + 3, 2, &d->minute)) {
    return false;
  }
  p += 5;
  if (p < s.size() && s[p] == ':') {
    if (!Digits(s, p + 1, 2, &d->second)) return false;
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    }
  }
  d->has_time = true;
  return d->hour <= 23 && d->minute <= 59 && d->second <= 60 && ParseZone(s, p, d);
}

bool ParseIso(std::string_view s, IsoParts* d) {
  if (!Digits(s, 0, 4, &d->year) || s.size() < 10 || s[4] != '-' || s[7] != '-' ||
      !Digits(s, 5, 2, &d->month) || !Digits(s, 8, 2, &d->day)) {
    return false;
  }
  if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return false;
  return ParseTime(s, 11, d);
}

std::string FormatIso(const IsoParts& d) {
  char buf[40];
  if (!d.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", d.year, d.month, d.day,
                  d.hour, d.minute, d.second, d.zone.empty() ? "Z" : d.zone.c_str());
  }
  return buf;
}

}  // namespace

std::string NormalizeFeedDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty() || s.size() > 64) return "";
  IsoParts iso;
  if (ParseIso(s, &iso)) return FormatIso(iso);
  std::string copy(s);
  time_t t = curl_getdate(copy.c_str(), nullptr);
  if (t == -1) return "";
  std::tm tm{};
  // curl_getdate takes a year of any length ("2044621"); ISO 8601 as read
  // back by IsoDateToUnix has four digits.
  if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1000 || tm.tm_year + 1900 > 9999) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t IsoDateToUnix(std::string_view iso) {
  IsoParts d;
  if (!ParseIso(Trim(iso), &d)) return -1;
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  tm.tm_hour = d.hour;
  tm.tm_min = d.minute;
  tm.tm_sec = d.second;
  return static_cast<int64_t>(timegm(&tm)) - int64_t{d.offset_minutes} * 60;
}

}  // namespace dealwatch
