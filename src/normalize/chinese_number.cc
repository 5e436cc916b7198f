#include "normalize/chinese_number.h"

#include <charconv>
#include <cmath>
#include <string>

#include "common/utf8.h"

namespace dealwatch {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char32_t CodePointAt(std::string_view text, size_t pos, size_t* len) {
  if (pos >= text.size()) {
    *len = 0;
    return 0;
  }
  return DecodeUtf8(text, pos, len);
}

// 0-9 for Chinese digits and financial capitals (after Simplified folding),
// -1 otherwise.
int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': return 2;
    case U'三': case U'参': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

double SmallMultiplier(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}

// 兆 is a trillion only when it does not begin a unit or a name: 兆瓦 is a
// megawatt and 兆丰 is a bank.
bool ZhaoIsScale(std::string_view text, size_t after) {
  static constexpr std::u32string_view kNotScale = U"瓦赫字位比帕焦丰克伏";
  size_t len = 0;
  char32_t next = CodePointAt(text, after, &len);
  if (next == 0) return true;
  if (kNotScale.find(next) != std::u32string_view::npos) return false;
  if (next == U'欧') {
    size_t len2 = 0;
    return CodePointAt(text, after + len, &len2) == U'元';
  }
  return true;
}

double BigMultiplier(std::string_view text, size_t pos, char32_t c, size_t len) {
  switch (c) {
    case U'万': return 1e4;
    case U'亿': return 1e8;
    case U'兆': return ZhaoIsScale(text, pos + len) ? 1e12 : 0;
    default: return 0;
  }
}

bool IsAnyMultiplier(std::string_view text, size_t pos) {
  size_t len = 0;
  char32_t c = CodePointAt(text, pos, &len);
  return SmallMultiplier(c) > 0 || BigMultiplier(text, pos, c, len) > 0;
}

// Reads "1,693.34" at pos. Commas count only as thousands separators.
double ReadArabic(std::string_view text, size_t pos, size_t* end) {
  size_t p = pos;
  std::string digits;
  while (p < text.size() && IsAsciiDigit(text[p])) digits += text[p++];
  while (p + 3 < text.size() && text[p] == ',' && IsAsciiDigit(text[p + 1]) &&
         IsAsciiDigit(text[p + 2]) && IsAsciiDigit(text[p + 3]) &&
         (p + 4 == text.size() || !IsAsciiDigit(text[p + 4]))) {
    digits.append(text.substr(p + 1, 3));
    p += 4;
  }
  if (p + 1 < text.size() && text[p] == '.' && IsAsciiDigit(text[p + 1])) {
    digits += text[p++];
    while (p < text.size() && IsAsciiDigit(text[p])) digits += text[p++];
  }
  double v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  *end = p;
  return v;
}

enum class Kind { kNone, kDigit, kArabic, kSmall, kBig, kMore };

// Running sums of a numeral being read: "12亿5千万" is total 12e8, then
// section 5000 waiting for its 万.
struct Accumulator {
  double total = 0;
  double section = 0;
  double pending = 0;
  bool has_pending = false;
  double last_big = 0;
  double last_scale = 1;
  Kind prev = Kind::kNone;

  void AddDigit(double d, Kind kind) {
    // Bare digit strings such as 二〇二五 read positionally.
    pending = (prev == Kind::kDigit && kind == Kind::kDigit) ? pending * 10 + d : d;
    has_pending = true;
    prev = kind;
  }
  void AddSmall(double m) {
    section += (has_pending ? pending : 1) * m;
    pending = 0;
    has_pending = false;
    last_scale = m;
    prev = Kind::kSmall;
  }
  void AddBig(double m) {
    double group = section + pending;
    if (last_big > 0 && m > last_big) {
      // 万亿: the new scale multiplies everything read so far.
      total = (total + group) * m;
      last_big *= m;
      last_scale = last_big;
    } else {
      total += group * m;
      if (m > last_big) last_big = m;
      last_scale = m;
    }
    section = pending = 0;
    has_pending = false;
    prev = Kind::kBig;
  }
  double Sum() const { return total + section + pending; }
};

// 数 and 几 ("数十", "十几") stand for an unknown digit.
bool IsVagueDigit(char32_t c) { return c == U'数' || c == U'几'; }

// 多 / 余 after a number mean "more than" unless they begin a word (余额, 多元化).
bool IsMoreThanMark(std::string_view text, size_t pos, char32_t c, size_t len) {
  if (c != U'多' && c != U'余') return false;
  std::string_view rest = text.substr(pos + len);
  return rest.substr(0, 3) != "额" && rest.substr(0, 9) != "元化";
}

// Everything ReadNumeral tracks while walking the text.
struct NumeralReader {
  std::string_view text;
  Numeral n;
  Accumulator acc;
  // After a big scale, bare trailing digits ("12亿2025年") only count once a
  // multiplier closes them ("12亿5千万", "8万9千"); until then we can roll
  // back to here.
  bool tentative = false;
  Accumulator saved;
  size_t saved_end = 0;

  void MaybeOpenTentative(size_t p) {
    if (acc.prev != Kind::kBig || tentative) return;
    tentative = true;
    saved = acc;
    saved_end = p;
  }
  // Each consumes the token at *p; false when the numeral ends before it.
  bool Step(size_t* p);
  bool StepArabic(size_t* p);
  bool StepChineseDigit(char32_t c, size_t* p, size_t len);
  bool StepSmall(double m, size_t* p, size_t len);
  bool StepBig(double m, size_t* p, size_t len);
};

bool NumeralReader::StepBig(double m, size_t* p, size_t len) {
  if (acc.prev == Kind::kNone) return false;
  if (tentative) {
    if (m >= acc.last_big) return false;
    tentative = false;
  }
  acc.AddBig(m);
  n.has_big_scale = true;
  *p += len;
  return true;
}

bool NumeralReader::StepArabic(size_t* p) {
  if (acc.prev == Kind::kDigit || acc.prev == Kind::kArabic) return false;
  MaybeOpenTentative(*p);
  size_t end = 0;
  acc.AddDigit(ReadArabic(text, *p, &end), Kind::kArabic);
  n.has_arabic = true;
  *p = end;
  return true;
}

bool NumeralReader::StepChineseDigit(char32_t c, size_t* p, size_t len) {
  int digit = ChineseDigit(c);
  if (IsVagueDigit(c)) {
    bool after_small = acc.prev == Kind::kSmall;
    if (!after_small && !IsAnyMultiplier(text, *p + len)) return false;
    n.more_than = true;
    digit = after_small ? 0 : 1;  // the least the numeral can mean: 十几 >= 10, 数十 >= 10
  }
  if (acc.prev == Kind::kArabic) return false;
  MaybeOpenTentative(*p);
  acc.AddDigit(digit, Kind::kDigit);
  *p += len;
  return true;
}

bool NumeralReader::StepSmall(double m, size_t* p, size_t len) {
  if (acc.prev == Kind::kSmall) return false;
  if (acc.prev == Kind::kNone) n.starts_with_multiplier = true;
  MaybeOpenTentative(*p);
  acc.AddSmall(m);
  tentative = false;  // "8万9千" is complete without another 万
  *p += len;
  return true;
}

bool NumeralReader::Step(size_t* p) {
  size_t len = 0;
  char32_t c = CodePointAt(text, *p, &len);
  if (c == 0) return false;
  double big = BigMultiplier(text, *p, c, len);
  if (acc.prev == Kind::kMore) return big > 0 && StepBig(big, p, len);
  if (c < 0x80 && IsAsciiDigit(static_cast<char>(c))) return StepArabic(p);
  if (ChineseDigit(c) >= 0 || IsVagueDigit(c)) return StepChineseDigit(c, p, len);
  if (double small = SmallMultiplier(c); small > 0) return StepSmall(small, p, len);
  if (big > 0) return StepBig(big, p, len);
  if (acc.prev != Kind::kNone && IsMoreThanMark(text, *p, c, len)) {
    n.more_than = true;
    acc.prev = Kind::kMore;
    *p += len;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Numeral> ReadNumeral(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  NumeralReader r{text, {}, {}, false, {}, 0};
  r.n.begin = pos;
  size_t p = pos;
  // 上百 / 上千 / 上亿: "reaching a hundred", a vague lower bound.
  size_t len = 0;
  if (CodePointAt(text, p, &len) == U'上' && IsAnyMultiplier(text, p + len)) {
    r.n.more_than = true;
    r.n.starts_with_multiplier = true;
    r.acc.AddDigit(1, Kind::kDigit);  // 上亿 reads as at least 1亿
    p += len;
  }
  while (r.Step(&p)) {
  }
  if (r.acc.prev == Kind::kNone) return std::nullopt;
  if (r.tentative) {
    r.acc = r.saved;
    p = r.saved_end;
  }
  r.n.end = p;
  r.n.low = SnapToInteger(r.acc.Sum());
  r.n.last_scale = r.acc.last_scale;
  if (r.acc.prev == Kind::kDigit || r.acc.prev == Kind::kArabic) r.n.last_scale = 1;
  if (!r.n.more_than) r.n.value = r.n.low;
  return r.n;
}

namespace {

struct NumberWord {
  std::string_view word;
  int value;
};

constexpr NumberWord kNumberWords[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},    {"hundred", 100},
};

// The value of the ASCII word at [pos, *end), or -1.
int WordValue(std::string_view text, size_t pos, size_t* end) {
  size_t p = pos;
  std::string word;
  while (p < text.size() && IsAsciiAlpha(text[p])) {
    word += static_cast<char>(text[p] | 0x20);
    ++p;
  }
  *end = p;
  for (const NumberWord& w : kNumberWords) {
    if (w.word == word) return w.value;
  }
  return -1;
}

}  // namespace

std::optional<Numeral> ReadNumberWords(std::string_view text, size_t pos) {
  double value = 0;
  size_t p = pos;
  size_t last_end = pos;
  while (true) {
    size_t end = 0;
    int v = WordValue(text, p, &end);
    if (v < 0) {
      // "two hundred and fifty": "and" only joins two number words.
      if (last_end == pos || text.substr(p, 4) != "and ") break;
      if (WordValue(text, p + 4, &end) < 0) break;
      p += 4;
      continue;
    }
    value = v == 100 ? (value == 0 ? 1 : value) * 100 : value + v;
    last_end = end;
    if (end >= text.size() || (text[end] != ' ' && text[end] != '-')) break;
    p = end + 1;
  }
  if (last_end == pos) return std::nullopt;
  Numeral n;
  n.begin = pos;
  n.end = last_end;
  n.value = n.low = value;
  return n;
}

std::optional<double> ParseChineseNumber(std::string_view s) {
  std::optional<Numeral> n = ReadNumeral(s, 0);
  if (!n || n->end != s.size() || !n->value) return std::nullopt;
  return n->value;
}

double SnapToInteger(double v) {
  double r = std::round(v);
  return std::fabs(v - r) <= 1e-9 * std::fmax(1.0, std::fabs(v)) ? r : v;
}

}  // namespace dealwatch
