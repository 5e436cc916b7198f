#include "crawl/html_links.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <set>

#include "common/strings.h"
#include "common/utf8.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {

constexpr size_t kMaxAnchorText = 300;

struct GumboOutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
// REQUIRES: the parsed buffer outlives the output (gumbo points into it).
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboOutputPtr Parse(std::string_view html) {
  html = html.substr(0, kMaxHtmlBytes);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not needed; don't collect them
  return GumboOutputPtr(gumbo_parse_with_options(&options, html.data(), html.size()));
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

void AppendText(const GumboNode* node, std::string* out) {
  if (out->size() > kMaxAnchorText) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out->append(node->v.text.text);
    out->push_back(' ');
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    AppendText(static_cast<const GumboNode*>(children.data[i]), out);
  }
}

std::string TextOf(const GumboNode* node) {
  std::string raw;
  AppendText(node, &raw);
  std::string text = CollapseSpaces(raw);
  // gumbo turns undecodable bytes into U+FFFD: such a text is no useful hint.
  if (text.find("\xEF\xBF\xBD") != std::string::npos) return "";
  return std::string(Utf8Truncate(text, kMaxAnchorText));
}

// Pre-order walk over elements; an explicit stack bounds native recursion.
template <typename Visit>
void ForEachElement(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    visit(node);
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

std::string BaseHref(const GumboNode* root, const std::string& base_url) {
  std::string base = base_url;
  ForEachElement(root, [&](const GumboNode* n) {
    const char* href = Attr(n, "href");
    if (n->v.element.tag == GUMBO_TAG_BASE && href && base == base_url) {
      Result<std::string> resolved = ResolveUrl(base_url, href);
      if (resolved.ok()) base = *resolved;
    }
  });
  return base;
}

// EDGAR's inline XBRL viewer wraps documents: "/ix?doc=/Archives/...".
std::string UnwrapViewer(std::string href) {
  size_t doc = href.find("ix?doc=");
  return doc == std::string::npos ? href : href.substr(doc + 7);
}

std::vector<const GumboNode*> Cells(const GumboNode* row) {
  std::vector<const GumboNode*> cells;
  const GumboVector& children = row->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT &&
        (c->v.element.tag == GUMBO_TAG_TD || c->v.element.tag == GUMBO_TAG_TH)) {
      cells.push_back(c);
    }
  }
  return cells;
}

const GumboNode* FirstLink(const GumboNode* cell) {
  const GumboNode* link = nullptr;
  ForEachElement(cell, [&](const GumboNode* n) {
    if (!link && n->v.element.tag == GUMBO_TAG_A && Attr(n, "href")) link = n;
  });
  return link;
}

struct Columns {
  int document = 2, type = 3, description = 1;  // EDGAR's layout when no header says otherwise
};

void ReadHeader(const std::vector<const GumboNode*>& cells, Columns* cols) {
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string h = AsciiLower(TextOf(cells[i]));
    if (h == "document") cols->document = static_cast<int>(i);
    if (h == "type") cols->type = static_cast<int>(i);
    if (h == "description") cols->description = static_cast<int>(i);
  }
}

}  // namespace

std::vector<HtmlLink> ExtractHtmlLinks(std::string_view html, const std::string& base_url) {
  GumboOutputPtr out = Parse(html);
  std::vector<HtmlLink> links;
  if (!out) return links;
  std::string base = BaseHref(out->root, base_url);
  std::set<std::string> seen;
  ForEachElement(out->root, [&](const GumboNode* n) {
    const char* href = Attr(n, "href");
    if (n->v.element.tag != GUMBO_TAG_A || !href) return;
    Result<std::string> url = ResolveUrl(base, href);
    if (!url.ok() || !seen.insert(*url).second) return;
    links.push_back({std::move(url).value(), TextOf(n)});
  });
  return links;
}

std::vector<FilingDocument> ParseFilingIndex(std::string_view html, const std::string& base_url) {
  GumboOutputPtr out = Parse(html);
  std::vector<FilingDocument> docs;
  if (!out) return docs;
  const GumboNode* table = nullptr;
  ForEachElement(out->root, [&](const GumboNode* n) {
    const char* cls = Attr(n, "class");
    if (!table && n->v.element.tag == GUMBO_TAG_TABLE && cls && std::strstr(cls, "tableFile")) {
      table = n;
    }
  });
  if (!table) return docs;
  Columns cols;
  ForEachElement(table, [&](const GumboNode* n) {
    if (n->v.element.tag != GUMBO_TAG_TR) return;
    std::vector<const GumboNode*> cells = Cells(n);
    bool header = !cells.empty() && cells[0]->v.element.tag == GUMBO_TAG_TH;
    if (header) return ReadHeader(cells, &cols);
    if (static_cast<int>(cells.size()) <= std::max(cols.document, cols.type)) return;
    const GumboNode* link = FirstLink(cells[cols.document]);
    if (!link) return;
    Result<std::string> url = ResolveUrl(base_url, UnwrapViewer(Attr(link, "href")));
    if (!url.ok()) return;
    std::string description =
        cols.description < static_cast<int>(cells.size()) ? TextOf(cells[cols.description]) : "";
    docs.push_back({std::move(url).value(), TextOf(cells[cols.type]), std::move(description)});
  });
  return docs;
}

}  // namespace dealwatch
