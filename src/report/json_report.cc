#include "report/json_report.h"

#include <nlohmann/json.hpp>

namespace dealwatch {

namespace {

using nlohmann::json;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json DealJson(const ReportDeal& d) {
  json lenders = json::array(), changes = json::array(), evidence = json::array();
  for (const ReportLender& l : d.lenders) lenders.push_back({{"name", l.name}, {"role", l.role}});
  for (const ReportChange& c : d.changes)
    changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
  for (const ReportEvidence& e : d.evidence) {
    json marks = json::array();
    for (const EvidenceMark& m : e.marks)
      marks.push_back({{"start", m.begin}, {"end", m.end}, {"kind", m.kind},
                       {"text", e.text.substr(m.begin, m.end - m.begin)}});
    evidence.push_back({{"url", e.url}, {"title", e.title}, {"published", e.published}, {"lang", e.lang},
                        {"source", e.source}, {"text", e.text}, {"marks", marks}, {"this_report", e.in_window}});
  }
  return {{"deal_id", d.id}, {"new", d.is_new}, {"borrower", d.borrower}, {"amount", Opt(d.amount)},
          {"currency", d.currency}, {"amount_usd", Opt(d.amount_usd)}, {"type", d.type}, {"project", d.project},
          {"tenor_years", Opt(d.tenor_years)}, {"pricing", d.pricing}, {"status", d.status},
          {"confidence", d.confidence}, {"review_status", d.review_status}, {"date", d.date},
          {"first_seen", d.first_seen}, {"last_seen", d.last_seen}, {"new_reports", d.new_reports},
          {"lenders", lenders}, {"changes", changes}, {"evidence", evidence}};
}

json SourcesJson(const ReportData& r) {
  json out = json::array();
  for (const SourceHealth& s : r.sources)
    out.push_back({{"source", s.name}, {"discovered", s.discovered}, {"fetched", s.fetched},
                   {"handed_on", s.handed_on}, {"not_modified", s.not_modified}, {"unchanged", s.unchanged},
                   {"duplicates", s.duplicates}, {"failed", s.failed}, {"skipped", s.skipped},
                   {"failures", s.failures}, {"failed_completely", s.failed_completely}, {"error", s.error},
                   {"articles_new", s.articles_new}, {"articles_changed", s.articles_changed},
                   {"deals_new", s.deals_new}, {"deals_updated", s.deals_updated}, {"errors", s.errors},
                   {"warning", s.warning}});
  return out;
}

void TablesJson(const ReportData& r, json* out) {
  json review = json::array(), fired = json::array(), league = json::array(), volume = json::array(),
       errors = json::array();
  for (const ReviewItem& i : r.review)
    review.push_back({{"deal_id", i.deal_id}, {"borrower", i.borrower}, {"amount", Opt(i.amount)},
                      {"currency", i.currency}, {"confidence", i.confidence}, {"reason", i.reason},
                      {"field", i.field}, {"values", i.values}});
  for (const RuleCount& c : r.rules_fired)
    fired.push_back({{"rule", c.id}, {"count", c.count}, {"in_rules", c.in_rules}});
  for (const LeagueRow& l : r.league)
    league.push_back({{"year", l.year}, {"lender", l.lender}, {"currency", l.currency}, {"deal_count", l.deals},
                      {"amount", Opt(l.amount)}, {"amount_usd", Opt(l.amount_usd)}});
  for (const VolumePoint& p : r.volume)
    volume.push_back({{"week", p.week}, {"currency", p.currency}, {"deals", p.deals}, {"amount", p.amount},
                      {"amount_usd", Opt(p.amount_usd)}});
  for (const ReportError& e : r.errors)
    errors.push_back({{"stage", e.stage}, {"source", e.source}, {"url", e.url}, {"message", e.message}});
  (*out)["review_queue"] = {{"items", review}, {"note", r.review_note}};
  (*out)["rules"] = {{"fired", fired}, {"never_fired", r.rules_never}, {"note", r.rules_note}};
  (*out)["league_table"] = {{"rows", league}, {"note", r.league_note}};
  (*out)["volume_by_week"] = {{"points", volume}, {"in_usd", r.volume_in_usd}, {"note", r.volume_note}};
  (*out)["errors"] = errors;
}

}  // namespace

std::string RenderJsonReport(const ReportData& r) {
  json run = {{"run_id", r.run.id}, {"started", r.run.started}, {"finished", r.run.finished},
              {"status", r.run.status}, {"pages", r.run.pages}, {"articles_new", r.run.articles_new},
              {"articles_changed", r.run.articles_changed}, {"articles_unchanged", r.run.articles_unchanged},
              {"deals_new", r.run.deals_new}, {"deals_updated", r.run.deals_updated}, {"errors", r.run.errors},
              {"config", r.run.config}};
  json out = {{"run", run}, {"since_run", r.since_run}, {"total_deals", r.total_deals},
              {"total_articles", r.total_articles}};
  json fresh = json::array(), changed = json::array();
  for (const ReportDeal& d : r.new_deals) fresh.push_back(DealJson(d));
  for (const ReportDeal& d : r.changed_deals) changed.push_back(DealJson(d));
  out["new_deals"] = fresh;
  out["changed_deals"] = changed;
  out["changes_note"] = r.changes_note;
  out["sources"] = {{"items", SourcesJson(r)}, {"note", r.sources_note}};
  TablesJson(r, &out);
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace dealwatch
