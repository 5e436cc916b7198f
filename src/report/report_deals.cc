// The deals a report lists: new and changed since the last finished run,
// each with its lenders, the values the runs added (deal_value_history when
// the database has it) and its evidence with the matched values marked.
#include <nlohmann/json.hpp>

#include <map>

#include "common/strings.h"
#include "report/report_data.h"
#include "report/report_sql.h"

namespace dealwatch {

namespace {

Status LoadLenders(Database* db, ReportDeal* d) {
  return ForEachRow(
      db,
      "SELECT lender, role FROM v_deal_lenders WHERE deal_id = ? ORDER BY CASE role WHEN 'lead_arranger' THEN 0 "
      "WHEN 'agent' THEN 1 WHEN 'participant' THEN 2 ELSE 3 END, lender",
      [&](Statement& st) { st.Bind(1, d->id); },
      [&](const Statement& st) { d->lenders.push_back({st.Text(0), st.Text(1)}); });
}

// Every name the deal's borrower and lenders are known by.
Status LoadNames(Database* db, const ReportDeal& d, int64_t borrower_id, MarkRequest* base) {
  base->borrower_names.push_back(d.borrower);
  DW_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT alias FROM entity_aliases WHERE entity_id = ?", [&](Statement& st) { st.Bind(1, borrower_id); },
      [&](const Statement& st) { base->borrower_names.push_back(st.Text(0)); }));
  for (const ReportLender& l : d.lenders) base->lender_names.push_back(l.name);
  return ForEachRow(
      db,
      "SELECT a.alias FROM deal_parties p JOIN entity_aliases a ON a.entity_id = p.entity_id "
      "JOIN entities e ON e.entity_id = p.entity_id WHERE p.deal_id = ? AND e.kind = 'lender'",
      [&](Statement& st) { st.Bind(1, d.id); },
      [&](const Statement& st) { base->lender_names.push_back(st.Text(0)); });
}

// The request for one passage: the deal's names plus the names and amount
// as that article wrote them (mentions.extracted).
MarkRequest RequestFor(const MarkRequest& base, const ReportDeal& d, const std::string& extracted) {
  MarkRequest req = base;
  req.amount = d.amount;
  req.currency = d.currency;
  nlohmann::json j = nlohmann::json::parse(extracted, nullptr, false);
  if (!j.is_object()) return req;
  if (j.contains("borrower") && j["borrower"].is_string()) req.borrower_names.push_back(j["borrower"]);
  if (j.contains("lenders") && j["lenders"].is_array()) {
    for (const auto& l : j["lenders"]) {
      if (l.contains("name") && l["name"].is_string()) req.lender_names.push_back(l["name"]);
      if (l.contains("canonical") && l["canonical"].is_string()) req.lender_names.push_back(l["canonical"]);
    }
  }
  if (j.contains("amount") && j["amount"].is_object() && j["amount"].contains("value") &&
      j["amount"]["value"].is_number()) {
    req.amount = j["amount"]["value"].get<double>();
    const auto& currency = j["amount"]["currency"];
    req.currency = currency.is_string() ? currency.get<std::string>() : d.currency;
  }
  return req;
}

Status LoadEvidence(Database* db, const ReportOptions& options, const ReportData& r, int64_t borrower_id,
                    ReportDeal* d) {
  MarkRequest base;
  DW_RETURN_IF_ERROR(LoadNames(db, *d, borrower_id, &base));
  return ForEachRow(
      db,
      "SELECT a.url, coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.lang, ''), "
      "coalesce(a.market, ''), coalesce(a.source, ''), m.evidence, coalesce(m.extracted, ''), "
      "coalesce(m.run_id, 0) FROM mentions m JOIN articles a ON a.article_id = m.article_id WHERE m.deal_id = ? "
      "ORDER BY (coalesce(m.run_id, 0) > ?) DESC, a.published DESC, m.mention_id LIMIT ?",
      [&](Statement& st) { st.Bind(1, d->id).Bind(2, r.since_run).Bind(3, int64_t{options.max_evidence}); },
      [&](const Statement& st) {
        ReportEvidence e;
        e.url = st.Text(0);
        e.title = st.Text(1);
        e.published = st.Text(2);
        e.lang = st.Text(3);
        e.source = st.Text(5);
        e.text = st.Text(6);
        e.in_window = st.Int(8) > r.since_run && st.Int(8) <= r.run.id;
        MarkRequest req = RequestFor(base, *d, st.Text(7));
        req.market = st.Text(4);
        req.lang = e.lang;
        e.marks = FindEvidenceMarks(e.text, req);
        d->evidence.push_back(std::move(e));
      });
}

// The values the covered runs added, against those known before.
Status LoadChanges(Database* db, const ReportData& r, ReportDeal* d) {
  std::map<std::string, std::vector<std::string>> before, after;
  DW_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT field, value, min(coalesce(run_id, 0)) AS first_run FROM deal_value_history WHERE deal_id = ? " +
          std::string(HasColumn(db, "deal_value_history", "current") ? "AND current = 1 " : "") +
          "GROUP BY field, value ORDER BY field, min(seen_at), first_run, value",
      [&](Statement& st) { st.Bind(1, d->id); },
      [&](const Statement& st) {
        int64_t first = st.Int(2);
        if (first > r.run.id) return;
        (first > r.since_run ? after : before)[st.Text(0)].push_back(st.Text(1));
      }));
  for (const auto& [field, values] : after)
    d->changes.push_back({field, Join(before[field], " | "), Join(values, " | ")});
  return Status::Ok();
}

std::string DealsSql(Database* db, bool has_usd) {
  bool has_review = HasColumn(db, "deals", "review_status");
  return "SELECT d.deal_id, coalesce(b.canonical, ''), d.amount, coalesce(d.currency, ''), d.type, "
         "coalesce(d.project, ''), coalesce(d.pricing, ''), d.status, d.tenor_years, d.confidence, d.first_seen, "
         "d.last_seen, coalesce(d.first_run, 0), " +
         std::string(has_usd ? "d.amount_usd" : "NULL") + ", " +
         (has_review ? "coalesce(d.review_status, '')" : "''") + ", " + DealDateSql(db, "d") +
         ", coalesce(d.borrower_id, 0), (SELECT count(*) FROM mentions m WHERE m.deal_id = d.deal_id AND "
         "m.run_id > ?1 AND m.run_id <= ?2) FROM deals d LEFT JOIN entities b ON b.entity_id = d.borrower_id "
         "WHERE " + DealInWindowSql("d") +
         (has_review ? " AND d.review_status IS NOT 'rejected'" : "") +
         " ORDER BY d.confidence DESC, d.deal_id LIMIT ?3";
}

}  // namespace

Status LoadReportDeals(Database* db, const ReportOptions& options, ReportData* r) {
  std::vector<std::pair<ReportDeal, int64_t>> deals;  // with the borrower id
  DW_RETURN_IF_ERROR(ForEachRow(
      db, DealsSql(db, r->has_usd),
      [&](Statement& st) { st.Bind(1, r->since_run).Bind(2, r->run.id).Bind(3, int64_t{2 * options.max_deals}); },
      [&](const Statement& st) {
        ReportDeal d;
        d.id = st.Int(0);
        d.borrower = st.Text(1);
        if (!st.IsNull(2)) d.amount = st.Double(2);
        d.currency = st.Text(3);
        d.type = st.Text(4);
        d.project = st.Text(5);
        d.pricing = st.Text(6);
        d.status = st.Text(7);
        if (!st.IsNull(8)) d.tenor_years = st.Double(8);
        d.confidence = st.Double(9);
        d.first_seen = st.Text(10);
        d.last_seen = st.Text(11);
        d.is_new = st.Int(12) > r->since_run || st.Int(12) == 0;
        if (!st.IsNull(13)) d.amount_usd = st.Double(13);
        d.review_status = st.Text(14);
        d.date = st.Text(15);
        d.new_reports = static_cast<int>(st.Int(17));
        deals.push_back({std::move(d), st.Int(16)});
      }));
  bool history = HasTable(db, "deal_value_history");
  if (!history)
    r->changes_note = "This database has no value history (deal_value_history): changed deals list the new "
                      "reports, not which values changed.";
  for (auto& [d, borrower_id] : deals) {
    std::vector<ReportDeal>& list = d.is_new ? r->new_deals : r->changed_deals;
    if (static_cast<int>(list.size()) >= options.max_deals) continue;
    DW_RETURN_IF_ERROR(LoadLenders(db, &d));
    if (history && !d.is_new) DW_RETURN_IF_ERROR(LoadChanges(db, *r, &d));
    DW_RETURN_IF_ERROR(LoadEvidence(db, options, *r, borrower_id, &d));
    list.push_back(std::move(d));
  }
  return Status::Ok();
}

}  // namespace dealwatch
