#include "store/deal_store.h"

#include <filesystem>

#include "common/log.h"
#include "common/paths.h"
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

std::string ReportedOn(const std::string& published, const std::string& now) {
  auto is_day = [](const std::string& s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  return is_day(published) ? published.substr(0, 10) : now.substr(0, 10);
}

Result<std::unique_ptr<DealStore>> DealStore::Open(const std::string& path, const StoreOptions& options) {
  Result<Database> db = Database::Open(path);
  if (!db.ok()) return db.status();
  Status s = Migrate(&*db);
  if (!s.ok()) return s;
  std::unique_ptr<DealStore> store(new DealStore(std::move(*db)));
  s = store->LoadFxRates(options);
  if (!s.ok()) return s;
  return store;
}

Status DealStore::LoadFxRates(const StoreOptions& options) {
  std::filesystem::path file = options.fx_rates_path;
  if (file.empty() && options.find_fx_rates) {
    Result<std::filesystem::path> rules = FindDataDir("rules", "");
    std::error_code ec;
    if (rules.ok() && std::filesystem::exists(*rules / "fx_rates.tsv", ec)) file = *rules / "fx_rates.tsv";
  }
  Result<Statement> st = db_.Prepare("SELECT date, currency, usd_per_unit FROM fx_rates ORDER BY currency, date");
  if (!st.ok()) return st.status();
  std::vector<FxRate> stored;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    stored.push_back({st->Text(0), st->Text(1), st->Double(2)});
  }
  if (file.empty()) {
    fx_ = FxRates::FromRows(std::move(stored));
    return Status::Ok();
  }
  Result<FxRates> loaded = FxRates::Load(file);
  if (!loaded.ok()) return loaded.status();
  fx_ = std::move(*loaded);
  return fx_.rows() == stored ? Status::Ok() : ReplaceFxRates();
}

// New or changed rates: store them and recompute every USD amount.
Status DealStore::ReplaceFxRates() {
  Result<Transaction> tx = Transaction::Begin(&db_);
  if (!tx.ok()) return tx.status();
  DW_RETURN_IF_ERROR(db_.Exec("DELETE FROM fx_rates"));
  Result<Statement> ins = db_.Prepare("INSERT INTO fx_rates(date, currency, usd_per_unit) VALUES (?, ?, ?)");
  if (!ins.ok()) return ins.status();
  for (const FxRate& r : fx_.rows()) {
    ins->Bind(1, r.date).Bind(2, r.currency).Bind(3, r.usd_per_unit);
    DW_RETURN_IF_ERROR(ins->Run());
  }
  DW_RETURN_IF_ERROR(RecomputeUsd());
  return tx->Commit();
}

Status DealStore::RecomputeUsd() {
  Result<Statement> st =
      db_.Prepare("SELECT mention_id, amount, currency, reported_on FROM mentions WHERE amount IS NOT NULL");
  if (!st.ok()) return st.status();
  Result<Statement> up = db_.Prepare("UPDATE mentions SET amount_usd = ? WHERE mention_id = ?");
  if (!up.ok()) return up.status();
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    up->Bind(1, fx_.ToUsd(st->Double(1), st->Text(2), st->Text(3))).Bind(2, st->Int(0));
    DW_RETURN_IF_ERROR(up->Run());
  }
  Result<Statement> deals = db_.Prepare("SELECT deal_id FROM deals ORDER BY deal_id");
  if (!deals.ok()) return deals.status();
  std::vector<int64_t> ids;
  while (true) {
    Result<bool> row = deals->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(deals->Int(0));
  }
  for (int64_t id : ids) DW_RETURN_IF_ERROR(RederiveDeal(id, std::nullopt));
  return Status::Ok();
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

}  // namespace dealwatch
