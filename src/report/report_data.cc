#include "report/report_data.h"

#include <nlohmann/json.hpp>

#include "report/report_sql.h"

namespace dealwatch {

namespace {

constexpr const char* kRunColumns =
    "SELECT run_id, started_at, coalesce(finished_at, ''), status, coalesce(config, ''), pages_fetched, "
    "articles_new, articles_changed, deals_new, deals_updated, errors, coalesce(stats, '') FROM runs ";

Status LoadRun(Database* db, int64_t run_id, ReportData* r) {
  bool found = false;
  std::string stats;
  DW_RETURN_IF_ERROR(ForEachRow(
      db, std::string(kRunColumns) + (run_id > 0 ? "WHERE run_id = ?" : "ORDER BY run_id DESC LIMIT 1"),
      [&](Statement& st) {
        if (run_id > 0) st.Bind(1, run_id);
      },
      [&](const Statement& st) {
        found = true;
        ReportRun& run = r->run;
        run.id = st.Int(0);
        run.started = st.Text(1);
        run.finished = st.Text(2);
        run.status = st.Text(3);
        run.config = st.Text(4);
        run.pages = static_cast<int>(st.Int(5));
        run.articles_new = static_cast<int>(st.Int(6));
        run.articles_changed = static_cast<int>(st.Int(7));
        run.deals_new = static_cast<int>(st.Int(8));
        run.deals_updated = static_cast<int>(st.Int(9));
        run.errors = static_cast<int>(st.Int(10));
        stats = st.Text(11);
      }));
  if (!found)
    return NotFound(run_id > 0 ? "no run " + std::to_string(run_id) + " in the database"
                               : "the database holds no run yet");
  nlohmann::json j = nlohmann::json::parse(stats, nullptr, false);
  if (j.is_object() && j.contains("stages") && j["stages"].is_object() && j["stages"].contains("store") &&
      j["stages"]["store"].is_object()) {
    const auto& n = j["stages"]["store"]["articles_unchanged"];
    if (n.is_number_integer()) r->run.articles_unchanged = n.get<int>();
  }
  // "Since the last run" means since the last run that finished: the
  // deals of an interrupted run and of the run that resumed it are shown
  // together.
  return ForEachRow(
      db, "SELECT coalesce(max(run_id), 0) FROM runs WHERE run_id < ? AND status = 'done'",
      [&](Statement& st) { st.Bind(1, r->run.id); }, [&](const Statement& st) { r->since_run = st.Int(0); });
}

Status LoadTotalsAndErrors(Database* db, ReportData* r) {
  DW_RETURN_IF_ERROR(ForEachRow(db, "SELECT (SELECT count(*) FROM deals), (SELECT count(*) FROM articles)", {},
                                [&](const Statement& st) {
                                  r->total_deals = static_cast<int>(st.Int(0));
                                  r->total_articles = static_cast<int>(st.Int(1));
                                }));
  return ForEachRow(
      db,
      "SELECT stage, coalesce(source, ''), coalesce(url, ''), message FROM run_errors WHERE run_id = ? "
      "ORDER BY rowid LIMIT 500",
      [&](Statement& st) { st.Bind(1, r->run.id); },
      [&](const Statement& st) { r->errors.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3)}); });
}

}  // namespace

std::string DealInWindowSql(const std::string& a) {
  return "((" + a + ".first_run > ?1 AND " + a + ".first_run <= ?2) OR (" + a + ".last_run > ?1 AND " + a +
         ".last_run <= ?2) OR EXISTS (SELECT 1 FROM mentions wm WHERE wm.deal_id = " + a +
         ".deal_id AND wm.run_id > ?1 AND wm.run_id <= ?2))";
}

std::string DealDateSql(Database* db, const std::string& alias) {
  std::string from_articles =
      "(SELECT min(substr(a.published, 1, 10)) FROM mentions m JOIN articles a ON a.article_id = m.article_id "
      "WHERE m.deal_id = " + alias + ".deal_id AND a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')";
  std::string seen = "substr(" + alias + ".first_seen, 1, 10)";
  if (HasColumn(db, "deals", "first_published"))
    return "coalesce(" + alias + ".first_published, " + from_articles + ", " + seen + ")";
  return "coalesce(" + from_articles + ", " + seen + ")";
}

Result<ReportData> LoadReportData(Database* db, const ReportOptions& options) {
  ReportData r;
  DW_RETURN_IF_ERROR(LoadRun(db, options.run_id, &r));
  r.has_usd = HasColumn(db, "deals", "amount_usd");
  r.low_confidence = options.low_confidence;
  DW_RETURN_IF_ERROR(LoadReportDeals(db, options, &r));
  DW_RETURN_IF_ERROR(LoadReviewQueue(db, options, &r));
  DW_RETURN_IF_ERROR(LoadSourceHealth(db, &r));
  DW_RETURN_IF_ERROR(LoadRuleCounts(db, options, &r));
  DW_RETURN_IF_ERROR(LoadLeagueTable(db, &r));
  DW_RETURN_IF_ERROR(LoadVolume(db, &r));
  DW_RETURN_IF_ERROR(LoadTotalsAndErrors(db, &r));
  return r;
}

}  // namespace dealwatch
