// LoadDocument: the front of the pipeline for one document, from raw bytes to
// an Article: charset decoding (normalize/charset.h), then HTML main-text
// extraction (parse/) for HTML, or the text itself for plain text and EDGAR
// .txt filings. Thread-safe.
#ifndef DEALWATCH_PIPELINE_DOCUMENT_H_
#define DEALWATCH_PIPELINE_DOCUMENT_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "parse/article.h"

namespace dealwatch {

struct DocumentInfo {
  std::string source;        // URL or path
  std::string content_type;  // HTTP Content-Type, or "" for files
  std::string charset;       // override, or ""
};

// True when `source` / `content_type` / the first bytes say HTML.
bool LooksLikeHtml(std::string_view bytes, const DocumentInfo& info);

// Fails (kDataError) only when the bytes cannot be read as text at all.
Result<Article> LoadDocument(std::string_view bytes, const DocumentInfo& info);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_DOCUMENT_H_
