#include "parse/metadata.h"

#include <utility>
#include <vector>

#include "common/strings.h"
#include "common/utf8.h"
#include "parse/date_parser.h"
#include "parse/dom.h"

namespace dealwatch {
namespace {

constexpr size_t kMaxFieldBytes = 600;  // longer titles and bylines are cut

constexpr std::string_view kPublishedKeys[] = {
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "citation_publication_date",
    "originalpublicationdate",
    "og:pubdate",
    "article_date_original",
    "publishtime",
    "pub_date",
    "date",
    "created",
    "timestamp",
};
constexpr std::string_view kUpdatedKeys[] = {
    "article:modified_time", "og:updated_time",  "datemodified",
    "article.updated",       "lastmod",          "last-modified",
    "dcterms.modified",      "dc.date.modified", "modified_time",
    "updated_time",
};
constexpr std::string_view kAuthorKeys[] = {
    "author",          "article:author",  "byl",
    "parsely-author",  "sailthru.author", "dc.creator",
    "dcterms.creator", "citation_author", "twitter:creator",
};
constexpr std::string_view kTitleKeys[] = {"og:title", "twitter:title", "headline"};
constexpr std::string_view kSiteKeys[] = {"og:site_name", "application-name", "twitter:site"};

// Everything of interest found in one walk over the document.
struct Collected {
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased key, value
  std::vector<std::string> json_ld;
  std::string title, h1, lang, canonical, time_datetime, byline;
};

// Text under `node`, whitespace collapsed, at most about kMaxFieldBytes.
std::string NodeText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out.size() < kMaxFieldBytes) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out.append(n->v.text.text).push_back(' ');
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<GumboNode*>(ch.data[i]));
    }
  }
  return CollapseSpaces(Utf8Truncate(out, kMaxFieldBytes));
}

// The raw text child of a <script> or <title>.
std::string_view RawText(const GumboNode* element) {
  const GumboVector& ch = element->v.element.children;
  if (ch.length == 0) return {};
  const GumboNode* t = static_cast<GumboNode*>(ch.data[0]);
  return t->type == GUMBO_NODE_TEXT ? std::string_view(t->v.text.text) : std::string_view();
}

void CollectMeta(const GumboNode* n, Collected* c) {
  std::string_view key = Attr(n, "property");
  if (key.empty()) key = Attr(n, "name");
  if (key.empty()) key = Attr(n, "itemprop");
  std::string_view value = Attr(n, "content");
  if (value.empty()) value = Attr(n, "datetime");
  if (!key.empty() && !Trim(value).empty()) {
    c->metas.emplace_back(AsciiLower(Trim(key)),
                          std::string(Utf8Truncate(Trim(value), kMaxFieldBytes)));
  }
}

// Tags whose elements always matter to metadata.
bool IsMetadataTag(GumboTag tag) {
  return tag == GUMBO_TAG_META || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_LINK ||
         tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_H1 ||
         tag == GUMBO_TAG_TIME;
}

// True when `n` has an itemprop, rel or class attribute (one pass; most
// elements have none of them and are skipped).
bool HasMetadataAttr(const GumboNode* n) {
  const GumboVector& attrs = n->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    std::string_view name = static_cast<const GumboAttribute*>(attrs.data[i])->name;
    if (name == "itemprop" || name == "rel" || name == "class") return true;
  }
  return false;
}

void CollectElement(const GumboNode* n, Collected* c) {
  GumboTag tag = n->v.element.tag;
  if (!IsMetadataTag(tag) && !HasMetadataAttr(n)) return;
  if (tag == GUMBO_TAG_META || !Attr(n, "itemprop").empty()) CollectMeta(n, c);
  if (tag == GUMBO_TAG_HTML && c->lang.empty()) c->lang = std::string(Trim(Attr(n, "lang")));
  if (tag == GUMBO_TAG_LINK && c->canonical.empty() && IEquals(Attr(n, "rel"), "canonical")) {
    c->canonical = std::string(Trim(Attr(n, "href")));
  }
  if (tag == GUMBO_TAG_SCRIPT && AsciiLower(Attr(n, "type")).find("ld+json") != std::string::npos) {
    c->json_ld.emplace_back(RawText(n));
  }
  if (tag == GUMBO_TAG_TITLE && c->title.empty()) c->title = CollapseSpaces(RawText(n));
  if (tag == GUMBO_TAG_H1 && c->h1.empty()) c->h1 = NodeText(n);
  if (tag == GUMBO_TAG_TIME && c->time_datetime.empty()) {
    c->time_datetime = std::string(Trim(Attr(n, "datetime")));
  }
  if (c->byline.empty() && (IEquals(Attr(n, "rel"), "author") ||
                            AsciiLower(Attr(n, "class")).find("byline") != std::string::npos)) {
    c->byline = NodeText(n);
  }
}

Collected Collect(const GumboNode* document) {
  Collected c;
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      CollectElement(n, &c);
      children = &n->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned i = children->length; i-- > 0;) {
      const GumboNode* child = static_cast<GumboNode*>(children->data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) stack.push_back(child);
    }
  }
  return c;
}

template <size_t N>
std::string FirstMeta(const Collected& c, const std::string_view (&keys)[N]) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : c.metas) {
      if (k == key) return v;
    }
  }
  return "";
}

std::string FirstDate(const Collected& c, const std::string_view* keys, size_t n,
                      std::string_view json_key) {
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [k, v] : c.metas) {
      if (k != keys[i]) continue;
      std::string d = ParseDate(v);
      if (!d.empty()) return d;
    }
  }
  for (const std::string& json : c.json_ld) {
    std::string d = ParseDate(JsonLdValue(json, json_key));
    if (!d.empty()) return d;
  }
  return "";
}

bool LooksLikeUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0 ||
         s.rfind("@", 0) == 0 || s.find("www.") != std::string_view::npos;
}

// Sites put their own name, domain or keyword lists in author fields.
bool LooksLikeSiteName(std::string_view a) {
  for (std::string_view tld : {".com", ".cn", ".net", ".org"}) {
    if (a.find(tld) != std::string_view::npos) return true;
  }
  size_t commas = 0;
  for (char c : a) commas += c == ',';
  return commas >= 2;
}

std::string CleanAuthor(std::string_view a) {
  a = Trim(a);
  if (a.size() > 3 && IEquals(a.substr(0, 3), "by ")) a = Trim(a.substr(3));
  if (LooksLikeUrl(a) || LooksLikeSiteName(a) || a.size() > 200) return "";
  return std::string(a);
}

std::string FindAuthor(const Collected& c) {
  for (std::string_view key : kAuthorKeys) {
    for (const auto& [k, v] : c.metas) {
      if (k == key && !CleanAuthor(v).empty()) return CleanAuthor(v);
    }
  }
  for (const std::string& json : c.json_ld) {
    std::string a = CleanAuthor(JsonLdValue(json, "author"));
    if (!a.empty()) return a;
  }
  return CleanAuthor(c.byline);
}

std::string FindTitle(const Collected& c, const std::string& site) {
  std::string t = FirstMeta(c, kTitleKeys);
  if (t.empty()) {
    for (const std::string& json : c.json_ld) {
      if (!(t = JsonLdValue(json, "headline")).empty()) break;
    }
  }
  if (!t.empty()) return StripSiteSuffix(t, site);
  if (!c.h1.empty() && c.title.find(c.h1) != std::string::npos) return c.h1;
  if (!c.title.empty()) return StripSiteSuffix(c.title, site);
  return c.h1;
}

}  // namespace

PageMetadata ReadMetadata(const GumboNode* document, std::string_view url) {
  PageMetadata m;
  if (document == nullptr) return m;
  Collected c = Collect(document);
  m.site_name = FirstMeta(c, kSiteKeys);
  if (LooksLikeUrl(m.site_name)) m.site_name.clear();
  m.title = FindTitle(c, m.site_name);
  m.h1 = c.h1;
  m.published = FirstDate(c, kPublishedKeys, std::size(kPublishedKeys), "datePublished");
  if (m.published.empty()) m.published = ParseDate(c.time_datetime);
  if (m.published.empty()) m.published = DateFromUrl(url);
  m.updated = FirstDate(c, kUpdatedKeys, std::size(kUpdatedKeys), "dateModified");
  m.author = FindAuthor(c);
  std::string canonical = c.canonical.empty() ? FirstMeta(c, {"og:url"}) : c.canonical;
  m.canonical_url = ResolveLink(url, canonical);
  m.html_lang = c.lang;
  return m;
}

}  // namespace dealwatch
