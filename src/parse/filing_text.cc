#include "parse/filing_text.h"

#include <cctype>

#include "common/strings.h"
#include "parse/date_parser.h"

namespace dealwatch {
namespace {

constexpr size_t kFilingProbe = 6000;  // text bytes searched for filing marks

// Cover-page marks, matched case-sensitively: filings print them in capitals,
// while news about filings writes "Securities and Exchange Commission".
constexpr std::string_view kCoverMarks[] = {
    "SECURITIES AND EXCHANGE COMMISSION", "FORM 8-K", "FORM 10-K", "FORM 10-Q", "FORM 6-K",
};

// Disclaimers that exchanges require at the top of announcements.
constexpr std::string_view kFilingMarks[] = {
    "take no responsibility for the contents of this announcement",
    "對本公告之內容概不負責",
    "对本公告的内容概不负责",
    "對本公告的內容概不負責",
};

constexpr std::string_view kSkippedTypes[] = {"GRAPHIC", "ZIP",  "EXCEL",  "XML",
                                              "PDF",     "JSON", "EX-101", "XBRL"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The value of an SGML tag line "<TYPE>8-K" inside [begin, end).
std::string TagValue(std::string_view text, std::string_view tag) {
  size_t pos = text.find(tag);
  if (pos == std::string_view::npos) return "";
  size_t start = pos + tag.size();
  size_t eol = text.find('\n', start);
  return std::string(Trim(text.substr(start, eol == std::string_view::npos ? eol : eol - start)));
}

bool IsSkippedType(std::string_view type) {
  std::string upper(type);
  for (char& c : upper) c = std::toupper(static_cast<unsigned char>(c));
  for (std::string_view t : kSkippedTypes) {
    if (upper.rfind(t, 0) == 0) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeFiling(std::string_view text_start, std::string_view url) {
  if (url.find("sec.gov/Archives/edgar") != std::string_view::npos) return true;
  std::string_view start = text_start.substr(0, kFilingProbe);
  int cover = 0;
  for (std::string_view mark : kCoverMarks) cover += start.find(mark) != std::string_view::npos;
  if (cover >= 2) return true;
  std::string lower = AsciiLower(start);
  for (std::string_view mark : kFilingMarks) {
    if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

bool IsPageFurnitureLine(std::string_view line) {
  std::string l = AsciiLower(Trim(line));
  if (l.empty()) return false;
  if (l == "table of contents" || l == "back to contents" || l == "index" || l == "<page>") {
    return true;
  }
  std::string_view core = l;
  while (!core.empty() && (core.front() == '-' || core.front() == ' ')) core.remove_prefix(1);
  while (!core.empty() && (core.back() == '-' || core.back() == ' ')) core.remove_suffix(1);
  if (AllDigits(core) && core.size() <= 4) return true;
  if (core.size() <= 6 && (core.rfind("f-", 0) == 0 || core.rfind("a-", 0) == 0) &&
      AllDigits(core.substr(2))) {
    return true;
  }
  if (core.rfind("page ", 0) == 0 && core.size() <= 20) {
    std::string_view rest = core.substr(5);
    size_t of = rest.find(" of ");
    return AllDigits(rest.substr(0, of)) &&
           (of == std::string_view::npos || AllDigits(rest.substr(of + 4)));
  }
  return false;
}

bool IsSgmlSubmission(std::string_view text) {
  std::string_view head = text.substr(0, 2048);
  return head.find("<SEC-DOCUMENT>") != std::string_view::npos ||
         head.find("<SEC-HEADER>") != std::string_view::npos ||
         (head.find("<DOCUMENT>") != std::string_view::npos &&
          head.find("<TYPE>") != std::string_view::npos);
}

std::vector<SgmlDocument> ReadSgmlDocuments(std::string_view text) {
  std::vector<SgmlDocument> docs;
  size_t pos = 0;
  while ((pos = text.find("<DOCUMENT>", pos)) != std::string_view::npos) {
    size_t end = text.find("</DOCUMENT>", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view doc = text.substr(pos, end - pos);
    pos = end;
    size_t body = doc.find("<TEXT>");
    if (body == std::string_view::npos) continue;
    SgmlDocument d;
    d.type = TagValue(doc.substr(0, body), "<TYPE>");
    d.description = TagValue(doc.substr(0, body), "<DESCRIPTION>");
    d.filename = TagValue(doc.substr(0, body), "<FILENAME>");
    d.text = doc.substr(body + 6);
    size_t close = d.text.rfind("</TEXT>");
    if (close != std::string_view::npos) d.text = d.text.substr(0, close);
    if (IsSkippedType(d.type) || Trim(d.text).rfind("begin ", 0) == 0) continue;
    docs.push_back(d);
  }
  return docs;
}

SgmlHeader ReadSgmlHeader(std::string_view text) {
  size_t end = text.find("<DOCUMENT>");
  std::string_view header = text.substr(0, end);
  SgmlHeader h;
  h.company = TagValue(header, "COMPANY CONFORMED NAME:");
  h.filed = ParseDate(TagValue(header, "FILED AS OF DATE:"));
  return h;
}

bool LooksLikeHtml(std::string_view text) {
  std::string lower = AsciiLower(text.substr(0, 4096));
  for (std::string_view tag : {"<html", "<body", "<div", "<p>", "<p ", "<table", "<font", "<br"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace dealwatch
