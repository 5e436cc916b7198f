// The normaliser and the amount, tenor and pricing readers
// (normalize/text_normalizer.h, money.h, terms.h) on any UTF-8 text, in
// each market context. Checks: the normalised text is UTF-8, every offset
// maps back inside the original, and every mention's span lies inside the
// text, in order and without overlap for money.
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "fuzz_targets.h"
#include "normalize/money.h"
#include "normalize/terms.h"
#include "normalize/text_normalizer.h"

namespace dealwatch::fuzz {
namespace {

constexpr std::string_view kMarkets[] = {"", "TW", "CN", "HK", "JP", "US", "none"};
constexpr std::string_view kScripts[] = {"", "zh-Hant", "zh-Hans", "en"};

void CheckSpan(Span span, size_t size) {
  DEALWATCH_FUZZ_CHECK(span.begin <= span.end);
  DEALWATCH_FUZZ_CHECK(span.end <= size);
}

}  // namespace

void FuzzNormalize(std::string_view data) {
  MoneyContext context;
  context.market = std::string(kMarkets[TakeChoice(&data, std::size(kMarkets))]);
  context.script = std::string(kScripts[TakeChoice(&data, std::size(kScripts))]);
  std::string original = SanitizeUtf8(data);
  const TextNormalizer& normalizer = TextNormalizer::Get();
  NormalizedText n = normalizer.Normalize(original);
  DEALWATCH_FUZZ_CHECK(IsValidUtf8(n.text));
  for (size_t i = 0; i <= n.text.size(); i += 1 + n.text.size() / 64) {
    CheckSpan(n.map.ToOriginal({i, n.text.size()}), original.size());
    CheckSpan(n.map.ToOriginal({0, i}), original.size());
  }

  size_t last_end = 0;
  for (const MoneyMention& m : FindMoney(n.text, context)) {
    CheckSpan(m.span, n.text.size());
    DEALWATCH_FUZZ_CHECK(m.span.begin >= last_end);
    last_end = m.span.end;
    CheckSpan(n.map.ToOriginal(m.span), original.size());
  }
  for (const TenorMention& t : FindTenors(n.text)) CheckSpan(t.span, n.text.size());
  for (const PricingMention& p : FindPricing(n.text)) CheckSpan(p.span, n.text.size());

  // The short-string foldings used on lexicon aliases and rule patterns.
  DEALWATCH_FUZZ_CHECK(IsValidUtf8(normalizer.Fold(original)));
  DEALWATCH_FUZZ_CHECK(IsValidUtf8(normalizer.FoldHan(original)));
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzNormalize)
