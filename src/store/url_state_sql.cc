// DealStore as the crawler's UrlStateStore.
#include "store/deal_store.h"

namespace dealwatch {

std::optional<UrlState> DealStore::Get(const std::string& url) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Statement> st = db_.Prepare(
      "SELECT url, source, etag, last_modified, content_hash, last_status, last_error, fetched_at, next_retry_at, "
      "failures FROM url_state WHERE url = ?");
  if (!st.ok()) return std::nullopt;
  st->Bind(1, url);
  Result<bool> row = st->Step();
  if (!row.ok() || !*row) return std::nullopt;
  UrlState s;
  s.url = st->Text(0);
  s.source = st->Text(1);
  s.etag = st->Text(2);
  s.last_modified = st->Text(3);
  s.content_hash = st->Text(4);
  s.last_status = static_cast<int>(st->Int(5));
  s.last_error = st->Text(6);
  s.fetched_at = st->Int(7);
  s.next_retry_at = st->Int(8);
  s.failures = static_cast<int>(st->Int(9));
  return s;
}

Status DealStore::Put(const UrlState& state) {
  std::lock_guard<std::mutex> lock(mu_);
  return PutLocked(state);
}

Status DealStore::PutLocked(const UrlState& s) {
  Result<Statement> st = db_.Prepare(
      "INSERT INTO url_state(url, source, etag, last_modified, content_hash, last_status, last_error, fetched_at, "
      "next_retry_at, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
      "source=excluded.source, etag=excluded.etag, last_modified=excluded.last_modified, "
      "content_hash=excluded.content_hash, last_status=excluded.last_status, last_error=excluded.last_error, "
      "fetched_at=excluded.fetched_at, next_retry_at=excluded.next_retry_at, failures=excluded.failures");
  if (!st.ok()) return st.status();
  st->Bind(1, s.url).BindText(2, s.source).BindText(3, s.etag).BindText(4, s.last_modified);
  st->BindText(5, s.content_hash).Bind(6, int64_t{s.last_status}).BindText(7, s.last_error);
  st->Bind(8, s.fetched_at).Bind(9, s.next_retry_at).Bind(10, int64_t{s.failures});
  return st->Run();
}

bool DealStore::HasBody(const std::string& content_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Statement> st = db_.Prepare("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1");
  if (!st.ok()) return false;
  st->Bind(1, content_hash);
  Result<bool> row = st->Step();
  return row.ok() && *row;
}

}  // namespace dealwatch
