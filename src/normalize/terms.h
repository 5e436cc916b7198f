// Loan terms in normalised text: tenors ("5年期", "五年期", "7-year",
// "seven-year", "48个月", "60 months", "for a term of five years") and pricing
// ("SOFR + 175 bps", "SOFR plus 1.75%", "TAIFX加码", "LPR", "利率1.7%",
// "二级市场商业本票利率加码"). Stateless and thread-safe.
#ifndef DEALWATCH_NORMALIZE_TERMS_H_
#define DEALWATCH_NORMALIZE_TERMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {

struct TenorMention {
  Span span;     // bytes in the searched text
  double years;  // 48个月 -> 4, 18 months -> 1.5
};

struct PricingMention {
  Span span;
  std::string benchmark;             // "SOFR", "TAIFX", "LPR", "EURIBOR", "CP" (商业本票), "" for a flat rate
  std::optional<double> margin_bps;  // spread over the benchmark in basis points
  std::optional<double> rate_pct;    // an all-in rate ("利率1.7%")
};

// REQUIRES for both: `text` is the output of TextNormalizer.
std::vector<TenorMention> FindTenors(std::string_view text);
std::vector<PricingMention> FindPricing(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_TERMS_H_
