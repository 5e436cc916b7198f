// Where the values of a deal sit in one evidence passage, so the report can
// highlight them: the amount (the money expression whose value and currency
// are the deal's as read from that article), the borrower and the lenders
// (any of their names and aliases). Matching runs on the normalised text
// (NFKC, Simplified, ASCII case folded) and maps back to the passage as
// published, so 摩根大通 marks 摩根大通 in a Traditional article and
// "JPMORGAN" matches "JPMorgan". Thread-safe.
#ifndef DEALWATCH_REPORT_EVIDENCE_MARKS_H_
#define DEALWATCH_REPORT_EVIDENCE_MARKS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// A highlighted byte range of the evidence text (UTF-8, whole characters).
struct EvidenceMark {
  size_t begin = 0, end = 0;
  std::string kind;  // "amount", "borrower" or "lender"
  bool operator==(const EvidenceMark&) const = default;
};

struct MarkRequest {
  std::vector<std::string> borrower_names;  // as written and canonical; aliases
  std::vector<std::string> lender_names;
  std::optional<double> amount;  // the amount this article gave (any of value, low, high)
  std::string currency;          // ISO code, "" when unknown
  std::string market, lang;      // of the article: decide a bare 元 as FindMoney does
};

// Marks in text order, never overlapping (an earlier or longer match wins).
// Names shorter than two characters are ignored; a name that starts or ends
// with an ASCII letter or digit only matches at word boundaries.
std::vector<EvidenceMark> FindEvidenceMarks(std::string_view evidence, const MarkRequest& request);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_EVIDENCE_MARKS_H_
