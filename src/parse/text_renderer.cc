#include "parse/text_renderer.h"

namespace dealwatch {
namespace {

bool IsCellTag(GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH; }

// Builds lines from enter/exit/text events.
class LineWriter {
 public:
  explicit LineWriter(std::vector<TextLine>* out) : out_(out) {}

  void Enter(const DomNode& n, int index);
  void Exit(const DomNode& n, int outer_block);
  void Text(std::string_view text, bool in_link);
  void Space() { space_ = true; }
  void Flush();

 private:
  void Append(std::string_view text);
  void Put(std::string_view word);  // text without spaces, after a pending space

  std::vector<TextLine>* out_;
  std::string line_;
  bool space_ = false;
  int block_ = -1;
  int heading_ = 0;  // open h1-h6
  int cell_ = 0;     // open td/th
  int pre_ = 0;      // open pre
  bool row_ = false;
  bool in_link_ = false;
  size_t link_bytes_ = 0;
};

void LineWriter::Enter(const DomNode& n, int index) {
  GumboTag t = n.tag;
  if (IsCellTag(t)) {
    if (!line_.empty()) line_.push_back('\t');
    space_ = false;
    ++cell_;
  } else if (t == GUMBO_TAG_BR) {
    if (cell_ > 0) {
      space_ = true;
    } else {
      Flush();
    }
  } else if (IsBlockTag(t) && cell_ == 0) {
    Flush();
    block_ = index;
    row_ = t == GUMBO_TAG_TR;
  } else if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_HR) {
    space_ = true;
  }
  heading_ += IsHeadingTag(t);
  pre_ += t == GUMBO_TAG_PRE;
}

void LineWriter::Exit(const DomNode& n, int outer_block) {
  GumboTag t = n.tag;
  if (IsCellTag(t)) {
    --cell_;
  } else if (IsBlockTag(t) && cell_ == 0) {
    Flush();  // before leaving a heading, so its line is marked as one
    block_ = outer_block;
    row_ = false;
  }
  heading_ -= IsHeadingTag(t);
  pre_ -= t == GUMBO_TAG_PRE;
}

void LineWriter::Text(std::string_view text, bool in_link) {
  in_link_ = in_link;
  if (pre_ == 0 || cell_ > 0) {
    Append(text);
    return;
  }
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', start)) {
    Append(text.substr(start, nl - start));
    Flush();
    start = nl + 1;
  }
  Append(text.substr(start));
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Bytes that need a look: whitespace, control characters and the lead bytes
// of U+00A0, U+200B and U+FEFF. Runs of other bytes are copied at once.
bool IsSpecial(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == '\x7F' || c == '\xC2' || c == '\xE2' ||
         c == '\xEF' || c == ' ';
}

void LineWriter::Append(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && !IsSpecial(text[run])) ++run;
    if (run > i) {
      Put(text.substr(i, run - i));
      i = run;
      continue;
    }
    char c = text[i];
    if (IsSpaceByte(c) || text.compare(i, 2, "\xC2\xA0") == 0) {
      space_ = true;
      i += c == '\xC2' ? 2 : 1;
    } else if (text.compare(i, 3, "\xE2\x80\x8B") == 0 || text.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      i += 3;  // zero-width space and BOM: invisible; lines of nothing else are noise
    } else if (static_cast<unsigned char>(c) < 0x20 || c == '\x7F') {
      ++i;  // control characters (NUL, escape, ...) are not text
    } else {
      Put(text.substr(i, 1));
      ++i;
    }
  }
}

void LineWriter::Put(std::string_view word) {
  if (space_ && !line_.empty() && line_.back() != '\t') {
    line_.push_back(' ');
    link_bytes_ += in_link_;
  }
  space_ = false;
  line_.append(word);
  if (in_link_) link_bytes_ += word.size();
}

void LineWriter::Flush() {
  while (!line_.empty() && (line_.back() == '\t' || line_.back() == ' ')) line_.pop_back();
  if (!line_.empty()) {
    out_->push_back(TextLine{std::move(line_), block_, heading_ > 0, row_, link_bytes_});
  }
  line_.clear();
  link_bytes_ = 0;
  space_ = false;
}

void Close(const FlatDom& dom, std::vector<int>* open, LineWriter* writer) {
  const DomNode& n = dom[open->back()];
  writer->Exit(n, n.parent >= 0 ? dom[n.parent].block : -1);
  open->pop_back();
}

}  // namespace

std::vector<TextLine> RenderLines(const FlatDom& dom, const std::vector<int>& roots) {
  std::vector<TextLine> lines;
  LineWriter writer(&lines);
  std::vector<int> open;
  for (int root : roots) {
    for (int j = root; j < dom[root].end; ++j) {
      while (!open.empty() && dom[open.back()].end <= j) {
        Close(dom, &open, &writer);
      }
      const DomNode& n = dom[j];
      if (n.removed || n.skipped) {
        j = n.end - 1;
        continue;
      }
      if (n.kind == NodeKind::kText) {
        writer.Text(n.node->v.text.text, n.in_link);
      } else if (n.kind == NodeKind::kSpace) {
        writer.Space();
      } else {
        writer.Enter(n, j);
        open.push_back(j);
      }
    }
    while (!open.empty()) Close(dom, &open, &writer);
    writer.Flush();
  }
  return lines;
}

std::string JoinLines(const std::vector<TextLine>& lines) {
  std::string out;
  for (const TextLine& l : lines) {
    if (!out.empty()) out.push_back('\n');
    out += l.text;
  }
  return out;
}

}  // namespace dealwatch
