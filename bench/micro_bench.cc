// Microbenchmarks of the text stages (issue 9), over our own corpus: the
// article text of every corpus/ page and filing, and its sentences, per
// language (Arg 0 en, 1 zh-Hant, 2 zh-Hans).
//   BM_Normalize  TextNormalizer::Normalize of whole articles
//   BM_FindMoney  the amount parser (normalize/money.h) on each normalised sentence
//   BM_RuleMatch  Extractor::Extract on each sentence alone (mentions, rules, frames, deals)
// One iteration is one pass over the language's set, after one untimed
// warm-up pass; items are articles or sentences, bytes their text.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "common/files.h"
#include "normalize/money.h"
#include "normalize/sentences.h"
#include "pipeline/document.h"

namespace dealwatch::bench {

namespace {

const char* const kLangs[] = {"en", "zh-Hant", "zh-Hans"};

struct TextSet {
  std::vector<std::string> articles;
  std::vector<std::string> sentences;            // as published
  std::vector<NormalizedText> normalized;        // each sentence normalised alone
  int64_t article_bytes = 0, sentence_bytes = 0;
};

TextSet LoadTexts(const std::string& lang) {
  TextSet set;
  Result<std::string> gold = ReadFile(SourceDir() / "corpus" / "gold.jsonl");
  std::istringstream lines(gold.ok() ? *gold : "");
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || j.value("lang", "") != lang) continue;
    std::string path = (SourceDir() / "corpus" / j.value("file", "")).string();
    Result<std::string> bytes = ReadFile(path);
    if (!bytes.ok()) continue;
    Result<Article> a = LoadDocument(*bytes, DocumentInfo{path, "", ""});
    if (!a.ok()) continue;
    NormalizedText whole = TextNormalizer::Get().Normalize(a->text);
    for (Span s : SplitSentences(whole.text)) {
      Span o = whole.map.ToOriginal(s);
      set.sentences.push_back(a->text.substr(o.begin, o.size()));
      set.normalized.push_back(TextNormalizer::Get().Normalize(set.sentences.back()));
      set.sentence_bytes += static_cast<int64_t>(o.size());
    }
    set.article_bytes += static_cast<int64_t>(a->text.size());
    set.articles.push_back(std::move(a->text));
  }
  return set;
}

const TextSet& Texts(int64_t lang) {
  static const TextSet sets[3] = {LoadTexts(kLangs[0]), LoadTexts(kLangs[1]), LoadTexts(kLangs[2])};
  return sets[lang];
}

void BM_Normalize(benchmark::State& state) {
  const TextSet& set = Texts(state.range(0));
  const TextNormalizer& normalizer = TextNormalizer::Get();
  for (const std::string& a : set.articles) benchmark::DoNotOptimize(normalizer.Normalize(a).text.data());  // warm-up
  for (auto _ : state) {
    for (const std::string& a : set.articles) {
      NormalizedText n = normalizer.Normalize(a);
      benchmark::DoNotOptimize(n.text.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(set.articles.size()));
  state.SetBytesProcessed(state.iterations() * set.article_bytes);
  state.SetLabel(kLangs[state.range(0)]);
}

void BM_FindMoney(benchmark::State& state) {
  const TextSet& set = Texts(state.range(0));
  MoneyContext context{"", kLangs[state.range(0)]};
  int64_t found = 0;
  for (const NormalizedText& s : set.normalized) benchmark::DoNotOptimize(FindMoney(s.text, context).size());
  for (auto _ : state) {
    for (const NormalizedText& s : set.normalized) found += static_cast<int64_t>(FindMoney(s.text, context).size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(set.normalized.size()));
  state.SetBytesProcessed(state.iterations() * set.sentence_bytes);
  state.counters["amounts_per_sentence"] = benchmark::Counter(
      static_cast<double>(found) / static_cast<double>(state.iterations() * set.normalized.size()));
  state.SetLabel(kLangs[state.range(0)]);
}

void BM_RuleMatch(benchmark::State& state) {
  const TextSet& set = Texts(state.range(0));
  const Extractor& extractor = TheExtractor();
  ExtractContext context{"", kLangs[state.range(0)]};
  int64_t deals = 0;
  // Warm-up: RE2 builds its DFA states on first use.
  for (size_t i = 0; i < set.sentences.size(); ++i)
    benchmark::DoNotOptimize(extractor.Extract(set.sentences[i], set.normalized[i], context, nullptr).size());
  for (auto _ : state) {
    for (size_t i = 0; i < set.sentences.size(); ++i)
      deals += static_cast<int64_t>(extractor.Extract(set.sentences[i], set.normalized[i], context, nullptr).size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(set.sentences.size()));
  state.SetBytesProcessed(state.iterations() * set.sentence_bytes);
  state.counters["deals_per_sentence"] = benchmark::Counter(
      static_cast<double>(deals) / static_cast<double>(state.iterations() * set.sentences.size()));
  state.SetLabel(kLangs[state.range(0)]);
}

BENCHMARK(BM_Normalize)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FindMoney)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RuleMatch)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace dealwatch::bench
