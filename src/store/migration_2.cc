// Schema step 1 -> 2 (see schema.cc). Released steps are never edited.
#include "store/migrations.h"

namespace dealwatch {

// Entities keyed by canonical name with learned aliases; every mention keeps
// the values its article gave (so deals are re-derived from mentions); the
// history of each value and the conflicts; amounts in USD from dated rates;
// analysts' reviews; the league table. Version 1 data is carried over: each
// old mention takes its deal's values and parties, which re-derive that deal
// unchanged.
extern const char kMigrationTo2[] = R"sql(
ALTER TABLE entity_aliases ADD COLUMN origin TEXT NOT NULL DEFAULT 'name';  -- name, canonical, deal_match, merged

ALTER TABLE deals ADD COLUMN amount_usd REAL;
ALTER TABLE deals ADD COLUMN first_published TEXT;   -- YYYY-MM-DD of the earliest report
ALTER TABLE deals ADD COLUMN last_published TEXT;    -- YYYY-MM-DD of the latest report
ALTER TABLE deals ADD COLUMN review_status TEXT;     -- NULL, accepted, rejected, edited
CREATE INDEX deals_borrower ON deals(borrower_id);
CREATE INDEX deals_last_published ON deals(last_published);
CREATE INDEX deal_parties_entity ON deal_parties(entity_id);

ALTER TABLE mentions ADD COLUMN reported_on TEXT;    -- YYYY-MM-DD: published, else the day stored
ALTER TABLE mentions ADD COLUMN seen_at TEXT;        -- when stored
ALTER TABLE mentions ADD COLUMN borrower TEXT;       -- as written in the article
ALTER TABLE mentions ADD COLUMN borrower_id INTEGER REFERENCES entities;
ALTER TABLE mentions ADD COLUMN amount REAL;
ALTER TABLE mentions ADD COLUMN amount_low REAL;
ALTER TABLE mentions ADD COLUMN amount_high REAL;
ALTER TABLE mentions ADD COLUMN currency TEXT;
ALTER TABLE mentions ADD COLUMN amount_qualifier TEXT;
ALTER TABLE mentions ADD COLUMN amount_usd REAL;
ALTER TABLE mentions ADD COLUMN type TEXT;
ALTER TABLE mentions ADD COLUMN project TEXT;
ALTER TABLE mentions ADD COLUMN tenor_years REAL;
ALTER TABLE mentions ADD COLUMN pricing TEXT;
ALTER TABLE mentions ADD COLUMN status TEXT;
ALTER TABLE mentions ADD COLUMN confidence REAL;
CREATE INDEX mentions_borrower ON mentions(borrower_id);

CREATE TABLE mention_parties (
  mention_id INTEGER NOT NULL REFERENCES mentions ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities,
  name       TEXT NOT NULL,      -- as written in the article
  role       TEXT NOT NULL,
  rule_id    TEXT,
  PRIMARY KEY (mention_id, entity_id)
);
CREATE INDEX mention_parties_entity ON mention_parties(entity_id);

CREATE TABLE deal_value_history (
  deal_id    INTEGER NOT NULL REFERENCES deals ON DELETE CASCADE,
  field      TEXT NOT NULL,      -- amount, status, type, project, tenor_years, pricing
  value      TEXT NOT NULL,      -- amount as "TWD 14000000000"
  article_id INTEGER NOT NULL REFERENCES articles ON DELETE CASCADE,
  run_id     INTEGER REFERENCES runs,
  seen_at    TEXT NOT NULL,      -- the article's reported_on date
  current    INTEGER NOT NULL DEFAULT 1,  -- 0: the article no longer says it (it changed)
  PRIMARY KEY (deal_id, field, value, article_id)
);

CREATE TABLE fx_rates (
  currency     TEXT NOT NULL,
  date         TEXT NOT NULL,    -- YYYY-MM-DD the rate applies from
  usd_per_unit REAL NOT NULL,
  PRIMARY KEY (currency, date)
);

CREATE TABLE deal_reviews (
  review_id  INTEGER PRIMARY KEY,
  deal_id    INTEGER NOT NULL REFERENCES deals ON DELETE CASCADE,
  decision   TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit')),
  field      TEXT,               -- edit: the field set
  value      TEXT,               -- edit: its value, as text
  note       TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX deal_reviews_deal ON deal_reviews(deal_id);

-- Carry version 1 data over.
-- A mention was seen when its run started, kept within its deal's first_seen
-- and last_seen so that the deal derived from the mentions keeps both.
UPDATE mentions SET
  seen_at = (SELECT max(d.first_seen, min(d.last_seen, coalesce(r.started_at, d.first_seen)))
             FROM deals d LEFT JOIN runs r ON r.run_id = mentions.run_id WHERE d.deal_id = mentions.deal_id),
  reported_on = (SELECT CASE WHEN a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                             THEN substr(a.published, 1, 10) ELSE substr(a.fetched_at, 1, 10) END
                 FROM articles a WHERE a.article_id = mentions.article_id);
UPDATE mentions SET (borrower, borrower_id, amount, currency, amount_qualifier, type, project, tenor_years,
                     pricing, status, confidence) =
  (SELECT b.canonical, d.borrower_id, d.amount, d.currency, d.amount_qualifier, d.type, d.project, d.tenor_years,
          d.pricing, d.status, d.confidence
   FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id WHERE d.deal_id = mentions.deal_id);
INSERT INTO mention_parties(mention_id, entity_id, name, role)
  SELECT m.mention_id, p.entity_id, e.canonical, p.role
  FROM mentions m JOIN deal_parties p ON p.deal_id = m.deal_id JOIN entities e ON e.entity_id = p.entity_id;
UPDATE deals SET
  first_published = (SELECT min(m.reported_on) FROM mentions m WHERE m.deal_id = deals.deal_id),
  last_published = (SELECT max(m.reported_on) FROM mentions m WHERE m.deal_id = deals.deal_id);
UPDATE deals SET first_published = substr(first_seen, 1, 10) WHERE first_published IS NULL;
UPDATE deals SET last_published = substr(last_seen, 1, 10) WHERE last_published IS NULL;
INSERT OR IGNORE INTO deal_value_history(deal_id, field, value, article_id, run_id, seen_at)
  SELECT m.deal_id, f.field, f.value, m.article_id, m.run_id, m.reported_on
  FROM mentions m JOIN (
    SELECT mention_id, 'amount' AS field,
           coalesce(currency, '?') || ' ' || CASE WHEN amount = CAST(amount AS INTEGER)
             THEN CAST(CAST(amount AS INTEGER) AS TEXT) ELSE printf('%.2f', amount) END AS value
      FROM mentions WHERE amount IS NOT NULL
    UNION ALL SELECT mention_id, 'status', status FROM mentions WHERE status IS NOT NULL AND status <> 'unknown'
    UNION ALL SELECT mention_id, 'type', type FROM mentions WHERE type IS NOT NULL AND type <> 'loan'
    UNION ALL SELECT mention_id, 'project', project FROM mentions WHERE project IS NOT NULL AND project <> ''
    UNION ALL SELECT mention_id, 'tenor_years', printf('%g', tenor_years) FROM mentions WHERE tenor_years IS NOT NULL
    UNION ALL SELECT mention_id, 'pricing', pricing FROM mentions WHERE pricing IS NOT NULL AND pricing <> ''
  ) f ON f.mention_id = m.mention_id;
UPDATE entity_aliases SET origin = 'canonical'
  WHERE alias = (SELECT e.canonical FROM entities e WHERE e.entity_id = entity_aliases.entity_id);

-- Rejected deals leave the public views; the columns stay as they were.
DROP VIEW v_deals;
CREATE VIEW v_deals AS
SELECT d.deal_id,
       b.canonical AS borrower,
       d.amount, d.currency, d.type, d.project, d.tenor_years, d.status, d.confidence,
       d.first_seen, d.last_seen,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.deal_id = d.deal_id) AS source_count
FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id
WHERE d.review_status IS NOT 'rejected';

-- Fields whose current reports disagree. Amounts in another currency than the
-- deal's are conversions, not conflicts. `values` lists the values in the
-- order they were first reported, separated by " | ".
CREATE VIEW v_deal_conflicts AS
SELECT deal_id, field, count(*) AS value_count, group_concat(value, ' | ') AS "values"
FROM (SELECT h.deal_id, h.field, h.value, min(h.seen_at) AS first_at
      FROM deal_value_history h JOIN deals d ON d.deal_id = h.deal_id
      WHERE h.current = 1 AND d.review_status IS NOT 'rejected'
        AND (h.field <> 'amount' OR substr(h.value, 1, 4) = coalesce(d.currency, '?') || ' ')
      GROUP BY h.deal_id, h.field, h.value
      ORDER BY h.deal_id, h.field, first_at, h.value)
GROUP BY deal_id, field
HAVING count(*) > 1;

-- Lead arrangers by year and currency: each lead arranger of a deal is
-- credited the deal amount divided equally among the deal's lead arrangers.
CREATE VIEW v_league_table AS
WITH leads AS (
  SELECT DISTINCT p.deal_id, e.canonical AS lender
  FROM deal_parties p JOIN entities e ON e.entity_id = p.entity_id
  WHERE p.role = 'lead_arranger' AND e.kind = 'lender'),
credits AS (
  SELECT l.lender, d.deal_id, d.currency,
         substr(coalesce(d.first_published, d.first_seen), 1, 4) AS year,
         1.0 / (SELECT count(*) FROM leads l2 WHERE l2.deal_id = l.deal_id) AS share,
         d.amount, d.amount_usd
  FROM leads l JOIN deals d ON d.deal_id = l.deal_id
  WHERE d.review_status IS NOT 'rejected')
SELECT year, lender, currency, count(*) AS deal_count,
       sum(amount * share) AS amount, sum(amount_usd * share) AS amount_usd
FROM credits
GROUP BY year, lender, currency;
)sql";

}  // namespace dealwatch
