#include "bench_support.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "common/files.h"

namespace dealwatch::bench {

namespace {

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "dealwatch_bench: %s\n", message.c_str());
  std::exit(1);
}

PageSet LoadGenerated() {
  const Options& o = GetOptions();
  PageSet set{"generated", {}, {}, 0};
  int64_t n = std::max<int64_t>(1, std::min(o.pages, o.corpus_pages));
  // Every story in turn, its copies taken at even steps through the corpus.
  int64_t stories = static_cast<int64_t>(Generator().stories());
  int64_t step = std::max<int64_t>(1, (o.corpus_pages / stories) / ((n + stories - 1) / stories));
  for (int64_t j = 0; j < n; ++j) {
    int64_t index = (j / stories) * step * stories + j % stories;
    GeneratedPage page = Generator().Generate(index < o.corpus_pages ? index : j);
    set.names.push_back("https://bench.example.test/" + page.path);
    set.bytes.push_back(std::move(page.bytes));
  }
  return set;
}

PageSet LoadReal(SetId id) {
  PageSet set{SetName(id), {}, {}, 0};
  if (!GetOptions().real) return set;
  std::filesystem::path dir = SharedBenchDir() / (id == kRealEn ? "article-extraction/html" : "article-extraction-zh/original");
  LoadPages(dir, &set.bytes, &set.names);
  return set;
}

int64_t StatusField(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string key;
  int64_t kb = 0;
  while (in >> key) {
    if (key == field) {
      in >> kb;
      return kb * 1024;
    }
    in.ignore(1 << 20, '\n');
  }
  return 0;
}

}  // namespace

Options& GetOptions() {
  static Options options;
  return options;
}

std::filesystem::path SourceDir() { return DEALWATCH_SOURCE_DIR; }

std::filesystem::path SharedBenchDir() {
  const char* env = std::getenv("DEALWATCH_BENCH");
  if (env != nullptr && *env != '\0') return env;
  return SourceDir() / ".." / "shared" / "bench";
}

void LoadPages(const std::filesystem::path& dir, std::vector<std::string>* bytes, std::vector<std::string>* names) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Result<std::string> page = ReadInputFile(f.string());
    if (!page.ok()) continue;
    bytes->push_back(std::move(*page));
    names->push_back(f.string());
  }
}

const char* SetName(SetId set) {
  static const char* const kNames[] = {"generated", "real-en", "real-zh"};
  return kNames[set];
}

const PageSet& Pages(SetId set) {
  auto total = [](PageSet s) {
    for (const std::string& b : s.bytes) s.total_bytes += static_cast<int64_t>(b.size());
    return s;
  };
  // Each set is loaded on first use only.
  if (set == kGenerated) {
    static const PageSet generated = total(LoadGenerated());
    return generated;
  }
  if (set == kRealEn) {
    static const PageSet en = total(LoadReal(kRealEn));
    return en;
  }
  static const PageSet zh = total(LoadReal(kRealZh));
  return zh;
}

const PageGenerator& Generator() {
  static const PageGenerator generator = [] {
    Result<PageGenerator> g = PageGenerator::Load(SourceDir() / "corpus");
    if (!g.ok()) Die(g.status().message());
    return std::move(*g);
  }();
  return generator;
}

const Extractor& TheExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Result<std::unique_ptr<Extractor>> e = Extractor::Load(SourceDir() / "rules");
    if (!e.ok()) Die(e.status().message());
    return std::move(*e);
  }();
  return *extractor;
}

std::filesystem::path FxRatesPath() { return SourceDir() / "rules" / "fx_rates.tsv"; }

void ResetPeakRss() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
}

int64_t RssBytes() { return StatusField("VmRSS:"); }

int64_t PeakRssBytes() { return StatusField("VmHWM:"); }

}  // namespace dealwatch::bench
