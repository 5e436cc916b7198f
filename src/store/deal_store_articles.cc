// DealStore: storing articles and the deals read from them.
#include <algorithm>
#include <map>

#include "common/log.h"
#include "store/deal_store.h"

namespace dealwatch {

namespace {

std::optional<double> AmountOf(const Deal& d) {
  if (!d.amount) return std::nullopt;
  if (d.amount->value) return d.amount->value;
  return d.amount->low ? d.amount->low : d.amount->high;
}

// The values `d` gives, as a mentions row holds them.
MentionValues ValuesOf(const Deal& d, int64_t run_id, const std::string& reported_on, const std::string& now,
                       const FxRates& fx) {
  MentionValues v;
  v.run_id = run_id;
  v.reported_on = reported_on;
  v.seen_at = now;
  v.amount = AmountOf(d);
  v.currency = d.amount ? d.amount->currency : "";
  if (v.amount) v.amount_usd = fx.ToUsd(*v.amount, v.currency, reported_on);
  if (d.amount && d.amount->qualifier != MoneyQualifier::kNone) v.qualifier = MoneyQualifierName(d.amount->qualifier);
  v.type = d.type;
  v.project = d.project;
  v.tenor_years = d.tenor_years;
  v.pricing = d.pricing;
  v.status = d.status;
  v.confidence = d.confidence;
  return v;
}

DealFacts FactsOf(const MentionValues& v, const std::string& folded, int64_t borrower_id,
                  const std::map<int64_t, const DealLender*>& lenders) {
  DealFacts f;
  f.borrower_id = borrower_id;
  if (!folded.empty()) f.borrower_folded.push_back(folded);
  f.amount = v.amount;
  f.currency = v.currency;
  f.amount_usd = v.amount_usd;
  f.type = v.type;
  f.status = v.status;
  for (const auto& [id, l] : lenders) {
    f.lenders.insert(id);
    if (l->role == "lead_arranger") f.leads.insert(id);
  }
  return f;
}

std::string RuleIdsJson(const std::map<std::string, std::string>& rule_ids) {
  std::string rules = "{";
  for (const auto& [field, rule] : rule_ids)
    rules += (rules.size() > 1 ? ",\"" : "\"") + JsonEscape(field) + "\":\"" + JsonEscape(rule) + "\"";
  return rules + "}";
}

}  // namespace

Result<int64_t> DealStore::UpsertArticle(int64_t run_id, const StoredArticle& a, StoreOutcome* out,
                                         std::set<int64_t>* old_deals) {
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
    // The article changed: its mentions go; the deals they supported stay
    // (so the new version can join them again) until re-derived.
    Result<Statement> old = db_.Prepare("SELECT DISTINCT deal_id FROM mentions WHERE article_id = ?");
    if (!old.ok()) return old.status();
    old->Bind(1, id);
    while (true) {
      Result<bool> r = old->Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      old_deals->insert(old->Int(0));
    }
    Result<Statement> del = db_.Prepare("DELETE FROM mentions WHERE article_id = ?");
    if (!del.ok()) return del.status();
    del->Bind(1, id);
    DW_RETURN_IF_ERROR(del->Run());
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

Result<int64_t> DealStore::InsertMention(int64_t deal_id, int64_t article_id, int64_t run_id, const ArticleDeal& ad,
                                         const MentionValues& v) {
  Result<Statement> m = db_.Prepare(
      "INSERT INTO mentions(deal_id, article_id, evidence, span_start, span_end, rule_ids, extracted, run_id, "
      "reported_on, seen_at, borrower, borrower_id, amount, amount_low, amount_high, currency, amount_qualifier, "
      "amount_usd, type, project, tenor_years, pricing, status, confidence) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!m.ok()) return m.status();
  const Deal& d = ad.deal;
  m->Bind(1, deal_id).Bind(2, article_id).Bind(3, ad.evidence).Bind(4, static_cast<int64_t>(ad.span_start));
  m->Bind(5, static_cast<int64_t>(ad.span_end)).Bind(6, RuleIdsJson(d.rule_ids)).Bind(7, ad.extracted_json);
  m->Bind(8, run_id).Bind(9, v.reported_on).Bind(10, v.seen_at).BindText(11, d.borrower);
  if (v.borrower_id != 0) m->Bind(12, v.borrower_id); else m->BindNull(12);
  m->Bind(13, v.amount).Bind(14, d.amount ? d.amount->low : std::nullopt);
  m->Bind(15, d.amount ? d.amount->high : std::nullopt).BindText(16, v.currency).BindText(17, v.qualifier);
  m->Bind(18, v.amount_usd).Bind(19, v.type).BindText(20, v.project).Bind(21, v.tenor_years);
  m->BindText(22, v.pricing).Bind(23, v.status).Bind(24, v.confidence);
  DW_RETURN_IF_ERROR(m->Run());
  return db_.LastInsertId();
}

Result<std::map<int64_t, const DealLender*>> DealStore::ResolveLenders(const Deal& d) {
  // One entry per entity, with the strongest role this article gives it.
  std::map<int64_t, const DealLender*> lenders;
  for (const DealLender& l : d.lenders) {
    Result<int64_t> e = LenderEntity(l);
    if (!e.ok()) return e.status();
    const DealLender*& slot = lenders[*e];
    if (!slot || RoleRank(l.role) > RoleRank(slot->role)) slot = &l;
  }
  return lenders;
}

Result<int64_t> DealStore::InsertDeal(int64_t run_id, const MentionValues& v) {
  Result<Statement> ins = db_.Prepare(
      "INSERT INTO deals(borrower_id, type, first_seen, last_seen, first_published, last_published, first_run, "
      "last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  if (v.borrower_id != 0) ins->Bind(1, v.borrower_id); else ins->BindNull(1);
  ins->Bind(2, v.type).Bind(3, v.seen_at).Bind(4, v.seen_at).Bind(5, v.reported_on).Bind(6, v.reported_on);
  ins->Bind(7, run_id).Bind(8, run_id);
  DW_RETURN_IF_ERROR(ins->Run());
  return db_.LastInsertId();
}

Result<int64_t> DealStore::StoreDeal(int64_t run_id, int64_t article_id, const std::string& reported_on,
                                     const ArticleDeal& ad, StoreOutcome* out) {
  const Deal& d = ad.deal;
  MentionValues v = ValuesOf(d, run_id, reported_on, now_, fx_);
  Result<std::map<int64_t, const DealLender*>> lenders = ResolveLenders(d);
  if (!lenders.ok()) return lenders.status();
  std::string folded = FoldEntityName(d.borrower);
  Result<int64_t> found = FindBorrower(folded);
  if (!found.ok()) return found.status();
  DealFacts read = FactsOf(v, folded, *found, *lenders);

  DealMatch match;
  Result<int64_t> deal_id = FindDeal(read, reported_on, article_id, &match);
  if (!deal_id.ok()) return deal_id.status();
  DealFacts stored;
  if (*deal_id != 0) DW_RETURN_IF_ERROR(LoadStoredFacts(*deal_id, &stored));
  Result<int64_t> borrower = ResolveBorrower(d.borrower, *found, stored.borrower_id, match, out);
  if (!borrower.ok()) return borrower.status();
  v.borrower_id = *borrower;
  if (*deal_id == 0) {
    deal_id = InsertDeal(run_id, v);
    if (!deal_id.ok()) return deal_id.status();
    ++out->deals_new;
  } else {
    ++out->deals_updated;
  }
  Result<int64_t> mention_id = InsertMention(*deal_id, article_id, run_id, ad, v);
  if (!mention_id.ok()) return mention_id.status();
  Result<Statement> party =
      db_.Prepare("INSERT INTO mention_parties(mention_id, entity_id, name, role, rule_id) VALUES (?, ?, ?, ?, ?)");
  if (!party.ok()) return party.status();
  for (const auto& [id, l] : *lenders) {
    party->Bind(1, *mention_id).Bind(2, id).Bind(3, l->name).Bind(4, l->role).BindText(5, l->rule_id);
    DW_RETURN_IF_ERROR(party->Run());
  }
  DW_RETURN_IF_ERROR(RederiveDeal(*deal_id, run_id));
  return *deal_id;
}

Result<StoreOutcome> DealStore::StoreArticle(int64_t run_id, const StoredArticle& article,
                                             const std::vector<ArticleDeal>& deals, const UrlState* state) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ = UtcNowIso();
  Result<Transaction> tx = Transaction::Begin(&db_);
  if (!tx.ok()) return tx.status();
  StoreOutcome out;
  std::set<int64_t> old_deals;
  Result<int64_t> article_id = UpsertArticle(run_id, article, &out, &old_deals);
  if (!article_id.ok()) return article_id.status().WithContext(article.url);
  out.article_id = *article_id;
  if (!out.unchanged) {
    std::string reported_on = ReportedOn(article.published, now_);
    for (const ArticleDeal& ad : deals) {
      Result<int64_t> deal_id = StoreDeal(run_id, *article_id, reported_on, ad, &out);
      if (!deal_id.ok()) return deal_id.status().WithContext(article.url);
      out.deal_ids.push_back(*deal_id);
    }
    // Deals the old version supported and the new one does not.
    for (int64_t id : old_deals) {
      if (std::find(out.deal_ids.begin(), out.deal_ids.end(), id) != out.deal_ids.end()) continue;
      bool removed = false;
      Status s = RederiveDeal(id, run_id, &removed);
      if (!s.ok()) return s.WithContext(article.url);
      out.deals_removed += removed;
    }
  }
  if (state) DW_RETURN_IF_ERROR(PutLocked(*state));
  DW_RETURN_IF_ERROR(tx->Commit());
  return out;
}

}  // namespace dealwatch
