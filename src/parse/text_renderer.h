// Renders part of a FlatDom as lines of plain text: each paragraph, heading,
// list item and block on its own line, <br> as a line break, a table as one
// line per row with tab-separated cells, <pre> line by line. Removed and
// skipped nodes give no text. Iterative, with no shared state: thread-safe.
#ifndef DEALWATCH_PARSE_TEXT_RENDERER_H_
#define DEALWATCH_PARSE_TEXT_RENDERER_H_

#include <string>
#include <vector>

#include "parse/dom.h"

namespace dealwatch {

struct TextLine {
  std::string text;       // whitespace collapsed and trimmed; never empty
  int block = -1;         // the block element the line came from
  bool heading = false;   // inside h1-h6
  bool row = false;       // a table row
  size_t link_bytes = 0;  // bytes of `text` inside <a href>

  double LinkDensity() const { return text.empty() ? 0.0 : double(link_bytes) / text.size(); }
};

// Lines of the subtrees rooted at `roots` (in order).
std::vector<TextLine> RenderLines(const FlatDom& dom, const std::vector<int>& roots);

// Joins line texts with '\n'.
std::string JoinLines(const std::vector<TextLine>& lines);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_TEXT_RENDERER_H_
