// DealStore: lender and borrower entities and their aliases.
//
// Lenders arrive with the lexicon's canonical name, which is their key, so
// 摩根大通 and JPMorgan are one entity. Borrowers arrive as written; they are
// found by folded alias, and a deal match teaches new aliases (鴻海 ->
// Hon Hai Precision Industry) or shows two entities are one (merged).
#include "store/deal_store.h"

namespace dealwatch {

Result<int64_t> DealStore::LenderEntity(const DealLender& lender) {
  const std::string& canonical = lender.canonical.empty() ? lender.name : lender.canonical;
  Result<Statement> find = db_.Prepare("SELECT entity_id FROM entities WHERE kind = 'lender' AND canonical = ?");
  if (!find.ok()) return find.status();
  find->Bind(1, canonical);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  int64_t id = *row ? find->Int(0) : 0;
  if (id == 0 && canonical == lender.name) {
    // A lender the lexicon does not know: the same folded name is the same lender.
    Result<Statement> alias = db_.Prepare(
        "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.entity_id = a.entity_id "
        "WHERE e.kind = 'lender' AND a.folded = ? ORDER BY a.entity_id LIMIT 1");
    if (!alias.ok()) return alias.status();
    alias->Bind(1, FoldEntityName(canonical));
    Result<bool> hit = alias->Step();
    if (!hit.ok()) return hit.status();
    if (*hit) id = alias->Int(0);
  }
  if (id == 0) {
    Result<Statement> ins = db_.Prepare("INSERT INTO entities(kind, canonical) VALUES ('lender', ?)");
    if (!ins.ok()) return ins.status();
    ins->Bind(1, canonical);
    DW_RETURN_IF_ERROR(ins->Run());
    id = db_.LastInsertId();
    DW_RETURN_IF_ERROR(AddAlias(id, canonical, "canonical"));
  }
  DW_RETURN_IF_ERROR(AddAlias(id, lender.name, "name"));
  return id;
}

Result<int64_t> DealStore::FindBorrower(const std::string& folded) {
  if (folded.empty()) return int64_t{0};
  Result<Statement> find = db_.Prepare(
      "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.entity_id = a.entity_id "
      "WHERE e.kind = 'borrower' AND a.folded = ? ORDER BY a.entity_id LIMIT 1");
  if (!find.ok()) return find.status();
  find->Bind(1, folded);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  return *row ? find->Int(0) : int64_t{0};
}

Result<int64_t> DealStore::CreateBorrower(const std::string& name) {
  // The canonical name is the first name seen; an identical canonical (a
  // name whose fold was merged away) reuses its entity.
  Result<Statement> ins = db_.Prepare(
      "INSERT INTO entities(kind, canonical) VALUES ('borrower', ?) "
      "ON CONFLICT(kind, canonical) DO UPDATE SET canonical = excluded.canonical RETURNING entity_id");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, name);
  Result<bool> row = ins->Step();
  if (!row.ok()) return row.status();
  int64_t id = ins->Int(0);
  DW_RETURN_IF_ERROR(ins->Reset());
  DW_RETURN_IF_ERROR(AddAlias(id, name, "canonical"));
  return id;
}

Status DealStore::AddAlias(int64_t entity_id, const std::string& alias, const std::string& origin) {
  std::string folded = FoldEntityName(alias);
  if (alias.empty() || folded.empty()) return Status::Ok();
  Result<Statement> st =
      db_.Prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, folded, origin) VALUES (?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  st->Bind(1, entity_id).Bind(2, alias).Bind(3, folded).Bind(4, origin);
  return st->Run();
}

Status DealStore::MergeEntities(int64_t keep, int64_t gone) {
  for (const char* sql : {
           "UPDATE OR IGNORE entity_aliases SET entity_id = ?1, origin = 'merged' WHERE entity_id = ?2",
           "DELETE FROM entity_aliases WHERE entity_id = ?2",
           "UPDATE deals SET borrower_id = ?1 WHERE borrower_id = ?2",
           "UPDATE mentions SET borrower_id = ?1 WHERE borrower_id = ?2",
           "UPDATE OR IGNORE mention_parties SET entity_id = ?1 WHERE entity_id = ?2",
           "UPDATE OR IGNORE deal_parties SET entity_id = ?1 WHERE entity_id = ?2",
           "DELETE FROM entities WHERE entity_id = ?2",
       }) {
    Result<Statement> st = db_.Prepare(sql);
    if (!st.ok()) return st.status();
    st->Bind(1, keep).Bind(2, gone);
    DW_RETURN_IF_ERROR(st->Run());
  }
  return Status::Ok();
}

// The borrower entity a report of `name` is stored under. `found` is the
// entity the name is already an alias of (0: none), `deal_borrower` the
// borrower of the deal it matched (0: none or a new deal).
Result<int64_t> DealStore::ResolveBorrower(const std::string& name, int64_t found, int64_t deal_borrower,
                                           const DealMatch& match, StoreOutcome* out) {
  if (FoldEntityName(name).empty()) return int64_t{0};
  bool names_differ = match.identity == Identity::kSimilarName || match.identity == Identity::kLenders;
  if (deal_borrower != 0 && names_differ && match.amount == AmountFit::kEqual && found != deal_borrower) {
    // The same deal under another name: the name is the deal's borrower too.
    if (found != 0) {
      DW_RETURN_IF_ERROR(MergeEntities(deal_borrower, found));
    } else {
      DW_RETURN_IF_ERROR(AddAlias(deal_borrower, name, "deal_match"));
    }
    ++out->aliases_learned;
    return deal_borrower;
  }
  if (found != 0) return found;
  if (deal_borrower != 0 && match.identity == Identity::kSimilarName) {
    // A short or long form of the deal's borrower (resized amount).
    DW_RETURN_IF_ERROR(AddAlias(deal_borrower, name, "deal_match"));
    ++out->aliases_learned;
    return deal_borrower;
  }
  return CreateBorrower(name);
}

}  // namespace dealwatch
