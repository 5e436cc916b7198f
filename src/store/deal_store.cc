#include "store/deal_store.h"

#include <cmath>

#include "common/log.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/text_normalizer.h"
#include "store/schema.h"

namespace dealwatch {

namespace {

constexpr const char* kLatinSuffixes[] = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                                          "limited", "llc", "plc", "lp", "llp", "na", "sa", "ag", "nv", "bv",
                                          "gmbh", "group", "holdings"};
constexpr const char* kCjkSuffixes[] = {"股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司", "集团"};

bool IsWordByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80; }

}  // namespace

std::string FoldEntityName(const std::string& name) {
  std::string folded = AsciiLower(TextNormalizer::Get().Fold(name));
  // Split into word tokens, then drop trailing corporate suffixes.
  std::vector<std::string> tokens;
  std::string cur;
  for (unsigned char c : folded) {
    if (IsWordByte(c)) {
      cur.push_back(static_cast<char>(c));
    } else if (!cur.empty()) {
      tokens.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  bool changed = true;
  while (changed && tokens.size() > 1) {
    changed = false;
    for (const char* s : kLatinSuffixes)
      if (tokens.back() == s) {
        tokens.pop_back();
        changed = true;
        break;
      }
  }
  std::string out = Join(tokens, "");
  for (const char* s : kCjkSuffixes) {
    std::string_view suf(s);
    if (out.size() > suf.size() && out.compare(out.size() - suf.size(), suf.size(), suf) == 0) {
      out.resize(out.size() - suf.size());
      break;
    }
  }
  return out;
}

Result<std::unique_ptr<DealStore>> DealStore::Open(const std::string& path) {
  Result<Database> db = Database::Open(path);
  if (!db.ok()) return db.status();
  Status s = Migrate(&*db);
  if (!s.ok()) return s;
  return std::unique_ptr<DealStore>(new DealStore(std::move(*db)));
}

Result<int64_t> DealStore::BeginRun(const std::string& config_text) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Statement> st = db_.Prepare("INSERT INTO runs(started_at, config) VALUES (?, ?)");
  if (!st.ok()) return st.status();
  st->Bind(1, UtcNowIso()).Bind(2, config_text);
  DW_RETURN_IF_ERROR(st->Run());
  return db_.LastInsertId();
}

Status DealStore::FinishRun(int64_t run_id, const RunSummary& s) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Statement> st = db_.Prepare(
      "UPDATE runs SET finished_at = ?, status = ?, pages_fetched = ?, articles_new = ?, articles_changed = ?, "
      "deals_new = ?, deals_updated = ?, errors = ?, stats = ? WHERE run_id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, UtcNowIso()).Bind(2, s.status).Bind(3, int64_t{s.pages_fetched}).Bind(4, int64_t{s.articles_new});
  st->Bind(5, int64_t{s.articles_changed}).Bind(6, int64_t{s.deals_new}).Bind(7, int64_t{s.deals_updated});
  st->Bind(8, int64_t{s.errors}).Bind(9, s.stats_json).Bind(10, run_id);
  return st->Run();
}

Status DealStore::CloseAbandonedRuns() {
  std::lock_guard<std::mutex> lock(mu_);
  return db_.Exec("UPDATE runs SET status = 'interrupted' WHERE status = 'running'");
}

Status DealStore::RecordError(int64_t run_id, const std::string& stage, const std::string& source,
                              const std::string& url, const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Statement> st =
      db_.Prepare("INSERT INTO run_errors(run_id, at, stage, source, url, message) VALUES (?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  st->Bind(1, run_id).Bind(2, UtcNowIso()).Bind(3, stage).BindText(4, source).BindText(5, url).Bind(6, message);
  return st->Run();
}

Result<int64_t> DealStore::FindOrCreateEntity(const std::string& kind, const std::string& canonical,
                                              const std::string& alias, const std::string& country) {
  std::string folded = FoldEntityName(alias.empty() ? canonical : alias);
  std::string folded_canonical = FoldEntityName(canonical);
  Result<Statement> find = db_.Prepare(
      "SELECT e.entity_id FROM entity_aliases a JOIN entities e ON e.entity_id = a.entity_id "
      "WHERE e.kind = ? AND a.folded IN (?, ?) ORDER BY (a.folded = ?) DESC LIMIT 1");
  if (!find.ok()) return find.status();
  find->Bind(1, kind).Bind(2, folded_canonical).Bind(3, folded).Bind(4, folded_canonical);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  int64_t id;
  if (*row) {
    id = find->Int(0);
  } else {
    Result<Statement> ins = db_.Prepare(
        "INSERT INTO entities(kind, canonical, country) VALUES (?, ?, ?) "
        "ON CONFLICT(kind, canonical) DO UPDATE SET canonical = excluded.canonical RETURNING entity_id");
    if (!ins.ok()) return ins.status();
    ins->Bind(1, kind).Bind(2, canonical).BindText(3, country);
    Result<bool> r = ins->Step();
    if (!r.ok()) return r.status();
    id = ins->Int(0);
    (void)ins->Reset();
  }
  Result<Statement> alias_st =
      db_.Prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, folded) VALUES (?, ?, ?)");
  if (!alias_st.ok()) return alias_st.status();
  for (const std::string& a : {canonical, alias}) {
    if (a.empty() || FoldEntityName(a).empty()) continue;
    alias_st->Bind(1, id).Bind(2, a).Bind(3, FoldEntityName(a));
    DW_RETURN_IF_ERROR(alias_st->Run());
  }
  return id;
}

}  // namespace dealwatch
