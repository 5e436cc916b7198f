// Reads an article's metadata from a parsed page: title (og:title, the <h1>,
// or <title> without its site suffix), published and updated dates (meta
// tags such as article:published_time, JSON-LD NewsArticle, <time
// datetime>, the URL), author (meta, JSON-LD, byline elements), site name
// (og:site_name), canonical URL (<link rel=canonical> resolved against the
// page URL) and the declared language (<html lang>). Visible dates in the
// text and language detection are done by the caller, which has the text.
// Pure functions; thread-safe.
#ifndef DEALWATCH_PARSE_METADATA_H_
#define DEALWATCH_PARSE_METADATA_H_

#include <gumbo.h>

#include <string>
#include <string_view>

#include "parse/article.h"

namespace dealwatch {

struct PageMetadata {
  std::string title;
  std::string h1;         // text of the first <h1>
  std::string published;  // ISO 8601 or ""
  std::string updated;
  std::string author;
  std::string site_name;
  std::string canonical_url;
  std::string html_lang;  // the lang attribute as written
};

// Collects metadata from `document` (a GUMBO_NODE_DOCUMENT); `url` may be "".
PageMetadata ReadMetadata(const GumboNode* document, std::string_view url);

// "Headline | Site" -> "Headline": drops the parts of a <title> that name
// the site (`site_name` when known), keeping the longest remaining part.
std::string StripSiteSuffix(std::string_view title, std::string_view site_name);

// Resolves `href` against `base` (absolute, scheme-relative, root-relative
// or relative references). "" when neither gives an absolute http(s) URL.
std::string ResolveLink(std::string_view base, std::string_view href);

// The first string value of "key" in JSON text, unescaped ("" when absent).
// For "author"-like keys whose value is an object or array, the first
// "name" inside it. Exposed for tests.
std::string JsonLdValue(std::string_view json, std::string_view key);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_METADATA_H_
