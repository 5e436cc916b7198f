#include "pipeline/nightly_run.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "common/paths.h"
#include "common/files.h"
#include "common/log.h"
#include "crawl/crawler.h"
#include "pipeline/article_processor.h"
#include "pipeline/run_lock.h"
#include "report/html_report.h"

namespace dealwatch {

namespace {

std::string StatsJson(const CrawlReport& crawl) {
  nlohmann::json sources = nlohmann::json::array();
  for (const SourceReport& s : crawl.sources) {
    sources.push_back({{"source", s.source},       {"discovered", s.discovered}, {"fetched", s.fetched},
                       {"handed_on", s.handed_on}, {"not_modified", s.not_modified}, {"unchanged", s.unchanged},
                       {"duplicates", s.duplicates}, {"failed", s.failed},     {"skipped", s.skipped},
                       {"failures", s.failures},   {"bytes", s.bytes},       {"seconds", s.seconds},
                       {"failed_completely", s.failed_completely}, {"error", s.error}});
  }
  return nlohmann::json{{"sources", sources}, {"stopped", crawl.stopped}, {"seconds", crawl.seconds}}.dump();
}

struct PageHandler {
  DealStore* store;
  const Extractor* extractor;
  int64_t run_id;
  RunSummary* summary;

  void operator()(Page&& page) {
    ++summary->pages_fetched;
    DocumentInfo info{page.url, page.content_type, page.charset};
    ProcessHints hints{page.context, page.lang_hint, page.title_hint, page.published_hint, page.source};
    Result<ProcessedDocument> doc = ProcessDocument(page.body, info, hints, *extractor);
    if (!doc.ok()) {
      Fail(page, "process", doc.status().message());
      return;
    }
    Result<StoreOutcome> stored = store->StoreArticle(run_id, doc->article, doc->deals, &page.state);
    if (!stored.ok()) {
      Fail(page, "store", stored.status().message());
      return;
    }
    summary->articles_new += stored->article_new;
    summary->articles_changed += stored->article_changed;
    summary->deals_new += stored->deals_new;
    summary->deals_updated += stored->deals_updated;
    LogInfo("pipeline", page.url + ": " + std::to_string(doc->deals.size()) + " deal(s)");
  }

  void Fail(const Page& page, const std::string& stage, const std::string& message) {
    ++summary->errors;
    LogWarn(stage, message);
    (void)store->RecordError(run_id, stage, page.source, page.url, message);
  }
};

}  // namespace

Result<NightlyResult> RunNightly(const RunConfig& config, const std::atomic<bool>* stop) {
  auto start = std::chrono::steady_clock::now();
  Result<std::filesystem::path> rules_dir = FindDataDir("rules", config.rules_dir.string());
  if (!rules_dir.ok()) return rules_dir.status();
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(*rules_dir);
  if (!extractor.ok()) return extractor.status();
  std::error_code ec;
  std::filesystem::create_directories(config.db_path.parent_path(), ec);
  Result<std::unique_ptr<RunLock>> lock = RunLock::Acquire(config.db_path);
  if (!lock.ok()) return lock.status();
  Result<std::unique_ptr<DealStore>> store = DealStore::Open(config.db_path.string());
  if (!store.ok()) return store.status();
  DW_RETURN_IF_ERROR((*store)->CloseAbandonedRuns());
  Result<int64_t> run_id = (*store)->BeginRun(config.text);
  if (!run_id.ok()) return run_id.status();

  NightlyResult result;
  result.run_id = *run_id;
  Crawler crawler(config.crawl, store->get());
  PageHandler handler{store->get(), extractor->get(), *run_id, &result.summary};
  result.crawl = crawler.Run(std::ref(handler), stop);
  for (const SourceReport& s : result.crawl.sources) {
    result.summary.errors += s.failed;
    if (s.failed_completely) {
      result.source_failed = true;
      (void)(*store)->RecordError(*run_id, "crawl", s.source, "", s.error);
    }
  }
  result.summary.status = result.crawl.stopped ? "interrupted" : "done";
  result.summary.stats_json = StatsJson(result.crawl);
  DW_RETURN_IF_ERROR((*store)->FinishRun(*run_id, result.summary));

  if (!config.report_path.empty()) {
    std::filesystem::create_directories(config.report_path.parent_path(), ec);
    Result<std::string> html = RenderHtmlReport((*store)->db(), *run_id);
    if (!html.ok()) return html.status();
    DW_RETURN_IF_ERROR(WriteFileAtomic(config.report_path, *html));
    result.report_path = config.report_path.string();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string SummaryText(const NightlyResult& r, const RunConfig& config) {
  char line[512];
  std::string out;
  for (const SourceReport& s : r.crawl.sources) {
    std::snprintf(line, sizeof line, "  %-24s %4d fetched  %4d new/changed  %4d not modified  %4d unchanged  %4d failed%s\n",
                  s.source.c_str(), s.fetched, s.handed_on, s.not_modified, s.unchanged, s.failed,
                  s.failed_completely ? ("  SOURCE FAILED: " + s.error).c_str() : "");
    out += line;
  }
  std::snprintf(line, sizeof line,
                "run %lld %s in %.1f s: %d pages processed, %d new and %d changed articles, %d new deals, %d deals "
                "updated, %d errors\n",
                static_cast<long long>(r.run_id), r.summary.status.c_str(), r.seconds, r.summary.pages_fetched,
                r.summary.articles_new, r.summary.articles_changed, r.summary.deals_new, r.summary.deals_updated,
                r.summary.errors);
  out += line;
  out += "database: " + config.db_path.string() + "\n";
  if (!r.report_path.empty()) out += "report:   " + r.report_path + "\n";
  return out;
}

}  // namespace dealwatch
