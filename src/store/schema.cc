#include "store/schema.h"

#include <array>
#include <string>

#include "store/migrations.h"

namespace dealwatch {

namespace {

// Migration N takes a database from version N to N+1. Never edit a released
// step: add a new one.
constexpr std::array<const char*, 2> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE runs (
  run_id        INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL DEFAULT 'running',  -- running, done, failed, interrupted
  config        TEXT,                             -- the config as used (secrets removed)
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  articles_new  INTEGER NOT NULL DEFAULT 0,
  articles_changed INTEGER NOT NULL DEFAULT 0,
  deals_new     INTEGER NOT NULL DEFAULT 0,
  deals_updated INTEGER NOT NULL DEFAULT 0,
  errors        INTEGER NOT NULL DEFAULT 0,
  stats         TEXT                              -- JSON: per stage and per source counts
);
CREATE TABLE run_errors (
  run_id   INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  at       TEXT NOT NULL,
  stage    TEXT NOT NULL,
  source   TEXT,
  url      TEXT,
  message  TEXT NOT NULL
);
CREATE TABLE articles (
  article_id    INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,
  source        TEXT,
  title         TEXT,
  published     TEXT,
  lang          TEXT,
  market        TEXT,
  author        TEXT,
  canonical_url TEXT,
  content_hash  TEXT NOT NULL,
  text          TEXT NOT NULL,
  fetched_at    TEXT NOT NULL,
  run_id        INTEGER REFERENCES runs
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='article_id');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
CREATE TABLE entities (
  entity_id  INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('lender', 'borrower')),
  canonical  TEXT NOT NULL,
  country    TEXT,
  UNIQUE (kind, canonical)
);
CREATE TABLE entity_aliases (
  entity_id  INTEGER NOT NULL REFERENCES entities ON DELETE CASCADE,
  alias      TEXT NOT NULL,      -- as written
  folded     TEXT NOT NULL,      -- normalised for matching
  PRIMARY KEY (entity_id, folded)
);
CREATE INDEX entity_aliases_folded ON entity_aliases(folded);
CREATE TABLE deals (
  deal_id      INTEGER PRIMARY KEY,
  borrower_id  INTEGER REFERENCES entities,
  amount       REAL,
  currency     TEXT,
  amount_qualifier TEXT,
  type         TEXT NOT NULL DEFAULT 'loan',
  project      TEXT,
  tenor_years  REAL,
  pricing      TEXT,
  status       TEXT NOT NULL DEFAULT 'unknown',
  confidence   REAL NOT NULL DEFAULT 0,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  first_run    INTEGER REFERENCES runs,
  last_run     INTEGER REFERENCES runs
);
CREATE TABLE deal_parties (
  deal_id    INTEGER NOT NULL REFERENCES deals ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities,
  role       TEXT NOT NULL,
  PRIMARY KEY (deal_id, entity_id)
);
CREATE TABLE mentions (
  mention_id  INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES articles ON DELETE CASCADE,
  evidence    TEXT NOT NULL,     -- the sentence(s) as published
  span_start  INTEGER NOT NULL,  -- byte offsets in articles.text
  span_end    INTEGER NOT NULL,
  rule_ids    TEXT,              -- JSON object: field -> rule id
  extracted   TEXT,              -- JSON: the values as read from this article
  run_id      INTEGER REFERENCES runs,
  UNIQUE (article_id, span_start, deal_id)
);
CREATE INDEX mentions_deal ON mentions(deal_id);
CREATE TABLE url_state (
  url           TEXT PRIMARY KEY,
  source        TEXT,
  etag          TEXT,
  last_modified TEXT,
  content_hash  TEXT,
  last_status   INTEGER,
  last_error    TEXT,
  fetched_at    INTEGER,
  next_retry_at INTEGER,
  failures      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX url_state_hash ON url_state(content_hash);

CREATE VIEW v_deals AS
SELECT d.deal_id,
       b.canonical AS borrower,
       d.amount, d.currency, d.type, d.project, d.tenor_years, d.status, d.confidence,
       d.first_seen, d.last_seen,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.deal_id = d.deal_id) AS source_count
FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id;

CREATE VIEW v_deal_lenders AS
SELECT p.deal_id, e.canonical AS lender, p.role
FROM deal_parties p JOIN entities e ON e.entity_id = p.entity_id
WHERE e.kind = 'lender';

CREATE VIEW v_deal_sources AS
SELECT m.deal_id, a.url, a.title, a.published, a.lang, m.evidence
FROM mentions m JOIN articles a ON a.article_id = m.article_id;
)sql",
    // 1 -> 2: migration_2.cc.
    kMigrationTo2,
};

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

const char* MigrationSql(int from_version) {
  if (from_version < 0 || from_version >= CurrentSchemaVersion()) return nullptr;
  return kMigrations[from_version];
}

Result<int> SchemaVersion(Database* db) {
  Result<Statement> st = db->Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(st->Int(0));
}

Status Migrate(Database* db) {
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status().WithContext(db->path());
  int current = CurrentSchemaVersion();
  if (*version > current)
    return InvalidArgument(db->path() + ": database schema version " + std::to_string(*version) +
                           " is newer than this dealwatch understands (" + std::to_string(current) +
                           "); upgrade dealwatch");
  if (*version == current) return Status::Ok();
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status().WithContext(db->path());
  for (int v = *version; v < current; ++v) {
    Status s = db->Exec(kMigrations[v]);
    if (!s.ok()) return s.WithContext(db->path() + ": migration to version " + std::to_string(v + 1));
  }
  DW_RETURN_IF_ERROR(db->Exec("PRAGMA user_version = " + std::to_string(current)));
  return tx->Commit();
}

}  // namespace dealwatch
