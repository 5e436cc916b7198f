#include "report/report_data.h"

namespace dealwatch {

namespace {

Status LoadRun(Database* db, int64_t run_id, ReportData* r) {
  Result<Statement> st = db->Prepare(
      run_id > 0 ? "SELECT run_id, started_at, finished_at, status, stats, pages_fetched, articles_new, "
                   "articles_changed, deals_new, deals_updated, errors FROM runs WHERE run_id = ?"
                 : "SELECT run_id, started_at, finished_at, status, stats, pages_fetched, articles_new, "
                   "articles_changed, deals_new, deals_updated, errors FROM runs ORDER BY run_id DESC LIMIT 1");
  if (!st.ok()) return st.status();
  if (run_id > 0) st->Bind(1, run_id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound(run_id > 0 ? "no run " + std::to_string(run_id) + " in the database" : "the database holds no run yet");
  r->run_id = st->Int(0);
  r->started = st->Text(1);
  r->finished = st->Text(2);
  r->status = st->Text(3);
  r->stats_json = st->Text(4);
  r->pages = static_cast<int>(st->Int(5));
  r->articles_new = static_cast<int>(st->Int(6));
  r->articles_changed = static_cast<int>(st->Int(7));
  r->deals_new = static_cast<int>(st->Int(8));
  r->deals_updated = static_cast<int>(st->Int(9));
  r->errors = static_cast<int>(st->Int(10));
  return Status::Ok();
}

Status LoadDealDetails(Database* db, ReportDeal* d) {
  Result<Statement> l = db->Prepare("SELECT lender, role FROM v_deal_lenders WHERE deal_id = ? ORDER BY "
                                    "CASE role WHEN 'lead_arranger' THEN 0 WHEN 'agent' THEN 1 WHEN 'participant' "
                                    "THEN 2 ELSE 3 END, lender");
  if (!l.ok()) return l.status();
  l->Bind(1, d->id);
  while (true) {
    Result<bool> row = l->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    d->lenders.push_back({l->Text(0), l->Text(1)});
  }
  Result<Statement> s = db->Prepare("SELECT url, title, published, lang, evidence FROM v_deal_sources WHERE deal_id = ?");
  if (!s.ok()) return s.status();
  s->Bind(1, d->id);
  while (true) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    d->sources.push_back({s->Text(0), s->Text(1), s->Text(2), s->Text(3), s->Text(4)});
  }
  return Status::Ok();
}

Status LoadDeals(Database* db, ReportData* r) {
  Result<Statement> st = db->Prepare(
      "SELECT v.deal_id, v.borrower, v.amount, v.currency, v.type, v.project, d.pricing, v.status, v.first_seen, "
      "v.last_seen, v.tenor_years, v.confidence, d.first_run = ? FROM v_deals v JOIN deals d USING (deal_id) "
      "WHERE d.last_run = ? ORDER BY (d.first_run = ?) DESC, v.confidence DESC, v.deal_id");
  if (!st.ok()) return st.status();
  st->Bind(1, r->run_id).Bind(2, r->run_id).Bind(3, r->run_id);
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ReportDeal d;
    d.id = st->Int(0);
    d.borrower = st->Text(1);
    if (!st->IsNull(2)) d.amount = st->Double(2);
    d.currency = st->Text(3);
    d.type = st->Text(4);
    d.project = st->Text(5);
    d.pricing = st->Text(6);
    d.status = st->Text(7);
    d.first_seen = st->Text(8);
    d.last_seen = st->Text(9);
    if (!st->IsNull(10)) d.tenor_years = st->Double(10);
    d.confidence = st->Double(11);
    d.is_new = st->Int(12) != 0;
    r->run_deals.push_back(std::move(d));
  }
  for (ReportDeal& d : r->run_deals) DW_RETURN_IF_ERROR(LoadDealDetails(db, &d));
  return Status::Ok();
}

Status LoadTotalsAndErrors(Database* db, ReportData* r) {
  Result<Statement> t = db->Prepare("SELECT (SELECT count(*) FROM deals), (SELECT count(*) FROM articles)");
  if (!t.ok()) return t.status();
  Result<bool> row = t->Step();
  if (!row.ok()) return row.status();
  r->total_deals = static_cast<int>(t->Int(0));
  r->total_articles = static_cast<int>(t->Int(1));
  Result<Statement> e = db->Prepare("SELECT stage, source, url, message FROM run_errors WHERE run_id = ? LIMIT 500");
  if (!e.ok()) return e.status();
  e->Bind(1, r->run_id);
  while (true) {
    Result<bool> more = e->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
    r->error_list.push_back({e->Text(0), e->Text(1), e->Text(2), e->Text(3)});
  }
  return Status::Ok();
}

}  // namespace

Result<ReportData> LoadReportData(Database* db, int64_t run_id) {
  ReportData r;
  DW_RETURN_IF_ERROR(LoadRun(db, run_id, &r));
  DW_RETURN_IF_ERROR(LoadDeals(db, &r));
  DW_RETURN_IF_ERROR(LoadTotalsAndErrors(db, &r));
  return r;
}

}  // namespace dealwatch
