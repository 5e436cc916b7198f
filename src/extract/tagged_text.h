// TaggedText is one clause of normalised text in which every mention is
// replaced by a placeholder "\uE000" kind index "\uE001" (kind is L, O, M, T
// or P; index points into ArticleMentions::items), so that a deal rule can
// say "{LENDERS} 统筹主办 {MONEY} 联贷" instead of spelling out every bank and
// amount. Offsets in the tagged string map back to the normalised text.
#ifndef DEALWATCH_EXTRACT_TAGGED_TEXT_H_
#define DEALWATCH_EXTRACT_TAGGED_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"

namespace dealwatch {

class TaggedText {
 public:
  // Tags `clause` of `text` with the mentions lying wholly inside it.
  TaggedText(std::string_view text, Span clause, const ArticleMentions& mentions);

  const std::string& str() const { return tagged_; }
  Span clause() const { return clause_; }
  // The normalised span a tagged span covers (placeholders cover their mention).
  Span ToText(size_t begin, size_t end) const;
  // Mention indexes whose placeholders lie in tagged [begin, end).
  std::vector<int> MentionsIn(size_t begin, size_t end) const;

 private:
  struct Piece {
    size_t tagged, text, tagged_len, text_len;
    int mention;  // -1 for plain text
  };
  std::string tagged_;
  Span clause_;
  std::vector<Piece> pieces_;
};

// Readable form of a tagged string for `dealwatch explain`: placeholders
// become «L:name», «M:220亿美元».
std::string RenderTagged(std::string_view tagged, std::string_view text, const ArticleMentions& mentions);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_TAGGED_TEXT_H_
