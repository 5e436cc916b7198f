// AssembleDeals: the third extraction layer. Merges the frames of one
// article into deals: the same amount is the same deal; a clause without an
// amount ("本联贷案由台银统筹主办", "KeyBank is the administrative agent")
// adds to the deal just before it; lenders and roles are unioned; missing
// borrowers come from organisations near the deal. Thread-safe.
#ifndef DEALWATCH_EXTRACT_ASSEMBLER_H_
#define DEALWATCH_EXTRACT_ASSEMBLER_H_

#include <string_view>
#include <vector>

#include "extract/deal.h"
#include "extract/frame.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"

namespace dealwatch {

struct AssemblyInput {
  std::string_view text;  // normalised article
  const NormalizedText* normalized;
  std::string_view original;  // the article as published (names and evidence come from here)
  const std::vector<Span>* sentences;
  const ArticleMentions* mentions;
  const Lexicon* lexicon;
};

std::vector<Deal> AssembleDeals(const AssemblyInput& in, const std::vector<Frame>& frames);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_ASSEMBLER_H_
