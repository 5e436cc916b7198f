// How the report writes values, the same in HTML, Markdown and JSON:
// amounts with thousands separators, tenors, roles and types in words.
// Pure functions; thread-safe.
#ifndef DEALWATCH_REPORT_REPORT_TEXT_H_
#define DEALWATCH_REPORT_REPORT_TEXT_H_

#include <optional>
#include <string>

namespace dealwatch {

// 22000000000 -> "22,000,000,000" (rounded to a whole unit).
std::string GroupedNumber(double value);
// "USD 22,000,000,000", or "amount not given".
std::string AmountText(const std::optional<double>& amount, const std::string& currency);
// "5-year", or "" when not given.
std::string TenorText(const std::optional<double>& years);
// "0.85".
std::string ConfidenceText(double confidence);
// "lead_arranger" -> "lead arranger", "syndicated_loan" -> "syndicated loan".
std::string Words(const std::string& identifier);
// True for the URLs the report links to (http, https, file); anything else
// (javascript:, data:) is shown as text only.
bool IsLinkable(const std::string& url);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_REPORT_TEXT_H_
