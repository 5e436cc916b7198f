#include "report/evidence_marks.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/money.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool Near(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(std::fabs(a), std::fabs(b)); }

// Every occurrence of `needle` in `haystack` (both already folded).
void FindAll(const std::string& haystack, const std::string& needle, std::vector<std::pair<size_t, size_t>>* out) {
  bool word_start = IsAsciiAlnum(needle.front()), word_end = IsAsciiAlnum(needle.back());
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
    size_t end = at + needle.size();
    if (word_start && at > 0 && IsAsciiAlnum(haystack[at - 1])) continue;
    if (word_end && end < haystack.size() && IsAsciiAlnum(haystack[end])) continue;
    out->push_back({at, end});
  }
}

void AddNames(const std::vector<std::string>& names, const std::string& kind, const std::string& folded_text,
              const NormalizedText& normalized, std::vector<EvidenceMark>* marks) {
  for (const std::string& name : names) {
    std::string needle = AsciiLower(TextNormalizer::Get().Fold(name));
    if (Utf8Length(needle) < 2) continue;
    std::vector<std::pair<size_t, size_t>> hits;
    FindAll(folded_text, needle, &hits);
    for (auto [b, e] : hits) {
      Span o = normalized.map.ToOriginal(Span{b, e});
      marks->push_back({o.begin, o.end, kind});
    }
  }
}

}  // namespace

std::vector<EvidenceMark> FindEvidenceMarks(std::string_view evidence, const MarkRequest& request) {
  std::vector<EvidenceMark> marks;
  if (evidence.empty()) return marks;
  NormalizedText normalized = TextNormalizer::Get().Normalize(evidence);
  if (request.amount) {
    std::string script = request.lang.empty() ? "en" : request.lang;
    for (const MoneyMention& m : FindMoney(normalized.text, MoneyContext{request.market, script})) {
      if (!request.currency.empty() && !m.currency.empty() && m.currency != request.currency) continue;
      bool same = (m.value && Near(*m.value, *request.amount)) || (m.low && Near(*m.low, *request.amount)) ||
                  (m.high && Near(*m.high, *request.amount));
      if (!same) continue;
      Span o = normalized.map.ToOriginal(m.span);
      marks.push_back({o.begin, o.end, "amount"});
    }
  }
  std::string folded = AsciiLower(normalized.text);
  AddNames(request.borrower_names, "borrower", folded, normalized, &marks);
  AddNames(request.lender_names, "lender", folded, normalized, &marks);
  std::stable_sort(marks.begin(), marks.end(), [](const EvidenceMark& a, const EvidenceMark& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<EvidenceMark> out;
  for (EvidenceMark& m : marks) {
    if (m.end <= m.begin || m.end > evidence.size()) continue;
    if (!out.empty() && m.begin < out.back().end) continue;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace dealwatch
