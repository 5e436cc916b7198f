// Where the crawler keeps per-URL state between runs. The store stage
// implements it on the database; tests use MemoryUrlStateStore.
#ifndef DEALWATCH_CRAWL_URL_STATE_STORE_H_
#define DEALWATCH_CRAWL_URL_STATE_STORE_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/status.h"
#include "crawl/page.h"

namespace dealwatch {

class UrlStateStore {
 public:
  virtual ~UrlStateStore() = default;
  // The state recorded for canonical `url`, if any.
  virtual std::optional<UrlState> Get(const std::string& url) = 0;
  // Records a fetch that produced no page to process (304, failure, robots
  // refusal, too large). Successful pages are recorded by whoever processes
  // them, together with their results, so a crash cannot lose one.
  virtual Status Put(const UrlState& state) = 0;
  // True when a page with this body hash was already stored (identical
  // bodies are processed once).
  virtual bool HasBody(const std::string& content_hash) = 0;
};

// In-memory implementation for tests and one-off crawls. Thread-safe.
class MemoryUrlStateStore : public UrlStateStore {
 public:
  std::optional<UrlState> Get(const std::string& url) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = states_.find(url);
    if (it == states_.end()) return std::nullopt;
    return it->second;
  }
  Status Put(const UrlState& state) override {
    std::lock_guard<std::mutex> lock(mu_);
    states_[state.url] = state;
    if (!state.content_hash.empty() && state.last_error.empty()) hashes_[state.content_hash] = state.url;
    return Status::Ok();
  }
  bool HasBody(const std::string& content_hash) override {
    std::lock_guard<std::mutex> lock(mu_);
    return hashes_.count(content_hash) > 0;
  }

 private:
  std::mutex mu_;
  std::map<std::string, UrlState> states_;
  std::map<std::string, std::string> hashes_;
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_URL_STATE_STORE_H_
