// Turns one HTML page (already decoded to UTF-8) into an Article: main text
// without boilerplate (navigation, share bars, related-story lists, comments,
// cookie banners, footers, ads), plus title, dates, author, site name,
// canonical URL and language. Filings (SEC EDGAR, exchange announcements)
// keep all their text but page headers and footers. Uses gumbo-parser.
// Stateless, thread-safe. Work and memory are bounded on any input (see
// HtmlDocument).
#ifndef DEALWATCH_PARSE_ARTICLE_EXTRACTOR_H_
#define DEALWATCH_PARSE_ARTICLE_EXTRACTOR_H_

#include <string_view>

#include "common/status.h"
#include "parse/article.h"

namespace dealwatch {

// `url` (may be empty) helps with dates in URLs and relative canonical links.
// Never fails on bad HTML: a page with no article gives an Article whose text
// is empty and whose empty_reason says why.
Article ExtractArticle(std::string_view html_utf8, std::string_view url);

// How ExtractArticle chooses the text: kAuto renders filings whole and finds
// the main content of other pages; the others force one way.
enum class ExtractMode { kAuto, kMainContent, kWholeDocument };
Article ExtractArticle(std::string_view html_utf8, std::string_view url, ExtractMode mode);

// A plain-text document (a .txt file) as an Article: the text is kept with
// its lines, minus page furniture. EDGAR SGML submissions (<SEC-DOCUMENT>,
// <DOCUMENT><TYPE>...<TEXT>) keep the <TEXT> of each prose document, HTML
// ones rendered whole; the header gives author (company) and filing date.
// `source` goes to Article::source. Never fails.
Article ExtractPlainText(std::string_view text_utf8, std::string_view source);

// True when control characters and U+FFFD make up more than 5% of the first
// 8 KiB of `utf8`: not a text document.
bool LooksBinary(std::string_view utf8);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_ARTICLE_EXTRACTOR_H_
