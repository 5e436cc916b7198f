// ExtractPlainText (declared in article_extractor.h): .txt files and EDGAR
// SGML submissions.
#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"
#include "parse/article_extractor.h"
#include "parse/date_parser.h"
#include "parse/filing_text.h"
#include "parse/lang_detect.h"

namespace dealwatch {
namespace {

// A line laid out in columns (runs of 3+ spaces inside it) is a table row.
bool IsColumnLine(std::string_view line) {
  return Trim(line).find("   ") != std::string_view::npos;
}

// Rules and separators: "-------", "* * *", "=====".
bool HasNoWords(std::string_view line) {
  for (unsigned char c : line) {
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

// Column gaps become tabs, other space runs one space.
std::string RowText(std::string_view line) {
  std::string out;
  line = Trim(line);
  for (size_t i = 0; i < line.size();) {
    if (line[i] != ' ' && line[i] != '\t') {
      out.push_back(line[i++]);
      continue;
    }
    size_t j = i;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    out.push_back(j - i >= 3 || line[i] == '\t' ? '\t' : ' ');
    i = j;
  }
  return out;
}

// Plain text as paragraphs: hard-wrapped lines joined, blank lines and
// column rows kept as breaks, page furniture and <PAGE> marks dropped.
std::string PlainParagraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string para;
  auto flush = [&] {
    if (!para.empty()) out.push_back(std::move(para));
    para.clear();
  };
  for (std::string_view raw : Split(text, '\n')) {
    std::string_view line = Trim(raw);
    if (line.empty() || HasNoWords(line) || IsPageFurnitureLine(line) ||
        line.rfind("<PAGE>", 0) == 0) {
      flush();
      continue;
    }
    if (IsColumnLine(raw)) {
      flush();
      out.push_back(RowText(raw));
      continue;
    }
    if (!para.empty()) para.push_back(' ');
    para.append(CollapseSpaces(line));
  }
  flush();
  std::string joined;
  for (const std::string& p : out) {
    if (!joined.empty()) joined.push_back('\n');
    joined += p;
  }
  return joined;
}

std::string DocumentText(const SgmlDocument& d) {
  if (LooksLikeHtml(d.text)) return ExtractArticle(d.text, "", ExtractMode::kWholeDocument).text;
  return PlainParagraphs(d.text);
}

void ReadSubmission(std::string_view text, Article* a) {
  SgmlHeader header = ReadSgmlHeader(text);
  a->author = header.company;
  a->published = header.filed;
  for (const SgmlDocument& d : ReadSgmlDocuments(text)) {
    if (a->title.empty()) a->title = d.description.empty() ? d.type : d.description;
    // Without a header, EDGAR file names carry the date: lkmp-20260320xex10_1.txt.
    if (a->published.empty()) a->published = DateFromUrl("/" + d.filename);
    std::string part = DocumentText(d);
    if (part.empty()) continue;
    if (!a->text.empty()) a->text.push_back('\n');
    a->text += part;
  }
}

}  // namespace

Article ExtractPlainText(std::string_view text, std::string_view source) {
  Article a;
  a.source = std::string(source);
  if (LooksBinary(text)) {
    a.empty_reason = "binary data";
    return a;
  }
  if (IsSgmlSubmission(text)) {
    ReadSubmission(text, &a);
  } else {
    a.text = PlainParagraphs(text);
  }
  if (a.published.empty()) a.published = ParseDate(a.text);
  a.lang = DecideLang("", a.text);
  if (a.text.empty()) a.empty_reason = Trim(text).empty() ? "empty input" : "no article content";
  return a;
}

}  // namespace dealwatch
