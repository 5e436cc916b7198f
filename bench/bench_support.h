// What every benchmark of dealwatch_bench shares: its options, where its
// inputs are, the page sets (generated and real), the loaded rules, and
// memory figures of this process. Sets and rules are loaded once, on first
// use, and are immutable after that (safe to share between threads).
#ifndef DEALWATCH_BENCH_BENCH_SUPPORT_H_
#define DEALWATCH_BENCH_BENCH_SUPPORT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "page_generator.h"

namespace dealwatch::bench {

struct Options {
  int64_t pages = 1000;           // generated pages held in memory for the stage benchmarks
  int64_t corpus_pages = 20000;   // the generated corpus they are sampled from (and --generate writes)
  int64_t min_real_pages = 500;   // stateless stages repeat the real sets up to this many pages
  int64_t crawl_pages = 2000;     // pages the crawl benchmarks fetch from loopback servers
  bool real = true;               // also the real pages of ../shared/bench
  std::string generate_dir;       // --generate: write the corpus there and exit
};
Options& GetOptions();

std::filesystem::path SourceDir();  // the checkout dealwatch_bench was built from
// ../shared/bench beside the checkout, or $DEALWATCH_BENCH.
std::filesystem::path SharedBenchDir();

// Every regular file of `dir` in name order, inflated when gzipped; files
// that cannot be read are skipped.
void LoadPages(const std::filesystem::path& dir, std::vector<std::string>* bytes, std::vector<std::string>* names);

enum SetId { kGenerated = 0, kRealEn = 1, kRealZh = 2 };

struct PageSet {
  std::string name;                // generated, real-en, real-zh
  std::vector<std::string> bytes;  // pages as served
  std::vector<std::string> names;  // URL-like names (for dates and file types)
  int64_t total_bytes = 0;
};

// kGenerated: Options::pages pages of the generated corpus: every story in
// turn, its copies taken at even steps through the corpus (so renamed and
// re-dated versions are in). kRealEn: the 181 pages
// of article-extraction/html; kRealZh: the 69 of article-extraction-zh/original.
// A real set is empty when ../shared/bench is missing.
const PageSet& Pages(SetId set);
const char* SetName(SetId set);

const PageGenerator& Generator();      // aborts when corpus/ cannot be read
const Extractor& TheExtractor();      // rules/ of the checkout; aborts when bad
std::filesystem::path FxRatesPath();  // rules/fx_rates.tsv

// Memory of this process, from /proc/self/status. ResetPeakRss() gives
// freed heap back to the kernel (malloc_trim) and restarts the high-water
// mark (VmHWM) at the current RSS, so PeakRssBytes() - RssBytes() taken
// right after it is what a stage needed on top of what was already held.
void ResetPeakRss();
int64_t RssBytes();
int64_t PeakRssBytes();

}  // namespace dealwatch::bench

#endif  // DEALWATCH_BENCH_BENCH_SUPPORT_H_
