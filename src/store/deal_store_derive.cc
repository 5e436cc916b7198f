// DealStore: re-deriving a deal from its mentions, and analysts' reviews.
#include <cstdlib>

#include "common/log.h"
#include "store/deal_store.h"

namespace dealwatch {

namespace {

constexpr const char* kEditableFields[] = {"borrower", "amount",      "currency", "type",
                                           "project",  "tenor_years", "pricing",  "status"};

bool IsEditable(const std::string& field) {
  for (const char* f : kEditableFields)
    if (field == f) return true;
  return false;
}

std::optional<double> ParseNumber(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') return std::nullopt;
  return v;
}

// Why `value` cannot be given to `field`, or "" when it can.
std::string EditProblem(const std::string& field, const std::string& value) {
  if (!IsEditable(field)) return "unknown field " + field;
  if ((field == "amount" || field == "tenor_years") && !ParseNumber(value)) return field + " is not a number: " + value;
  if (field == "status" && !IsKnownStatus(value)) return "unknown status " + value;
  if (field == "type" && !IsKnownDealType(value)) return "unknown type " + value;
  if (field == "borrower" && FoldEntityName(value).empty()) return "empty borrower name";
  return "";
}

}  // namespace

Result<std::vector<MentionValues>> DealStore::LoadMentions(int64_t deal_id) {
  Result<Statement> st = db_.Prepare(
      "SELECT mention_id, article_id, coalesce(run_id, 0), reported_on, seen_at, coalesce(borrower_id, 0), amount, "
      "amount_usd, currency, amount_qualifier, type, project, pricing, status, tenor_years, confidence "
      "FROM mentions WHERE deal_id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, deal_id);
  std::vector<MentionValues> mentions;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    MentionValues m;
    m.mention_id = st->Int(0);
    m.article_id = st->Int(1);
    m.run_id = st->Int(2);
    m.reported_on = st->Text(3);
    m.seen_at = st->Text(4);
    m.borrower_id = st->Int(5);
    if (!st->IsNull(6)) m.amount = st->Double(6);
    if (!st->IsNull(7)) m.amount_usd = st->Double(7);
    m.currency = st->Text(8);
    m.qualifier = st->Text(9);
    m.type = st->Text(10);
    m.project = st->Text(11);
    m.pricing = st->Text(12);
    m.status = st->Text(13);
    if (!st->IsNull(14)) m.tenor_years = st->Double(14);
    m.confidence = st->Double(15);
    mentions.push_back(std::move(m));
  }
  return mentions;
}

Status DealStore::RederiveDeal(int64_t deal_id, std::optional<int64_t> run_id, bool* removed) {
  Result<std::vector<MentionValues>> mentions = LoadMentions(deal_id);
  if (!mentions.ok()) return mentions.status();
  if (removed) *removed = mentions->empty();
  if (mentions->empty()) {
    // No report supports it any more (its article changed).
    Result<Statement> del = db_.Prepare("DELETE FROM deals WHERE deal_id = ?");
    if (!del.ok()) return del.status();
    del->Bind(1, deal_id);
    return del->Run();
  }
  DealValues v = DeriveDealValues(*mentions);
  std::string review_status;
  DW_RETURN_IF_ERROR(ApplyReviews(deal_id, &v, &review_status));
  DW_RETURN_IF_ERROR(WriteDeal(deal_id, v, review_status, run_id));
  DW_RETURN_IF_ERROR(RederiveParties(deal_id));
  return RederiveHistory(deal_id, *mentions);
}

// first_seen and last_seen never move back: a report stored again later
// does not make the deal younger. last_run is the run that changed it.
Status DealStore::WriteDeal(int64_t deal_id, const DealValues& v, const std::string& review_status,
                            std::optional<int64_t> run_id) {
  Result<Statement> up = db_.Prepare(
      "UPDATE deals SET borrower_id = ?, amount = ?, currency = ?, amount_qualifier = ?, amount_usd = ?, type = ?, "
      "project = ?, tenor_years = ?, pricing = ?, status = ?, confidence = ?, first_published = ?, "
      "last_published = ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?), review_status = ?, "
      "first_run = coalesce(first_run, ?), last_run = coalesce(?, last_run) WHERE deal_id = ?");
  if (!up.ok()) return up.status();
  if (v.borrower_id != 0) up->Bind(1, v.borrower_id); else up->BindNull(1);
  up->Bind(2, v.amount).BindText(3, v.currency).BindText(4, v.qualifier).Bind(5, v.amount_usd).Bind(6, v.type);
  up->BindText(7, v.project).Bind(8, v.tenor_years).BindText(9, v.pricing).Bind(10, v.status);
  up->Bind(11, v.confidence).Bind(12, v.first_published).Bind(13, v.last_published).Bind(14, v.first_seen);
  up->Bind(15, v.last_seen).BindText(16, review_status);
  if (run_id) up->Bind(17, *run_id).Bind(18, *run_id); else up->BindNull(17).BindNull(18);
  up->Bind(19, deal_id);
  return up->Run();
}

// Lenders are the union over the reports, each with the strongest role any
// report gives it.
Status DealStore::RederiveParties(int64_t deal_id) {
  Result<Statement> del = db_.Prepare("DELETE FROM deal_parties WHERE deal_id = ?");
  if (!del.ok()) return del.status();
  del->Bind(1, deal_id);
  DW_RETURN_IF_ERROR(del->Run());
  Result<Statement> ins = db_.Prepare(R"sql(
INSERT INTO deal_parties(deal_id, entity_id, role)
SELECT ?1, p.entity_id,
       CASE max(CASE p.role WHEN 'lead_arranger' THEN 3 WHEN 'agent' THEN 2 WHEN 'participant' THEN 1 ELSE 0 END)
         WHEN 3 THEN 'lead_arranger' WHEN 2 THEN 'agent' WHEN 1 THEN 'participant' ELSE 'lender' END
FROM mention_parties p JOIN mentions m ON m.mention_id = p.mention_id
WHERE m.deal_id = ?1
GROUP BY p.entity_id)sql");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, deal_id);
  return ins->Run();
}

// Every value any current report gives is current; values only an older
// version of an article gave stay, marked current = 0.
Status DealStore::RederiveHistory(int64_t deal_id, const std::vector<MentionValues>& mentions) {
  Result<Statement> clear = db_.Prepare("UPDATE deal_value_history SET current = 0 WHERE deal_id = ?");
  if (!clear.ok()) return clear.status();
  clear->Bind(1, deal_id);
  DW_RETURN_IF_ERROR(clear->Run());
  Result<Statement> ins = db_.Prepare(
      "INSERT INTO deal_value_history(deal_id, field, value, article_id, run_id, seen_at, current) "
      "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(deal_id, field, value, article_id) DO UPDATE SET current = 1");
  if (!ins.ok()) return ins.status();
  for (const MentionValues& m : mentions) {
    for (const auto& [field, value] : HistoryValues(m)) {
      ins->Bind(1, deal_id).Bind(2, field).Bind(3, value).Bind(4, m.article_id);
      if (m.run_id != 0) ins->Bind(5, m.run_id); else ins->BindNull(5);
      ins->Bind(6, m.reported_on);
      DW_RETURN_IF_ERROR(ins->Run());
    }
  }
  return Status::Ok();
}

// Edits in the order they were made; the latest accept or reject decides
// review_status ("edited" when there are only edits).
Status DealStore::ApplyReviews(int64_t deal_id, DealValues* v, std::string* review_status) {
  Result<Statement> st = db_.Prepare(
      "SELECT decision, coalesce(field, ''), coalesce(value, '') FROM deal_reviews WHERE deal_id = ? "
      "ORDER BY review_id");
  if (!st.ok()) return st.status();
  st->Bind(1, deal_id);
  bool amount_edited = false;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string decision = st->Text(0), field = st->Text(1), value = st->Text(2);
    if (decision == "accept") *review_status = "accepted";
    if (decision == "reject") *review_status = "rejected";
    if (decision != "edit" || !EditProblem(field, value).empty()) continue;
    if (review_status->empty()) *review_status = "edited";
    if (field == "amount") v->amount = ParseNumber(value);
    if (field == "currency") v->currency = value;
    if (field == "type") v->type = value;
    if (field == "project") v->project = value;
    if (field == "tenor_years") v->tenor_years = ParseNumber(value);
    if (field == "pricing") v->pricing = value;
    if (field == "status") v->status = value;
    if (field == "borrower") {
      Result<int64_t> found = FindBorrower(FoldEntityName(value));
      if (!found.ok()) return found.status();
      Result<int64_t> id = *found != 0 ? found : CreateBorrower(value);
      if (!id.ok()) return id.status();
      v->borrower_id = *id;
    }
    amount_edited |= field == "amount" || field == "currency";
  }
  if (amount_edited)
    v->amount_usd = v->amount ? fx_.ToUsd(*v->amount, v->currency, v->last_published) : std::nullopt;
  return Status::Ok();
}

Status DealStore::ReviewDeal(int64_t deal_id, const DealReview& review) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ = UtcNowIso();
  if (review.decision != "accept" && review.decision != "reject" && review.decision != "edit")
    return InvalidArgument("deal " + std::to_string(deal_id) + ": unknown decision " + review.decision);
  if (review.decision == "edit" && review.fields.empty())
    return InvalidArgument("deal " + std::to_string(deal_id) + ": edit names no field");
  for (const auto& [field, value] : review.fields) {
    std::string problem = EditProblem(field, value);
    if (!problem.empty()) return InvalidArgument("deal " + std::to_string(deal_id) + ": " + problem);
  }
  Result<Transaction> tx = Transaction::Begin(&db_);
  if (!tx.ok()) return tx.status();
  Result<Statement> exists = db_.Prepare("SELECT 1 FROM deals WHERE deal_id = ?");
  if (!exists.ok()) return exists.status();
  exists->Bind(1, deal_id);
  Result<bool> row = exists->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("deal " + std::to_string(deal_id) + ": no such deal");
  Result<Statement> ins =
      db_.Prepare("INSERT INTO deal_reviews(deal_id, decision, field, value, note, at) VALUES (?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  std::vector<std::pair<std::string, std::string>> rows = review.fields;
  if (review.decision != "edit") rows = {{"", ""}};
  for (const auto& [field, value] : rows) {
    ins->Bind(1, deal_id).Bind(2, review.decision).BindText(3, field).BindText(4, value);
    ins->BindText(5, review.note).Bind(6, now_);
    DW_RETURN_IF_ERROR(ins->Run());
  }
  DW_RETURN_IF_ERROR(RederiveDeal(deal_id, std::nullopt));
  return tx->Commit();
}

}  // namespace dealwatch
