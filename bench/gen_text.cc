#include "gen_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "common/utf8.h"

namespace dealwatch::bench {

namespace {

// Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

bool ParseYmd(const std::string& s, int* y, int* m, int* d) {
  return s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 && *m <= 12;
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::vector<std::string> DateForms(const std::string& ymd) {
  int y, m, d;
  if (!ParseYmd(ymd, &y, &m, &d)) return {};
  char buf[8][64];
  std::string month = kMonths[m - 1], abbr = month.substr(0, 3);
  std::snprintf(buf[0], 64, "%04d-%02d-%02d", y, m, d);
  std::snprintf(buf[1], 64, "%04d/%02d/%02d", y, m, d);
  std::snprintf(buf[2], 64, "%04d年%d月%d日", y, m, d);
  std::snprintf(buf[3], 64, "%04d年%02d月%02d日", y, m, d);
  std::snprintf(buf[4], 64, "%s %d, %04d", month.c_str(), d, y);
  std::snprintf(buf[5], 64, "%s. %d, %04d", abbr.c_str(), d, y);
  std::snprintf(buf[6], 64, "%s %d, %04d", abbr.c_str(), d, y);
  std::snprintf(buf[7], 64, "%d %s %04d", d, month.c_str(), y);
  return std::vector<std::string>(buf, buf + 8);
}

bool StartsWith(std::string_view s, size_t at, std::string_view prefix) { return s.substr(at, prefix.size()) == prefix; }

// A money scale word or a currency sign around the number at [begin, end).
bool LooksLikeAmount(std::string_view s, size_t begin, size_t end) {
  for (std::string_view sign : {"$", "€", "£", "¥", "￥"}) {
    if (begin >= sign.size() && s.substr(begin - sign.size(), sign.size()) == sign) return true;
  }
  if (end < s.size() && s[end] == ' ') ++end;
  for (std::string_view unit : {"億", "亿", "萬", "万", "兆", "千億", "千亿", "billion", "million", "bn", "mn"}) {
    if (StartsWith(s, end, unit)) return true;
  }
  return StartsWith(s, end, "m") && (end + 1 == s.size() || !IsWordByte(s[end + 1]));
}

}  // namespace

bool IsWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void ShiftAmounts(std::string* html, int step) {
  if (step % 9 == 0) return;
  std::string& s = *html;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) continue;
    size_t end = i;
    while (end < s.size() && (IsDigit(s[end]) || s[end] == ',' || s[end] == '.')) ++end;
    while (end > i && !IsDigit(s[end - 1])) --end;
    if (s[i] != '0' && LooksLikeAmount(s, i, end)) s[i] = static_cast<char>('1' + (s[i] - '1' + step) % 9);
    i = end;
  }
}

size_t Utf8Next(std::string_view s, size_t pos) {
  if (pos >= s.size()) return s.size() + 1;
  size_t len = 1;
  DecodeUtf8(s, pos, &len);
  return pos + std::max<size_t>(len, 1);
}

std::string ParagraphText(std::string_view html) {
  std::string out;
  size_t pos = html.find("<h1");
  while (pos != std::string_view::npos) {
    pos = html.find("<p", pos);
    if (pos == std::string_view::npos || pos + 2 >= html.size()) break;
    if (html[pos + 2] != '>' && html[pos + 2] != ' ') {
      pos += 2;
      continue;
    }
    size_t end = html.find("</p>", pos);
    if (end == std::string_view::npos) break;
    bool in_tag = false;
    for (size_t i = pos; i < end; ++i) {
      if (html[i] == '<') in_tag = true;
      if (!in_tag) out += html[i];
      if (html[i] == '>') in_tag = false;
    }
    out += '\n';
    pos = end + 4;
  }
  return out;
}

std::string TagText(std::string_view html, std::string_view open, std::string_view close) {
  size_t b = html.find(open);
  if (b == std::string_view::npos) return "";
  b += open.size();
  size_t e = html.find(close, b);
  return e == std::string_view::npos ? "" : std::string(html.substr(b, e - b));
}

std::string MetaContent(std::string_view html, std::string_view name) {
  size_t at = html.find("name=\"" + std::string(name) + "\"");
  if (at == std::string_view::npos) return "";
  size_t tag_end = html.find('>', at);
  size_t c = html.find("content=\"", at);
  if (c == std::string_view::npos || c > tag_end) return "";
  c += 9;
  return std::string(html.substr(c, html.find('"', c) - c));
}

void ReplaceStem(std::string* s, std::string_view from, std::string_view to, bool (*touches)(char)) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t at = s->find(from, pos);
    if (at == std::string::npos) break;
    size_t end = at + from.size();
    bool ok = touches == nullptr || ((at == 0 || !touches((*s)[at - 1])) && (end == s->size() || !touches((*s)[end])));
    out.append(*s, pos, at - pos);
    out += ok ? to : from;
    pos = end;
  }
  out.append(*s, pos, std::string::npos);
  *s = std::move(out);
}

std::string ShiftDate(const std::string& ymd, int days) {
  int y, m, d;
  if (days == 0 || !ParseYmd(ymd, &y, &m, &d)) return ymd;
  CivilFromDays(DaysFromCivil(y, m, d) + days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

void ReplaceDate(std::string* html, const std::string& from, const std::string& to) {
  std::vector<std::string> a = DateForms(from), b = DateForms(to);
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) ReplaceStem(html, a[i], b[i], IsDigit);
}

std::string Rfc822(const std::string& ymd) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  int y, m, d;
  if (!ParseYmd(ymd, &y, &m, &d)) return "";
  int64_t z = DaysFromCivil(y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %.3s %04d 00:00:00 +0000", kDays[((z % 7) + 11) % 7], d, kMonths[m - 1], y);
  return buf;
}

std::string Splice(std::string_view html, const Chrome& chrome) {
  struct Insert {
    size_t at;
    const std::string* piece;
  };
  std::vector<Insert> inserts;
  size_t head = html.find("</head>");
  if (head != std::string_view::npos) inserts.push_back({head, &chrome.head});
  size_t body = html.find("<body");
  size_t open_end = body == std::string_view::npos ? body : html.find('>', body);
  if (open_end != std::string_view::npos) inserts.push_back({open_end + 1, &chrome.top});
  size_t close = html.rfind("</body>");
  size_t pos = html.find("<h1", open_end == std::string_view::npos ? 0 : open_end);
  for (size_t n = 0, k = 0; pos != std::string_view::npos && k < chrome.in_body.size();) {
    pos = html.find("</p>", pos);
    if (pos == std::string_view::npos || pos > close) break;
    pos += 4;
    if (++n % 2 == 0) inserts.push_back({pos, &chrome.in_body[k++]});
  }
  if (close != std::string_view::npos) inserts.push_back({close, &chrome.bottom});
  std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) { return a.at < b.at; });
  std::string out;
  size_t total = html.size();
  for (const Insert& i : inserts) total += i.piece->size();
  out.reserve(total);
  size_t from = 0;
  for (const Insert& i : inserts) {
    out.append(html.substr(from, i.at - from));
    out += *i.piece;
    from = i.at;
  }
  out.append(html.substr(from));
  return out;
}

}  // namespace dealwatch::bench
