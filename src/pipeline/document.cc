#include "pipeline/document.h"

#include "common/strings.h"
#include "normalize/charset.h"
#include "normalize/language.h"
#include "parse/article_extractor.h"

namespace dealwatch {

namespace {

std::string Stem(std::string_view source) {
  std::string s = AsciiLower(source);
  if (EndsWithI(s, ".gz")) s.resize(s.size() - 3);
  size_t q = s.find_first_of("?#");
  if (q != std::string::npos) s.resize(q);
  return s;
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes, const DocumentInfo& info) {
  std::string ct = AsciiLower(info.content_type);
  if (ct.find("html") != std::string::npos) return true;
  if (ct.find("text/plain") != std::string::npos) return false;
  std::string stem = Stem(info.source);
  if (EndsWithI(stem, ".html") || EndsWithI(stem, ".htm") || EndsWithI(stem, ".xhtml")) return true;
  if (EndsWithI(stem, ".txt")) return false;
  std::string head = AsciiLower(bytes.substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
         head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos;
}

Result<Article> LoadDocument(std::string_view bytes, const DocumentInfo& info) {
  Result<DecodedText> decoded = DecodeToUtf8(bytes, info.content_type, info.charset);
  if (!decoded.ok()) return decoded.status().WithContext(info.source);
  if (LooksLikeHtml(decoded->utf8, info)) {
    Article a = ExtractArticle(decoded->utf8, info.source);
    a.source = info.source;
    return a;
  }
  Article a;
  a.source = info.source;
  a.text = std::move(decoded->utf8);
  // Plain-text news files put the headline on the first line.
  size_t nl = a.text.find('\n');
  a.title = std::string(Trim(std::string_view(a.text).substr(0, nl == std::string::npos ? a.text.size() : nl)));
  if (a.title.size() > 300) a.title.clear();
  a.lang = DetectLanguage(a.text);
  if (Trim(a.text).empty()) a.empty_reason = "empty file";
  return a;
}

}  // namespace dealwatch
