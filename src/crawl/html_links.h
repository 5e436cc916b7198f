// Links out of HTML pages, on gumbo: the <a href> links of a listing page
// (filtered later by the source's link_pattern) and the document table of
// an EDGAR filing index page. Pure functions; thread-safe. Input is read as
// UTF-8; hrefs are ASCII in practice, so legacy-charset pages work too.
#ifndef DEALWATCH_CRAWL_HTML_LINKS_H_
#define DEALWATCH_CRAWL_HTML_LINKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// Bytes of HTML that are parsed; the rest is ignored.
inline constexpr size_t kMaxHtmlBytes = 8u << 20;

struct HtmlLink {
  std::string url;   // canonical, absolute (http, https or file)
  std::string text;  // anchor text, spaces collapsed, "" when not valid UTF-8
};

// Every <a href> in document order, resolved against `base_url` (or the
// page's <base href>), without duplicates. Links that do not resolve
// (mailto:, javascript:) are skipped.
std::vector<HtmlLink> ExtractHtmlLinks(std::string_view html, const std::string& base_url);

// One row of the "Document Format Files" table of an EDGAR filing index.
struct FilingDocument {
  std::string url;          // the document itself ("/ix?doc=" viewer links unwrapped)
  std::string type;         // "8-K", "EX-10.1", "EX-99.1", ...
  std::string description;  // as written, "" when empty
};

// The documents of an EDGAR filing index page (*-index.htm), in table
// order; empty when the page has no document table.
std::vector<FilingDocument> ParseFilingIndex(std::string_view html, const std::string& base_url);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_HTML_LINKS_H_
