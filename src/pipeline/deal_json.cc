#include "pipeline/deal_json.h"

#include <cmath>

#include "common/strings.h"

namespace dealwatch {

std::optional<double> ReportedAmount(const MoneyMention& m) {
  if (m.value) return m.value;
  if (m.low) return m.low;
  return m.high;
}

std::string EvidenceText(const Deal& deal, std::string_view original, const NormalizedText& normalized) {
  std::string out;
  for (Span s : deal.evidence) {
    Span o = normalized.map.ToOriginal(s);
    if (!out.empty()) out += ' ';
    out += CollapseSpaces(original.substr(o.begin, o.size()));
  }
  return out;
}

nlohmann::json DealToJson(const Deal& deal, const std::string& source, std::string_view original,
                          const NormalizedText& normalized) {
  using nlohmann::json;
  json j;
  j["source"] = source;
  j["borrower"] = deal.borrower.empty() ? json(nullptr) : json(deal.borrower);
  json lenders = json::array();
  for (const DealLender& l : deal.lenders)
    lenders.push_back({{"name", l.name}, {"canonical", l.canonical}, {"role", l.role}, {"rule", l.rule_id}});
  j["lenders"] = lenders;
  std::optional<double> value = deal.amount ? ReportedAmount(*deal.amount) : std::nullopt;
  if (value) {
    json amount;
    if (std::floor(*value) == *value && std::fabs(*value) < 9e15) {
      amount["value"] = static_cast<int64_t>(*value);
    } else {
      amount["value"] = *value;
    }
    amount["currency"] = deal.amount->currency;
    amount["qualifier"] = deal.amount->qualifier == MoneyQualifier::kNone
                              ? json(nullptr)
                              : json(MoneyQualifierName(deal.amount->qualifier));
    j["amount"] = amount;
  } else {
    j["amount"] = nullptr;
  }
  j["type"] = deal.type;
  j["project"] = deal.project.empty() ? json(nullptr) : json(deal.project);
  j["tenor_years"] = deal.tenor_years ? json(*deal.tenor_years) : json(nullptr);
  j["pricing"] = deal.pricing.empty() ? json(nullptr) : json(deal.pricing);
  j["status"] = deal.status;
  j["confidence"] = std::round(deal.confidence * 100) / 100;
  j["evidence"] = EvidenceText(deal, original, normalized);
  j["rule_ids"] = deal.rule_ids;
  return j;
}

}  // namespace dealwatch
