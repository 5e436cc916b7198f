// The report's tables beyond the deal lists: review queue, source health,
// rule hits, league table and weekly volume.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "common/strings.h"
#include "report/report_data.h"
#include "report/report_sql.h"

namespace dealwatch {

namespace {

constexpr int kHealthHistory = 5;  // previous finished runs a source is compared with
constexpr int kLeagueYears = 3;
constexpr int kLeagueRowsPerYear = 15;

// Deals the runs of this report touched, as SQL on `d` (binds ?1, ?2).
std::string InWindow(bool has_review) {
  return DealInWindowSql("d") + std::string(has_review ? " AND d.review_status IS NULL" : "");
}

// Fields of runs.stats, read leniently: a missing or mistyped field is the
// default (stats come from older or newer versions too).
int IntField(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : 0;
}

std::string TextField(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

SourceHealth HealthFromJson(const nlohmann::json& s) {
  SourceHealth h;
  h.name = TextField(s, "source");
  h.discovered = IntField(s, "discovered");
  h.fetched = IntField(s, "fetched");
  h.handed_on = IntField(s, "handed_on");
  h.not_modified = IntField(s, "not_modified");
  h.unchanged = IntField(s, "unchanged");
  h.duplicates = IntField(s, "duplicates");
  h.failed = IntField(s, "failed");
  h.skipped = IntField(s, "skipped");
  if (s.is_object() && s.contains("failures") && s["failures"].is_object())
    for (const auto& [reason, n] : s["failures"].items())
      if (n.is_number_integer()) h.failures[reason] = n.get<int>();
  h.failed_completely = s.is_object() && s.contains("failed_completely") && s["failed_completely"].is_boolean() &&
                        s["failed_completely"].get<bool>();
  h.error = TextField(s, "error");
  h.articles_new = IntField(s, "articles_new");
  h.articles_changed = IntField(s, "articles_changed");
  h.deals_new = IntField(s, "deals_new");
  h.deals_updated = IntField(s, "deals_updated");
  h.errors = IntField(s, "errors");
  return h;
}

// "usually yields articles": most of the previous finished runs (at least
// two) handed some of its pages on.
std::string SilenceWarning(const SourceHealth& h, const std::vector<int>& previous) {
  if (h.handed_on > 0 || h.failed_completely || previous.size() < 2) return "";
  int yielding = static_cast<int>(std::count_if(previous.begin(), previous.end(), [](int n) { return n > 0; }));
  if (yielding * 2 <= static_cast<int>(previous.size())) return "";
  std::vector<int> sorted = previous;
  std::sort(sorted.begin(), sorted.end());
  std::string what = h.discovered == 0 ? "listed no pages" : "yielded no new or changed articles";
  return "this source usually yields articles (" + std::to_string(yielding) + " of the last " +
         std::to_string(previous.size()) + " runs, typically " + std::to_string(sorted[sorted.size() / 2]) +
         ") but " + what + " this run";
}

void CountRules(const std::string& rule_ids, const std::string& extracted, std::map<std::string, int>* counts) {
  auto add = [&](const std::string& value) {
    for (std::string_view part : Split(value, '+'))
      if (!Trim(part).empty()) ++(*counts)[std::string(Trim(part))];
  };
  nlohmann::json ids = nlohmann::json::parse(rule_ids, nullptr, false);
  if (ids.is_object())
    for (const auto& [field, id] : ids.items())
      if (id.is_string()) add(id.get<std::string>());
  nlohmann::json ex = nlohmann::json::parse(extracted, nullptr, false);
  if (ex.is_object() && ex.contains("lenders") && ex["lenders"].is_array())
    for (const auto& l : ex["lenders"])
      if (l.contains("rule") && l["rule"].is_string()) add(l["rule"].get<std::string>());
}

}  // namespace

Status LoadReviewQueue(Database* db, const ReportOptions& options, ReportData* r) {
  bool has_review = HasColumn(db, "deals", "review_status");
  auto bind = [&](Statement& st) { st.Bind(1, r->since_run).Bind(2, r->run.id).Bind(3, options.low_confidence); };
  auto base = [](const Statement& st, ReviewItem* item) {
    item->deal_id = st.Int(0);
    item->borrower = st.Text(1);
    if (!st.IsNull(2)) item->amount = st.Double(2);
    item->currency = st.Text(3);
    item->confidence = st.Double(4);
  };
  const std::string deal_cols =
      "d.deal_id, coalesce(b.canonical, ''), d.amount, coalesce(d.currency, ''), d.confidence";
  const std::string from = " FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id ";
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT " + deal_cols + from + "WHERE " + InWindow(has_review) + " AND d.confidence < ?3 ORDER BY "
          "d.confidence, d.deal_id LIMIT 500", bind,
      [&](const Statement& st) {
        ReviewItem item;
        base(st, &item);
        item.reason = "low confidence";
        r->review.push_back(std::move(item));
      }));
  if (!HasTable(db, "v_deal_conflicts")) {
    r->review_note = "This database has no v_deal_conflicts view: conflicting values are not listed.";
    return Status::Ok();
  }
  return ForEachRow(
      db, "SELECT " + deal_cols + ", c.field, c.\"values\" FROM v_deal_conflicts c JOIN deals d ON d.deal_id = "
          "c.deal_id LEFT JOIN entities b ON b.entity_id = d.borrower_id WHERE " + InWindow(has_review) +
          " ORDER BY d.deal_id, c.field LIMIT 500", bind,
      [&](const Statement& st) {
        ReviewItem item;
        base(st, &item);
        item.reason = "conflicting values";
        item.field = st.Text(5);
        item.values = st.Text(6);
        r->review.push_back(std::move(item));
      });
}

Status LoadSourceHealth(Database* db, ReportData* r) {
  std::string stats;
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT coalesce(stats, '') FROM runs WHERE run_id = ?", [&](Statement& st) { st.Bind(1, r->run.id); },
      [&](const Statement& st) { stats = st.Text(0); }));
  nlohmann::json j = nlohmann::json::parse(stats, nullptr, false);
  if (!j.is_object() || !j.contains("sources") || !j["sources"].is_array()) {
    r->sources_note = r->run.status == "running" || r->run.status == "interrupted"
                          ? "This run did not finish, so it recorded no per-source counts."
                          : "This run recorded no per-source counts.";
    return Status::Ok();
  }
  std::map<std::string, std::vector<int>> previous;  // source -> handed_on, latest first
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT stats FROM runs WHERE run_id < ? AND status = 'done' AND stats IS NOT NULL ORDER BY run_id DESC "
          "LIMIT ?",
      [&](Statement& st) { st.Bind(1, r->run.id).Bind(2, int64_t{kHealthHistory}); },
      [&](const Statement& st) {
        nlohmann::json p = nlohmann::json::parse(st.Text(0), nullptr, false);
        if (!p.is_object() || !p.contains("sources") || !p["sources"].is_array()) return;
        for (const auto& s : p["sources"]) previous[TextField(s, "source")].push_back(IntField(s, "handed_on"));
      }));
  bool stopped = j.contains("stopped") && j["stopped"].is_boolean() && j["stopped"].get<bool>();
  for (const auto& s : j["sources"]) {
    SourceHealth h = HealthFromJson(s);
    if (!stopped) h.warning = SilenceWarning(h, previous[h.name]);
    r->sources.push_back(std::move(h));
  }
  if (stopped) r->sources_note = "The run was interrupted: counts are partial.";
  return Status::Ok();
}

Status LoadRuleCounts(Database* db, const ReportOptions& options, ReportData* r) {
  std::map<std::string, int> counts;
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT coalesce(rule_ids, ''), coalesce(extracted, '') FROM mentions WHERE run_id > ? AND run_id <= ?",
      [&](Statement& st) { st.Bind(1, r->since_run).Bind(2, r->run.id); },
      [&](const Statement& st) { CountRules(st.Text(0), st.Text(1), &counts); }));
  std::set<std::string> known;
  if (options.rule_ids) known.insert(options.rule_ids->begin(), options.rule_ids->end());
  for (const auto& [id, n] : counts) r->rules_fired.push_back({id, n, known.count(id) > 0});
  std::stable_sort(r->rules_fired.begin(), r->rules_fired.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  if (!options.rule_ids) {
    r->rules_note = "The rules could not be loaded" +
                    (options.rules_note.empty() ? std::string() : " (" + options.rules_note + ")") +
                    ", so rules that never fire are not listed.";
    return Status::Ok();
  }
  std::map<std::string, int> ever;
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT coalesce(rule_ids, ''), coalesce(extracted, '') FROM mentions", {},
      [&](const Statement& st) { CountRules(st.Text(0), st.Text(1), &ever); }));
  for (const std::string& id : *options.rule_ids)
    if (!ever.count(id)) r->rules_never.push_back(id);
  r->rules_note = "Counted from the rule that set each stored deal field and lender role. Rules that only find "
                  "names or amounts for other rules are not recorded there, so they may be listed as never firing.";
  return Status::Ok();
}

Status LoadLeagueTable(Database* db, ReportData* r) {
  std::string source;
  if (HasTable(db, "v_league_table")) {
    source = "SELECT year, lender, currency, deal_count, amount, amount_usd FROM v_league_table";
  } else {
    r->league_note = "Computed by the report (this database has no v_league_table view): each lead arranger of a "
                     "deal is credited the deal amount divided equally among the deal's lead arrangers.";
    source =
        "WITH leads AS (SELECT DISTINCT p.deal_id, e.canonical AS lender FROM deal_parties p JOIN entities e ON "
        "e.entity_id = p.entity_id WHERE p.role = 'lead_arranger' AND e.kind = 'lender') "
        "SELECT substr(" + DealDateSql(db, "d") + ", 1, 4) AS year, l.lender, d.currency, count(*) AS deal_count, "
        "sum(d.amount / (SELECT count(*) FROM leads l2 WHERE l2.deal_id = l.deal_id)) AS amount, " +
        (r->has_usd ? "sum(d.amount_usd / (SELECT count(*) FROM leads l2 WHERE l2.deal_id = l.deal_id))"
                    : std::string("NULL")) +
        " AS amount_usd FROM leads l JOIN deals d ON d.deal_id = l.deal_id GROUP BY 1, 2, 3";
  }
  std::string sql =
      "WITH t AS (" + source + "), ranked AS (SELECT *, row_number() OVER (PARTITION BY year ORDER BY deal_count "
      "DESC, coalesce(amount_usd, 0) DESC, amount DESC, lender) AS rank FROM t WHERE year IN (SELECT DISTINCT year "
      "FROM t ORDER BY year DESC LIMIT ?1)) SELECT coalesce(year, ''), lender, coalesce(currency, ''), deal_count, "
      "amount, amount_usd FROM ranked WHERE rank <= ?2 ORDER BY year DESC, rank";
  return ForEachRow(
      db, sql, [&](Statement& st) { st.Bind(1, int64_t{kLeagueYears}).Bind(2, int64_t{kLeagueRowsPerYear}); },
      [&](const Statement& st) {
        LeagueRow row{st.Text(0), st.Text(1), st.Text(2), static_cast<int>(st.Int(3)), {}, {}};
        if (!st.IsNull(4)) row.amount = st.Double(4);
        if (!st.IsNull(5)) row.amount_usd = st.Double(5);
        r->league.push_back(std::move(row));
      });
}

Status LoadVolume(Database* db, ReportData* r) {
  bool has_review = HasColumn(db, "deals", "review_status");
  std::string sql =
      "WITH w AS (SELECT date(day, '-6 days', 'weekday 1') AS week, currency, count(*) AS deals, "
      "sum(coalesce(amount, 0)) AS amount, sum(amount_usd) AS amount_usd FROM (SELECT " + DealDateSql(db, "d") +
      " AS day, coalesce(d.currency, '') AS currency, d.amount, " + (r->has_usd ? "d.amount_usd" : "NULL") +
      " AS amount_usd FROM deals d" + (has_review ? " WHERE d.review_status IS NOT 'rejected'" : "") +
      ") WHERE date(day) IS NOT NULL GROUP BY 1, 2) "
      "SELECT week, currency, deals, amount, amount_usd FROM w "
      "WHERE week >= date((SELECT max(week) FROM w), '-357 days') ORDER BY week, currency";
  DW_RETURN_IF_ERROR(ForEachRow(db, sql, {}, [&](const Statement& st) {
    VolumePoint p{st.Text(0), st.Text(1), static_cast<int>(st.Int(2)), st.Double(3), {}};
    if (!st.IsNull(4)) p.amount_usd = st.Double(4);
    r->volume.push_back(std::move(p));
  }));
  r->volume_in_usd = std::any_of(r->volume.begin(), r->volume.end(),
                                 [](const VolumePoint& p) { return p.amount_usd.has_value(); });
  r->volume_note = std::string(r->volume_in_usd ? "Bar heights: amount in USD (deals without a USD amount count as 0)"
                                                : "Bar heights: number of deals (no USD amounts in this database)") +
                   "; colours: the deal currency. The 52 weeks up to the latest deal, by the date of its earliest "
                   "report.";
  return Status::Ok();
}

}  // namespace dealwatch
