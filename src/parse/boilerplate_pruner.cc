#include "parse/boilerplate_pruner.h"

#include "parse/class_hints.h"
#include "parse/text_hints.h"

namespace dealwatch {
namespace {

constexpr double kWrapperShare =
    0.5;  // an element with this share of the paragraphs is no furniture

bool IsFurnitureTag(GumboTag t) {
  return t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE ||
         t == GUMBO_TAG_HEADER;
}

bool IsList(GumboTag t) { return t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL; }

// Containers that Readability cleans conditionally.
bool IsFishyTag(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE || IsList(t) ||
         t == GUMBO_TAG_FORM || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_HEADER ||
         t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ARTICLE;
}

// `total` is the paragraph text (DomNode::good) of the page or content.
bool HoldsMostText(const DomNode& n, uint32_t total) {
  return total > 0 && n.good >= kWrapperShare * total;
}

// Readability's _cleanConditionally verdict for one container.
bool IsFishy(const DomNode& n) {
  if (n.sub.commas >= 10) return false;
  bool list = IsList(n.tag);
  uint32_t p = n.paragraphs;
  uint32_t img = n.images;
  double ld = n.sub.LinkDensity();
  if (img > 1 && p * 2 < img) return true;
  if (!list && n.list_items > p + 100) return true;
  // Short tables are kept: a two-by-two table of terms is data, not layout.
  if (!list && n.tag != GUMBO_TAG_TABLE && n.sub.text < 25 && (img == 0 || img > 2)) return true;
  if (!list && n.hint <= 0 && ld > 0.2) return true;
  if (list && ld > 0.5) return true;
  return n.hint > 0 && ld > 0.5;
}

// True for a heading or short block that announces a related/popular list.
bool IsBoilerplateLabel(const FlatDom& dom, int i) {
  const DomNode& n = dom[i];
  if (n.sub.text == 0 || n.sub.text > 60) return false;
  if (!IsHeadingTag(n.tag) && n.own.text != n.sub.text) return false;
  std::string text = dom.TextOf(i);
  // Closing labels stay: the text filter cuts the page there.
  return IsBoilerplateHeading(text) && !IsClosingLabel(text);
}

// The next element sibling of i, or -1.
int NextElement(const FlatDom& dom, int i) {
  int parent = dom[i].parent;
  if (parent < 0) return -1;
  for (int j = dom[i].end; j < dom[parent].end; j = dom[j].end) {
    if (dom[j].kind == NodeKind::kElement && !dom[j].skipped && !dom[j].removed) return j;
  }
  return -1;
}

// Whether element i, strictly inside the content, should go.
bool ShouldClean(const FlatDom& dom, int i, uint32_t total) {
  const DomNode& n = dom[i];
  if (n.tag == GUMBO_TAG_FIGCAPTION || n.tag == GUMBO_TAG_FIGURE) return true;
  if (HoldsMostText(n, total)) return false;
  if (n.hint == kHintBoilerplate && (n.strong || !n.content_word)) return true;
  if (n.hint < 0 && IsFishyTag(n.tag) && !n.content_word) return true;
  if (IsFishyTag(n.tag) && IsFishy(n)) return true;
  return IsBoilerplateLabel(dom, i);
}

}  // namespace

void PruneBoilerplate(FlatDom* dom, int body) {
  FlatDom& d = *dom;
  uint32_t total = d[body].good;
  bool changed = false;
  for (int i = body + 1; i < d[body].end; ++i) {
    const DomNode& n = d[i];
    if (n.removed || n.skipped) {
      i = n.end - 1;
      continue;
    }
    if (n.kind != NodeKind::kElement) continue;
    bool furniture = n.hint == kHintBoilerplate || IsFurnitureTag(n.tag);
    bool keep = n.content_word || (!n.strong && HoldsMostText(n, total));
    if (furniture && !keep) {
      d.Remove(i);
      changed = true;
      i = n.end - 1;
    }
  }
  if (changed) d.Recount();
}

void CleanContent(FlatDom* dom, const std::vector<int>& roots) {
  FlatDom& d = *dom;
  uint32_t total = 0;
  for (int r : roots) total += d[r].good;
  bool changed = false;
  for (int r : roots) {
    for (int i = r + 1; i < d[r].end; ++i) {
      const DomNode& n = d[i];
      if (n.removed || n.skipped) {
        i = n.end - 1;
        continue;
      }
      if (n.kind != NodeKind::kElement || !ShouldClean(d, i, total)) continue;
      if (IsBoilerplateLabel(d, i)) {
        int next = NextElement(d, i);
        if (next >= 0 && d[next].sub.LinkDensity() > 0.3) d.Remove(next);
      }
      d.Remove(i);
      changed = true;
      i = n.end - 1;
    }
  }
  if (changed) d.Recount();
}

}  // namespace dealwatch
