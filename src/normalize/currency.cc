#include "normalize/currency.h"

#include <cstdint>

#include "common/strings.h"
#include "common/utf8.h"

namespace dealwatch {
namespace {

enum Flags : uint8_t {
  kBefore = 1,  // may precede the number
  kAfter = 2,   // may follow the number (and its scale)
  kLatin = 4,   // ASCII letters: case-insensitive, whole words only
  kYuan = 8,    // 元: currency of the context
  kYen = 16,    // ¥: JPY or CNY by context
};

struct Entry {
  std::string_view text;
  const char* iso;
  uint8_t flags;
};

// Longest match wins, so "US$" beats "$" and "新台币" beats "台币".
constexpr Entry kEntries[] = {
    // Symbols. A bare "$" is USD; callers with better knowledge override it.
    {"US$", "USD", kBefore}, {"U.S.$", "USD", kBefore}, {"$", "USD", kBefore},
    {"HK$", "HKD", kBefore}, {"NT$", "TWD", kBefore}, {"S$", "SGD", kBefore},
    {"SG$", "SGD", kBefore}, {"A$", "AUD", kBefore}, {"AU$", "AUD", kBefore},
    {"C$", "CAD", kBefore}, {"CA$", "CAD", kBefore}, {"NZ$", "NZD", kBefore},
    {"R$", "BRL", kBefore}, {"MX$", "MXN", kBefore}, {"€", "EUR", kBefore},
    {"£", "GBP", kBefore}, {"₩", "KRW", kBefore}, {"₹", "INR", kBefore},
    {"¥", "", kBefore | kYen}, {"Rs", "INR", kBefore | kLatin}, {"Rs.", "INR", kBefore},
    // ISO codes and their common variants, either side of the number.
    {"USD", "USD", kBefore | kAfter | kLatin}, {"EUR", "EUR", kBefore | kAfter | kLatin},
    {"GBP", "GBP", kBefore | kAfter | kLatin}, {"JPY", "JPY", kBefore | kAfter | kLatin},
    {"CNY", "CNY", kBefore | kAfter | kLatin}, {"RMB", "CNY", kBefore | kAfter | kLatin},
    {"CNH", "CNY", kBefore | kAfter | kLatin}, {"HKD", "HKD", kBefore | kAfter | kLatin},
    {"TWD", "TWD", kBefore | kAfter | kLatin}, {"NTD", "TWD", kBefore | kAfter | kLatin},
    {"SGD", "SGD", kBefore | kAfter | kLatin}, {"AUD", "AUD", kBefore | kAfter | kLatin},
    {"CAD", "CAD", kBefore | kAfter | kLatin}, {"KRW", "KRW", kBefore | kAfter | kLatin},
    {"INR", "INR", kBefore | kAfter | kLatin}, {"CHF", "CHF", kBefore | kAfter | kLatin},
    {"NZD", "NZD", kBefore | kAfter | kLatin},
    // English names, after the number.
    {"dollars", "USD", kAfter | kLatin}, {"dollar", "USD", kAfter | kLatin},
    {"US dollars", "USD", kAfter | kLatin}, {"US dollar", "USD", kAfter | kLatin},
    {"U.S. dollars", "USD", kAfter | kLatin}, {"U.S. dollar", "USD", kAfter | kLatin},
    {"Hong Kong dollars", "HKD", kAfter | kLatin}, {"Hong Kong dollar", "HKD", kAfter | kLatin},
    {"HK dollars", "HKD", kAfter | kLatin}, {"Singapore dollars", "SGD", kAfter | kLatin},
    {"Singapore dollar", "SGD", kAfter | kLatin}, {"Australian dollars", "AUD", kAfter | kLatin},
    {"Australian dollar", "AUD", kAfter | kLatin}, {"Canadian dollars", "CAD", kAfter | kLatin},
    {"Canadian dollar", "CAD", kAfter | kLatin}, {"New Taiwan dollars", "TWD", kAfter | kLatin},
    {"New Taiwan dollar", "TWD", kAfter | kLatin}, {"Taiwan dollars", "TWD", kAfter | kLatin},
    {"Taiwan dollar", "TWD", kAfter | kLatin}, {"NT dollars", "TWD", kAfter | kLatin},
    {"yuan", "CNY", kAfter | kLatin}, {"renminbi", "CNY", kAfter | kLatin},
    {"euros", "EUR", kAfter | kLatin}, {"euro", "EUR", kAfter | kLatin},
    {"pounds sterling", "GBP", kAfter | kLatin}, {"pound sterling", "GBP", kAfter | kLatin},
    {"pounds", "GBP", kAfter | kLatin}, {"pound", "GBP", kAfter | kLatin},
    {"sterling", "GBP", kAfter | kLatin}, {"yen", "JPY", kAfter | kLatin},
    {"won", "KRW", kAfter | kLatin}, {"rupees", "INR", kAfter | kLatin},
    {"rupee", "INR", kAfter | kLatin}, {"Swiss francs", "CHF", kAfter | kLatin},
    {"Swiss franc", "CHF", kAfter | kLatin}, {"baht", "THB", kAfter | kLatin},
    {"ringgit", "MYR", kAfter | kLatin}, {"rupiah", "IDR", kAfter | kLatin},
    {"THB", "THB", kBefore | kAfter | kLatin}, {"MYR", "MYR", kBefore | kAfter | kLatin},
    {"IDR", "IDR", kBefore | kAfter | kLatin}, {"VND", "VND", kBefore | kAfter | kLatin},
    {"PHP", "PHP", kBefore | kAfter | kLatin}, {"MOP", "MOP", kBefore | kAfter | kLatin},
    // Chinese names, either side ("美金3亿元", "3亿美金").
    {"美元", "USD", kBefore | kAfter}, {"美金", "USD", kBefore | kAfter},
    {"新台币", "TWD", kBefore | kAfter}, {"台币", "TWD", kBefore | kAfter},
    {"人民币", "CNY", kBefore | kAfter}, {"港元", "HKD", kBefore | kAfter},
    {"港币", "HKD", kBefore | kAfter}, {"日圆", "JPY", kBefore | kAfter},
    {"日元", "JPY", kBefore | kAfter}, {"欧元", "EUR", kBefore | kAfter},
    {"英镑", "GBP", kBefore | kAfter}, {"新加坡元", "SGD", kBefore | kAfter},
    {"新加坡币", "SGD", kBefore | kAfter}, {"澳元", "AUD", kBefore | kAfter},
    {"澳币", "AUD", kBefore | kAfter}, {"加元", "CAD", kBefore | kAfter},
    {"加币", "CAD", kBefore | kAfter}, {"韩元", "KRW", kBefore | kAfter},
    {"韩圆", "KRW", kBefore | kAfter}, {"印度卢比", "INR", kBefore | kAfter},
    {"卢比", "INR", kBefore | kAfter}, {"瑞士法郎", "CHF", kBefore | kAfter},
    {"新西兰元", "NZD", kBefore | kAfter}, {"纽元", "NZD", kAfter},
    {"纽币", "NZD", kBefore | kAfter},     {"日币", "JPY", kBefore | kAfter},
    {"韩币", "KRW", kBefore | kAfter},     {"星币", "SGD", kBefore | kAfter},
    {"瑞郎", "CHF", kBefore | kAfter},     {"泰铢", "THB", kBefore | kAfter},
    {"越南盾", "VND", kBefore | kAfter},   {"印尼盾", "IDR", kBefore | kAfter},
    {"令吉", "MYR", kBefore | kAfter},     {"马币", "MYR", kBefore | kAfter},
    {"澳门币", "MOP", kBefore | kAfter},   {"澳门元", "MOP", kBefore | kAfter},
    {"卢布", "RUB", kBefore | kAfter},
    // 人民币 as some sites print it: their Simplified converter segments
    // 人民 wrongly and turns 民 into 平易近 ("金额达100亿人平易近币").
    {"人平易近币", "CNY", kBefore | kAfter},
    {"新元", "SGD", kAfter}, {"円", "JPY", kAfter}, {"元", "", kAfter | kYuan},
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsHanWord(std::string_view s) {
  size_t len = 0;
  return !s.empty() && IsHan(DecodeUtf8(s, 0, &len));
}

// Characters that end the look-back for a currency name: 亿, 万 and 元 close
// an earlier amount, whose currency is its own.
bool EndsLookBack(char32_t c) { return !IsHan(c) || c == U'亿' || c == U'万' || c == U'元'; }

// 元 that begins another word after a number: "2025元年", "3元素".
bool BeginsYuanWord(std::string_view text, size_t after) {
  static constexpr std::string_view kWords[] = {"年", "素", "件", "宵", "旦", "首", "老"};
  for (std::string_view w : kWords) {
    if (text.substr(after, w.size()) == w) return true;
  }
  return false;
}

// True when the character before `pos` ends a number ("5亿", "300").
bool ClosesAmount(std::string_view text, size_t pos) {
  static constexpr std::u32string_view kNumberEnds = U"万亿兆千百十仟佰拾";
  size_t start = Utf8Floor(text, pos - 1);
  size_t len = 0;
  char32_t c = DecodeUtf8(text, start, &len);
  return (c >= U'0' && c <= U'9') || kNumberEnds.find(c) != std::u32string_view::npos;
}

bool SameText(std::string_view a, std::string_view b, bool latin) {
  return latin ? IEquals(a, b) : a == b;
}

std::string YenCurrency(const MoneyContext& context) {
  if (context.market == "JP") return "JPY";
  if (context.market == "CN") return "CNY";
  if (context.market.empty() && context.script == "zh-Hans") return "CNY";
  return "JPY";
}

CurrencyWord MakeWord(const Entry& e, size_t begin, const MoneyContext& context) {
  CurrencyWord w;
  w.begin = begin;
  w.end = begin + e.text.size();
  w.iso = e.iso;
  if (e.flags & kYen) {
    w.iso = YenCurrency(context);
    w.from_context = true;
  } else if (e.flags & kYuan) {
    w.iso = ContextCurrency(context);
    if (w.iso.empty()) w.iso = "CNY";
    w.from_context = true;
    w.is_yuan = true;
  }
  return w;
}

// The longest kBefore entry that ends at `end`.
const Entry* LongestEndingAt(std::string_view text, size_t end, bool spaced) {
  const Entry* best = nullptr;
  for (const Entry& e : kEntries) {
    if (!(e.flags & kBefore) || e.text.size() > end) continue;
    if (best && best->text.size() >= e.text.size()) continue;
    bool latin = e.flags & kLatin;
    // Only Latin words and symbols are written with a space before the number.
    if (spaced && IsHanWord(e.text)) continue;
    size_t begin = end - e.text.size();
    if (!SameText(text.substr(begin, e.text.size()), e.text, latin)) continue;
    if (latin && begin > 0 && IsAsciiAlpha(text[begin - 1])) continue;
    best = &e;
  }
  return best;
}

}  // namespace

std::optional<CurrencyWord> MatchCurrencyBefore(std::string_view text, size_t number_begin,
                                                const MoneyContext& context) {
  size_t end = number_begin;
  bool spaced = end > 0 && text[end - 1] == ' ';
  if (spaced) --end;
  const Entry* e = LongestEndingAt(text, end, spaced);
  if (!e) return std::nullopt;
  return MakeWord(*e, end - e->text.size(), context);
}

std::optional<CurrencyWord> MatchCurrencyAfter(std::string_view text, size_t pos,
                                               const MoneyContext& context) {
  size_t start = pos;
  bool gap = pos < text.size() && (text[pos] == ' ' || text[pos] == '-');
  if (gap) ++start;
  const Entry* best = nullptr;
  for (const Entry& e : kEntries) {
    if (!(e.flags & kAfter) || (best && best->text.size() >= e.text.size())) continue;
    bool latin = e.flags & kLatin;
    if (gap && !latin) continue;
    if (!SameText(text.substr(start, e.text.size()), e.text, latin)) continue;
    size_t end = start + e.text.size();
    if (latin && end < text.size() && IsAsciiAlpha(text[end])) continue;
    best = &e;
  }
  if (!best || ((best->flags & kYuan) && BeginsYuanWord(text, start + best->text.size()))) {
    return std::nullopt;
  }
  return MakeWord(*best, start, context);
}

std::optional<CurrencyWord> FindCurrencyNameBefore(std::string_view text, size_t pos) {
  static constexpr int kMaxChars = 8;
  size_t p = pos;
  for (int i = 0; i < kMaxChars && p > 0; ++i) {
    for (const Entry& e : kEntries) {
      if (!(e.flags & kBefore) || !IsHanWord(e.text) || e.text.size() > p) continue;
      if (text.substr(p - e.text.size(), e.text.size()) != e.text) continue;
      size_t begin = p - e.text.size();
      // "5亿美元及10亿元": that 美元 closes the earlier amount.
      if (begin > 0 && ClosesAmount(text, begin)) return std::nullopt;
      return MakeWord(e, begin, MoneyContext{});
    }
    size_t start = Utf8Floor(text, p - 1);
    size_t len = 0;
    if (EndsLookBack(DecodeUtf8(text, start, &len))) return std::nullopt;
    p = start;
  }
  return std::nullopt;
}

std::string ContextCurrency(const MoneyContext& context) {
  static constexpr std::pair<std::string_view, const char*> kMarkets[] = {
      {"TW", "TWD"}, {"CN", "CNY"}, {"HK", "HKD"}, {"JP", "JPY"}, {"US", "USD"},
      {"SG", "SGD"}, {"KR", "KRW"}, {"IN", "INR"}, {"GB", "GBP"}, {"UK", "GBP"},
      {"AU", "AUD"}, {"CA", "CAD"}, {"CH", "CHF"}, {"EU", "EUR"}, {"MO", "MOP"},
  };
  for (const auto& [market, iso] : kMarkets) {
    if (context.market == market) return iso;
  }
  if (context.script == "zh-Hant") return "TWD";
  if (context.script == "zh-Hans") return "CNY";
  return "";
}

}  // namespace dealwatch
