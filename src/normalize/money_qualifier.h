// Words that qualify a money amount in normalised text: "约" / "about" before
// it, "以上" / "左右" / "or more" after it, and "between" opening a range.
// Used by FindMoney. Stateless and thread-safe.
#ifndef DEALWATCH_NORMALIZE_MONEY_QUALIFIER_H_
#define DEALWATCH_NORMALIZE_MONEY_QUALIFIER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "normalize/money.h"

namespace dealwatch {

struct QualifierMatch {
  size_t begin = 0;  // bytes of the qualifier in the searched text
  size_t end = 0;
  MoneyQualifier qualifier = MoneyQualifier::kNone;
  bool between = false;  // "between": the amount may open "between X and Y"
};

// The qualifier written just before an amount that starts at `amount_begin`
// ("逾", "不超过", "more than ", "up to "); nullopt when there is none.
std::optional<QualifierMatch> MatchQualifierBefore(std::string_view text, size_t amount_begin);

// The qualifier written just after an amount that ends at `amount_end`
// ("以上", "左右", " or more"); nullopt when there is none.
std::optional<QualifierMatch> MatchQualifierAfter(std::string_view text, size_t amount_end);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_MONEY_QUALIFIER_H_
