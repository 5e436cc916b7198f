// What a report shows, read from the deal database: one run, the deals new
// or changed since the last finished run (with lenders, values that changed
// and highlighted evidence), the review queue, per-source health, rule hit
// counts, the lead-arranger league table and deal volume by week. Plain
// data plus the query that fills it; html_report.h, markdown_report.h and
// json_report.h render it.
//
// The schema grows over versions (store/schema.cc): optional parts
// (deals.amount_usd, deal_value_history, v_deal_conflicts, v_league_table)
// are used when the database has them; otherwise the section says what it
// left out in its `*_note`. Reads only; not thread-safe (one Database).
#ifndef DEALWATCH_REPORT_REPORT_DATA_H_
#define DEALWATCH_REPORT_REPORT_DATA_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "report/evidence_marks.h"
#include "store/database.h"

namespace dealwatch {

struct ReportOptions {
  int64_t run_id = 0;                 // 0: the latest run
  // Ids of every rule under rules/ (for "never fired"); nullopt: the rules
  // could not be loaded and the section says so.
  std::optional<std::vector<std::string>> rule_ids;
  std::string rules_note;             // why rule_ids is missing
  double low_confidence = 0.6;        // below this a deal goes to the review queue
  int max_deals = 500;                // per list
  int max_evidence = 8;               // passages per deal
};

struct ReportRun {
  int64_t id = 0;
  std::string started, finished, status, config;
  int pages = 0, articles_new = 0, articles_changed = 0, articles_unchanged = 0;
  int deals_new = 0, deals_updated = 0, errors = 0;
};

struct ReportEvidence {
  std::string url, title, published, lang, source, text;
  std::vector<EvidenceMark> marks;  // into `text`
  bool in_window = false;           // stored by a run this report covers
};

struct ReportLender {
  std::string name, role;
};

// A value a run of this report added to a deal (deal_value_history).
struct ReportChange {
  std::string field;
  std::string before;  // the values known before, " | " separated; "" when none
  std::string after;   // the values added
};

struct ReportDeal {
  int64_t id = 0;
  std::string borrower, currency, type, project, pricing, status, review_status;
  std::string first_seen, last_seen, date;  // date: YYYY-MM-DD of the earliest report
  std::optional<double> amount, amount_usd, tenor_years;
  double confidence = 0;
  bool is_new = false;   // first seen by a run this report covers
  int new_reports = 0;   // mentions stored by the runs this report covers
  std::vector<ReportLender> lenders;
  std::vector<ReportChange> changes;
  std::vector<ReportEvidence> evidence;
};

struct ReviewItem {
  int64_t deal_id = 0;
  std::string borrower, currency;
  std::optional<double> amount;
  double confidence = 0;
  std::string reason;          // "low confidence" or "conflicting values"
  std::string field, values;   // conflicts: the field and its values, " | " separated
};

struct SourceHealth {
  std::string name;
  int discovered = 0, fetched = 0, handed_on = 0, not_modified = 0, unchanged = 0, duplicates = 0, failed = 0,
      skipped = 0;
  std::map<std::string, int> failures;  // reason -> count
  bool failed_completely = false;
  std::string error;
  int articles_new = 0, articles_changed = 0, deals_new = 0, deals_updated = 0, errors = 0;
  std::string warning;  // e.g. a source that usually yields articles yielded none
};

struct RuleCount {
  std::string id;
  int count = 0;
  bool in_rules = false;  // a rule of rules/ (else a lexicon table or a built-in step)
};

struct LeagueRow {
  std::string year, lender, currency;
  int deals = 0;
  std::optional<double> amount, amount_usd;
};

struct VolumePoint {
  std::string week;  // the Monday, YYYY-MM-DD
  std::string currency;
  int deals = 0;
  double amount = 0;
  std::optional<double> amount_usd;
};

struct ReportError {
  std::string stage, source, url, message;
};

struct ReportData {
  ReportRun run;
  int64_t since_run = 0;  // the last finished run before this one (0: none)
  bool has_usd = false;   // deals.amount_usd exists
  double low_confidence = 0.6;  // ReportOptions::low_confidence
  std::vector<ReportDeal> new_deals, changed_deals;
  std::string changes_note;
  std::vector<ReviewItem> review;
  std::string review_note;
  std::vector<SourceHealth> sources;
  std::string sources_note;
  std::vector<RuleCount> rules_fired;      // by the runs this report covers, most first
  std::vector<std::string> rules_never;    // rules of rules/ no stored deal has used
  std::string rules_note;
  std::vector<LeagueRow> league;           // latest years first, then rank
  std::string league_note;
  std::vector<VolumePoint> volume;         // by week, then currency
  bool volume_in_usd = false;              // chart USD amounts (else deal counts)
  std::string volume_note;
  std::vector<ReportError> errors;         // of this run
  int total_deals = 0, total_articles = 0;
};

// kNotFound when there is no such run (or no run at all).
Result<ReportData> LoadReportData(Database* db, const ReportOptions& options);

// Internal to the report stage: the sections, one loader each
// (report_deals.cc, report_sections.cc). REQUIRES: data->run is loaded.
Status LoadReportDeals(Database* db, const ReportOptions& options, ReportData* data);
Status LoadReviewQueue(Database* db, const ReportOptions& options, ReportData* data);
Status LoadSourceHealth(Database* db, ReportData* data);
Status LoadRuleCounts(Database* db, const ReportOptions& options, ReportData* data);
Status LoadLeagueTable(Database* db, ReportData* data);
Status LoadVolume(Database* db, ReportData* data);

// SQL true for a deal `alias` the runs (?1, ?2] touched: first or last
// stored by one of them, or given a report by one of them.
std::string DealInWindowSql(const std::string& alias);

// SQL for a deal's date (YYYY-MM-DD of its earliest report) on `alias`.deal_id
// with whatever columns this database has.
std::string DealDateSql(Database* db, const std::string& alias);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_REPORT_DATA_H_
