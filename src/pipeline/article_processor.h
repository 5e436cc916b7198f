// ProcessDocument: one document through every stage after the crawl:
// decode -> article -> normalise -> extract, giving what the store keeps
// (the article and each deal with its evidence located in the article
// text). Thread-safe when the extractor is (it is immutable).
#ifndef DEALWATCH_PIPELINE_ARTICLE_PROCESSOR_H_
#define DEALWATCH_PIPELINE_ARTICLE_PROCESSOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/extractor.h"
#include "pipeline/document.h"
#include "store/deal_store.h"

namespace dealwatch {

struct ProcessedDocument {
  StoredArticle article;
  std::vector<ArticleDeal> deals;
  std::string empty_reason;  // why the article has no text, or ""
  std::string cut_reason;    // why extraction read only part of the text, or ""
};

struct ProcessHints {
  std::string market;     // the source's context, or ""
  std::string lang;       // the source's lang hint, or ""
  std::string title;      // from the feed, used when the page has none
  std::string published;  // from the feed, used when the page has none
  std::string source;     // source name
};

Result<ProcessedDocument> ProcessDocument(std::string_view bytes, const DocumentInfo& info, const ProcessHints& hints,
                                          const Extractor& extractor);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_ARTICLE_PROCESSOR_H_
