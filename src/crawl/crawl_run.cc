#include "crawl/crawl_run.h"

#include <algorithm>

#include "common/log.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {

constexpr int kMaxPollMs = 200;

double SecondsBetween(CrawlClock::time_point a, CrawlClock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

std::string PathOf(const std::string& url) {
  Result<UrlParts> parts = ParseUrl(url);
  if (!parts.ok()) return "/";
  return parts->query.empty() ? parts->path : parts->path + "?" + parts->query;
}

}  // namespace

CrawlRun::CrawlRun(const CrawlConfig& config, UrlStateStore* store,
                   const std::function<void(Page&&)>& on_page, const std::atomic<bool>* stop)
    : config_(config),
      store_(store),
      on_page_(on_page),
      stop_(stop),
      product_(ProductToken(config.user_agent)),
      retry_{config.max_retries, config.retry_base_ms, config.retry_after_max_s},
      rng_(std::random_device{}()) {
  RE2::Options quiet;
  quiet.set_log_errors(false);  // validated by ParseCrawlConfig
  for (const SourceConfig& s : config_.sources) {
    SourceRun run;
    run.report.source = s.name;
    if (!s.link_pattern.empty()) run.link_pattern = std::make_unique<RE2>(s.link_pattern, quiet);
    sources_.push_back(std::move(run));
  }
}

CrawlReport CrawlRun::Run() {
  CrawlClock::time_point start = CrawlClock::now();
  CrawlReport report;
  FetchOptions options{config_.user_agent, config_.connect_timeout_s, config_.timeout_s,
                       config_.low_speed_s};
  Result<std::unique_ptr<HttpFetcher>> fetcher = HttpFetcher::Create(options);
  if (!fetcher.ok()) {
    LogError("crawl", fetcher.status().message());
    for (SourceRun& s : sources_) {
      s.report.failed_completely = true;
      s.report.error = fetcher.status().message();
    }
  } else {
    fetcher_ = std::move(fetcher).value();
    Seed();
    while (!Stopped()) {
      Dispatch();
      if (Idle()) break;
      std::vector<std::pair<uint64_t, HttpResponse>> done;
      fetcher_->Poll(PollTimeoutMs(), &done);
      for (auto& [id, response] : done) {
        if (Stopped()) break;  // the rest stay in in_flight_ and count as skipped
        Complete(id, std::move(response));
      }
    }
  }
  report.stopped = Stopped();
  Finish(&report);
  report.seconds = SecondsBetween(start, CrawlClock::now());
  return report;
}

void CrawlRun::Seed() {
  for (size_t i = 0; i < config_.sources.size(); ++i) {
    const SourceConfig& s = config_.sources[i];
    if (s.kind == "urls") {
      for (const std::string& url : s.urls) AddPage(i, FeedEntry{url, "", "", "", {}});
      continue;
    }
    Job job;
    job.kind = JobKind::kFeed;
    job.source = i;
    job.key = job.url = s.url;
    job.hops = {s.url};
    job.is_root = true;
    Enqueue(std::move(job));
  }
}

bool CrawlRun::Idle() const {
  if (fetcher_->active() > 0) return false;
  return std::all_of(hosts_.begin(), hosts_.end(), [](const auto& h) { return h.second.queue.empty(); });
}

void CrawlRun::Wake(CrawlClock::time_point at) {
  if (!has_wake_ || at < wake_at_) wake_at_ = at;
  has_wake_ = true;
}

int CrawlRun::PollTimeoutMs() const {
  if (!has_wake_) return kMaxPollMs;
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(wake_at_ - CrawlClock::now()).count();
  return static_cast<int>(std::clamp<int64_t>(ms, 0, kMaxPollMs));
}

void CrawlRun::Dispatch() {
  has_wake_ = false;
  CrawlClock::time_point now = CrawlClock::now();
  for (auto& [key, host] : hosts_) {
    if (host.queue.empty()) continue;
    if (key.empty()) {
      RunLocalJobs(host);
      continue;
    }
    Lane& lane = lanes_[host.lane];
    if (lane.busy) continue;
    if (now < lane.next_allowed) {
      Wake(lane.next_allowed);
      continue;
    }
    if (fetcher_->active() >= static_cast<size_t>(config_.concurrency)) return;
    DispatchHost(key, host, lane, now);
  }
}

bool CrawlRun::NeedsRobots(const Host& host) const {
  return std::any_of(host.queue.begin(), host.queue.end(),
                     [&](const Job& j) { return config_.sources[j.source].obey_robots; });
}

// Fails `job` without a request when robots.txt refuses it. True if so.
bool CrawlRun::Refuse(Host& host, const Job& job) {
  if (!config_.sources[job.source].obey_robots || host.robots_state != RobotsState::kReady) {
    return false;
  }
  if (!host.robots_failure.empty()) {
    Fail(job, host.robots_failure, 0, -1);
    return true;
  }
  if (host.robots.IsAllowed(PathOf(job.url))) return false;
  Fail(job, "robots", 0, -1);
  return true;
}

void CrawlRun::DispatchHost(const std::string& key, Host& host, Lane& lane,
                            CrawlClock::time_point now) {
  if (host.robots_state == RobotsState::kFetching) return;
  if (host.robots_state == RobotsState::kUnknown && NeedsRobots(host)) {
    auto obeys = std::find_if(host.queue.begin(), host.queue.end(), [&](const Job& j) {
      return config_.sources[j.source].obey_robots;
    });
    return StartRobots(key, host, lane, obeys->source);
  }
  for (size_t i = 0; i < host.queue.size();) {
    Job& job = host.queue[i];
    SourceRun& src = sources_[job.source];
    int max_pages = config_.sources[job.source].max_pages;
    bool page = job.kind == JobKind::kPage;
    if (page && src.report.handed_on >= max_pages) {
      ++src.report.skipped;
      host.queue.erase(host.queue.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (job.not_before > now) {
      Wake(job.not_before);
      ++i;
      continue;
    }
    if (page && src.report.handed_on + src.pages_in_flight >= max_pages) {
      ++i;  // may be needed if a page in flight turns out unchanged
      continue;
    }
    Job taken = std::move(job);
    host.queue.erase(host.queue.begin() + static_cast<std::ptrdiff_t>(i));
    if (Refuse(host, taken)) continue;
    return StartJob(key, lane, std::move(taken));
  }
}

void CrawlRun::StartRobots(const std::string& key, Host& host, Lane& lane, size_t source) {
  const SourceConfig& s = config_.sources[source];
  // robots.txt of the host, with the scheme of the job that needs it.
  const std::string& url = host.queue.front().url;
  std::string scheme = url.substr(0, url.find("://") + 3);
  HttpRequest request;
  request.url = scheme + key + "/robots.txt";
  request.max_bytes = config_.max_bytes;  // beyond it: "too large", the host is skipped
  request.keep_bytes = kMaxRobotsBytes;    // all that RobotsRules::Parse reads
  request.allow_private = s.allow_private;
  request.follow_redirects = true;
  uint64_t id = next_id_++;
  Status started = fetcher_->Start(id, request);
  if (!started.ok()) {
    host.robots_state = RobotsState::kReady;
    host.robots_failure = "robots unavailable";
    return;
  }
  host.robots_state = RobotsState::kFetching;
  lane.busy = true;
  in_flight_[id] = InFlight{Job{}, key, true, source};
  LogDebug("crawl", request.url + ": fetching robots.txt");
}

void CrawlRun::StartJob(const std::string& key, Lane& lane, Job job) {
  const SourceConfig& s = config_.sources[job.source];
  SourceRun& src = sources_[job.source];
  HttpRequest request;
  request.url = job.url;
  request.max_bytes = config_.max_bytes;
  request.allow_private = s.allow_private;
  if (job.kind == JobKind::kPage && job.state) {
    request.if_none_match = job.state->etag;
    request.if_modified_since = job.state->last_modified;
  }
  uint64_t id = next_id_++;
  Status started = fetcher_->Start(id, request);
  if (!started.ok()) {
    LogWarn("crawl", started.message());
    return Fail(job, "network", 0, -1);
  }
  lane.busy = true;
  if (!src.started) src.started = CrawlClock::now();
  if (job.kind == JobKind::kPage) ++src.pages_in_flight;
  size_t source = job.source;
  in_flight_[id] = InFlight{std::move(job), key, false, source};
}

void CrawlRun::RunLocalJobs(Host& host) {
  while (!host.queue.empty() && !Stopped()) {
    Job job = std::move(host.queue.front());
    host.queue.pop_front();
    SourceRun& src = sources_[job.source];
    if (job.kind == JobKind::kPage && src.report.handed_on >= config_.sources[job.source].max_pages) {
      ++src.report.skipped;
      continue;
    }
    if (!src.started) src.started = CrawlClock::now();
    HttpResponse r = ReadLocalUrl(job.url, config_.max_bytes);
    OnResponse(std::move(job), std::move(r));
  }
}

void CrawlRun::Complete(uint64_t id, HttpResponse response) {
  auto it = in_flight_.find(id);
  if (it == in_flight_.end()) return;
  InFlight f = std::move(it->second);
  in_flight_.erase(it);
  Host& host = hosts_[f.host];
  Lane& lane = lanes_[host.lane];
  const SourceConfig& s = config_.sources[f.source];
  int gap = std::max({s.delay_ms, host.robots.crawl_delay_ms(), lane.min_gap_ms,
                      s.kind == "edgar" ? kEdgarMinGapMs : 0});
  lane.busy = false;
  lane.next_allowed = std::max(lane.next_allowed, CrawlClock::now() + std::chrono::milliseconds(gap));
  if (f.robots) return OnRobots(f.host, response);
  if (f.job.kind == JobKind::kPage) --sources_[f.source].pages_in_flight;
  OnResponse(std::move(f.job), std::move(response));
}

void CrawlRun::Finish(CrawlReport* report) {
  if (fetcher_) fetcher_->AbortAll();
  for (auto& [id, f] : in_flight_) {
    if (!f.robots && f.job.kind == JobKind::kPage) ++sources_[f.source].report.skipped;
  }
  for (auto& [key, host] : hosts_) {
    for (const Job& job : host.queue) {
      if (job.kind == JobKind::kPage) ++sources_[job.source].report.skipped;
    }
  }
  for (SourceRun& s : sources_) {
    if (s.started) s.report.seconds = std::max(0.0, SecondsBetween(*s.started, s.last_event));
    report->sources.push_back(std::move(s.report));
  }
}

}  // namespace dealwatch
