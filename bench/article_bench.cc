// The article stage against bare gumbo parsing (issue 5): the whole stage
// (DecodeToUtf8 + ExtractArticle: decode, parse, extract, metadata) must
// cost no more than 1.15 times gumbo_parse of the same pages. Both run over
// the same page sets in one process (bench_support.h; Arg = SetId):
//   1 real-en  the 181 pages of ../shared/bench/article-extraction/html (gzip, UTF-8)
//   2 real-zh  the 69 pages of ../shared/bench/article-extraction-zh/original (GBK, UTF-8)
//   0 generated  the generated pages (page_generator.h; UTF-8, some GBK and Big5)
// BM_StageOverGumbo alternates the two and reports their ratio directly.
// DEALWATCH_BENCH overrides the ../shared/bench folder. Pages that cannot be
// read are skipped; a set with no pages reports an error.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "bench_support.h"
#include "normalize/charset.h"
#include "normalize/text_normalizer.h"
#include "parse/article_extractor.h"

namespace dealwatch::bench {
namespace {

const std::vector<std::string>& PagesOf(const benchmark::State& state) {
  return Pages(static_cast<SetId>(state.range(0))).bytes;
}

int64_t TotalBytes(const std::vector<std::string>& pages) {
  int64_t n = 0;
  for (const std::string& p : pages) n += static_cast<int64_t>(p.size());
  return n;
}

void GumboAll(const std::vector<std::string>& pages) {
  for (const std::string& page : pages) {
    GumboOutput* output = gumbo_parse(page.c_str());
    benchmark::DoNotOptimize(output->root);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
}

void StageAll(const std::vector<std::string>& pages) {
  for (const std::string& page : pages) {
    Result<DecodedText> text = DecodeToUtf8(page, "", "");
    Article article = ExtractArticle(text->utf8, "");
    benchmark::DoNotOptimize(article.text.data());
  }
}

void BM_GumboParse(benchmark::State& state) {
  const std::vector<std::string>& pages = PagesOf(state);
  if (pages.empty()) return state.SkipWithError("no pages (set DEALWATCH_BENCH)");
  for (auto _ : state) GumboAll(pages);
  state.SetBytesProcessed(state.iterations() * TotalBytes(pages));
}

void BM_ArticleStage(benchmark::State& state) {
  const std::vector<std::string>& pages = PagesOf(state);
  if (pages.empty()) return state.SkipWithError("no pages (set DEALWATCH_BENCH)");
  TextNormalizer::Get();  // built once per process (about 40 ms), not per page
  for (auto _ : state) StageAll(pages);
  state.SetBytesProcessed(state.iterations() * TotalBytes(pages));
}

// CPU seconds used by this thread: unlike wall time, not inflated while
// other processes hold the cores.
double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Both in turn within each iteration; the "ratio" counter is the fastest
// stage pass over the fastest gumbo pass in thread CPU time, which a busy
// shared machine disturbs far less than two separate wall-clock timings.
void BM_StageOverGumbo(benchmark::State& state) {
  const std::vector<std::string>& pages = PagesOf(state);
  if (pages.empty()) return state.SkipWithError("no pages (set DEALWATCH_BENCH)");
  TextNormalizer::Get();
  double best_gumbo = 1e30, best_stage = 1e30;
  for (auto _ : state) {
    double t0 = ThreadSeconds();
    GumboAll(pages);
    double t1 = ThreadSeconds();
    StageAll(pages);
    double t2 = ThreadSeconds();
    best_gumbo = std::min(best_gumbo, t1 - t0);
    best_stage = std::min(best_stage, t2 - t1);
  }
  state.counters["gumbo_ms"] = best_gumbo * 1e3;
  state.counters["stage_ms"] = best_stage * 1e3;
  state.counters["ratio"] = best_stage / best_gumbo;
}

}  // namespace

// Arg: the SetId (1 real-en, 2 real-zh, 0 generated). `min_time` scales the
// 3 s / 10 s defaults; the real sets repeat `repetitions` times (bench.sh
// reads the medians), the generated set, ten times larger, once.
void RegisterArticleBenchmarks(double min_time, int repetitions) {
  for (int set : {kRealEn, kRealZh, kGenerated}) {
    if (set != kGenerated && !GetOptions().real) continue;
    int reps = set == kGenerated ? 1 : repetitions;
    benchmark::RegisterBenchmark("BM_GumboParse", BM_GumboParse)
        ->Arg(set)->Unit(benchmark::kMillisecond)->MinTime(3.0 * min_time)->Repetitions(reps);
    benchmark::RegisterBenchmark("BM_ArticleStage", BM_ArticleStage)
        ->Arg(set)->Unit(benchmark::kMillisecond)->MinTime(3.0 * min_time)->Repetitions(reps);
    benchmark::RegisterBenchmark("BM_StageOverGumbo", BM_StageOverGumbo)
        ->Arg(set)->Unit(benchmark::kMillisecond)->MinTime(10.0 * min_time)->Repetitions(reps);
  }
}

}  // namespace dealwatch::bench
