// CrawlRun is the state of one Crawler::Run: the job queues per host, the
// politeness lanes, robots.txt per host and the report being filled.
// Internal to the crawl stage: crawl_run.cc schedules and fetches,
// crawl_run_results.cc decides what each answer means.
// Not thread-safe: lives on the thread that called Crawler::Run.
#ifndef DEALWATCH_CRAWL_CRAWL_RUN_H_
#define DEALWATCH_CRAWL_CRAWL_RUN_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "crawl/crawl_config.h"
#include "crawl/crawl_report.h"
#include "crawl/feed_parser.h"
#include "crawl/http_fetcher.h"
#include "crawl/page.h"
#include "crawl/retry_policy.h"
#include "crawl/url.h"
#include "crawl/robots.h"
#include "crawl/url_state_store.h"

namespace dealwatch {

using CrawlClock = std::chrono::steady_clock;

inline constexpr int kMaxRedirects = 5;
inline constexpr int kEdgarMinGapMs = 100;  // SEC fair access: at most 10 requests a second
inline constexpr int kMaxSitemapDepth = 2;  // robots.txt -> index -> sitemap, no deeper
inline constexpr int kMaxChildSitemaps = 1000;

enum class JobKind { kFeed, kEdgarIndex, kPage };

struct Job {
  JobKind kind = JobKind::kPage;
  size_t source = 0;              // index into CrawlConfig::sources
  std::string key;                // canonical URL as discovered (UrlState key)
  std::string url;                // the current hop
  std::vector<std::string> hops;  // every URL requested so far, for loop detection
  int attempt = 0;                // retries made
  CrawlClock::time_point not_before{};
  bool is_root = false;           // the source's own feed/sitemap/listing
  int depth = 0;                  // sitemap nesting
  std::string title_hint;
  std::string published_hint;
  std::string form;               // EDGAR form of a filing index job
  std::optional<UrlState> state;  // stored state of a page, if any
};

class CrawlRun {
 public:
  CrawlRun(const CrawlConfig& config, UrlStateStore* store,
           const std::function<void(Page&&)>& on_page, const std::atomic<bool>* stop);
  CrawlReport Run();

 private:
  enum class RobotsState { kUnknown, kFetching, kReady };
  struct Lane {  // requests that must be spaced: one host, or all sec.gov hosts
    bool busy = false;
    CrawlClock::time_point next_allowed{};
    int min_gap_ms = 0;
  };
  struct Host {
    std::deque<Job> queue;
    std::string lane;
    RobotsState robots_state = RobotsState::kUnknown;
    RobotsRules robots;
    std::string robots_failure;  // why every request is refused, or ""
  };
  struct InFlight {
    Job job;
    std::string host;
    bool robots = false;
    size_t source = 0;
  };
  struct SourceRun {
    SourceReport report;
    std::unique_ptr<RE2> link_pattern;
    int pages_in_flight = 0;
    int child_feeds = 0;
    std::optional<CrawlClock::time_point> started;
    CrawlClock::time_point last_event{};
  };

  // crawl_run.cc
  void Seed();
  bool Idle() const;
  void Dispatch();
  void DispatchHost(const std::string& key, Host& host, Lane& lane, CrawlClock::time_point now);
  bool NeedsRobots(const Host& host) const;
  bool Refuse(Host& host, const Job& job);
  void StartRobots(const std::string& key, Host& host, Lane& lane, size_t source);
  void StartJob(const std::string& key, Lane& lane, Job job);
  void RunLocalJobs(Host& host);
  void Complete(uint64_t id, HttpResponse response);
  int PollTimeoutMs() const;
  void Finish(CrawlReport* report);
  void Wake(CrawlClock::time_point at);
  bool Stopped() const { return stop_ != nullptr && stop_->load(); }

  // crawl_run_results.cc
  void Enqueue(Job job);
  void AddPage(size_t source, FeedEntry entry);
  void OnRobots(const std::string& key, const HttpResponse& r);
  void OnResponse(Job job, HttpResponse r);
  void OnFeedBody(const Job& job, const HttpResponse& r);
  void OnIndexBody(const Job& job, const HttpResponse& r);
  void OnPageBody(const Job& job, HttpResponse r);
  void OnNotModified(const Job& job, const HttpResponse& r);
  void FollowRedirect(Job job, const HttpResponse& r);
  void RetryOrFail(Job job, const HttpResponse& r);
  void Fail(const Job& job, const std::string& reason, int status, int64_t retry_after_s);
  void PutState(const UrlState& state);
  UrlState BaseState(const Job& job) const;
  static std::string LaneKey(const UrlParts& parts);  // "sec.gov" or the host key
  Lane& LaneOf(const std::string& url);

  const CrawlConfig& config_;
  UrlStateStore* store_;
  const std::function<void(Page&&)>& on_page_;
  const std::atomic<bool>* stop_;
  std::string product_;  // robots product token of our User-Agent
  RetryPolicy retry_;
  std::mt19937 rng_;
  std::unique_ptr<HttpFetcher> fetcher_;
  std::vector<SourceRun> sources_;
  std::map<std::string, Host> hosts_;  // by HostKey; "" holds file:// jobs
  std::map<std::string, Lane> lanes_;
  std::map<uint64_t, InFlight> in_flight_;
  std::set<std::string> seen_urls_;    // page URLs discovered this run
  std::set<std::string> seen_bodies_;  // hashes handed on this run
  uint64_t next_id_ = 1;
  CrawlClock::time_point wake_at_{};   // earliest timer Dispatch saw
  bool has_wake_ = false;
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_CRAWL_RUN_H_
