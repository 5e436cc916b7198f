// Filings (SEC EDGAR 8-K, EX-10.x, EX-99.x, exchange announcements) are
// documents, not web articles: all their text is content except the page
// furniture a printer-oriented layout repeats ("Page 3 of 40", "- 3 -",
// "Table of Contents" back-links). These helpers recognise filings and that
// furniture, and read EDGAR's SGML submission wrappers. Pure functions;
// thread-safe.
#ifndef DEALWATCH_PARSE_FILING_TEXT_H_
#define DEALWATCH_PARSE_FILING_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// True when the page text (its first few KB are enough) or URL marks a
// regulatory filing or an exchange announcement.
bool LooksLikeFiling(std::string_view text_start, std::string_view url);

// True for a page header or footer line of a filing: page numbers ("3",
// "- 3 -", "Page 3 of 40", "F-3"), "Table of Contents" back-links.
bool IsPageFurnitureLine(std::string_view line);

// One <DOCUMENT> of an EDGAR SGML submission.
struct SgmlDocument {
  std::string type;         // "8-K", "EX-10.1", "GRAPHIC", ...
  std::string description;  // "FORM 8-K", "" when absent
  std::string filename;     // "d123.htm", "" when absent (often holds the filing date)
  std::string_view text;    // the <TEXT> part (HTML or plain text)
};

// Header facts of an EDGAR submission ("" when absent).
struct SgmlHeader {
  std::string company;  // COMPANY CONFORMED NAME
  std::string filed;    // FILED AS OF DATE as ISO 8601
};

// True when `text` is an EDGAR SGML submission or document wrapper.
bool IsSgmlSubmission(std::string_view text);

// The documents of a submission whose type carries prose (not GRAPHIC, ZIP,
// EXCEL, XML, PDF, JSON, EX-101 XBRL, nor uuencoded data), in order.
// The views point into `text`.
std::vector<SgmlDocument> ReadSgmlDocuments(std::string_view text);

SgmlHeader ReadSgmlHeader(std::string_view text);

// True when `text` holds HTML markup rather than plain text.
bool LooksLikeHtml(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_FILING_TEXT_H_
