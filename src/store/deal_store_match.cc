// DealStore: finding the stored deal a deal read from an article is.
// The SQL narrows the deals to those reported within the window that share
// the borrower, a form of its name or a lender; MatchDeals() decides.
#include <string>

#include "store/deal_store.h"

namespace dealwatch {

namespace {

std::string JsonIds(const std::set<int64_t>& ids) {
  std::string out = "[";
  for (int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

// Deals reported within the window whose borrower, a borrower alias that
// begins or extends the name, or a lender ties them to the read deal, and
// that no mention of this article supports yet.
constexpr const char* kCandidatesSql = R"sql(
SELECT d.deal_id FROM deals d
WHERE d.last_published >= date(?1, '-' || ?6 || ' days')
  AND d.first_published <= date(?1, '+' || ?6 || ' days')
  AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.deal_id = d.deal_id AND m.article_id = ?2)
  AND ((?3 <> 0 AND d.borrower_id = ?3)
    OR (?4 <> '' AND EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = d.borrower_id
          AND (a.folded = substr(?4, 1, length(a.folded)) OR ?4 = substr(a.folded, 1, length(?4)))))
    OR EXISTS (SELECT 1 FROM deal_parties p WHERE p.deal_id = d.deal_id
          AND p.entity_id IN (SELECT value FROM json_each(?5))))
ORDER BY d.deal_id
)sql";

}  // namespace

Status DealStore::LoadStoredFacts(int64_t deal_id, DealFacts* f) {
  Result<Statement> d = db_.Prepare(
      "SELECT coalesce(borrower_id, 0), amount, currency, amount_usd, type, status FROM deals WHERE deal_id = ?");
  if (!d.ok()) return d.status();
  d->Bind(1, deal_id);
  Result<bool> row = d->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("deal " + std::to_string(deal_id));
  f->borrower_id = d->Int(0);
  if (!d->IsNull(1)) f->amount = d->Double(1);
  f->currency = d->Text(2);
  if (!d->IsNull(3)) f->amount_usd = d->Double(3);
  f->type = d->Text(4);
  f->status = d->Text(5);
  Result<Statement> a = db_.Prepare("SELECT folded FROM entity_aliases WHERE entity_id = ?");
  if (!a.ok()) return a.status();
  a->Bind(1, f->borrower_id);
  while (true) {
    Result<bool> r = a->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    f->borrower_folded.push_back(a->Text(0));
  }
  Result<Statement> p = db_.Prepare("SELECT entity_id, role FROM deal_parties WHERE deal_id = ?");
  if (!p.ok()) return p.status();
  p->Bind(1, deal_id);
  while (true) {
    Result<bool> r = p->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    f->lenders.insert(p->Int(0));
    if (p->Text(1) == "lead_arranger") f->leads.insert(p->Int(0));
  }
  return Status::Ok();
}

// The best-matching stored deal, or 0. Ties go to the closer amount, then to
// the older deal.
Result<int64_t> DealStore::FindDeal(const DealFacts& read, const std::string& reported_on, int64_t article_id,
                                    DealMatch* best) {
  Result<Statement> st = db_.Prepare(kCandidatesSql);
  if (!st.ok()) return st.status();
  std::string folded = read.borrower_folded.empty() ? "" : read.borrower_folded.front();
  st->Bind(1, reported_on).Bind(2, article_id).Bind(3, read.borrower_id).Bind(4, folded);
  st->Bind(5, JsonIds(read.lenders)).Bind(6, int64_t{kMergeWindowDays});
  std::vector<int64_t> candidates;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    candidates.push_back(st->Int(0));
  }
  int64_t best_id = 0;
  *best = DealMatch{};
  for (int64_t id : candidates) {
    DealFacts stored;
    DW_RETURN_IF_ERROR(LoadStoredFacts(id, &stored));
    DealMatch m = MatchDeals(read, stored);
    if (m.score == 0) continue;
    if (m.score > best->score || (m.score == best->score && m.amount_gap < best->amount_gap)) {
      *best = m;
      best_id = id;
    }
  }
  return best_id;
}

}  // namespace dealwatch
