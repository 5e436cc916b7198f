// Money mentions in normalised text: "220亿美元", "US$22bn", "新台币1,693.34亿元",
// "二百二十亿美元", "€840 million", "约150亿" (context currency). Values are exact
// (integers of whole currency units held in a double; 1.693.34亿 is
// 169334000000) and the currency is an ISO 4217 code. Counts and physical
// quantities ("50亿次", "1.4GW", "1,200 acres") are not money.
// Stateless and thread-safe.
#ifndef DEALWATCH_NORMALIZE_MONEY_H_
#define DEALWATCH_NORMALIZE_MONEY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {

// How the text qualifies the number.
enum class MoneyQualifier {
  kNone,      // "220亿美元"
  kAbout,     // 约 / 約 / about / approximately / roughly / some: value kept
  kUpTo,      // up to / 不超过 / 最高 / 上限: value kept
  kAtLeast,   // at least / 至少 / 以上: value kept as the lower bound, no exact value
  kMoreThan,  // 逾 / 超过 / 多 / more than / over: no exact value
  kNearly,    // 近 / 将近 / nearly / almost / close to: no exact value
  kRange,     // "US$1-1.5 billion", "10至15亿元": low and high, no exact value
};

// "none", "about", "up_to", "at_least", "more_than", "nearly", "range".
const char* MoneyQualifierName(MoneyQualifier q);

struct MoneyMention {
  Span span;                    // bytes of the whole expression in the searched text
  std::optional<double> value;  // exact amount; empty for bounds and ranges
  std::optional<double> low;    // lower bound / range start (also set when value is)
  std::optional<double> high;   // range end / upper bound
  std::string currency;         // ISO 4217 ("USD"); empty when unknown
  bool currency_from_context = false;  // bare 元 / ¥ / no currency word, decided by context
  MoneyQualifier qualifier = MoneyQualifier::kNone;
};

// Where the text was published: decides a bare 元, ¥ or a number with no
// currency word. `market` is "TW", "CN", "HK", "JP", "US", ... or "" when
// unknown; `script` is "zh-Hant", "zh-Hans" or "en" (used when market is "").
struct MoneyContext {
  std::string market;
  std::string script;
};

// Finds every money expression in `text`, in text order, non-overlapping.
// REQUIRES: `text` is the output of TextNormalizer (ASCII digits and
// punctuation, Simplified characters).
std::vector<MoneyMention> FindMoney(std::string_view text, const MoneyContext& context);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_MONEY_H_
