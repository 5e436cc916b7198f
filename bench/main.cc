// dealwatch_bench: every benchmark under bench/, run by Google Benchmark
// (docs/benchmarks.md). Our own flags come first and are removed before
// Google Benchmark reads the rest (--benchmark_filter=..., ...):
//   --pages=N            generated pages held in memory for the stage benchmarks (1000)
//   --corpus_pages=N     size of the generated corpus they are sampled from (20000)
//   --min_real_pages=N   stateless stages repeat the real sets up to N pages (500)
//   --crawl_pages=N      pages the crawl benchmarks fetch from loopback servers (2000)
//   --article_time=X     scales the article/gumbo benchmarks' 3 s and 10 s (1)
//   --article_reps=N     repetitions of the article/gumbo benchmarks on real pages (3)
//   --no_real            leave out the real pages of ../shared/bench
//   --generate=DIR       write the corpus_pages generated pages, their feeds
//                        and a `dealwatch run` config under DIR, print one
//                        JSON line (pages, bytes, seconds) and exit
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench_support.h"
#include "crawl/curl_handles.h"

namespace dealwatch::bench {
void RegisterStageBenchmarks();
void RegisterArticleBenchmarks(double min_time, int repetitions);
void RegisterCrawlBenchmarks();
}  // namespace dealwatch::bench

namespace {

using dealwatch::bench::GetOptions;

// Takes our flags out of argv; returns false on a malformed value.
bool ParseOwnFlags(int* argc, char** argv, double* article_time, int64_t* article_reps) {
  auto value = [](const char* arg, const char* name) -> const char* {
    size_t n = std::strlen(name);
    return std::strncmp(arg, name, n) == 0 && arg[n] == '=' ? arg + n + 1 : nullptr;
  };
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    const char* a = argv[i];
    const char* v = nullptr;
    char* end = nullptr;
    if ((v = value(a, "--pages"))) GetOptions().pages = std::strtoll(v, &end, 10);
    else if ((v = value(a, "--corpus_pages"))) GetOptions().corpus_pages = std::strtoll(v, &end, 10);
    else if ((v = value(a, "--min_real_pages"))) GetOptions().min_real_pages = std::strtoll(v, &end, 10);
    else if ((v = value(a, "--crawl_pages"))) GetOptions().crawl_pages = std::strtoll(v, &end, 10);
    else if ((v = value(a, "--article_time"))) *article_time = std::strtod(v, &end);
    else if ((v = value(a, "--article_reps"))) *article_reps = std::strtoll(v, &end, 10);
    else if ((v = value(a, "--generate"))) GetOptions().generate_dir = v;
    else if (std::strcmp(a, "--no_real") == 0) GetOptions().real = false;
    else argv[out++] = argv[i];
    if (end != nullptr && (*end != '\0' || end == v)) {
      std::fprintf(stderr, "dealwatch_bench: bad value in %s\n", a);
      return false;
    }
  }
  *argc = out;
  return GetOptions().pages > 0 && GetOptions().corpus_pages > 0 && GetOptions().crawl_pages > 0;
}

int Generate() {
  namespace bench = dealwatch::bench;
  auto start = std::chrono::steady_clock::now();
  const bench::Options& o = GetOptions();
  dealwatch::Result<int64_t> bytes =
      bench::WriteSite(bench::Generator(), o.corpus_pages, o.generate_dir, bench::SourceDir() / "rules");
  if (!bytes.ok()) {
    std::fprintf(stderr, "dealwatch_bench: %s\n", bytes.status().message().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"pages\": %lld, \"bytes\": %lld, \"seconds\": %.1f, \"dir\": \"%s\"}\n",
              static_cast<long long>(o.corpus_pages), static_cast<long long>(*bytes), seconds, o.generate_dir.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  dealwatch::CurlGlobal curl;  // before any thread starts; the crawl benchmarks need it
  double article_time = 1.0;
  int64_t article_reps = 3;
  if (!ParseOwnFlags(&argc, argv, &article_time, &article_reps)) return 2;
  if (!GetOptions().generate_dir.empty()) return Generate();
  dealwatch::bench::RegisterArticleBenchmarks(article_time, static_cast<int>(article_reps));
  dealwatch::bench::RegisterStageBenchmarks();
  dealwatch::bench::RegisterCrawlBenchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
