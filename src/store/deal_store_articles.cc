// DealStore: storing articles and merging their deals.
#include <cmath>

#include "common/log.h"
#include "store/deal_store.h"

namespace dealwatch {

namespace {

int StatusRank(const std::string& s) {
  if (s == "closed") return 4;
  if (s == "signed") return 3;
  if (s == "in_talks") return 2;
  if (s == "planned") return 1;
  return 0;
}

int RoleRank(const std::string& role) {
  if (role == "lead_arranger") return 3;
  if (role == "agent") return 2;
  if (role == "participant") return 1;
  return 0;
}

std::optional<double> AmountOf(const Deal& d) {
  if (!d.amount) return std::nullopt;
  if (d.amount->value) return d.amount->value;
  return d.amount->low ? d.amount->low : d.amount->high;
}

}  // namespace

Result<int64_t> DealStore::UpsertArticle(int64_t run_id, const StoredArticle& a, StoreOutcome* out) {
  Result<Statement> find = db_.Prepare("SELECT article_id, content_hash FROM articles WHERE url = ?");
  if (!find.ok()) return find.status();
  find->Bind(1, a.url);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    int64_t id = find->Int(0);
    if (find->Text(1) == a.content_hash) {
      out->unchanged = true;
      return id;
    }
    (void)find->Reset();
    DW_RETURN_IF_ERROR(RemoveArticleMentions(id));
    Result<Statement> up = db_.Prepare(
        "UPDATE articles SET source=?, title=?, published=?, lang=?, market=?, author=?, canonical_url=?, "
        "content_hash=?, text=?, fetched_at=?, run_id=? WHERE article_id=?");
    if (!up.ok()) return up.status();
    up->BindText(1, a.source).BindText(2, a.title).BindText(3, a.published).BindText(4, a.lang);
    up->BindText(5, a.market).BindText(6, a.author).BindText(7, a.canonical_url).Bind(8, a.content_hash);
    up->Bind(9, a.text).Bind(10, now_).Bind(11, run_id).Bind(12, id);
    DW_RETURN_IF_ERROR(up->Run());
    out->article_changed = true;
    return id;
  }
  Result<Statement> ins = db_.Prepare(
      "INSERT INTO articles(url, source, title, published, lang, market, author, canonical_url, content_hash, text, "
      "fetched_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, a.url).BindText(2, a.source).BindText(3, a.title).BindText(4, a.published).BindText(5, a.lang);
  ins->BindText(6, a.market).BindText(7, a.author).BindText(8, a.canonical_url).Bind(9, a.content_hash);
  ins->Bind(10, a.text).Bind(11, now_).Bind(12, run_id);
  DW_RETURN_IF_ERROR(ins->Run());
  out->article_new = true;
  return db_.LastInsertId();
}

Status DealStore::RemoveArticleMentions(int64_t article_id) {
  Result<Statement> del = db_.Prepare("DELETE FROM mentions WHERE article_id = ?");
  if (!del.ok()) return del.status();
  del->Bind(1, article_id);
  DW_RETURN_IF_ERROR(del->Run());
  // A deal no article supports any more is gone.
  return db_.Exec("DELETE FROM deals WHERE deal_id NOT IN (SELECT deal_id FROM mentions)");
}

// The deal this one is the same as: same borrower and an amount within
// 0.5 % in the same currency (or no amount on either side).
Result<int64_t> DealStore::FindDeal(int64_t borrower_id, const Deal& deal, int64_t article_id) {
  Result<Statement> st = db_.Prepare(
      "SELECT d.deal_id, d.amount, d.currency, "
      "  EXISTS(SELECT 1 FROM mentions m WHERE m.deal_id = d.deal_id AND m.article_id = ?) "
      "FROM deals d WHERE d.borrower_id = ? ORDER BY d.deal_id");
  if (!st.ok()) return st.status();
  st->Bind(1, article_id).Bind(2, borrower_id);
  std::optional<double> amount = AmountOf(deal);
  std::string currency = deal.amount ? deal.amount->currency : "";
  int64_t amountless = 0;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    bool same_article = st->Int(3) != 0;
    if (st->IsNull(1) || !amount) {
      // One side has no amount: the same deal only if the article does not
      // already hold a different one for this borrower.
      if (!same_article && amountless == 0) amountless = st->Int(0);
      continue;
    }
    double v = st->Double(1);
    if (st->Text(2) == currency && std::fabs(v - *amount) <= 0.005 * std::max(v, *amount)) return st->Int(0);
  }
  return amountless;
}

Result<int64_t> DealStore::StoreDeal(int64_t run_id, int64_t article_id, const ArticleDeal& ad, StoreOutcome* out) {
  const Deal& d = ad.deal;
  std::optional<int64_t> borrower_id;
  if (!d.borrower.empty()) {
    Result<int64_t> b = FindOrCreateEntity("borrower", d.borrower, d.borrower, "");
    if (!b.ok()) return b.status();
    borrower_id = *b;
  }
  int64_t deal_id = 0;
  if (borrower_id) {
    Result<int64_t> found = FindDeal(*borrower_id, d, article_id);
    if (!found.ok()) return found.status();
    deal_id = *found;
  }
  std::optional<double> amount = AmountOf(d);
  if (deal_id == 0) {
    Result<Statement> ins = db_.Prepare(
        "INSERT INTO deals(borrower_id, amount, currency, amount_qualifier, type, project, tenor_years, pricing, "
        "status, confidence, first_seen, last_seen, first_run, last_run) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    if (borrower_id) ins->Bind(1, *borrower_id); else ins->BindNull(1);
    ins->Bind(2, amount).BindText(3, d.amount ? d.amount->currency : "");
    ins->BindText(4, d.amount && d.amount->qualifier != MoneyQualifier::kNone ? MoneyQualifierName(d.amount->qualifier) : "");
    ins->Bind(5, d.type).BindText(6, d.project).Bind(7, d.tenor_years).BindText(8, d.pricing).Bind(9, d.status);
    ins->Bind(10, d.confidence).Bind(11, now_).Bind(12, now_).Bind(13, run_id).Bind(14, run_id);
    DW_RETURN_IF_ERROR(ins->Run());
    deal_id = db_.LastInsertId();
    ++out->deals_new;
  } else {
    // Fill what the stored deal lacks; the status only moves forward.
    Result<Statement> up = db_.Prepare(
        "UPDATE deals SET amount = coalesce(amount, ?), currency = coalesce(currency, ?), "
        "type = CASE WHEN type = 'loan' THEN ? ELSE type END, project = coalesce(project, ?), "
        "tenor_years = coalesce(tenor_years, ?), pricing = coalesce(pricing, ?), "
        "status = CASE WHEN ? > (CASE status WHEN 'closed' THEN 4 WHEN 'signed' THEN 3 WHEN 'in_talks' THEN 2 "
        "WHEN 'planned' THEN 1 ELSE 0 END) THEN ? ELSE status END, "
        "confidence = max(confidence, ?), last_seen = ?, last_run = ? WHERE deal_id = ?");
    if (!up.ok()) return up.status();
    up->Bind(1, amount).BindText(2, d.amount ? d.amount->currency : "").Bind(3, d.type).BindText(4, d.project);
    up->Bind(5, d.tenor_years).BindText(6, d.pricing).Bind(7, int64_t{StatusRank(d.status)}).Bind(8, d.status);
    up->Bind(9, d.confidence).Bind(10, now_).Bind(11, run_id).Bind(12, deal_id);
    DW_RETURN_IF_ERROR(up->Run());
    ++out->deals_updated;
  }
  for (const DealLender& l : d.lenders) {
    Result<int64_t> e = FindOrCreateEntity("lender", l.canonical, l.name, "");
    if (!e.ok()) return e.status();
    Result<Statement> party = db_.Prepare(
        "INSERT INTO deal_parties(deal_id, entity_id, role) VALUES (?, ?, ?) ON CONFLICT(deal_id, entity_id) DO UPDATE "
        "SET role = CASE WHEN ? > (CASE role WHEN 'lead_arranger' THEN 3 WHEN 'agent' THEN 2 WHEN 'participant' "
        "THEN 1 ELSE 0 END) THEN excluded.role ELSE role END");
    if (!party.ok()) return party.status();
    party->Bind(1, deal_id).Bind(2, *e).Bind(3, l.role).Bind(4, int64_t{RoleRank(l.role)});
    DW_RETURN_IF_ERROR(party->Run());
  }
  return deal_id;
}

Result<StoreOutcome> DealStore::StoreArticle(int64_t run_id, const StoredArticle& article,
                                             const std::vector<ArticleDeal>& deals, const UrlState* state) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ = UtcNowIso();
  Result<Transaction> tx = Transaction::Begin(&db_);
  if (!tx.ok()) return tx.status();
  StoreOutcome out;
  Result<int64_t> article_id = UpsertArticle(run_id, article, &out);
  if (!article_id.ok()) return article_id.status().WithContext(article.url);
  out.article_id = *article_id;
  if (!out.unchanged) {
    for (const ArticleDeal& ad : deals) {
      Result<int64_t> deal_id = StoreDeal(run_id, *article_id, ad, &out);
      if (!deal_id.ok()) return deal_id.status().WithContext(article.url);
      Result<Statement> m = db_.Prepare(
          "INSERT OR IGNORE INTO mentions(deal_id, article_id, evidence, span_start, span_end, rule_ids, extracted, "
          "run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      if (!m.ok()) return m.status();
      std::string rules = "{";
      for (const auto& [field, rule] : ad.deal.rule_ids)
        rules += (rules.size() > 1 ? ",\"" : "\"") + JsonEscape(field) + "\":\"" + JsonEscape(rule) + "\"";
      rules += "}";
      m->Bind(1, *deal_id).Bind(2, *article_id).Bind(3, ad.evidence).Bind(4, static_cast<int64_t>(ad.span_start));
      m->Bind(5, static_cast<int64_t>(ad.span_end)).Bind(6, rules).Bind(7, ad.extracted_json).Bind(8, run_id);
      DW_RETURN_IF_ERROR(m->Run());
    }
  }
  if (state) DW_RETURN_IF_ERROR(PutLocked(*state));
  DW_RETURN_IF_ERROR(tx->Commit());
  return out;
}

}  // namespace dealwatch
