#include "parse/article_extractor.h"

#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"
#include "common/utf8.h"
#include "parse/boilerplate_pruner.h"
#include "parse/byline.h"
#include "parse/class_hints.h"
#include "parse/content_finder.h"
#include "parse/date_parser.h"
#include "parse/dom.h"
#include "parse/filing_text.h"
#include "parse/html_document.h"
#include "parse/lang_detect.h"
#include "parse/metadata.h"
#include "parse/text_hints.h"
#include "parse/text_renderer.h"

namespace dealwatch {
namespace {

constexpr size_t kEnoughText = 500;          // bytes of text that end the retries
constexpr size_t kBinaryProbe = 8192;        // bytes inspected for binary data
constexpr int kTextNodesSearched = 4000;     // text nodes searched for a visible date or byline
constexpr int kNodesBeforeContent = 400;     // ... starting this many nodes before the content
constexpr uint32_t kMaxFieldUnits = 300;     // longer text nodes hold no date line or byline
constexpr double kMaxLineLinkDensity = 0.7;  // lines that are mostly links are navigation
constexpr size_t kMaxLabelChars = 30;        // longer lines are text, not section labels
constexpr size_t kMaxLeadingLabelChars =
    20;                                 // opening lines this short without punctuation are labels
constexpr size_t kMaxLeadingLines = 3;  // byline and date lines dropped from the top at most
constexpr int kMaxTrailingLines = 4;    // credit lines dropped from the end at most
constexpr size_t kFilingProbe = 6000;   // bytes of page text checked for filing marks
constexpr size_t kLangProbe = 4096;     // bytes of text for language detection
constexpr size_t kMinLinkedProse = 60;  // characters: a line this long wrapped in a link is prose

const GumboNode* FindBody(const GumboNode* html) {
  const GumboVector& children = html->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) return c;
  }
  return html;
}

size_t TextBytes(const std::vector<TextLine>& lines) {
  size_t n = 0;
  for (const TextLine& l : lines) n += l.text.size();
  return n;
}

// The main content, strictly (furniture pruned first) or not.
std::vector<TextLine> MainLines(FlatDom* dom, bool strict, int* top) {
  dom->ClearRemoved();
  if (strict) PruneBoilerplate(dom, 0);
  ContentChoice choice = FindContent(*dom, 0);
  *top = choice.top;
  if (choice.top < 0) return {};
  CleanContent(dom, choice.roots);
  return RenderLines(*dom, choice.roots);
}

// Strict first; when that leaves little text, relaxed, keeping the longer.
// A page with no paragraph at all (a few short lines) gives its whole body
// without the furniture.
std::vector<TextLine> BestMainLines(FlatDom* dom, int* top) {
  std::vector<TextLine> lines = MainLines(dom, true, top);
  if (TextBytes(lines) >= kEnoughText) return lines;
  int relaxed_top;
  std::vector<TextLine> relaxed = MainLines(dom, false, &relaxed_top);
  if (TextBytes(relaxed) > TextBytes(lines)) {
    *top = relaxed_top;
    return relaxed;
  }
  MainLines(dom, true, top);  // restore the strict marks for the date search
  if (lines.empty()) {
    *top = 0;
    lines = RenderLines(*dom, {0});
  }
  return lines;
}

// A headline lower-cased with spaces collapsed, for comparing with lines.
std::string TitleKey(std::string_view title) { return AsciiLower(CollapseSpaces(title)); }

// True when `line` is the headline `key` (TitleKey) or most of it.
bool SameText(std::string_view line, const std::string& key) {
  if (key.empty() || line.size() > key.size() * 2 + 16) return false;
  std::string a = TitleKey(line);
  return a == key || (a.size() * 10 >= key.size() * 8 && key.find(a) != std::string::npos);
}

bool HasSentenceEnd(std::string_view s) {
  for (std::string_view end :
       {".", "!", "?", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", ":", "\xEF\xBC\x9A"}) {
    if (s.find(end) != std::string_view::npos) return true;
  }
  return false;
}

// Short opening lines that are a byline, a date line, or a headline or
// author name without punctuation.
bool IsLeadingNoise(const TextLine& l) {
  if (IsLeadingFurniture(l.text)) return true;
  if (Utf8Length(l.text) <= kMaxLeadingLabelChars && !l.row && !HasSentenceEnd(l.text)) return true;
  return l.text.size() <= 100 && !ParseDate(l.text).empty();
}

// True when a line has no letter, digit or ideograph ("___", "* * *").
bool IsPunctuationOnly(std::string_view line) {
  for (unsigned char c : line) {
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

// In the second half of the text, a short label such as "Related
// articles" or "反侵权公告" starts the page furniture: drops it and the rest.
void CutAtClosingLabel(std::vector<TextLine>* lines) {
  for (size_t i = lines->size() / 2; i < lines->size(); ++i) {
    const std::string& t = (*lines)[i].text;
    if (i > 0 && Utf8Length(t) <= kMaxLabelChars && IsClosingLabel(t)) {
      lines->resize(i);
      return;
    }
  }
}

// Drops the headline, furniture lines, bylines and date lines at the top,
// credits at the bottom and, for filings, page headers and footers.
std::vector<TextLine> FilterLines(std::vector<TextLine> lines, const PageMetadata& meta,
                                  bool filing) {
  std::vector<TextLine> kept, leading;
  const std::string title = TitleKey(meta.title), h1 = TitleKey(meta.h1);
  for (TextLine& l : lines) {
    bool near_top = kept.size() < 3 || l.heading;
    if (near_top && !filing && (SameText(l.text, title) || SameText(l.text, h1))) {
      continue;
    }
    if (IsPunctuationOnly(l.text)) continue;
    if (filing ? IsPageFurnitureLine(l.text) : IsBoilerplateLine(l.text)) continue;
    if (!filing && l.LinkDensity() > kMaxLineLinkDensity) continue;
    if (!filing && kept.empty() && leading.size() < kMaxLeadingLines && IsLeadingNoise(l)) {
      leading.push_back(std::move(l));
      continue;
    }
    kept.push_back(std::move(l));
  }
  // A page of nothing but short lines keeps them (bylines and dates still go).
  if (kept.empty()) {
    for (TextLine& l : leading) {
      if (!IsLeadingFurniture(l.text) && ParseDate(l.text).empty()) kept.push_back(std::move(l));
    }
  }
  if (!filing) CutAtClosingLabel(&kept);
  for (int n = 0; !filing && n < kMaxTrailingLines && !kept.empty(); ++n) {
    if (!IsTrailingFurniture(kept.back().text)) break;
    kept.pop_back();
  }
  return kept;
}

// The last resort of a page without content: its long lines even when they
// are links (a stray unclosed <a> wraps the whole story in a link).
std::vector<TextLine> LinkedProse(FlatDom& dom, const PageMetadata& meta) {
  dom.ClearRemoved();
  std::vector<TextLine> lines = RenderLines(dom, {0});
  std::vector<TextLine> prose;
  for (TextLine& l : lines) {
    if (Utf8Length(l.text) < kMinLinkedProse) continue;
    l.link_bytes = 0;
    prose.push_back(std::move(l));
  }
  return FilterLines(std::move(prose), meta, /*filing=*/false);
}

// The first non-empty fn(text) over the short text nodes of the page, from
// a little before the content on: a visible date or byline.
template <typename F>
std::string FirstNearContent(const FlatDom& dom, int top, F fn) {
  int start = top > kNodesBeforeContent ? top - kNodesBeforeContent : 0;
  int seen = 0;
  for (int i = start; i < static_cast<int>(dom.size()) && seen < kTextNodesSearched; ++i) {
    const DomNode& n = dom[i];
    if (n.removed || n.skipped) {
      i = n.end - 1;
      continue;
    }
    if (n.kind != NodeKind::kText || n.sub.text > kMaxFieldUnits) continue;
    ++seen;
    std::string found = fn(n.node->v.text.text);
    if (!found.empty()) return found;
  }
  return "";
}

void FillMetadata(const PageMetadata& meta, Article* a) {
  a->title = meta.title;
  a->published = meta.published;
  a->updated = meta.updated;
  a->author = meta.author;
  a->site_name = meta.site_name;
  a->canonical_url = meta.canonical_url;
}

}  // namespace

bool LooksBinary(std::string_view s) {
  s = s.substr(0, kBinaryProbe);
  size_t chars = 0, bad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    ++chars;
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    bool fffd = c == 0xEF && s.compare(i, 3, "\xEF\xBF\xBD") == 0;
    bad += control || fffd;
  }
  return chars > 0 && bad * 20 > chars;
}

Article ExtractArticle(std::string_view html, std::string_view url) {
  return ExtractArticle(html, url, ExtractMode::kAuto);
}

Article ExtractArticle(std::string_view html, std::string_view url, ExtractMode mode) {
  Article a;
  a.source = std::string(url);
  if (Trim(html).empty()) {
    a.empty_reason = "empty input";
    return a;
  }
  if (LooksBinary(html)) {
    a.empty_reason = "binary data";
    return a;
  }
  HtmlDocument doc = HtmlDocument::Parse(html);
  PageMetadata meta = ReadMetadata(doc.document(), url);
  FillMetadata(meta, &a);
  FlatDom dom = FlatDom::Build(FindBody(doc.root()));
  bool filing = mode == ExtractMode::kWholeDocument ||
                (mode == ExtractMode::kAuto && LooksLikeFiling(dom.TextOf(0, kFilingProbe), url));
  std::vector<TextLine> lines;
  int top = 0;
  if (filing) {
    lines = RenderLines(dom, {0});
  } else {
    lines = BestMainLines(&dom, &top);
  }
  a.text = JoinLines(FilterLines(std::move(lines), meta, filing));
  if (a.text.empty() && !filing) a.text = JoinLines(LinkedProse(dom, meta));
  if (top < 0) top = 0;
  if (a.published.empty()) a.published = FirstNearContent(dom, top, ParseDate);
  if (a.author.empty()) a.author = FirstNearContent(dom, top, ParseByline);
  std::string probe =
      a.text.empty() ? dom.TextOf(0, kLangProbe) : std::string(Utf8Truncate(a.text, kLangProbe));
  a.lang = DecideLang(meta.html_lang, probe);
  if (a.text.empty()) a.empty_reason = "no article content";
  return a;
}

}  // namespace dealwatch
