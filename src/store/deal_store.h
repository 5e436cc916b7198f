// DealStore is the deal database: articles, deals, their parties and the
// mentions (evidence) that support them, the per-URL crawl state, the run
// log and analysts' reviews. Each article is stored in one transaction
// together with its crawl state, so a crash never leaves half an article or
// loses one.
//
// One row per real-world deal: a deal read from an article joins the stored
// deal it matches (deal_match.h: same borrower or matching lenders, amounts
// equal after currency, reports within 120 days, compatible type), and every
// deal row is re-derived from the mentions that support it (deal_values.h),
// so storing an article twice changes nothing and a changed article replaces
// its own mentions and nothing else. The rules are written out in
// docs/database.md.
//
// Not thread-safe except the UrlStateStore methods, which lock.
#ifndef DEALWATCH_STORE_DEAL_STORE_H_
#define DEALWATCH_STORE_DEAL_STORE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "crawl/page.h"
#include "crawl/url_state_store.h"
#include "extract/deal.h"
#include "store/database.h"
#include "store/deal_match.h"
#include "store/deal_values.h"
#include "store/fx_rates.h"

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
  int deals_updated = 0;        // reports added to deals already stored
  int deals_removed = 0;        // deals no report supports any more (the article changed)
  int aliases_learned = 0;      // borrower names joined to an entity by a deal match
  std::vector<int64_t> deal_ids;  // the deal each ArticleDeal was stored as, in order
};

struct RunSummary {
  std::string status = "done";  // done, failed, interrupted
  int pages_fetched = 0, articles_new = 0, articles_changed = 0, deals_new = 0, deals_updated = 0, errors = 0;
  std::string stats_json = "{}";
};

// An analyst's decision on a deal. Edits win over extracted values in every
// later run; a rejected deal leaves v_deals, v_deal_conflicts and
// v_league_table (deals.review_status says 'rejected') but keeps collecting
// reports, so it never comes back as a new deal.
struct DealReview {
  std::string decision;  // accept, reject or edit
  // edit: field -> value. Fields: borrower, amount, currency, type, project,
  // tenor_years, pricing, status.
  std::vector<std::pair<std::string, std::string>> fields;
  std::string note;
};

struct StoreOptions {
  // The dated USD rates to load (rules/fx_rates.tsv). Empty: look for
  // fx_rates.tsv in the rules folder FindDataDir("rules", "") finds and, when
  // there is none, keep the rates the database holds. A file that cannot be
  // read or parsed fails Open().
  std::string fx_rates_path;
  bool find_fx_rates = true;  // false: only an explicit fx_rates_path is read
};

class DealStore : public UrlStateStore {
 public:
  // Opens or creates the database at `path`, migrates it, and loads the USD
  // rates; when the rates changed every amount_usd is recomputed.
  static Result<std::unique_ptr<DealStore>> Open(const std::string& path, const StoreOptions& options = {});

  Result<int64_t> BeginRun(const std::string& config_text);
  Status FinishRun(int64_t run_id, const RunSummary& summary);
  // Marks runs left "running" by a killed process as interrupted.
  Status CloseAbandonedRuns();
  Status RecordError(int64_t run_id, const std::string& stage, const std::string& source, const std::string& url,
                     const std::string& message);

  // Stores the article, its deals and (when given) its crawl state in one
  // transaction. An article already stored with the same content hash is
  // left alone; with another hash its old mentions are replaced and every
  // deal they supported is re-derived (and removed when nothing supports it).
  Result<StoreOutcome> StoreArticle(int64_t run_id, const StoredArticle& article, const std::vector<ArticleDeal>& deals,
                                    const UrlState* state);

  // Records `review` and re-derives the deal. kNotFound for an unknown deal,
  // kInvalidArgument for an unknown decision, field or a malformed value.
  Status ReviewDeal(int64_t deal_id, const DealReview& review);

  // UrlStateStore.
  std::optional<UrlState> Get(const std::string& url) override;
  Status Put(const UrlState& state) override;
  bool HasBody(const std::string& content_hash) override;

  Database* db() { return &db_; }
  const FxRates& fx_rates() const { return fx_; }

 private:
  explicit DealStore(Database db) : db_(std::move(db)) {}
  Status PutLocked(const UrlState& state);
  Status LoadFxRates(const StoreOptions& options);
  Status ReplaceFxRates();
  Status RecomputeUsd();

  // deal_store_articles.cc
  Result<int64_t> UpsertArticle(int64_t run_id, const StoredArticle& a, StoreOutcome* out,
                                std::set<int64_t>* old_deals);
  Result<int64_t> StoreDeal(int64_t run_id, int64_t article_id, const std::string& reported_on,
                            const ArticleDeal& d, StoreOutcome* out);
  // Lender entity -> the lender as written (pointers into `d`).
  Result<std::map<int64_t, const DealLender*>> ResolveLenders(const Deal& d);
  Result<int64_t> InsertDeal(int64_t run_id, const MentionValues& v);
  Result<int64_t> InsertMention(int64_t deal_id, int64_t article_id, int64_t run_id, const ArticleDeal& ad,
                                const MentionValues& v);

  // deal_store_entities.cc
  Result<int64_t> LenderEntity(const DealLender& lender);
  Result<int64_t> FindBorrower(const std::string& folded);  // 0 when unknown
  Result<int64_t> CreateBorrower(const std::string& name);
  Status AddAlias(int64_t entity_id, const std::string& alias, const std::string& origin);
  Status MergeEntities(int64_t keep, int64_t gone);
  Result<int64_t> ResolveBorrower(const std::string& name, int64_t found, int64_t deal_borrower,
                                  const DealMatch& match, StoreOutcome* out);

  // deal_store_match.cc
  Result<int64_t> FindDeal(const DealFacts& read, const std::string& reported_on, int64_t article_id,
                           DealMatch* match);
  Status LoadStoredFacts(int64_t deal_id, DealFacts* facts);

  // deal_store_derive.cc
  Status RederiveDeal(int64_t deal_id, std::optional<int64_t> run_id, bool* removed = nullptr);
  Result<std::vector<MentionValues>> LoadMentions(int64_t deal_id);
  Status WriteDeal(int64_t deal_id, const DealValues& v, const std::string& review_status,
                   std::optional<int64_t> run_id);
  Status RederiveParties(int64_t deal_id);
  Status RederiveHistory(int64_t deal_id, const std::vector<MentionValues>& mentions);
  Status ApplyReviews(int64_t deal_id, DealValues* values, std::string* review_status);

  Database db_;
  FxRates fx_;
  std::mutex mu_;
  std::string now_;  // timestamp of the current operation
};

// Folds a name for matching entities: script, width and case folded,
// punctuation and spaces dropped, corporate suffixes (Inc, Corp, Co., Ltd,
// 股份有限公司, 公司, 集團) removed.
std::string FoldEntityName(const std::string& name);

// The day an article reports on: its published date (YYYY-MM-DD) when it has
// one, else the day of `now` (ISO 8601).
std::string ReportedOn(const std::string& published, const std::string& now);

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_DEAL_STORE_H_
