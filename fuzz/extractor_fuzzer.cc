// Extraction over arbitrary text (extract/extractor.h): the real rules/ of
// the source tree are loaded once, then any UTF-8 text is normalised and
// extracted under a chosen market and language, with a trace (the path
// `dealwatch explain` takes). Checks that every deal's evidence and amount
// lie inside the normalised text, its strings are UTF-8, its confidence is
// in [0, 1] and its type, status and roles are known ones.
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "extract/deal.h"
#include "extract/extractor.h"
#include "fuzz_targets.h"
#include "normalize/text_normalizer.h"

namespace dealwatch::fuzz {
namespace {

constexpr std::string_view kMarkets[] = {"", "TW", "CN", "HK", "US"};
constexpr std::string_view kLangs[] = {"", "en", "zh-Hant", "zh-Hans"};

const Extractor& RealExtractor() {
  static const Extractor* extractor = [] {
    Result<std::unique_ptr<Extractor>> loaded = Extractor::Load(DEALWATCH_SOURCE_DIR "/rules");
    if (!loaded.ok()) {
      std::fprintf(stderr, "extractor fuzzer: %s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return std::move(loaded).value().release();
  }();
  return *extractor;
}

void CheckSpan(Span span, size_t size) {
  DEALWATCH_FUZZ_CHECK(span.begin <= span.end);
  DEALWATCH_FUZZ_CHECK(span.end <= size);
}

}  // namespace

void FuzzExtractor(std::string_view data) {
  const Extractor& extractor = RealExtractor();
  ExtractContext context;
  context.market = std::string(kMarkets[TakeChoice(&data, std::size(kMarkets))]);
  context.lang = std::string(kLangs[TakeChoice(&data, std::size(kLangs))]);
  std::string original = SanitizeUtf8(data);
  NormalizedText normalized = TextNormalizer::Get().Normalize(original);
  ExtractionTrace trace;
  for (const Deal& deal : extractor.Extract(original, normalized, context, &trace)) {
    DEALWATCH_FUZZ_CHECK(IsValidUtf8(deal.borrower));
    DEALWATCH_FUZZ_CHECK(IsValidUtf8(deal.project));
    DEALWATCH_FUZZ_CHECK(deal.confidence >= 0 && deal.confidence <= 1);
    DEALWATCH_FUZZ_CHECK(IsKnownDealType(deal.type));
    DEALWATCH_FUZZ_CHECK(IsKnownStatus(deal.status));
    for (const DealLender& l : deal.lenders) {
      DEALWATCH_FUZZ_CHECK(IsValidUtf8(l.name));
      DEALWATCH_FUZZ_CHECK(IsKnownRole(l.role));
    }
    for (Span s : deal.evidence) CheckSpan(s, normalized.text.size());
    if (deal.amount) CheckSpan(deal.amount->span, normalized.text.size());
  }
  for (Span s : trace.sentences) CheckSpan(s, normalized.text.size());
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzExtractor)
