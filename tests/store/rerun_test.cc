// Re-runs, changed articles and reviews: nothing doubled, nothing stranded,
// analysts' decisions kept.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "store/deal_store.h"
#include "store/store_fixtures.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

using testing::Count;
using testing::Lender;
using testing::MakeArticle;
using testing::MakeDeal;
using testing::Rows;
using testing::Text;
using testing::Wrap;

const DealLender kBot = Lender("臺灣銀行", "Bank of Taiwan", "lead_arranger");
const DealLender kMega = Lender("兆豐銀行", "Mega International Commercial Bank", "participant");

// Every table a run writes, as text, to compare whole databases.
std::string Snapshot(DealStore* s) {
  std::string out;
  for (const char* sql : {
           "SELECT * FROM deals ORDER BY deal_id",
           "SELECT deal_id, entity_id, role FROM deal_parties ORDER BY 1, 2",
           "SELECT mention_id, deal_id, article_id, amount, currency, status, borrower_id FROM mentions ORDER BY 1",
           "SELECT * FROM mention_parties ORDER BY 1, 2",
           "SELECT * FROM deal_value_history ORDER BY 1, 2, 3, 4",
           "SELECT * FROM entities ORDER BY 1",
           "SELECT * FROM entity_aliases ORDER BY 1, 3",
           "SELECT article_id, url, content_hash FROM articles ORDER BY 1",
       })
    out += std::string(sql) + "\n" + Rows(s, sql);
  return out;
}

struct Corpus {
  std::vector<std::pair<StoredArticle, std::vector<ArticleDeal>>> articles = {
      {MakeArticle("https://a.test/1", "h1", "2024-01-10"),
       {Wrap(MakeDeal("台灣塑膠", 12.5e9, "TWD", {kBot}, "in_talks")), Wrap(MakeDeal("南亞", 5e9, "TWD"))}},
      {MakeArticle("https://a.test/2", "h2", "2024-03-01"),
       {Wrap(MakeDeal("台灣塑膠工業", 14e9, "TWD", {kBot, kMega}, "signed"))}},
      {MakeArticle("https://en.test/3", "h3", "2024-03-02", "en"),
       {Wrap(MakeDeal("Formosa Plastics", 14e9, "TWD", {Lender("Bank of Taiwan", "Bank of Taiwan", "agent")}))}},
  };
};

TEST_CASE("Storing the same articles again changes nothing", "[store]") {
  auto s = testing::OpenStore("");
  auto run = s->BeginRun("first");
  REQUIRE(run.ok());
  Corpus corpus;
  for (auto& [a, deals] : corpus.articles) REQUIRE(s->StoreArticle(*run, a, deals, nullptr).ok());
  CHECK(Count(s.get(), "SELECT count(*) FROM deals") == 2);
  std::string before = Snapshot(s.get());
  auto rerun = s->BeginRun("second");
  REQUIRE(rerun.ok());
  for (auto& [a, deals] : corpus.articles) {
    auto r = s->StoreArticle(*rerun, a, deals, nullptr);
    REQUIRE(r.ok());
    CHECK(r->unchanged);
    CHECK(r->deals_new + r->deals_updated == 0);
  }
  CHECK(Snapshot(s.get()) == before);
}

TEST_CASE("A changed article replaces its own mentions and re-derives the deals they supported", "[store]") {
  auto s = testing::OpenStore("");
  auto run = s->BeginRun("t");
  REQUIRE(run.ok());
  Corpus corpus;
  for (auto& [a, deals] : corpus.articles) REQUIRE(s->StoreArticle(*run, a, deals, nullptr).ok());
  int64_t nanya = Count(s.get(), "SELECT deal_id FROM v_deals WHERE borrower = '南亞'");
  // The launch story is corrected: no 南亞 deal, the launch amount was NT$13bn.
  auto fixed = MakeArticle("https://a.test/1", "h1-fixed", "2024-01-10");
  auto r = s->StoreArticle(*run, fixed, {Wrap(MakeDeal("台灣塑膠", 13e9, "TWD", {kBot}, "in_talks"))}, nullptr);
  REQUIRE(r.ok());
  CHECK(r->article_changed);
  CHECK(r->deals_new == 0);
  CHECK(r->deals_updated == 1);
  CHECK(r->deals_removed == 1);
  CHECK(Count(s.get(), "SELECT count(*) FROM deals WHERE deal_id = " + std::to_string(nanya)) == 0);
  CHECK(Count(s.get(), "SELECT count(*) FROM deals") == 1);
  CHECK(Count(s.get(), "SELECT count(*) FROM mentions") == 3);
  CHECK(Count(s.get(), "SELECT count(*) FROM mentions WHERE article_id = 1") == 1);
  CHECK(Rows(s.get(), "SELECT CAST(amount AS INTEGER), status, source_count FROM v_deals") ==
        "14000000000|signed|3\n");
  // The old launch amount stays in the history, no longer current.
  CHECK(Rows(s.get(), "SELECT value, current FROM deal_value_history WHERE field = 'amount' AND article_id = 1 "
                      "ORDER BY value") ==
        "TWD 12500000000|0\nTWD 13000000000|1\n");
  CHECK(Text(s.get(), "SELECT \"values\" FROM v_deal_conflicts WHERE field = 'amount'") ==
        "TWD 13000000000 | TWD 14000000000");
  // Storing the corrected version again changes nothing.
  std::string before = Snapshot(s.get());
  REQUIRE(s->StoreArticle(*run, fixed, {Wrap(MakeDeal("台灣塑膠", 13e9, "TWD", {kBot}, "in_talks"))}, nullptr).ok());
  CHECK(Snapshot(s.get()) == before);
}

TEST_CASE("A changed article keeps its deal's id, first run and review", "[store]") {
  auto s = testing::OpenStore("");
  auto run1 = s->BeginRun("1");
  REQUIRE(run1.ok());
  REQUIRE(s->StoreArticle(*run1, MakeArticle("u", "h1", "2024-02-01"), {Wrap(MakeDeal("長榮", 8e9, "TWD"))}, nullptr)
              .ok());
  REQUIRE(s->ReviewDeal(1, {"edit", {{"project", "新船"}}, "from the filing"}).ok());
  auto run2 = s->BeginRun("2");
  REQUIRE(run2.ok());
  auto r = s->StoreArticle(*run2, MakeArticle("u", "h2", "2024-02-01"), {Wrap(MakeDeal("長榮", 8e9, "TWD"))}, nullptr);
  REQUIRE(r.ok());
  CHECK(r->deal_ids == std::vector<int64_t>{1});
  CHECK(Rows(s.get(), "SELECT deal_id, first_run, last_run, project, review_status FROM deals") ==
        "1|1|2|新船|edited\n");
}

TEST_CASE("A database left by a killed process opens consistent and the next run resumes", "[store]") {
  testing::TempDir dir;
  std::string path = (dir.path() / "deals.db").string();
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The killed run: one article stored, the next one half written.
    auto s = DealStore::Open(path);
    if (!s.ok()) _exit(2);
    auto run = (*s)->BeginRun("killed");
    if (!run.ok()) _exit(3);
    if (!(*s)->StoreArticle(*run, MakeArticle("a", "h1", "2024-01-01"), {Wrap(MakeDeal("長榮", 8e9, "TWD"))}, nullptr)
             .ok())
      _exit(4);
    (void)(*s)->db()->Exec("BEGIN IMMEDIATE");
    (void)(*s)->db()->Exec("INSERT INTO articles(url, content_hash, text, fetched_at) VALUES ('b', 'x', 't', 'now')");
    _exit(0);  // no commit, no close
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  auto s = testing::OpenStore(dir.path().string(), "", path);
  REQUIRE(s->CloseAbandonedRuns().ok());
  CHECK(testing::Text(s.get(), "PRAGMA integrity_check") == "ok");
  CHECK(Rows(s.get(), "SELECT run_id, status FROM runs") == "1|interrupted\n");
  CHECK(Rows(s.get(), "SELECT url FROM articles") == "a\n");
  auto run = s->BeginRun("next");
  REQUIRE(run.ok());
  auto again = s->StoreArticle(*run, MakeArticle("a", "h1", "2024-01-01"), {Wrap(MakeDeal("長榮", 8e9, "TWD"))},
                               nullptr);
  REQUIRE(again.ok());
  CHECK(again->unchanged);
  auto b = s->StoreArticle(*run, MakeArticle("b", "h2", "2024-01-02"), {Wrap(MakeDeal("長榮", 8e9, "TWD"))}, nullptr);
  REQUIRE(b.ok());
  CHECK(b->article_new);
  CHECK(Rows(s.get(), "SELECT deal_id, source_count FROM v_deals") == "1|2\n");
}

TEST_CASE("Reviews: edits win over later reports, rejected deals leave the views", "[store]") {
  auto s = testing::OpenStore("");
  auto run = s->BeginRun("t");
  REQUIRE(run.ok());
  REQUIRE(s->StoreArticle(*run, MakeArticle("a", "h1", "2024-05-01"),
                          {Wrap(MakeDeal("中油", 20e9, "TWD", {kBot})), Wrap(MakeDeal("台電", 30e9, "TWD", {kBot}))},
                          nullptr)
              .ok());
  REQUIRE(s->ReviewDeal(1, {"edit", {{"amount", "25000000000"}, {"status", "closed"}}, "per the filing"}).ok());
  REQUIRE(s->ReviewDeal(2, {"reject", {}, "not a loan"}).ok());
  // A later report of both deals.
  REQUIRE(s->StoreArticle(*run, MakeArticle("b", "h2", "2024-05-02"),
                          {Wrap(MakeDeal("中油", 20e9, "TWD", {kBot}, "in_talks")),
                           Wrap(MakeDeal("台電", 30e9, "TWD", {kBot}))},
                          nullptr)
              .ok());
  CHECK(Rows(s.get(), "SELECT deal_id, CAST(amount AS INTEGER), status, source_count FROM v_deals") ==
        "1|25000000000|closed|2\n");
  CHECK(Rows(s.get(), "SELECT deal_id, review_status FROM deals ORDER BY deal_id") == "1|edited\n2|rejected\n");
  CHECK(Count(s.get(), "SELECT count(*) FROM deals") == 2);
  CHECK(Count(s.get(), "SELECT count(*) FROM deal_reviews") == 3);
  // Accepting a rejected deal brings it back.
  REQUIRE(s->ReviewDeal(2, {"accept", {}, ""}).ok());
  CHECK(Count(s.get(), "SELECT count(*) FROM v_deals") == 2);
}

TEST_CASE("A review names a known deal, decision and field", "[store]") {
  auto s = testing::OpenStore("");
  auto run = s->BeginRun("t");
  REQUIRE(run.ok());
  REQUIRE(s->StoreArticle(*run, MakeArticle("a", "h"), {Wrap(MakeDeal("x", 1e9, "USD"))}, nullptr).ok());
  struct Case {
    int64_t deal;
    DealReview review;
    const char* message;
  } cases[] = {
      {9, {"accept", {}, ""}, "deal 9: no such deal"},
      {1, {"approve", {}, ""}, "deal 1: unknown decision approve"},
      {1, {"edit", {}, ""}, "deal 1: edit names no field"},
      {1, {"edit", {{"lender", "x"}}, ""}, "deal 1: unknown field lender"},
      {1, {"edit", {{"amount", "12bn"}}, ""}, "deal 1: amount is not a number: 12bn"},
      {1, {"edit", {{"status", "done"}}, ""}, "deal 1: unknown status done"},
  };
  for (const Case& c : cases) {
    Status st = s->ReviewDeal(c.deal, c.review);
    CHECK(st.message() == c.message);
  }
  CHECK(Count(s.get(), "SELECT count(*) FROM deal_reviews") == 0);
}

}  // namespace
}  // namespace dealwatch
