// The nightly job over the bundled corpus, crawled through file:// as the
// README demo does.
#include "pipeline/nightly_run.h"

#include <catch2/catch.hpp>

#include "common/files.h"
#include "crawl/curl_handles.h"
#include "eval/gold.h"
#include "pipeline/run_lock.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

RunConfig CorpusConfig(const testing::TempDir& dir) {
  auto cfg = ParseRunConfig(DefaultConfigText(testing::CorpusDir()), "(test)", dir.path());
  REQUIRE(cfg.ok());
  cfg->db_path = dir.path() / "deals.db";
  cfg->report_path = dir.path() / "report.html";
  cfg->rules_dir = testing::RulesDir();
  return *cfg;
}

int64_t Scalar(const std::filesystem::path& db_path, const std::string& sql) {
  auto db = Database::Open(db_path.string(), true);
  REQUIRE(db.ok());
  auto st = db->Prepare(sql);
  REQUIRE(st.ok());
  auto row = st->Step();
  REQUIRE(row.ok());
  return st->Int(0);
}

TEST_CASE("The nightly run stores the corpus deals once and finds nothing new the second time", "[pipeline]") {
  CurlGlobal curl;
  testing::TempDir dir;
  RunConfig cfg = CorpusConfig(dir);
  auto gold = LoadGold(testing::CorpusDir() / "gold.jsonl");
  REQUIRE(gold.ok());
  const int articles = static_cast<int>(gold->size());
  REQUIRE(articles >= 60);
  auto first = RunNightly(cfg, nullptr);
  REQUIRE(first.ok());
  CHECK(first->summary.pages_fetched == articles);
  CHECK(first->summary.articles_new == articles);
  CHECK(first->summary.errors == 0);
  CHECK(first->summary.deals_new > 0);
  CHECK_FALSE(first->source_failed);
  CHECK(Scalar(cfg.db_path, "SELECT count(*) FROM v_deals") == first->summary.deals_new);
  CHECK(Scalar(cfg.db_path, "SELECT count(*) FROM v_deal_sources") >= first->summary.deals_new);
  auto report = ReadFile(cfg.report_path);
  REQUIRE(report.ok());
  CHECK(report->rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(report->find("<script") == std::string::npos);
  CHECK(report->find("Vantage Data Centers") != std::string::npos);

  auto second = RunNightly(cfg, nullptr);
  REQUIRE(second.ok());
  CHECK(second->summary.pages_fetched == 0);
  CHECK(second->summary.deals_new == 0);
  CHECK(Scalar(cfg.db_path, "SELECT count(*) FROM v_deals") == first->summary.deals_new);
  CHECK(Scalar(cfg.db_path, "SELECT count(*) FROM runs WHERE status = 'done'") == 2);
}

TEST_CASE("A second run on a locked database exits at once with a clear message", "[pipeline]") {
  CurlGlobal curl;
  testing::TempDir dir;
  RunConfig cfg = CorpusConfig(dir);
  auto lock = RunLock::Acquire(cfg.db_path);
  REQUIRE(lock.ok());
  auto r = RunNightly(cfg, nullptr);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kUnavailable);
  CHECK(r.status().message().find("another dealwatch run is using this database") != std::string::npos);
}

TEST_CASE("Bad rules stop the run before anything is crawled or stored", "[pipeline]") {
  CurlGlobal curl;
  testing::TempDir dir;
  RunConfig cfg = CorpusConfig(dir);
  cfg.rules_dir = dir.path() / "no-such-rules";
  auto r = RunNightly(cfg, nullptr);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("no-such-rules") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(cfg.db_path));
}

TEST_CASE("A config file's unknown top-level key is an error naming file and line", "[pipeline]") {
  testing::TempDir dir;
  auto cfg = ParseRunConfig("db = \"x.db\"\ndatabase = \"y.db\"\n", "my.toml", dir.path());
  REQUIRE_FALSE(cfg.ok());
  CHECK(cfg.status().message() == "my.toml:2: unknown key 'database' (expected db, report, rules, [crawl], [[source]])");
  auto ok = ParseRunConfig("db = \"x.db\"\nreport = \"/tmp/r.html\"\n", "my.toml", dir.path());
  REQUIRE(ok.ok());
  CHECK(ok->db_path == dir.path() / "x.db");
  CHECK(ok->report_path == "/tmp/r.html");
}

}  // namespace
}  // namespace dealwatch
