// FlatDom is a gumbo tree flattened into a vector in document order, with
// the per-element facts the article extractor scores: visible text length,
// link text, commas, class/id hints. Built by an explicit-stack walk, so deep
// nesting cannot overflow the C++ stack; every later pass is a loop over the
// vector (a subtree is the index range [i, nodes[i].end)).
// Borrows the HtmlDocument it was built from. Immutable after Build() apart
// from the `removed` marks; not thread-safe while marks change.
#ifndef DEALWATCH_PARSE_DOM_H_
#define DEALWATCH_PARSE_DOM_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

enum class NodeKind : uint8_t { kElement, kText, kSpace };

// Sums over a subtree, or over the text that sits directly in a block.
struct TextStats {
  uint32_t text = 0;    // text units: UTF-8 bytes, each whitespace run counted once
  uint32_t link = 0;    // of which inside <a>
  uint32_t commas = 0;  // , ，、
  uint32_t stops = 0;   // sentence ends . ! ? 。！？
  void Add(const TextStats& o) {
    text += o.text, link += o.link, commas += o.commas, stops += o.stops;
  }
  double LinkDensity() const { return text ? static_cast<double>(link) / text : 0.0; }
};

struct DomNode {
  const GumboNode* node = nullptr;
  int32_t parent = -1;
  int32_t end = 0;                   // one past the last descendant
  int32_t block = -1;                // nearest block-level element, itself included
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // elements only
  NodeKind kind = NodeKind::kElement;
  bool in_link = false;       // inside <a href>
  bool skipped = false;       // never text (script, style, form controls, hidden); not descended
  bool removed = false;       // dropped by the extractor (boilerplate)
  int8_t hint = 0;            // class/id verdict: -2 boilerplate, -1 unlikely, 0, +1 content
  bool strong = false;        // class/id names furniture that is never the article
  bool content_word = false;  // class/id also names content ("content-sidebar-wrap")
  uint16_t depth = 0;
  TextStats sub;            // whole subtree (skipped and removed parts left out)
  TextStats own;            // text whose nearest block is this element
  uint32_t good = 0;        // text units of paragraph-like blocks in the subtree
  uint32_t paragraphs = 0;  // <p> elements, and <br>-separated paragraphs of other blocks
  uint32_t breaks = 0;      // <br> elements whose nearest block is this one
  uint32_t images = 0;
  uint32_t list_items = 0;
};

// Blocks with at least this many text units of their own, mostly not link
// text, count as paragraphs (DomNode::good).
inline constexpr uint32_t kGoodBlockUnits = 25;

// Whether `tag` starts a new line of text (p, div, li, h1, tr, ...).
bool IsBlockTag(GumboTag tag);
// Whether `tag` is h1 to h6.
bool IsHeadingTag(GumboTag tag);

class FlatDom {
 public:
  // Flattens the subtree under `root` (usually the <body>).
  static FlatDom Build(const GumboNode* root);

  std::vector<DomNode>& nodes() { return nodes_; }
  const std::vector<DomNode>& nodes() const { return nodes_; }
  size_t size() const { return nodes_.size(); }
  const DomNode& operator[](size_t i) const { return nodes_[i]; }
  DomNode& operator[](size_t i) { return nodes_[i]; }

  // Recomputes `sub`, `own`, and the counts, leaving out removed subtrees.
  void Recount();
  // Marks [i, end) removed.
  void Remove(int i);
  // Clears every removed mark and recounts (nothing to do when none is set).
  void ClearRemoved();
  // The class and id attributes joined by a space, lower-cased.
  static std::string ClassAndId(const GumboNode* element);
  // Visible text of [i, end) with whitespace collapsed, cut after about
  // `max_bytes`.
  std::string TextOf(int i, size_t max_bytes = SIZE_MAX) const;

 private:
  void Visit(const GumboNode* g, int parent);
  // Fills `n` for `g`, to be appended next; false for nodes not kept (comments).
  bool Describe(const GumboNode* g, int parent, DomNode* n) const;
  static TextStats CountText(std::string_view text, bool in_link);

  std::vector<DomNode> nodes_;
  bool any_removed_ = false;
};

// The value of attribute `name` on `element`, or "".
std::string_view Attr(const GumboNode* element, const char* name);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_DOM_H_
