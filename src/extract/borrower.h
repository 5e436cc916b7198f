// Who borrows: the candidates a frame offers for the borrower, scored, and
// the test that throws out phrases no borrower is called ("响应政府推动能源",
// "以公司"). A rule's borrower group scores highest; then organisations in
// the clause (gazetteer companies, org-rule names, later mentions of them),
// those before the amount more. Thread-safe.
#ifndef DEALWATCH_EXTRACT_BORROWER_H_
#define DEALWATCH_EXTRACT_BORROWER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/frame.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"

namespace dealwatch {

struct BorrowerCandidate {
  Span span;          // normalised text
  std::string key;    // identity: "#c12" for a gazetteer company, else the folded name
  int score = 0;
  std::string rule;   // rule id, or the mention's origin
};

// Candidates of one frame, best first; implausible names left out.
std::vector<BorrowerCandidate> BorrowerCandidates(const Frame& frame, std::string_view text,
                                                  const ArticleMentions& mentions, const Lexicon& lexicon);

// False for phrases that are not names: clause fragments with verbs or
// function words, generic words, over-long runs.
bool PlausibleBorrower(std::string_view normalized_name, const Lexicon& lexicon);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_BORROWER_H_
