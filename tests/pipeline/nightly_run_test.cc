// The nightly job over the bundled corpus, crawled through file:// as the
// README demo does.
#include "pipeline/nightly_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
  // The only script is the report's own table sorter.
  CHECK(report->find("<script") == report->rfind("<script"));
  CHECK(report->find("<script>\n(function () {") != std::string::npos);
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

TEST_CASE("A run records its config with secrets masked and its counts per stage and per source", "[pipeline]") {
  CurlGlobal curl;
  testing::TempDir dir;
  RunConfig cfg = CorpusConfig(dir);
  cfg.text = "# a comment\n[crawl]\nuser_agent = \"ua\"\nproxy_password = \"hunter2\"\n" + cfg.text;
  auto r = RunNightly(cfg, nullptr);
  REQUIRE(r.ok());
  auto db = Database::Open(cfg.db_path.string(), true);
  REQUIRE(db.ok());
  auto st = db->Prepare("SELECT config, stats, started_at, finished_at, status FROM runs WHERE run_id = ?");
  REQUIRE(st.ok());
  st->Bind(1, r->run_id);
  REQUIRE(*st->Step());
  std::string config = st->Text(0);
  CHECK(config.find("hunter2") == std::string::npos);
  CHECK(config.find("proxy_password = \"***\"") != std::string::npos);
  CHECK(config.find("user_agent = \"ua\"") != std::string::npos);
  CHECK_FALSE(st->Text(2).empty());
  CHECK_FALSE(st->Text(3).empty());
  CHECK(st->Text(4) == "done");
  auto stats = nlohmann::json::parse(st->Text(1));
  const auto& store = stats["stages"]["store"];
  CHECK(store["articles_new"] == r->summary.articles_new);
  CHECK(store["deals_new"] == r->summary.deals_new);
  CHECK(stats["stages"]["crawl"]["fetched"] == r->summary.pages_fetched);
  CHECK(stats["stages"]["process"]["pages"] == r->summary.pages_fetched);
  REQUIRE(stats["sources"].size() == 1);
  CHECK(stats["sources"][0]["source"] == "bundled-corpus");
  CHECK(stats["sources"][0]["deals_new"] == r->summary.deals_new);
  CHECK(stats["sources"][0]["errors"] == 0);
  auto again = RunNightly(cfg, nullptr);
  REQUIRE(again.ok());
  auto second = Database::Open(cfg.db_path.string(), true);
  auto st2 = second->Prepare("SELECT stats FROM runs WHERE run_id = ?");
  st2->Bind(1, again->run_id);
  REQUIRE(*st2->Step());
  auto stats2 = nlohmann::json::parse(st2->Text(0));
  CHECK(stats2["sources"][0]["unchanged"] == r->summary.pages_fetched);
  CHECK(stats2["stages"]["store"]["articles_new"] == 0);
}

TEST_CASE("Secrets in a config are masked, whatever the quoting", "[pipeline]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"password = \"hunter2\"", "password = \"***\""},
      {"api_key='abc' # note", "api_key=\"***\" # note"},
      {"[edgar]\nAPI_TOKEN = abc123\nname = \"x\"", "[edgar]\nAPI_TOKEN = \"***\"\nname = \"x\""},
      {"auth = { user = \"u\", secret = \"s\\\"q\" }", "auth = { user = \"u\", secret = \"***\" }"},
      {"\"client-secret\" = \"\"\"multi\nline\"\"\"", "\"client-secret\" = \"***\""},
      {"keys = [\"a\", \"b\"]\nurl = \"https://x.test/?token=1\"", "keys = \"***\"\nurl = \"https://x.test/?token=1\""},
      {"user_agent = \"dealwatch (+mailto:a@b.c)\"", "user_agent = \"dealwatch (+mailto:a@b.c)\""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(MaskSecrets(c.in) == c.out);
  }
}

TEST_CASE("The report after a run has every section and the corpus deals with marked evidence", "[pipeline]") {
  CurlGlobal curl;
  testing::TempDir dir;
  RunConfig cfg = CorpusConfig(dir);
  auto r = RunNightly(cfg, nullptr);
  REQUIRE(r.ok());
  auto html = ReadFile(cfg.report_path);
  REQUIRE(html.ok());
  for (const char* part : {"id=new>New deals (", "id=review>Review queue", "id=sources>Source health",
                           "id=rules>Rule hits", "id=league>League table", "id=volume>Deal volume by week", "<svg",
                           "<mark class=\"amount\">", "<mark class=\"lender\">", "<mark class=\"borrower\">"}) {
    INFO(part);
    CHECK(html->find(part) != std::string::npos);
  }
  cfg.report_path = dir.path() / "report.md";
  auto md_run = RunNightly(cfg, nullptr);
  REQUIRE(md_run.ok());
  auto md = ReadFile(cfg.report_path);
  REQUIRE(md.ok());
  CHECK(md->rfind("# dealwatch: run 2", 0) == 0);
}

}  // namespace
}  // namespace dealwatch
