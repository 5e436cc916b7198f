// Databases left by older dealwatch versions open, upgrade atomically and
// keep their data.
#include <catch2/catch.hpp>

#include "store/deal_store.h"
#include "store/schema.h"
#include "store/store_fixtures.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

using testing::Count;
using testing::Lender;
using testing::MakeArticle;
using testing::MakeDeal;
using testing::Rows;
using testing::Wrap;

// A version 1 database as dealwatch 0.1 wrote it: one deal (鴻海, NT$36bn,
// Bank of Taiwan leading, Mega Bank participating) read from two articles.
constexpr const char* kVersion1Data = R"sql(
INSERT INTO runs(run_id, started_at, finished_at, status) VALUES (1, '2024-04-02T01:00:00Z', '2024-04-02T01:10:00Z', 'done');
INSERT INTO articles(article_id, url, title, published, lang, content_hash, text, fetched_at, run_id) VALUES
  (1, 'https://zh.test/1', '鴻海360億聯貸', '2024-04-01T10:00:00+08:00', 'zh-Hant', 'h1', '鴻海360億元聯貸由臺灣銀行主辦', '2024-04-02T01:01:00Z', 1),
  (2, 'https://en.test/2', 'Hon Hai loan', '', 'en', 'h2', 'Hon Hai NT$36bn loan led by Bank of Taiwan', '2024-04-02T01:02:00Z', 1);
INSERT INTO entities(entity_id, kind, canonical) VALUES
  (1, 'borrower', '鴻海'), (2, 'lender', 'Bank of Taiwan'), (3, 'lender', 'Mega International Commercial Bank');
INSERT INTO entity_aliases(entity_id, alias, folded) VALUES
  (1, '鴻海', '鸿海'), (2, 'Bank of Taiwan', 'bankoftaiwan'), (2, '臺灣銀行', '台湾银行'),
  (3, 'Mega International Commercial Bank', 'megainternationalcommercialbank'), (3, '兆豐銀行', '兆丰银行');
INSERT INTO deals(deal_id, borrower_id, amount, currency, type, project, tenor_years, status, confidence,
                  first_seen, last_seen, first_run, last_run) VALUES
  (1, 1, 36000000000, 'TWD', 'syndicated_loan', '擴廠', 5, 'signed', 0.8,
   '2024-04-02T01:01:00Z', '2024-04-02T01:02:00Z', 1, 1);
INSERT INTO deal_parties(deal_id, entity_id, role) VALUES (1, 2, 'lead_arranger'), (1, 3, 'participant');
INSERT INTO mentions(deal_id, article_id, evidence, span_start, span_end, rule_ids, extracted, run_id) VALUES
  (1, 1, '鴻海360億元聯貸由臺灣銀行主辦', 0, 42, '{"amount":"zh.amount.yi"}', '{}', 1),
  (1, 2, 'Hon Hai NT$36bn loan led by Bank of Taiwan', 0, 42, '{}', '{}', 1);
)sql";

constexpr const char* kRates = "2024-01-01\tTWD\t0.03125\n";

std::string MakeVersion1(const testing::TempDir& dir) {
  std::string path = (dir.path() / "deals.db").string();
  auto db = Database::Open(path);
  REQUIRE(db.ok());
  REQUIRE(db->Exec(MigrationSql(0)).ok());
  REQUIRE(db->Exec("PRAGMA user_version = 1").ok());
  REQUIRE(db->Exec(kVersion1Data).ok());
  return path;
}

TEST_CASE("A version 1 database is upgraded with its data preserved", "[store]") {
  testing::TempDir dir;
  std::string path = MakeVersion1(dir);
  auto s = testing::OpenStore(dir.path().string(), kRates, path);
  CHECK(*SchemaVersion(s->db()) == CurrentSchemaVersion());
  CHECK(CurrentSchemaVersion() == 2);
  CHECK(Rows(s.get(), "SELECT * FROM v_deals") ==
        "1|鴻海|36000000000.0|TWD|syndicated_loan|擴廠|5.0|signed|0.8|2024-04-02T01:01:00Z|2024-04-02T01:02:00Z|2\n");
  CHECK(Rows(s.get(), "SELECT * FROM v_deal_lenders ORDER BY lender") ==
        "1|Bank of Taiwan|lead_arranger\n1|Mega International Commercial Bank|participant\n");
  CHECK(Rows(s.get(), "SELECT deal_id, url, published, lang FROM v_deal_sources ORDER BY url") ==
        "1|https://en.test/2||en\n1|https://zh.test/1|2024-04-01T10:00:00+08:00|zh-Hant\n");
  // The new columns are filled from the old data.
  CHECK(Rows(s.get(), "SELECT first_published, last_published, CAST(amount_usd AS INTEGER) FROM deals") ==
        "2024-04-01|2024-04-02|1125000000\n");
  CHECK(Rows(s.get(), "SELECT article_id, reported_on, borrower, CAST(amount AS INTEGER), status FROM mentions "
                      "ORDER BY article_id") ==
        "1|2024-04-01|鴻海|36000000000|signed\n2|2024-04-02|鴻海|36000000000|signed\n");
  CHECK(Count(s.get(), "SELECT count(*) FROM mention_parties") == 4);
  CHECK(Rows(s.get(), "SELECT DISTINCT field, value FROM deal_value_history ORDER BY field") ==
        "amount|TWD 36000000000\nproject|擴廠\nstatus|signed\ntenor_years|5\ntype|syndicated_loan\n");
  CHECK(Count(s.get(), "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"Hon Hai\"'") == 1);
  CHECK(Rows(s.get(), "SELECT * FROM v_league_table") == "2024|Bank of Taiwan|TWD|1|36000000000.0|1125000000.0\n");

  // New reports join the old deal.
  auto run = s->BeginRun("after upgrade");
  REQUIRE(run.ok());
  auto r = s->StoreArticle(*run, MakeArticle("https://zh.test/3", "h3", "2024-04-05"),
                           {Wrap(MakeDeal("鴻海精密", 36e9, "TWD", {Lender("兆豐銀行", "Mega International Commercial Bank",
                                                                              "lead_arranger")}))},
                           nullptr);
  REQUIRE(r.ok());
  CHECK(r->deal_ids == std::vector<int64_t>{1});
  CHECK(Rows(s.get(), "SELECT source_count FROM v_deals") == "3\n");
}

TEST_CASE("A failing upgrade leaves the version 1 database as it was", "[store]") {
  testing::TempDir dir;
  std::string path = MakeVersion1(dir);
  {
    auto db = Database::Open(path);
    REQUIRE(db.ok());
    // Something in the way of step 2.
    REQUIRE(db->Exec("CREATE TABLE fx_rates(x)").ok());
  }
  StoreOptions options;
  options.find_fx_rates = false;
  auto store = DealStore::Open(path, options);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("migration to version 2") != std::string::npos);
  auto db = Database::Open(path);
  REQUIRE(db.ok());
  CHECK(*SchemaVersion(&*db) == 1);
  auto cols = db->Prepare("SELECT count(*) FROM pragma_table_info('deals') WHERE name = 'amount_usd'");
  REQUIRE(cols.ok());
  REQUIRE(*cols->Step());
  CHECK(cols->Int(0) == 0);
}

}  // namespace
}  // namespace dealwatch
