// How a deal's values follow from the mentions that support it
// (docs/database.md, "Merge rules"): the row in `deals` is always recomputed
// from its mentions, so a re-run or a changed article can neither double nor
// strand a value. Pure functions; thread-safe.
#ifndef DEALWATCH_STORE_DEAL_VALUES_H_
#define DEALWATCH_STORE_DEAL_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dealwatch {

// The values one article gave a deal (a row of `mentions`).
struct MentionValues {
  int64_t mention_id = 0;
  int64_t article_id = 0;
  int64_t run_id = 0;
  std::string reported_on;  // YYYY-MM-DD: the article's published date, else the day it was stored
  std::string seen_at;      // when dealwatch stored it (ISO 8601 UTC)
  int64_t borrower_id = 0;  // 0 when the article names none
  std::optional<double> amount, amount_usd;
  std::string currency, qualifier, type, project, pricing, status;
  std::optional<double> tenor_years;
  double confidence = 0;
};

// The deal row.
struct DealValues {
  int64_t borrower_id = 0;
  std::optional<double> amount, amount_usd;
  std::string currency, qualifier, type = "loan", project, pricing, status = "unknown";
  std::optional<double> tenor_years;
  double confidence = 0;
  std::string first_published, last_published;  // YYYY-MM-DD, from reported_on
  std::string first_seen, last_seen;            // from seen_at
};

// Derives the deal from its mentions:
//   - each value is the one of the latest report (reported_on, then
//     mention_id) that gives it; `type` prefers any specific type to "loan";
//   - currency is the one most reports use (ties: the earliest report's),
//     and the amount the latest report's in that currency;
//   - status only moves forward: the most advanced any report gives;
//   - confidence is the highest; the borrower the one most reports name.
// REQUIRES: `mentions` is not empty.
DealValues DeriveDealValues(std::vector<MentionValues> mentions);

// The (field, value) pairs a mention contributes to deal_value_history:
// amount ("TWD 14000000000"), status, type, project, tenor_years, pricing.
// Unknown status and the generic type "loan" are not values.
std::vector<std::pair<std::string, std::string>> HistoryValues(const MentionValues& m);

// "TWD 14000000000": whole amounts without a fraction, others with two
// decimals. The form deal_value_history and the migration both write.
std::string FormatAmount(double amount, const std::string& currency);

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_DEAL_VALUES_H_
