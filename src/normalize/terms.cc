#include "normalize/terms.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/chinese_number.h"

namespace dealwatch {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWith(std::string_view text, size_t pos, std::string_view word) {
  return text.substr(pos, word.size()) == word;
}

// True when a numeral may start at pos: not in the middle of a number or a word.
bool AtNumberStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  char prev = text[pos - 1];
  if (IsAsciiDigit(prev)) return false;
  if ((prev == '.' || prev == ',') && pos > 1 && IsAsciiDigit(text[pos - 2])) return false;
  if (IsAsciiAlpha(prev) && IsAsciiAlpha(text[pos])) return false;
  if (IsAsciiAlpha(prev) && IsAsciiDigit(text[pos])) return false;
  // "二〇二五年" must not be read again from "〇二五年".
  return !ReadNumeral(text, Utf8Floor(text, pos - 1));
}

std::optional<Numeral> ReadAnyNumber(std::string_view text, size_t pos) {
  if (!AtNumberStart(text, pos)) return std::nullopt;
  if (IsAsciiAlpha(text[pos])) return ReadNumberWords(text, pos);
  std::optional<Numeral> n = ReadNumeral(text, pos);
  if (n && (n->has_big_scale || n->more_than)) return std::nullopt;
  return n;
}

// ---- Tenors ---------------------------------------------------------------

struct Unit {
  std::string_view text;
  double years;
  bool strong;  // names a loan term by itself ("5年期", "7-year")
  bool latin;
};

constexpr Unit kTenorUnits[] = {
    {"年期", 1, true, false},       {"个月期", 1.0 / 12, true, false},
    {"年", 1, false, false},        {"个月", 1.0 / 12, false, false},
    {"-year", 1, true, true},       {"-yr", 1, true, true},
    {"-month", 1.0 / 12, true, true}, {" years", 1, false, true},
    {" year", 1, false, true},      {" yrs", 1, false, true},
    {" months", 1.0 / 12, false, true}, {" month", 1.0 / 12, false, true},
};

// Words near a bare "5年" / "60 months" that make it a loan term.
constexpr std::string_view kTermWords[] = {
    "期限", "为期", "年限", "贷款期", "借款期", "还款期", "授信期", "到期", "共计",
    "term", "tenor", "tenure", "maturity", "matures", "maturing",
};

// The clause before `pos`, at most `max_bytes` long.
std::string_view ClauseBefore(std::string_view text, size_t pos, size_t max_bytes) {
  size_t begin = pos > max_bytes ? Utf8Floor(text, pos - max_bytes) : 0;
  std::string_view window = text.substr(begin, pos - begin);
  size_t cut = window.find_last_of(",;:!?()\n");
  for (std::string_view stop : {"。", "；"}) {
    size_t c = window.rfind(stop);
    if (c != std::string_view::npos && (cut == std::string_view::npos || c > cut)) cut = c;
  }
  return cut == std::string_view::npos ? window : window.substr(cut + 1);
}

bool HasTermWordNear(std::string_view text, size_t begin, size_t end) {
  std::string lower = AsciiLower(ClauseBefore(text, begin, 40));
  std::string after = AsciiLower(text.substr(end, 12));
  for (std::string_view w : kTermWords) {
    if (lower.find(w) != std::string::npos) return true;
    if (IsAsciiAlpha(w[0]) && after.find(w) != std::string::npos) return true;
  }
  return false;
}

std::optional<TenorMention> ReadTenorAt(std::string_view text, size_t pos) {
  std::optional<Numeral> n = ReadAnyNumber(text, pos);
  if (!n || !n->value) return std::nullopt;
  for (const Unit& u : kTenorUnits) {
    bool match = u.latin ? IEquals(text.substr(n->end, u.text.size()), u.text)
                         : StartsWith(text, n->end, u.text);
    if (!match) continue;
    size_t end = n->end + u.text.size();
    if (u.latin && end < text.size() && IsAsciiAlpha(text[end])) continue;
    if (StartsWith(text, end, "-old") || StartsWith(text, end, "间")) return std::nullopt;
    double years = *n->value * u.years;
    if (years <= 0 || years > 50) return std::nullopt;
    if (!u.strong && !HasTermWordNear(text, n->begin, end)) return std::nullopt;
    return TenorMention{{n->begin, end}, years};
  }
  return std::nullopt;
}

// ---- Pricing --------------------------------------------------------------

struct Benchmark {
  std::string_view text;
  const char* name;
};

// Longest first where one name contains another (Term SOFR, EURIBOR).
constexpr Benchmark kBenchmarks[] = {
    {"Term SOFR", "SOFR"}, {"SOFR", "SOFR"},       {"EURIBOR", "EURIBOR"}, {"SHIBOR", "SHIBOR"},
    {"HIBOR", "HIBOR"},    {"TAIBOR", "TAIBOR"},   {"TIBOR", "TIBOR"},     {"LIBOR", "LIBOR"},
    {"TAIFX", "TAIFX"},    {"SONIA", "SONIA"},     {"TONA", "TONA"},       {"BBSY", "BBSY"},
    {"CORRA", "CORRA"},    {"LPR", "LPR"},         {"贷款市场报价利率", "LPR"},
    {"商业本票", "CP"},
};

// Filler between a benchmark and its margin: "3", "(CP)", "利率", " rate".
size_t SkipBenchmarkTail(std::string_view text, size_t p) {
  while (p < text.size() && IsAsciiDigit(text[p])) ++p;
  for (std::string_view f : {"(CP)", "利率", " rate"}) {
    if (StartsWith(text, p, f)) p += f.size();
  }
  return p;
}

struct Operator {
  std::string_view text;
  int sign;
};

constexpr Operator kOperators[] = {
    {" + ", 1},  {"+ ", 1}, {" +", 1}, {"+", 1}, {" plus ", 1}, {"加码", 1}, {"加上", 1},
    {"加", 1},   {" - ", -1}, {"-", -1}, {" minus ", -1}, {"减码", -1}, {"减", -1},
};

constexpr std::string_view kMarginFiller[] = {
    "a margin of ", "a spread of ", "margin of ", "spread of ", "an applicable margin of ",
};

// "175 bps", "1.75%", "0.85个百分点", "20个基点": the margin in basis points.
std::optional<double> ReadMargin(std::string_view text, size_t pos, size_t* end) {
  std::optional<Numeral> n = ReadAnyNumber(text, pos);
  if (!n || !n->value) return std::nullopt;
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {" basis points", 1}, {" basis point", 1}, {" bps", 1}, {" bp", 1}, {"bps", 1},
      {"bp", 1},            {"个基点", 1},       {"基点", 1}, {"个百分点", 100},
      {"百分点", 100},      {"%", 100},          {" percent", 100}, {" percentage points", 100},
  };
  for (const auto& [unit, factor] : kUnits) {
    if (!IEquals(text.substr(n->end, unit.size()), unit)) continue;
    *end = n->end + unit.size();
    return *n->value * factor;
  }
  return std::nullopt;
}

// The margin written after the benchmark: "+ 175 bps", "加码0.9%".
std::optional<double> MarginAfter(std::string_view text, size_t pos, size_t* end) {
  for (const Operator& op : kOperators) {
    if (!StartsWith(text, pos, op.text)) continue;
    size_t p = pos + op.text.size();
    for (std::string_view f : kMarginFiller) {
      if (IEquals(text.substr(p, f.size()), f)) p += f.size();
    }
    if (std::optional<double> m = ReadMargin(text, p, end)) return *m * op.sign;
  }
  return std::nullopt;
}

// The margin written before the benchmark: "175 basis points over SOFR".
std::optional<double> MarginBefore(std::string_view text, size_t bench_begin, size_t* begin) {
  for (std::string_view link : {" over ", " above "}) {
    if (bench_begin < link.size() || text.substr(bench_begin - link.size(), link.size()) != link) {
      continue;
    }
    size_t unit_end = bench_begin - link.size();
    for (size_t p = unit_end > 24 ? unit_end - 24 : 0; p < unit_end; ++p) {
      size_t end = 0;
      std::optional<double> m = ReadMargin(text, p, &end);
      if (m && end == unit_end) {
        *begin = p;
        return m;
      }
    }
  }
  return std::nullopt;
}

std::optional<PricingMention> ReadBenchmarkAt(std::string_view text, size_t pos) {
  for (const Benchmark& b : kBenchmarks) {
    bool latin = IsAsciiAlpha(b.text[0]);
    // The press writes "Libor" and "Euribor" as often as the capitals.
    if (latin ? !IEquals(text.substr(pos, b.text.size()), b.text) : !StartsWith(text, pos, b.text)) {
      continue;
    }
    if (latin && pos > 0 && IsAsciiAlpha(text[pos - 1])) continue;
    size_t end = pos + b.text.size();
    if (latin && end < text.size() && IsAsciiAlpha(text[end])) continue;
    PricingMention m;
    m.benchmark = b.name;
    m.span = {pos, end};
    size_t margin_end = 0;
    size_t margin_begin = 0;
    if (auto after = MarginAfter(text, SkipBenchmarkTail(text, end), &margin_end)) {
      m.margin_bps = SnapToInteger(*after);
      m.span.end = margin_end;
    } else if (auto before = MarginBefore(text, pos, &margin_begin)) {
      m.margin_bps = SnapToInteger(*before);
      m.span.begin = margin_begin;
    }
    return m;
  }
  return std::nullopt;
}

// An all-in rate: "利率1.7%", "年利率为2.1%", "interest rate of 5.5%".
// Words before a flat rate ("利率1.7%", "interest rate of 5.25%").
constexpr std::string_view kFlatRateWords[] = {"年利率", "利率", "年息", "interest rate of ", "rate of ", "coupon of "};

std::optional<PricingMention> ReadFlatRateAt(std::string_view text, size_t pos) {
  const auto& kRateWords = kFlatRateWords;
  static constexpr std::string_view kLinks[] = {"约为", "为", "约", "是", "达", "仅", ":", ""};
  for (std::string_view w : kRateWords) {
    if (!IEquals(text.substr(pos, w.size()), w)) continue;
    if (IsAsciiAlpha(w[0]) && pos > 0 && IsAsciiAlpha(text[pos - 1])) continue;
    for (std::string_view link : kLinks) {
      size_t p = pos + w.size();
      if (!StartsWith(text, p, link)) continue;
      p += link.size();
      std::optional<Numeral> n = ReadAnyNumber(text, p);
      if (!n || !n->value) continue;
      for (std::string_view unit : {"%", " percent"}) {
        if (!StartsWith(text, n->end, unit)) continue;
        PricingMention m;
        m.span = {pos, n->end + unit.size()};
        m.rate_pct = *n->value;
        return m;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

size_t NextCharacter(std::string_view text, size_t pos) {
  size_t len = 0;
  DecodeUtf8(text, pos, &len);
  return pos + len;
}

}  // namespace

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// A loan term written as its dates in a filing: 贷款期限:自2012年2月7日起,至
// 2035年2月6日止 is 23 years (rounded to whole months).
void AddDateRangeTenors(std::string_view text, std::vector<TenorMention>* out) {
  static const RE2 kRange(
      "(?:期限|期间|借款期|贷款期)[^。;]{0,60}?(?:自|从)((\\d{4})年(\\d{1,2})月(\\d{1,2})日)[^。;]{0,80}?"
      "(?:至|到)((\\d{4})年(\\d{1,2})月(\\d{1,2})日)");
  re2::StringPiece input(text.data(), text.size()), from, to;
  int y1, m1, d1, y2, m2, d2;
  while (RE2::FindAndConsume(&input, kRange, &from, &y1, &m1, &d1, &to, &y2, &m2, &d2)) {
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31) continue;
    int64_t days = DaysFromCivil(y2, m2, d2) - DaysFromCivil(y1, m1, d1);
    double months = std::round(days / (365.2425 / 12));
    if (months < 1 || months > 600) continue;
    size_t begin = static_cast<size_t>(from.data() - text.data());
    size_t end = static_cast<size_t>(to.data() + to.size() - text.data());
    out->push_back(TenorMention{{begin, end}, months / 12});
  }
}

}  // namespace

namespace {

// True when a rate benchmark starts at `p` (after blanks): the term
// before it is the benchmark's ("一个月期HIBOR", "three-month SOFR"), not a
// loan's.
bool BenchmarkFollows(std::string_view text, size_t p) {
  while (p < text.size() && (text[p] == ' ' || text[p] == '-')) ++p;
  for (const Benchmark& b : kBenchmarks)
    if (StartsWith(text, p, b.text)) return true;
  // Benchmarks by their Chinese names: 3個月期倫敦金融業美元拆借利率 (LIBOR),
  // 銀行同業拆息 (HIBOR), 金融業拆款利率 (TAIBOR).
  for (std::string_view w : {"伦敦金融业", "伦敦银行同业", "银行同业拆", "金融业拆款", "美元拆借", "同业拆借", "拆款利率"})
    if (StartsWith(text, p, w)) return true;
  return false;
}

}  // namespace

std::vector<TenorMention> FindTenors(std::string_view text) {
  std::vector<TenorMention> out;
  for (size_t pos = 0; pos < text.size();) {
    if (std::optional<TenorMention> t = ReadTenorAt(text, pos)) {
      pos = t->span.end;
      if (!BenchmarkFollows(text, t->span.end)) out.push_back(*t);
      continue;
    }
    pos = NextCharacter(text, pos);
  }
  std::vector<TenorMention> ranges;
  AddDateRangeTenors(text, &ranges);
  for (const TenorMention& r : ranges) {
    // A term word already read inside the range ("2年" of "2012年") gives way.
    std::erase_if(out, [&](const TenorMention& t) { return t.span.begin < r.span.end && r.span.begin < t.span.end; });
    out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const TenorMention& a, const TenorMention& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::vector<PricingMention> FindPricing(std::string_view text) {
  // The bytes a benchmark or rate word can start with (Latin ones in both
  // cases, and only at the start of a word): other positions are passed over.
  static const std::array<bool, 256> kStarts = [] {
    std::array<bool, 256> t{};
    auto add = [&](std::string_view w) {
      auto c = static_cast<unsigned char>(w[0]);
      t[c] = true;
      if (IsAsciiAlpha(static_cast<char>(c))) t[c ^ 0x20] = true;
    };
    for (const Benchmark& b : kBenchmarks) add(b.text);
    for (std::string_view w : kFlatRateWords) add(w);
    return t;
  }();
  std::vector<PricingMention> out;
  for (size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (!kStarts[c] || (IsAsciiAlpha(text[pos]) && pos > 0 && IsAsciiAlpha(text[pos - 1]))) {
      pos = NextCharacter(text, pos);
      continue;
    }
    std::optional<PricingMention> p = ReadBenchmarkAt(text, pos);
    if (!p) p = ReadFlatRateAt(text, pos);
    if (p && (out.empty() || p->span.begin >= out.back().span.end)) {
      pos = std::max(p->span.end, NextCharacter(text, pos));
      out.push_back(*p);
      continue;
    }
    pos = NextCharacter(text, pos);
  }
  return out;
}

}  // namespace dealwatch
