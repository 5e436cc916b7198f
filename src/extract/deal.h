// Deal is what the extract stage produces: one credit deal read from one
// article, every value with the rule that gave it and the sentences it was
// read from. Plain data.
#ifndef DEALWATCH_EXTRACT_DEAL_H_
#define DEALWATCH_EXTRACT_DEAL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "normalize/money.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

struct DealLender {
  std::string name;       // as written in the article (its fullest form there)
  std::string canonical;  // lexicon canonical name, or `name` when unknown
  std::string role;       // lead_arranger, agent, participant or lender
  std::string rule_id;    // the rule that gave the role ("default" when none)
};

struct Deal {
  std::string borrower;           // as written; "" when the article does not say
  std::vector<DealLender> lenders;
  std::optional<MoneyMention> amount;  // span in the normalised text
  std::string type = "loan";      // syndicated_loan, term_loan, ... (see rules/README.md)
  std::string project;            // purpose or project, as written; "" when not given
  std::optional<double> tenor_years;
  std::string pricing;            // "SOFR+175bp", "" when not given
  std::string status = "unknown";  // signed, closed, in_talks, planned, unknown
  double confidence = 0.0;        // 0..1
  std::vector<Span> evidence;     // sentences (normalised text) the deal was read from
  std::map<std::string, std::string> rule_ids;  // field -> id of the rule that set it
};

// The deal types, statuses and roles dealwatch knows (rules/README.md).
bool IsKnownDealType(const std::string& type);
bool IsKnownStatus(const std::string& status);
bool IsKnownRole(const std::string& role);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_DEAL_H_
