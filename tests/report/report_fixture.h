// A deal database for report tests, filled with raw SQL so each test says
// exactly which runs, deals and mentions exist. It starts as the first
// schema version (the tables and views the report reads); AddLaterSchema()
// adds the parts later versions bring (deals.amount_usd,
// deal_value_history, v_deal_conflicts, v_league_table) in the shapes the
// store documents, so both paths of the report are tested whatever version
// the store is at. Header-only.
#ifndef DEALWATCH_TESTS_REPORT_REPORT_FIXTURE_H_
#define DEALWATCH_TESTS_REPORT_REPORT_FIXTURE_H_

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "store/database.h"

namespace dealwatch::testing {

class ReportDb {
 public:
  explicit ReportDb(const std::string& path = ":memory:") {
    auto db = Database::Open(path);
    REQUIRE(db.ok());
    db_.emplace(std::move(*db));
    Exec(R"sql(
CREATE TABLE runs (run_id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running', config TEXT, pages_fetched INTEGER NOT NULL DEFAULT 0,
  articles_new INTEGER NOT NULL DEFAULT 0, articles_changed INTEGER NOT NULL DEFAULT 0,
  deals_new INTEGER NOT NULL DEFAULT 0, deals_updated INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0, stats TEXT);
CREATE TABLE run_errors (run_id INTEGER NOT NULL, at TEXT NOT NULL, stage TEXT NOT NULL, source TEXT, url TEXT,
  message TEXT NOT NULL);
CREATE TABLE articles (article_id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, source TEXT, title TEXT,
  published TEXT, lang TEXT, market TEXT, author TEXT, canonical_url TEXT, content_hash TEXT NOT NULL,
  text TEXT NOT NULL, fetched_at TEXT NOT NULL, run_id INTEGER);
CREATE TABLE entities (entity_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, canonical TEXT NOT NULL, country TEXT,
  UNIQUE (kind, canonical));
CREATE TABLE entity_aliases (entity_id INTEGER NOT NULL, alias TEXT NOT NULL, folded TEXT NOT NULL,
  PRIMARY KEY (entity_id, folded));
CREATE TABLE deals (deal_id INTEGER PRIMARY KEY, borrower_id INTEGER, amount REAL, currency TEXT,
  amount_qualifier TEXT, type TEXT NOT NULL DEFAULT 'loan', project TEXT, tenor_years REAL, pricing TEXT,
  status TEXT NOT NULL DEFAULT 'unknown', confidence REAL NOT NULL DEFAULT 0, first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL, first_run INTEGER, last_run INTEGER);
CREATE TABLE deal_parties (deal_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, role TEXT NOT NULL,
  PRIMARY KEY (deal_id, entity_id));
CREATE TABLE mentions (mention_id INTEGER PRIMARY KEY, deal_id INTEGER NOT NULL, article_id INTEGER NOT NULL,
  evidence TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, rule_ids TEXT, extracted TEXT,
  run_id INTEGER, UNIQUE (article_id, span_start, deal_id));
CREATE VIEW v_deals AS SELECT d.deal_id, b.canonical AS borrower, d.amount, d.currency, d.type, d.project,
  d.tenor_years, d.status, d.confidence, d.first_seen, d.last_seen,
  (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.deal_id = d.deal_id) AS source_count
  FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id;
CREATE VIEW v_deal_lenders AS SELECT p.deal_id, e.canonical AS lender, p.role
  FROM deal_parties p JOIN entities e ON e.entity_id = p.entity_id WHERE e.kind = 'lender';
CREATE VIEW v_deal_sources AS SELECT m.deal_id, a.url, a.title, a.published, a.lang, m.evidence
  FROM mentions m JOIN articles a ON a.article_id = m.article_id;
)sql");
  }

  Database* db() { return &*db_; }

  void Exec(const std::string& sql) {
    Status s = db_->Exec(sql);
    INFO(sql);
    REQUIRE(s.ok());
  }

  void AddLaterSchema() {
    Exec(R"sql(
ALTER TABLE deals ADD COLUMN amount_usd REAL;
CREATE TABLE deal_value_history (deal_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
  article_id INTEGER NOT NULL, run_id INTEGER, seen_at TEXT NOT NULL, PRIMARY KEY (deal_id, field, value, article_id));
CREATE VIEW v_deal_conflicts AS SELECT deal_id, field, count(*) AS value_count, group_concat(value, ' | ') AS "values"
  FROM (SELECT DISTINCT deal_id, field, value FROM deal_value_history) GROUP BY deal_id, field HAVING count(*) > 1;
CREATE VIEW v_league_table AS SELECT '2031' AS year, 'View Bank' AS lender, 'USD' AS currency, 7 AS deal_count,
  700.0 AS amount, 700.0 AS amount_usd;
)sql");
  }

  void AddRun(int id, const std::string& status, const std::string& stats = "",
              const std::string& config = "db = \"deals.db\"") {
    Exec("INSERT INTO runs(run_id, started_at, finished_at, status, config, stats) VALUES (" + std::to_string(id) +
         ", '2026-09-" + Two(id) + "T01:00:00Z', '2026-09-" + Two(id) + "T01:05:00Z', " + Q(status) + ", " +
         Q(config) + ", " + (stats.empty() ? "NULL" : Q(stats)) + ")");
  }

  int64_t Entity(const std::string& kind, const std::string& canonical, const std::string& alias = "") {
    Exec("INSERT OR IGNORE INTO entities(kind, canonical) VALUES (" + Q(kind) + ", " + Q(canonical) + ")");
    int64_t id = Int("SELECT entity_id FROM entities WHERE kind = " + Q(kind) + " AND canonical = " + Q(canonical));
    if (!alias.empty())
      Exec("INSERT OR IGNORE INTO entity_aliases VALUES (" + std::to_string(id) + ", " + Q(alias) + ", " + Q(alias) +
           ")");
    return id;
  }

  int64_t Article(const std::string& url, const std::string& title, const std::string& published,
                  const std::string& lang, const std::string& market, int run) {
    Exec("INSERT INTO articles(url, source, title, published, lang, market, content_hash, text, fetched_at, run_id) "
         "VALUES (" + Q(url) + ", 'test-source', " + Q(title) + ", " + Q(published) + ", " + Q(lang) + ", " +
         Q(market) + ", 'h', 'text', '2026-09-01T00:00:00Z', " + std::to_string(run) + ")");
    return db_->LastInsertId();
  }

  struct DealSpec {
    std::string borrower;
    double amount = 0;  // 0: none
    std::string currency = "TWD";
    std::string type = "syndicated_loan";
    std::string status = "signed";
    double confidence = 0.9;
    int first_run = 1, last_run = 1;
  };

  int64_t Deal(const DealSpec& d) {
    int64_t borrower = Entity("borrower", d.borrower);
    Exec("INSERT INTO deals(borrower_id, amount, currency, type, status, confidence, first_seen, last_seen, "
         "first_run, last_run) VALUES (" + std::to_string(borrower) + ", " +
         (d.amount > 0 ? std::to_string(d.amount) : "NULL") + ", " + Q(d.currency) + ", " + Q(d.type) + ", " +
         Q(d.status) + ", " + std::to_string(d.confidence) + ", '2026-09-01T00:00:00Z', '2026-09-02T00:00:00Z', " +
         std::to_string(d.first_run) + ", " + std::to_string(d.last_run) + ")");
    return db_->LastInsertId();
  }

  void Party(int64_t deal, const std::string& lender, const std::string& role, const std::string& alias = "") {
    int64_t e = Entity("lender", lender, alias);
    Exec("INSERT INTO deal_parties VALUES (" + std::to_string(deal) + ", " + std::to_string(e) + ", " + Q(role) + ")");
  }

  void Mention(int64_t deal, int64_t article, const std::string& evidence, int run,
               const std::string& rule_ids = "{}", const std::string& extracted = "{}") {
    Exec("INSERT INTO mentions(deal_id, article_id, evidence, span_start, span_end, rule_ids, extracted, run_id) "
         "VALUES (" + std::to_string(deal) + ", " + std::to_string(article) + ", " + Q(evidence) + ", " +
         std::to_string(next_span_++) + ", 0, " + Q(rule_ids) + ", " + Q(extracted) + ", " + std::to_string(run) +
         ")");
  }

  int64_t Int(const std::string& sql) {
    auto st = db_->Prepare(sql);
    REQUIRE(st.ok());
    auto row = st->Step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return st->Int(0);
  }

  static std::string Q(const std::string& s) {
    std::string o = "'";
    for (char c : s) o += c == '\'' ? std::string("''") : std::string(1, c);
    return o + "'";
  }

 private:
  static std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
  std::optional<Database> db_;
  int next_span_ = 0;
};

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_REPORT_REPORT_FIXTURE_H_
