#include "pipeline/nightly_run.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <regex>

#include "common/files.h"
#include "common/log.h"
#include "common/paths.h"
#include "common/redact.h"
#include "common/strings.h"
#include "crawl/crawler.h"
#include "pipeline/article_processor.h"
#include "pipeline/run_lock.h"
#include "report/report.h"

namespace dealwatch {

namespace {

constexpr int kMaxUrlErrors = 500;  // failed URLs copied into run_errors per run

using Clock = std::chrono::steady_clock;

// What the stages after the crawl did with one source's pages.
struct SourceCounts {
  int pages = 0, process_failed = 0, empty = 0, store_failed = 0;
  int articles_new = 0, articles_changed = 0, articles_unchanged = 0, deals_new = 0, deals_updated = 0;
};

struct PageHandler {
  DealStore* store;
  const Extractor* extractor;
  int64_t run_id;
  RunSummary* summary;
  const RunProgressFn* on_progress;
  Clock::time_point started = Clock::now();
  std::map<std::string, SourceCounts> counts;
  RunProgress progress;

  void operator()(Page&& page) {
    Notify(page, false);
    ++summary->pages_fetched;
    SourceCounts& c = counts[page.source];
    ++c.pages;
    DocumentInfo info{page.url, page.content_type, page.charset};
    ProcessHints hints{page.context, page.lang_hint, page.title_hint, page.published_hint, page.source};
    Result<ProcessedDocument> doc = ProcessDocument(page.body, info, hints, *extractor);
    if (!doc.ok()) {
      ++c.process_failed;
      Fail(page, "process", doc.status().message());
    } else {
      c.empty += !doc->empty_reason.empty();
      if (!doc->cut_reason.empty()) Note(page, "extract", doc->cut_reason);
      Result<StoreOutcome> stored = store->StoreArticle(run_id, doc->article, doc->deals, &page.state);
      if (!stored.ok()) {
        ++c.store_failed;
        Fail(page, "store", stored.status().message());
      } else {
        Count(*stored, &c);
        LogInfo("pipeline", page.url + ": " + std::to_string(doc->deals.size()) + " deal(s)");
      }
    }
    Notify(page, true);
  }

  void Count(const StoreOutcome& o, SourceCounts* c) {
    summary->articles_new += o.article_new;
    summary->articles_changed += o.article_changed;
    summary->deals_new += o.deals_new;
    summary->deals_updated += o.deals_updated;
    c->articles_new += o.article_new;
    c->articles_changed += o.article_changed;
    c->articles_unchanged += o.unchanged;
    c->deals_new += o.deals_new;
    c->deals_updated += o.deals_updated;
  }

  void Fail(const Page& page, const std::string& stage, const std::string& message) {
    ++summary->errors;
    LogWarn(stage, message);
    (void)store->RecordError(run_id, stage, page.source, RedactUrl(page.url), RedactUrls(message));
  }

  // Recorded like a failure, but the article is stored and the run counts
  // no error.
  void Note(const Page& page, const std::string& stage, const std::string& message) {
    LogWarn(stage, RedactUrl(page.url) + ": " + message);
    (void)store->RecordError(run_id, stage, page.source, RedactUrl(page.url), message);
  }

  void Notify(const Page& page, bool done) {
    if (!*on_progress) return;
    progress.page_done = done;
    progress.source = page.source;
    progress.url = page.url;
    progress.pages = summary->pages_fetched;
    progress.articles_new = summary->articles_new;
    progress.articles_changed = summary->articles_changed;
    progress.deals_new = summary->deals_new;
    progress.errors = summary->errors;
    progress.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    (*on_progress)(progress);
  }
};

nlohmann::json SourceJson(const SourceReport& s, const SourceCounts& c) {
  return {{"source", s.source}, {"discovered", s.discovered}, {"fetched", s.fetched}, {"handed_on", s.handed_on},
          {"not_modified", s.not_modified}, {"unchanged", s.unchanged}, {"duplicates", s.duplicates},
          {"failed", s.failed}, {"skipped", s.skipped}, {"failures", s.failures}, {"bytes", s.bytes},
          {"seconds", s.seconds}, {"failed_completely", s.failed_completely}, {"error", s.error},
          {"articles_new", c.articles_new}, {"articles_changed", c.articles_changed},
          {"articles_unchanged", c.articles_unchanged}, {"deals_new", c.deals_new}, {"deals_updated", c.deals_updated},
          {"errors", s.failed + c.process_failed + c.store_failed}};
}

// The totals of each stage over all sources.
nlohmann::json StagesJson(const nlohmann::json& sources, const std::map<std::string, SourceCounts>& counts) {
  nlohmann::json crawl = {{"sources_failed", 0}};
  for (const char* k : {"discovered", "fetched", "handed_on", "not_modified", "unchanged", "duplicates", "failed",
                        "skipped"}) {
    int sum = 0;
    for (const auto& s : sources) sum += s[k].get<int>();
    crawl[k] = sum;
  }
  for (const auto& s : sources) crawl["sources_failed"] = crawl["sources_failed"].get<int>() + s["failed_completely"].get<bool>();
  SourceCounts t;
  for (const auto& [name, c] : counts) {
    t.pages += c.pages;
    t.process_failed += c.process_failed;
    t.empty += c.empty;
    t.store_failed += c.store_failed;
    t.articles_new += c.articles_new;
    t.articles_changed += c.articles_changed;
    t.articles_unchanged += c.articles_unchanged;
    t.deals_new += c.deals_new;
    t.deals_updated += c.deals_updated;
  }
  return {{"crawl", crawl},
          {"process", {{"pages", t.pages}, {"failed", t.process_failed}, {"empty", t.empty}}},
          {"store",
           {{"articles_new", t.articles_new}, {"articles_changed", t.articles_changed},
            {"articles_unchanged", t.articles_unchanged}, {"deals_new", t.deals_new},
            {"deals_updated", t.deals_updated}, {"failed", t.store_failed}}}};
}

// runs.stats: per source (crawl counts, then what the later stages did with
// its pages) and per stage (the totals). docs/nightly.md shows the layout.
std::string StatsJson(const CrawlReport& crawl, const PageHandler& handler) {
  nlohmann::json sources = nlohmann::json::array();
  for (const SourceReport& s : crawl.sources) {
    auto it = handler.counts.find(s.source);
    sources.push_back(SourceJson(s, it == handler.counts.end() ? SourceCounts{} : it->second));
  }
  return nlohmann::json{{"sources", sources}, {"stages", StagesJson(sources, handler.counts)},
                        {"stopped", crawl.stopped}, {"seconds", crawl.seconds}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The pages the crawler gave up on in this run, with the reason it stored
// in their crawl state, copied to run_errors so the report can say which
// URL failed and why (redacted: the report shows them).
void RecordUrlFailures(DealStore* store, int64_t run_id, int64_t since_unix) {
  struct Failure {
    std::string url, source, error;
  };
  std::vector<Failure> failures;
  Result<Statement> st = store->db()->Prepare(
      "SELECT url, coalesce(source, ''), last_error FROM url_state WHERE coalesce(last_error, '') <> '' AND "
      "fetched_at >= ? ORDER BY source, url LIMIT ?");
  if (!st.ok()) return;
  st->Bind(1, since_unix).Bind(2, int64_t{kMaxUrlErrors});
  for (Result<bool> row = st->Step(); row.ok() && *row; row = st->Step())
    failures.push_back({st->Text(0), st->Text(1), st->Text(2)});
  for (const Failure& f : failures)
    (void)store->RecordError(run_id, "crawl", f.source, RedactUrl(f.url), RedactUrls(f.error));
}

void LogSources(const CrawlReport& crawl) {
  for (const SourceReport& s : crawl.sources) {
    std::string line = s.source + ": " + std::to_string(s.fetched) + " fetched, " + std::to_string(s.handed_on) +
                       " new or changed, " + std::to_string(s.not_modified) + " not modified, " +
                       std::to_string(s.failed) + " failed";
    if (s.failed_completely) {
      LogError("crawl", line + "; source failed: " + s.error);
    } else {
      LogInfo("crawl", line);
    }
  }
}

Status WriteReport(DealStore* store, const RunConfig& config, int64_t run_id, const Extractor& extractor) {
  std::error_code ec;
  std::filesystem::create_directories(config.report_path.parent_path(), ec);
  ReportOptions options;
  options.run_id = run_id;
  options.rule_ids.emplace();
  for (const auto& rule : extractor.rules().rules()) options.rule_ids->push_back(rule->id());
  std::string ext = AsciiLower(config.report_path.extension().string());
  ReportFormat format = ext == ".md" ? ReportFormat::kMarkdown : ext == ".json" ? ReportFormat::kJson : ReportFormat::kHtml;
  Result<std::string> text = RenderReport(store->db(), options, format);
  if (!text.ok()) return text.status().WithContext("report");
  return WriteFileAtomic(config.report_path, *text);
}

}  // namespace

std::string MaskSecrets(std::string_view config_text) {
  // key = value, where the key names a secret; the value is a string (basic,
  // literal or multi-line), an array, or a bare value.
  static const std::regex kSecret(
      R"(((?:^|[\s{,])["']?[A-Za-z0-9_.\-]*(?:password|passwd|token|secret|key)[A-Za-z0-9_.\-]*["']?[ \t]*=[ \t]*))"
      R"((\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\[[^\]]*\]|[^\s,}#]+))",
      std::regex::ECMAScript | std::regex::icase);
  return std::regex_replace(std::string(config_text), kSecret, "$1\"***\"");
}

Result<NightlyResult> RunNightly(const RunConfig& config, const std::atomic<bool>* stop,
                                 const RunProgressFn& on_progress) {
  auto start = Clock::now();
  // The lock first, so that a second run exits at once.
  std::error_code ec;
  std::filesystem::create_directories(config.db_path.parent_path(), ec);
  Result<std::unique_ptr<RunLock>> lock = RunLock::Acquire(config.db_path);
  if (!lock.ok()) return lock.status();
  Result<std::filesystem::path> rules_dir = FindDataDir("rules", config.rules_dir.string());
  if (!rules_dir.ok()) return rules_dir.status();
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(*rules_dir);
  if (!extractor.ok()) return extractor.status();
  // The USD rates come from the same rules folder as everything else.
  StoreOptions store_options;
  if (std::filesystem::exists(*rules_dir / "fx_rates.tsv", ec))
    store_options.fx_rates_path = (*rules_dir / "fx_rates.tsv").string();
  Result<std::unique_ptr<DealStore>> store = DealStore::Open(config.db_path.string(), store_options);
  if (!store.ok()) return store.status();
  DealStore* db = store->get();
  DW_RETURN_IF_ERROR(db->CloseAbandonedRuns());
  int64_t started_unix = static_cast<int64_t>(std::time(nullptr));
  // Secret keys' values, and credentials in the URLs of sources, never
  // reach runs.config (nor so the report).
  Result<int64_t> run_id = db->BeginRun(RedactUrls(MaskSecrets(config.text)));
  if (!run_id.ok()) return run_id.status();
  LogInfo("run", "run " + std::to_string(*run_id) + " started: config " + config.origin + ", database " +
                     config.db_path.string() + ", rules " + rules_dir->string());

  NightlyResult result;
  result.run_id = *run_id;
  Crawler crawler(config.crawl, db);
  PageHandler handler{db, extractor->get(), *run_id, &result.summary, &on_progress};
  result.crawl = crawler.Run(std::ref(handler), stop);
  LogSources(result.crawl);
  RecordUrlFailures(db, *run_id, started_unix);
  for (const SourceReport& s : result.crawl.sources) {
    result.summary.errors += s.failed;
    if (s.failed_completely) {
      result.source_failed = true;
      (void)db->RecordError(*run_id, "crawl", s.source, "", "source failed: " + s.error);
    }
  }
  result.summary.status = result.crawl.stopped ? "interrupted" : "done";
  result.summary.stats_json = StatsJson(result.crawl, handler);
  DW_RETURN_IF_ERROR(db->FinishRun(*run_id, result.summary));

  if (!config.report_path.empty()) {
    DW_RETURN_IF_ERROR(WriteReport(db, config, *run_id, **extractor));
    result.report_path = config.report_path.string();
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  (result.crawl.stopped ? LogWarn : LogInfo)(
      "run", "run " + std::to_string(*run_id) + " " + result.summary.status + " after " +
                 std::to_string(static_cast<int>(result.seconds)) + " s: " +
                 std::to_string(result.summary.pages_fetched) + " pages, " +
                 std::to_string(result.summary.deals_new) + " new deals, " + std::to_string(result.summary.errors) +
                 " errors");
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
