// Finds the element(s) holding a page's main text, in the spirit of
// Readability: every paragraph scores its ancestors by length and commas,
// class/id hints and link density weigh the candidates, the best one is
// widened to its parent when that holds more of the text, and siblings that
// score well enough join it. Pure function of the FlatDom; thread-safe.
#ifndef DEALWATCH_PARSE_CONTENT_FINDER_H_
#define DEALWATCH_PARSE_CONTENT_FINDER_H_

#include <vector>

#include "parse/dom.h"

namespace dealwatch {

struct ContentChoice {
  int top = -1;            // best candidate element, -1 when the page has no paragraph
  std::vector<int> roots;  // top and the siblings that join it, in document order
};

// Paragraph text units below which a block does not vote.
inline constexpr uint32_t kMinParagraphUnits = 25;

// REQUIRES: dom counts are current (FlatDom::Recount after removals).
ContentChoice FindContent(const FlatDom& dom, int body);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_CONTENT_FINDER_H_
