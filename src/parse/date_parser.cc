#include "parse/date_parser.h"

#include <cctype>
#include <cstdio>

#include "common/strings.h"

namespace dealwatch {
namespace {

constexpr int kNoZone = -10000;
constexpr size_t kMaxScan = 4096;  // bytes of text searched for a date

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  int zone = kNoZone;  // minutes east of UTC
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// A cursor over the text being matched.
class Cursor {
 public:
  Cursor(std::string_view s, size_t pos) : s_(s), pos_(pos) {}
  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

  // Reads min..max digits not followed by another digit.
  bool Int(int min, int max, int* value) {
    int n = 0, v = 0;
    while (n < max && IsDigit(Peek(n))) v = v * 10 + (Peek(n++) - '0');
    if (n < min || IsDigit(Peek(n))) return false;
    pos_ += n;
    *value = v;
    return true;
  }
  bool Lit(std::string_view lit) {
    if (s_.substr(pos_, lit.size()) != lit) return false;
    pos_ += lit.size();
    return true;
  }
  bool LitI(std::string_view lit) {
    if (s_.size() - pos_ < lit.size() || !IEquals(s_.substr(pos_, lit.size()), lit)) return false;
    pos_ += lit.size();
    return true;
  }
  bool OneOf(std::string_view chars, char* got) {
    if (AtEnd() || chars.find(Peek()) == std::string_view::npos) return false;
    *got = s_[pos_++];
    return true;
  }
  void Spaces() {
    while (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Lit("\xC2\xA0") ||
           Lit("\xE3\x80\x80")) {
      if (Peek() == ' ' || Peek() == '\t' || Peek() == '\n') ++pos_;
    }
  }
  std::string_view Word() {
    size_t b = pos_;
    while (IsAlpha(Peek())) ++pos_;
    return s_.substr(b, pos_ - b);
  }

 private:
  std::string_view s_;
  size_t pos_;
};

int MonthFromName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  std::string lower = AsciiLower(w);
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i] || lower == kFull[i] || (i == 8 && lower == "sept")) return i + 1;
  }
  return 0;
}

bool ValidDate(const DateTime& d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1990 || d.year > 2099 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > kDays[d.month - 1]) return false;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return !(d.month == 2 && d.day == 29 && !leap);
}

// Named zones that are unambiguous enough to use.
int ZoneFromName(std::string_view w) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"utc", 0},    {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240}, {"pst", -480},
      {"pdt", -420}, {"hkt", 480},  {"sgt", 480},  {"jst", 540},  {"kst", 540},  {"bst", 60},
      {"cet", 60},   {"cest", 120}, {"aest", 600}, {"aedt", 660}, {"wib", 420},  {"msk", 180},
  };
  std::string lower = AsciiLower(w);
  for (const Zone& z : kZones) {
    if (lower == z.name) return z.minutes;
  }
  return kNoZone;
}

// "+08:00", "+0800", "+8" after the sign at the cursor.
bool ParseOffset(Cursor* c, int* zone) {
  char sign;
  Cursor save = *c;
  if (!c->OneOf("+-", &sign)) return false;
  int h = 0, m = 0;
  if (!c->Int(1, 2, &h)) {
    Cursor probe = save;
    probe.OneOf("+-", &sign);
    if (!probe.Int(4, 4, &h)) return *c = save, false;
    m = h % 100, h /= 100;
    *c = probe;
  } else if (c->Lit(":") && !c->Int(2, 2, &m)) {
    return *c = save, false;
  }
  if (h > 14 || m > 59) return *c = save, false;
  *zone = (sign == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

void ParseZone(Cursor* c, DateTime* d) {
  Cursor save = *c;
  c->Spaces();
  c->Lit("(");
  if (ParseOffset(c, &d->zone)) return;
  std::string_view w = c->Word();
  int zone = ZoneFromName(w);
  if (zone == kNoZone) {
    *c = save;
    return;
  }
  d->zone = zone;
  int offset;
  if ((w == "UTC" || w == "GMT") && ParseOffset(c, &offset)) d->zone = offset;
}

// An optional time after a date: "T14:05:00.123Z", " 2:05 PM ET", "14:05".
void ParseTime(Cursor* c, DateTime* d) {
  Cursor save = *c;
  for (int skipped = 0; skipped < 4; ++skipped) {
    if (!c->Lit(" ") && !c->Lit(",") && !c->Lit("|") && !c->Lit("-") && !c->Lit("@") &&
        !c->Lit("T") && !c->Lit("\xC2\xA0") && !c->Lit("\xE3\x80\x80")) {
      break;
    }
  }
  c->LitI("at ");
  c->Spaces();
  int h, m, s = 0;
  if (!c->Int(1, 2, &h) || !c->Lit(":") || !c->Int(2, 2, &m)) {
    *c = save;
    return;
  }
  if (c->Lit(":")) c->Int(2, 2, &s);
  int fraction;
  if (c->Lit(".") && !c->Int(1, 9, &fraction)) {
    *c = save;
    return;
  }
  Cursor ampm = *c;
  ampm.Spaces();
  bool pm = ampm.LitI("pm") || ampm.LitI("p.m.");
  bool am = !pm && (ampm.LitI("am") || ampm.LitI("a.m."));
  if (am || pm) {
    *c = ampm;
    if (h == 12) h = 0;
    if (pm) h += 12;
  }
  if (h > 23 || m > 59 || s > 60) {
    *c = save;
    return;
  }
  d->hour = h, d->minute = m, d->second = s;
  ParseZone(c, d);
}

// 2025-08-23, 2025/8/23, 2025.08.23 (and 20250823 when `compact`).
bool MatchYmd(Cursor* c, DateTime* d, bool compact) {
  Cursor save = *c;
  if (compact && c->Int(8, 8, &d->year)) {
    d->day = d->year % 100, d->month = d->year / 100 % 100, d->year /= 10000;
    return true;
  }
  char sep, sep2;
  if (c->Int(4, 4, &d->year) && c->OneOf("-/.", &sep) && c->Int(1, 2, &d->month) &&
      c->OneOf("-/.", &sep2) && sep == sep2 && c->Int(1, 2, &d->day)) {
    return true;
  }
  *c = save;
  return false;
}

// 2025年8月23日; with `roc`, a Minguo year: 民國114年8月23日, 114年8月23日.
bool MatchHanYmd(Cursor* c, DateTime* d) {
  Cursor save = *c;
  bool roc = c->Lit("民國") || c->Lit("民国");
  c->Spaces();
  int year = 0;
  bool ok = roc ? c->Int(2, 3, &year) : (c->Int(4, 4, &year) || c->Int(3, 3, &year));
  if (ok && year < 1000) {
    roc = true;
  }
  c->Spaces();
  ok = ok && c->Lit("年");
  c->Spaces();
  ok = ok && c->Int(1, 2, &d->month);
  c->Spaces();
  ok = ok && c->Lit("月");
  c->Spaces();
  ok = ok && c->Int(1, 2, &d->day);
  c->Spaces();
  ok = ok && (c->Lit("日") || c->Lit("号") || c->Lit("號"));
  if (!ok) {
    *c = save;
    return false;
  }
  d->year = roc ? year + 1911 : year;
  return true;
}

// 114/08/23: a three-digit Minguo year with slashes.
bool MatchRocSlashes(Cursor* c, DateTime* d) {
  Cursor save = *c;
  int year;
  if (c->Int(3, 3, &year) && year >= 79 && c->Lit("/") && c->Int(2, 2, &d->month) && c->Lit("/") &&
      c->Int(2, 2, &d->day) && c->Peek() != '/') {
    d->year = year + 1911;
    return true;
  }
  *c = save;
  return false;
}

// Aug. 23, 2025 / August 23rd 2025 / 23 Aug 2025 / Sat, 23 Aug 2025.
bool MatchEnglish(Cursor* c, DateTime* d) {
  Cursor save = *c;
  int day = 0;
  bool day_first = c->Int(1, 2, &day);
  if (day_first) c->Spaces();
  d->month = MonthFromName(c->Word());
  if (d->month == 0) return *c = save, false;
  c->Lit(".");
  c->Spaces();
  if (!day_first) {
    if (!c->Int(1, 2, &day)) return *c = save, false;
    c->LitI("st") || c->LitI("nd") || c->LitI("rd") || c->LitI("th");
  }
  c->Lit(",");
  c->Spaces();
  if (!c->Int(4, 4, &d->year)) return *c = save, false;
  d->day = day;
  return true;
}

// 08/23/2025 (US order), 23/08/2025 when the first number exceeds 12, 23.08.2025.
bool MatchDmyOrMdy(Cursor* c, DateTime* d) {
  Cursor save = *c;
  int a, b;
  char sep, sep2;
  if (c->Int(1, 2, &a) && c->OneOf("/.", &sep) && c->Int(1, 2, &b) && c->OneOf("/.", &sep2) &&
      sep == sep2 && c->Int(4, 4, &d->year)) {
    bool dmy = sep == '.' || a > 12;
    d->day = dmy ? a : b;
    d->month = dmy ? b : a;
    return true;
  }
  *c = save;
  return false;
}

bool MatchAt(std::string_view s, size_t pos, DateTime* d) {
  char prev = pos > 0 ? s[pos - 1] : ' ';
  if (IsDigit(prev) || IsAlpha(prev)) return false;
  Cursor c(s, pos);
  bool ok = MatchHanYmd(&c, d) || MatchYmd(&c, d, pos == 0) || MatchRocSlashes(&c, d) ||
            MatchEnglish(&c, d) || MatchDmyOrMdy(&c, d);
  if (!ok || !ValidDate(*d)) return false;
  ParseTime(&c, d);
  return true;
}

std::string Format(const DateTime& d) {
  char buf[40];
  if (d.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour,
                d.minute, d.second);
  std::string out = buf;
  if (d.zone == 0) {
    out += "Z";
  } else if (d.zone != kNoZone) {
    int z = d.zone < 0 ? -d.zone : d.zone;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.zone < 0 ? '-' : '+', z / 60, z % 60);
    out += buf;
  }
  return out;
}

}  // namespace

std::string ParseDate(std::string_view text) {
  text = Trim(text.substr(0, kMaxScan));
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (!IsDigit(ch) && !IsAlpha(ch) && ch != '\xE6') continue;  // 民 starts with E6
    DateTime d;
    if (MatchAt(text, i, &d)) return Format(d);
    while (i + 1 < text.size() && (IsDigit(text[i + 1]) || IsAlpha(text[i + 1]))) ++i;
  }
  return "";
}

std::string DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return "";
  url = url.substr(path, url.find_first_of("?#", path) - path);
  for (size_t i = 1; i < url.size(); ++i) {
    if (!IsDigit(url[i]) || IsDigit(url[i - 1])) continue;
    DateTime d;
    Cursor c(url, i);
    if (MatchYmd(&c, &d, true) && ValidDate(d)) return Format(d);
  }
  return "";
}

}  // namespace dealwatch
