// Every pipeline stage, and the pipeline end to end, over the same page
// sets (issue 9): the generated pages (bench_support.h) and, when
// ../shared/bench exists, its real English and Chinese pages.
//   decode    DecodeToUtf8 of the page bytes
//   gumbo     bare gumbo_parse of the decoded page (the issue 5 baseline)
//   article   ExtractArticle of the decoded page (parse, boilerplate, metadata)
//   normalise TextNormalizer::Normalize of the article text
//   extract   Extractor::Extract of the normalised article (rules, deals)
//   store     DealStore::StoreArticle of the processed page into a new SQLite file
//   pipeline  ProcessDocument + StoreArticle: what `dealwatch run` does per page
// Each runs once over its set with one thread and again with two threads,
// each taking half the pages (store: one thread only; pipeline: the two
// threads process in parallel and store in turn under a lock, as a
// parallel nightly run would). Stateless stages go over the real sets
// several times, up to Options::min_real_pages pages. Inputs of later
// stages are computed before the timed loop, and every stage runs over 100
// pages of each set once before any is measured (WarmUp).
// Figures: items_per_second (pages/s), bytes_per_second (page bytes/s),
// in_MBps (the stage's own input: page, decoded page or article text),
// peak_MB (what the process held at its peak above what it held before the
// stage: VmHWM after clear_refs), deals_per_page, text_share (article text
// bytes over page bytes).
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bench_support.h"
#include "normalize/charset.h"
#include "parse/article_extractor.h"
#include "pipeline/article_processor.h"

namespace dealwatch::bench {

namespace {

// What the later stages start from, computed once per set.
struct Derived {
  std::once_flag utf8_once, article_once, processed_once;
  std::vector<std::string> utf8;
  std::vector<Article> articles;
  std::vector<NormalizedText> normalized;
  std::vector<ProcessedDocument> processed;
};

Derived& D(SetId set) {
  static Derived d[3];
  return d[set];
}

const std::vector<std::string>& Utf8(SetId set) {
  Derived& d = D(set);
  std::call_once(d.utf8_once, [&] {
    for (const std::string& page : Pages(set).bytes) {
      Result<DecodedText> text = DecodeToUtf8(page, "", "");
      d.utf8.push_back(text.ok() ? std::move(text->utf8) : std::string());
    }
  });
  return d.utf8;
}

const Derived& Articles(SetId set) {
  Derived& d = D(set);
  const std::vector<std::string>& utf8 = Utf8(set);
  std::call_once(d.article_once, [&] {
    for (size_t i = 0; i < utf8.size(); ++i) {
      d.articles.push_back(ExtractArticle(utf8[i], Pages(set).names[i]));
      d.normalized.push_back(TextNormalizer::Get().Normalize(d.articles.back().text));
    }
  });
  return d;
}

ProcessHints Hints(SetId set) { return ProcessHints{"", "", "", "", SetName(set)}; }

const std::vector<ProcessedDocument>& Processed(SetId set) {
  Derived& d = D(set);
  std::call_once(d.processed_once, [&] {
    const PageSet& pages = Pages(set);
    for (size_t i = 0; i < pages.bytes.size(); ++i) {
      Result<ProcessedDocument> doc =
          ProcessDocument(pages.bytes[i], DocumentInfo{pages.names[i], "", ""}, Hints(set), TheExtractor());
      d.processed.push_back(doc.ok() ? std::move(*doc) : ProcessedDocument{});
    }
  });
  return d.processed;
}

// A new database file, removed with its journals when the scope ends.
class ScratchStore {
 public:
  ScratchStore() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("dealwatch-bench-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".db"))
                .string();
    StoreOptions options;
    options.fx_rates_path = FxRatesPath().string();
    Result<std::unique_ptr<DealStore>> store = DealStore::Open(path_, options);
    if (!store.ok()) return;
    store_ = std::move(*store);
    Result<int64_t> run = store_->BeginRun("dealwatch_bench");
    run_id_ = run.ok() ? *run : 0;
  }
  ~ScratchStore() {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) std::filesystem::remove(path_ + suffix);
  }
  DealStore* get() { return store_.get(); }
  int64_t run_id() const { return run_id_; }

 private:
  std::string path_;
  std::unique_ptr<DealStore> store_;
  int64_t run_id_ = 0;
};

// Once per process, before the first measurement: every stage over up to
// 100 pages of each set, so that lazily built state (RE2's DFA caches, ICU
// converters, the normaliser's table) is not charged to whichever stage
// happens to run first.
void WarmUp() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (SetId set : {kGenerated, kRealEn, kRealZh}) {
      const PageSet& pages = Pages(set);
      for (size_t i = 0; i < pages.bytes.size() && i < 100; ++i)
        (void)ProcessDocument(pages.bytes[i], DocumentInfo{pages.names[i], "", ""}, Hints(set), TheExtractor());
    }
  });
}

// Measures one stage: `fn(i)` handles page i and returns the bytes of its
// own input. Thread t of n starts at page size * t / n.
template <typename Fn>
void RunStage(benchmark::State& state, SetId set, Fn fn) {
  const PageSet& pages = Pages(set);
  if (pages.bytes.empty()) return state.SkipWithError("no pages (../shared/bench missing?)");
  WarmUp();
  size_t n = pages.bytes.size();
  size_t i = n * static_cast<size_t>(state.thread_index()) / static_cast<size_t>(state.threads());
  ResetPeakRss();
  int64_t base = RssBytes();
  int64_t page_bytes = 0, in_bytes = 0;
  for (auto _ : state) {
    in_bytes += fn(i);
    page_bytes += static_cast<int64_t>(pages.bytes[i].size());
    if (++i == n) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(page_bytes);
  state.counters["in_MBps"] = benchmark::Counter(static_cast<double>(in_bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["peak_MB"] =
      benchmark::Counter(static_cast<double>(PeakRssBytes() - base) / 1e6, benchmark::Counter::kAvgThreads);
}

void Decode(benchmark::State& state, SetId set) {
  RunStage(state, set, [&](size_t i) {
    const std::string& page = Pages(set).bytes[i];
    Result<DecodedText> text = DecodeToUtf8(page, "", "");
    benchmark::DoNotOptimize(text.ok());
    return static_cast<int64_t>(page.size());
  });
}

void Gumbo(benchmark::State& state, SetId set) {
  const std::vector<std::string>& utf8 = Utf8(set);
  RunStage(state, set, [&](size_t i) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, utf8[i].data(), utf8[i].size());
    benchmark::DoNotOptimize(output->root);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return static_cast<int64_t>(utf8[i].size());
  });
}

void ArticleStage(benchmark::State& state, SetId set) {
  const std::vector<std::string>& utf8 = Utf8(set);
  int64_t text = 0, page = 0;
  RunStage(state, set, [&](size_t i) {
    Article a = ExtractArticle(utf8[i], Pages(set).names[i]);
    text += static_cast<int64_t>(a.text.size());
    page += static_cast<int64_t>(Pages(set).bytes[i].size());
    return static_cast<int64_t>(utf8[i].size());
  });
  state.counters["text_share"] =
      benchmark::Counter(static_cast<double>(text) / static_cast<double>(page), benchmark::Counter::kAvgThreads);
}

void Normalise(benchmark::State& state, SetId set) {
  const Derived& d = Articles(set);
  RunStage(state, set, [&](size_t i) {
    NormalizedText n = TextNormalizer::Get().Normalize(d.articles[i].text);
    benchmark::DoNotOptimize(n.text.data());
    return static_cast<int64_t>(d.articles[i].text.size());
  });
}

void Extract(benchmark::State& state, SetId set) {
  const Derived& d = Articles(set);
  const Extractor& extractor = TheExtractor();
  int64_t deals = 0;
  RunStage(state, set, [&](size_t i) {
    const Article& a = d.articles[i];
    deals += static_cast<int64_t>(extractor.Extract(a.text, d.normalized[i], ExtractContext{"", a.lang}, nullptr).size());
    return static_cast<int64_t>(a.text.size());
  });
  state.counters["deals_per_page"] = benchmark::Counter(static_cast<double>(deals), benchmark::Counter::kAvgIterations);
}

void Store(benchmark::State& state, SetId set) {
  const std::vector<ProcessedDocument>& docs = Processed(set);
  ScratchStore store;
  if (store.get() == nullptr) return state.SkipWithError("cannot open a scratch database");
  RunStage(state, set, [&](size_t i) {
    Result<StoreOutcome> out = store.get()->StoreArticle(store.run_id(), docs[i].article, docs[i].deals, nullptr);
    benchmark::DoNotOptimize(out.ok());
    return static_cast<int64_t>(docs[i].article.text.size());
  });
}

// Shared by the threads of one pipeline run.
struct PipelineRun {
  std::unique_ptr<ScratchStore> store;
  std::mutex mu;  // DealStore is not thread-safe
};

void Pipeline(benchmark::State& state, SetId set) {
  static PipelineRun run;
  if (state.thread_index() == 0) run.store = std::make_unique<ScratchStore>();  // before the start barrier
  const PageSet& pages = Pages(set);
  int64_t deals = 0;
  RunStage(state, set, [&](size_t i) {
    Result<ProcessedDocument> doc =
        ProcessDocument(pages.bytes[i], DocumentInfo{pages.names[i], "", ""}, Hints(set), TheExtractor());
    if (doc.ok()) {
      deals += static_cast<int64_t>(doc->deals.size());
      std::lock_guard<std::mutex> lock(run.mu);
      (void)run.store->get()->StoreArticle(run.store->run_id(), doc->article, doc->deals, nullptr);
    }
    return static_cast<int64_t>(pages.bytes[i].size());
  });
  state.counters["deals_per_page"] = benchmark::Counter(static_cast<double>(deals), benchmark::Counter::kAvgIterations);
  if (state.thread_index() == 0) run.store.reset();  // after the stop barrier
}

using StageFn = void (*)(benchmark::State&, SetId);

}  // namespace

void RegisterStageBenchmarks() {
  struct Stage {
    const char* name;
    StageFn fn;
    bool stateless;  // may repeat pages; may run on two threads alone
  };
  const Stage kStages[] = {{"decode", Decode, true},       {"gumbo", Gumbo, true},     {"article", ArticleStage, true},
                           {"normalise", Normalise, true}, {"extract", Extract, true}, {"store", Store, false},
                           {"pipeline", Pipeline, false}};
  for (SetId set : {kGenerated, kRealEn, kRealZh}) {
    if (set != kGenerated && !GetOptions().real) continue;
    int64_t n = static_cast<int64_t>(Pages(set).bytes.size());
    if (n == 0) continue;
    for (const Stage& stage : kStages) {
      int64_t pages = stage.stateless && set != kGenerated ? std::max(n, GetOptions().min_real_pages) : n;
      for (int threads : {1, 2}) {
        if (stage.fn == Store && threads == 2) continue;
        std::string name = std::string("stage/") + SetName(set) + "/" + stage.name;
        benchmark::RegisterBenchmark(name.c_str(), stage.fn, set)
            ->Threads(threads)
            ->Iterations(pages / threads)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
      }
    }
  }
}

}  // namespace dealwatch::bench
