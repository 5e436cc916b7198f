// The JSON form of a deal that `dealwatch extract --format jsonl` prints, one
// object per line, as ../shared/eval/README.md ("What the scorer runs")
// describes, plus dealwatch's own fields (canonical names, rule ids,
// pricing, qualifier). This format is a stable interface.
#ifndef DEALWATCH_PIPELINE_DEAL_JSON_H_
#define DEALWATCH_PIPELINE_DEAL_JSON_H_

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "extract/deal.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

// `original` and `normalized` are the article text the deal was read from
// (evidence is printed as published).
nlohmann::json DealToJson(const Deal& deal, const std::string& source, std::string_view original,
                          const NormalizedText& normalized);

// The evidence sentences as published, joined by a space.
std::string EvidenceText(const Deal& deal, std::string_view original, const NormalizedText& normalized);

// The amount to report: the exact value, else the stated bound of
// "逾900億" / "more than $1bn" (the qualifier says which).
std::optional<double> ReportedAmount(const MoneyMention& m);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_DEAL_JSON_H_
