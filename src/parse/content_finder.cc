#include "parse/content_finder.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "parse/class_hints.h"
#include "parse/date_parser.h"

namespace dealwatch {
namespace {

constexpr int kScoredLevels = 5;  // ancestors a paragraph votes for
constexpr size_t kTopCandidates = 5;
constexpr int kMinAlternatives = 3;    // candidates that must agree to widen the choice
constexpr double kSeriesShare = 0.25;  // an earlier same-class container this big leads the series
constexpr uint32_t kMinSeriesUnits = 500;  // ... when it holds this much paragraph text
constexpr uint32_t kMaxDateUnits = 100;    // text nodes longer than this are no post dates

bool IsParagraphTag(GumboTag t) {
  return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_LI ||
         t == GUMBO_TAG_DD || t == GUMBO_TAG_BLOCKQUOTE;
}

double TagWeight(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

double HintWeight(int hint) { return hint < 0 ? -25.0 : hint > 0 ? 25.0 : 0.0; }

class Scorer {
 public:
  Scorer(const FlatDom& dom, int body)
      : dom_(dom), body_(body), score_(dom.size(), 0.0), scored_(dom.size(), 0) {}

  ContentChoice Run();

 private:
  void Vote(int block);
  void Touch(int i);
  int Best(std::vector<int>* top) const;
  int FirstOfSeries(int top) const;
  int Widen(int top, const std::vector<int>& others) const;
  int ClimbScores(int top) const;
  int ClimbOnlyChild(int top) const;
  std::vector<int> WithSiblings(int top) const;
  bool SiblingJoins(int sibling, int top, double threshold) const;
  double Final(int i) const { return score_[i] * (1.0 - dom_[i].sub.LinkDensity()); }

  const FlatDom& dom_;
  int body_;
  std::vector<double> score_;
  std::vector<uint8_t> scored_;
};

void Scorer::Touch(int i) {
  if (scored_[i]) return;
  scored_[i] = 1;
  score_[i] = TagWeight(dom_[i].tag) + HintWeight(dom_[i].hint);
}

// A paragraph's votes: 1 + commas + up to 3 for length, per 500 units of
// text, so a <br>-separated wall of text counts as the paragraphs it holds.
void Scorer::Vote(int b) {
  const DomNode& p = dom_[b];
  if (p.removed || p.own.text < kMinParagraphUnits || IsHeadingTag(p.tag)) return;
  if (p.own.LinkDensity() > 0.5) return;
  double chunks = std::ceil(p.own.text / 500.0);
  double s = chunks + p.own.commas + std::min(p.own.text / 100.0, 3.0 * chunks);
  // Text mixed with child blocks makes the block itself a container.
  bool mixed = !IsParagraphTag(p.tag) && p.sub.text > p.own.text;
  int a = mixed || b == body_ ? b : p.parent;
  for (int level = 0; a >= 0 && level < kScoredLevels; ++level, a = dom_[a].parent) {
    Touch(a);
    score_[a] += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    if (a == body_) break;
  }
}

// The best candidate; `top` receives the best few, best first.
int Scorer::Best(std::vector<int>* top) const {
  for (int i = body_; i < dom_[body_].end; ++i) {
    if (!scored_[i] || dom_[i].removed) continue;
    top->push_back(i);
  }
  std::sort(top->begin(), top->end(), [&](int a, int b) { return Final(a) > Final(b); });
  if (top->size() > kTopCandidates) top->resize(kTopCandidates);
  return top->empty() ? -1 : top->front();
}

bool IsAncestor(const FlatDom& dom, int a, int i) { return a <= i && i < dom[a].end; }

// The elements that hold about the same paragraphs as `top`: the ancestors
// and the chain of dominant descendants.
std::vector<int> SameTextChain(const FlatDom& dom, int top, int body) {
  std::vector<int> chain{top};
  uint32_t good = dom[top].good;
  for (int a = dom[top].parent; a > body && dom[a].good <= good * 5 / 4; a = dom[a].parent) {
    chain.push_back(a);
  }
  for (int d = top;;) {
    int best = -1;
    for (int c = d + 1; c < dom[d].end; c = dom[c].end) {
      if (!dom[c].removed && (best < 0 || dom[c].good > dom[best].good)) best = c;
    }
    if (best < 0 || dom[best].good * 5 < good * 4) break;
    chain.push_back(d = best);
  }
  return chain;
}

// True when, between the end of `a` and `b`, there is a heading or an
// element named a title, and a date: the header of the next post of a
// listing, not a subheading of one article.
bool PostHeaderBetween(const FlatDom& dom, int a, int b) {
  bool title = false, date = false;
  for (int i = dom[a].end; i < b && !(title && date); ++i) {
    const DomNode& n = dom[i];
    if (n.removed || n.skipped || n.sub.text == 0) continue;
    if (n.kind == NodeKind::kText) {
      date = date || (n.sub.text <= kMaxDateUnits && !ParseDate(n.node->v.text.text).empty());
      continue;
    }
    GumboTag t = n.tag;
    title = title || t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
            FlatDom::ClassAndId(n.node).find("title") != std::string::npos;
  }
  return title && date;
}

// On a listing page (blog archive) the best candidate is one of a series of
// same-class containers, each under its own title and date; the first is the
// main item.
int Scorer::FirstOfSeries(int top) const {
  for (int link : SameTextChain(dom_, top, body_)) {
    std::string_view cls = Attr(dom_[link].node, "class");
    if (cls.empty()) continue;
    for (int i = body_; i < link; ++i) {
      const DomNode& n = dom_[i];
      if (n.removed || n.skipped) {
        i = n.end - 1;
        continue;
      }
      // Siblings of one class are parts of one article, split around figures.
      if (n.tag != dom_[link].tag || n.depth != dom_[link].depth || IsAncestor(dom_, i, link) ||
          n.parent == dom_[link].parent) {
        continue;
      }
      if (n.good < kSeriesShare * dom_[link].good || n.good < kMinSeriesUnits) continue;
      if (n.sub.LinkDensity() < 0.3 && Attr(n.node, "class") == cls &&
          PostHeaderBetween(dom_, i, link)) {
        return i;
      }
    }
  }
  return top;
}

// When several near-best candidates share an ancestor with the best, the
// article is split into parts and that ancestor holds them all.
int Scorer::Widen(int top, const std::vector<int>& others) const {
  std::vector<int> close;
  for (int o : others) {
    if (o != top && Final(o) >= 0.75 * Final(top)) close.push_back(o);
  }
  if (static_cast<int>(close.size()) < kMinAlternatives) return top;
  for (int a = dom_[top].parent; a >= 0 && a != body_; a = dom_[a].parent) {
    int agree = 0;
    for (int o : close) agree += IsAncestor(dom_, a, o);
    if (agree >= kMinAlternatives) return a;
  }
  return top;
}

int Scorer::ClimbScores(int top) const {
  if (!scored_[top]) return top;
  double last = Final(top);
  double threshold = last / 3;
  for (int a = dom_[top].parent; a >= 0 && a != body_; a = dom_[a].parent) {
    if (!scored_[a]) continue;
    if (Final(a) < threshold) break;
    if (Final(a) > last) return a;
    last = Final(a);
  }
  return top;
}

int ElementChildren(const FlatDom& dom, int p) {
  int count = 0;
  for (int j = p + 1; j < dom[p].end; j = dom[j].end) {
    const DomNode& c = dom[j];
    count += c.kind == NodeKind::kElement && !c.removed && !c.skipped;
    count += c.kind == NodeKind::kText;
  }
  return count;
}

int Scorer::ClimbOnlyChild(int top) const {
  int p = dom_[top].parent;
  while (p >= 0 && p != body_ && ElementChildren(dom_, p) == 1) {
    top = p;
    p = dom_[p].parent;
  }
  return top;
}

bool Scorer::SiblingJoins(int s, int top, double threshold) const {
  const DomNode& n = dom_[s];
  if (n.kind != NodeKind::kElement || n.removed || n.skipped || n.sub.text == 0) return false;
  double ld = n.sub.LinkDensity();
  std::string_view cls = Attr(n.node, "class");
  bool same_class = !cls.empty() && cls == Attr(dom_[top].node, "class");
  // Parts of an article split around figures often share the class.
  if (same_class && n.good > 0 && ld < 0.3) return true;
  double bonus = same_class ? Final(top) * 0.2 : 0;
  if (scored_[s] && Final(s) + bonus >= threshold) return true;
  // A paragraph: a <p>, or a block holding only inline content.
  if (n.tag != GUMBO_TAG_P && (!IsBlockTag(n.tag) || n.own.text != n.sub.text)) return false;
  if (n.sub.text > 80) return ld < 0.25;
  return ld == 0 && n.sub.stops > 0;
}

std::vector<int> Scorer::WithSiblings(int top) const {
  int parent = dom_[top].parent;
  if (parent < 0 || top == body_) return {top};
  double threshold = std::max(10.0, Final(top) * 0.2);
  std::vector<int> roots;
  for (int j = parent + 1; j < dom_[parent].end; j = dom_[j].end) {
    if (j == top || SiblingJoins(j, top, threshold)) roots.push_back(j);
  }
  return roots;
}

ContentChoice Scorer::Run() {
  for (int i = body_; i < dom_[body_].end; ++i) {
    const DomNode& n = dom_[i];
    if (n.removed || n.skipped) {
      i = n.end - 1;
      continue;
    }
    if (n.kind == NodeKind::kElement && n.own.text > 0) Vote(i);
  }
  std::vector<int> best;
  ContentChoice choice;
  int top = Best(&best);
  if (top < 0) return choice;
  int first = FirstOfSeries(top);
  if (first != top) {
    // One item of a listing: widening would merge the whole series.
    choice.top = first;
    choice.roots = {first};
    return choice;
  }
  top = Widen(top, best);
  top = ClimbScores(top);
  top = ClimbOnlyChild(top);
  choice.top = top;
  choice.roots = WithSiblings(top);
  return choice;
}

}  // namespace

ContentChoice FindContent(const FlatDom& dom, int body) {
  if (body < 0 || body >= static_cast<int>(dom.size())) return {};
  Scorer scorer(dom, body);
  return scorer.Run();
}

}  // namespace dealwatch
