// Currency words around a number in normalised text, for FindMoney: symbols
// ("US$", "€", "¥"), ISO codes ("USD", "Eur"), English names ("euros",
// "Hong Kong dollars") and Chinese names ("美元", "新台币", "港币"), plus the
// context rule for a bare 元 or ¥. Stateless and thread-safe.
#ifndef DEALWATCH_NORMALIZE_CURRENCY_H_
#define DEALWATCH_NORMALIZE_CURRENCY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "normalize/money.h"

namespace dealwatch {

struct CurrencyWord {
  size_t begin = 0;  // bytes of the word in the searched text (a space
  size_t end = 0;    // between word and number is not included)
  std::string iso;   // ISO 4217 code; for 元 and ¥ the one the context gives
  bool from_context = false;  // 元 or ¥, decided by MoneyContext
  bool is_yuan = false;       // a bare 元: a currency name before the number wins
};

// The currency written just before a number that starts at text[number_begin]
// ("US$", "USD ", "新台币", "€"); nullopt when there is none.
std::optional<CurrencyWord> MatchCurrencyBefore(std::string_view text, size_t number_begin,
                                                const MoneyContext& context);

// The currency written at text[pos], right after a number and its scale
// ("美元", "元", " dollars", "-dollar", " EUR"); nullopt when there is none.
std::optional<CurrencyWord> MatchCurrencyAfter(std::string_view text, size_t pos,
                                               const MoneyContext& context);

// A Chinese currency name a few characters before `pos` in the same clause,
// as in "港元贷款80亿元", where it says which 元 is meant; nullopt otherwise.
std::optional<CurrencyWord> FindCurrencyNameBefore(std::string_view text, size_t pos);

// The currency of an amount with no currency word ("约150亿"): the market's
// own currency, else TWD for zh-Hant and CNY for zh-Hans, else "".
std::string ContextCurrency(const MoneyContext& context);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_CURRENCY_H_
