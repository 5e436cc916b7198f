#include "pipeline/article_processor.h"

#include "pipeline/deal_json.h"
#include "crawl/sha256.h"

namespace dealwatch {

Result<ProcessedDocument> ProcessDocument(std::string_view bytes, const DocumentInfo& info, const ProcessHints& hints,
                                          const Extractor& extractor) {
  Result<Article> loaded = LoadDocument(bytes, info);
  if (!loaded.ok()) return loaded.status();
  Article& a = *loaded;
  ProcessedDocument out;
  out.empty_reason = a.empty_reason;
  StoredArticle& s = out.article;
  s.url = info.source;
  s.source = hints.source;
  s.title = a.title.empty() ? hints.title : a.title;
  s.published = a.published.empty() ? hints.published : a.published;
  s.author = a.author;
  s.canonical_url = a.canonical_url;
  s.content_hash = Sha256Hex(bytes);
  NormalizedText normalized = TextNormalizer::Get().Normalize(a.text);
  ExtractionTrace trace;
  trace.keep_details = false;
  std::string lang = !hints.lang.empty() ? hints.lang : a.lang;
  std::vector<Deal> deals = extractor.Extract(a.text, normalized, ExtractContext{hints.market, lang}, &trace);
  s.lang = trace.lang;
  s.market = trace.market;
  if (trace.cut()) out.cut_reason = ExtractionCutReason(trace);
  for (Deal& d : deals) {
    ArticleDeal ad;
    ad.evidence = EvidenceText(d, a.text, normalized);
    if (!d.evidence.empty()) {
      Span first = normalized.map.ToOriginal(d.evidence.front());
      Span last = normalized.map.ToOriginal(d.evidence.back());
      ad.span_start = first.begin;
      ad.span_end = last.end;
    }
    ad.extracted_json = DealToJson(d, info.source, a.text, normalized).dump(-1, ' ', false,
                                                                            nlohmann::json::error_handler_t::replace);
    ad.deal = std::move(d);
    out.deals.push_back(std::move(ad));
  }
  s.text = std::move(a.text);
  return out;
}

}  // namespace dealwatch
