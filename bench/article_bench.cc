// The article stage against bare gumbo parsing (issue 5): the whole stage
// (DecodeToUtf8 + ExtractArticle: decode, parse, extract, metadata) must
// cost no more than 1.15 times gumbo_parse of the same pages. Both run over
// the same page sets in one process:
//   en  the 181 pages of ../shared/bench/article-extraction/html (gzip, UTF-8)
//   zh  the 69 pages of ../shared/bench/article-extraction-zh/original (GBK, UTF-8)
// BM_StageOverGumbo alternates the two and reports their ratio directly.
// DEALWATCH_BENCH overrides the ../shared/bench folder. Pages that cannot be
// read are skipped; a set with no pages reports an error.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "common/files.h"
#include "normalize/charset.h"
#include "normalize/text_normalizer.h"
#include "parse/article_extractor.h"

namespace dealwatch {
namespace {

std::filesystem::path BenchDir() {
  const char* env = std::getenv("DEALWATCH_BENCH");
  if (env != nullptr && *env != '\0') return env;
  return std::filesystem::path(DEALWATCH_SOURCE_DIR) / ".." / "shared" / "bench";
}

std::vector<std::string> LoadPages(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> pages;
  for (const auto& f : files) {
    Result<std::string> bytes = ReadInputFile(f.string());
    if (bytes.ok()) pages.push_back(std::move(*bytes));
  }
  return pages;
}

// The page sets, loaded once (after gunzip: raw page bytes).
const std::vector<std::string>& Pages(int set) {
  static const std::vector<std::string> kEn = LoadPages(BenchDir() / "article-extraction" / "html");
  static const std::vector<std::string> kZh =
      LoadPages(BenchDir() / "article-extraction-zh" / "original");
  return set == 0 ? kEn : kZh;
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
  const std::vector<std::string>& pages = Pages(static_cast<int>(state.range(0)));
  if (pages.empty()) return state.SkipWithError("no pages (set DEALWATCH_BENCH)");
  for (auto _ : state) GumboAll(pages);
  state.SetBytesProcessed(state.iterations() * TotalBytes(pages));
}

void BM_ArticleStage(benchmark::State& state) {
  const std::vector<std::string>& pages = Pages(static_cast<int>(state.range(0)));
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
  const std::vector<std::string>& pages = Pages(static_cast<int>(state.range(0)));
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

// Arg 0: the English/multilingual set, 1: the Chinese set.
BENCHMARK(BM_GumboParse)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(BM_ArticleStage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(BM_StageOverGumbo)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(10.0);

}  // namespace
}  // namespace dealwatch
