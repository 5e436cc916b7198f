// ReadClause: the second extraction layer. Runs the deal-level rules
// (fields deal, lenders, borrower, project, amount, not_deal) over one tagged
// clause and reads the cue tables (deal_types, roles, status, amount_cues,
// anaphora, not_deal) to produce a Frame. Thread-safe.
#ifndef DEALWATCH_EXTRACT_CLAUSE_READER_H_
#define DEALWATCH_EXTRACT_CLAUSE_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/frame.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/rule_set.h"
#include "extract/tagged_text.h"

namespace dealwatch {

struct ClauseContext {
  std::string_view text;  // the normalised article
  const ArticleMentions* mentions;
  const Lexicon* lexicon;
  const RuleSet* rules;
};

// Reads one clause: usually one frame; one per deal when the clause states
// several ("南亞以360億元…，台塑及台化均為320億元"). `hits` (may be null)
// receives every rule hit, for explain.
std::vector<Frame> ReadClause(const ClauseContext& ctx, const TaggedText& tagged, int sentence,
                              std::vector<RuleHit>* hits);

// Priority of a deal type when several are named: explicit green /
// sustainability labels (3) over structural types (2) over "loan" (1) over
// plain "financing" (0).
int TypePriority(const std::string& type);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_CLAUSE_READER_H_
