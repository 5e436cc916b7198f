// DealStore is the deal database: articles, deals, their parties and the
// mentions (evidence) that support them, the per-URL crawl state and the
// run log. Each article is stored in one transaction together with its
// crawl state, so a crash never leaves half an article or loses one.
// The same deal read from several articles (same borrower, same amount) is
// one row with several mentions. Not thread-safe except the UrlStateStore
// methods, which lock.
#ifndef DEALWATCH_STORE_DEAL_STORE_H_
#define DEALWATCH_STORE_DEAL_STORE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "crawl/page.h"
#include "crawl/url_state_store.h"
#include "extract/deal.h"
#include "store/database.h"

namespace dealwatch {

struct StoredArticle {
  std::string url;  // canonical URL or file path (the key)
  std::string source, title, published, lang, market, author, canonical_url;
  std::string content_hash;  // of the fetched bytes
  std::string text;          // the article text as published
};

// One deal of one article, with its evidence located in StoredArticle::text.
struct ArticleDeal {
  Deal deal;
  std::string evidence;  // sentences as published
  size_t span_start = 0, span_end = 0;
  std::string extracted_json;  // the deal as read from this article
};

struct StoreOutcome {
  int64_t article_id = 0;
  bool article_new = false;
  bool article_changed = false;
  bool unchanged = false;  // same URL and same content: nothing stored
  int deals_new = 0;
  int deals_updated = 0;
};

struct RunSummary {
  std::string status = "done";  // done, failed, interrupted
  int pages_fetched = 0, articles_new = 0, articles_changed = 0, deals_new = 0, deals_updated = 0, errors = 0;
  std::string stats_json = "{}";
};

class DealStore : public UrlStateStore {
 public:
  // Opens or creates the database at `path` and migrates it.
  static Result<std::unique_ptr<DealStore>> Open(const std::string& path);

  Result<int64_t> BeginRun(const std::string& config_text);
  Status FinishRun(int64_t run_id, const RunSummary& summary);
  // Marks runs left "running" by a killed process as interrupted.
  Status CloseAbandonedRuns();
  Status RecordError(int64_t run_id, const std::string& stage, const std::string& source, const std::string& url,
                     const std::string& message);

  // Stores the article, its deals and (when given) its crawl state in one
  // transaction. An article already stored with the same content hash is
  // left alone; with another hash its old mentions are replaced.
  Result<StoreOutcome> StoreArticle(int64_t run_id, const StoredArticle& article, const std::vector<ArticleDeal>& deals,
                                    const UrlState* state);

  // UrlStateStore.
  std::optional<UrlState> Get(const std::string& url) override;
  Status Put(const UrlState& state) override;
  bool HasBody(const std::string& content_hash) override;

  Database* db() { return &db_; }

 private:
  explicit DealStore(Database db) : db_(std::move(db)) {}
  Status PutLocked(const UrlState& state);
  Result<int64_t> UpsertArticle(int64_t run_id, const StoredArticle& a, StoreOutcome* out);
  Result<int64_t> FindOrCreateEntity(const std::string& kind, const std::string& canonical, const std::string& alias,
                                     const std::string& country);
  Result<int64_t> FindDeal(int64_t borrower_id, const Deal& deal, int64_t article_id);
  Result<int64_t> StoreDeal(int64_t run_id, int64_t article_id, const ArticleDeal& d, StoreOutcome* out);
  Status RemoveArticleMentions(int64_t article_id);

  Database db_;
  std::mutex mu_;
  std::string now_;  // timestamp of the current operation
};

// Folds a name for matching entities: script, width and case folded,
// punctuation and spaces dropped, corporate suffixes (Inc, Corp, Co., Ltd,
// 股份有限公司, 公司, 集團) removed.
std::string FoldEntityName(const std::string& name);

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_DEAL_STORE_H_
