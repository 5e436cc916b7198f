// What each answer means: robots.txt, redirects, retries, feeds, filing
// indexes and pages; and the UrlState recorded for everything that is not
// handed on.
#include <algorithm>
#include <chrono>
#include <ctime>

#include "common/files.h"
#include "common/log.h"
#include "common/redact.h"
#include "common/strings.h"
#include "crawl/crawl_run.h"
#include "crawl/discovery.h"
#include "crawl/feed_dates.h"
#include "crawl/sha256.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {

int64_t NowUnix() { return static_cast<int64_t>(std::time(nullptr)); }

bool IsSecGov(const std::string& host) { return host == "sec.gov" || EndsWithI(host, ".sec.gov"); }

// A stored page that cannot have changed: EDGAR archives are immutable, and
// a feed's modification date before our last fetch means the same content.
bool KnownUnchanged(const UrlState& state, const FeedEntry& entry) {
  if (state.content_hash.empty() || !state.last_error.empty()) return false;
  if (state.url.find("sec.gov/Archives/edgar/data/") != std::string::npos) return true;
  int64_t modified = IsoDateToUnix(entry.modified);
  return modified >= 0 && modified < state.fetched_at;
}

// file:// pages only for sources that name local paths themselves: a local
// feed, or a fixed list written in the config.
bool MayReadFiles(const SourceConfig& s) {
  return s.kind == "urls" || s.url.rfind("file:", 0) == 0;
}

}  // namespace

std::string CrawlRun::LaneKey(const UrlParts& parts) {
  return IsSecGov(parts.host) ? "sec.gov" : HostKey(parts);
}

CrawlRun::Lane& CrawlRun::LaneOf(const std::string& url) {
  Result<UrlParts> parts = ParseUrl(url);
  std::string key = parts.ok() ? LaneKey(*parts) : "";
  Lane& lane = lanes_[key];
  if (key == "sec.gov") lane.min_gap_ms = kEdgarMinGapMs;
  return lane;
}

void CrawlRun::Enqueue(Job job) {
  Result<UrlParts> parts = ParseUrl(job.url);
  if (!parts.ok()) return Fail(job, "scheme", 0, -1);
  std::string key = parts->scheme == "file" ? "" : HostKey(*parts);
  auto [it, fresh] = hosts_.try_emplace(key);
  if (fresh && !key.empty()) {
    it->second.lane = LaneKey(*parts);
    LaneOf(job.url);
  }
  it->second.queue.push_back(std::move(job));
}

void CrawlRun::AddPage(size_t source, FeedEntry entry) {
  if (!seen_urls_.insert(entry.url).second) return;  // found earlier this run
  const SourceConfig& s = config_.sources[source];
  SourceRun& src = sources_[source];
  ++src.report.discovered;
  Job job;
  job.kind = JobKind::kPage;
  job.source = source;
  job.key = job.url = entry.url;
  job.hops = {entry.url};
  job.title_hint = std::move(entry.title);
  job.published_hint = std::move(entry.date);
  job.state = store_->Get(entry.url);
  bool local = entry.url.rfind("file:", 0) == 0;
  if (local && !MayReadFiles(s)) return Fail(job, "scheme", 0, -1);
  if (job.state && (job.state->next_retry_at > NowUnix() || KnownUnchanged(*job.state, entry))) {
    ++src.report.skipped;
    return;
  }
  Enqueue(std::move(job));
}

void CrawlRun::OnRobots(const std::string& key, const HttpResponse& r) {
  Host& host = hosts_[key];
  host.robots_state = RobotsState::kReady;
  if (!r.error.empty()) {
    host.robots_failure = r.error;  // unreachable: nothing can be fetched this run
  } else if (r.status == 429 || r.status >= 500) {
    host.robots = RobotsRules::DisallowAll();
    host.robots_failure = "robots unavailable";
  } else if (r.status >= 200 && r.status < 300) {
    host.robots = RobotsRules::Parse(r.body, product_);
  }  // 3xx left over after 5 redirects, 4xx: everything allowed
  if (!host.robots_failure.empty()) {
    LogWarn("crawl", key + "/robots.txt: " + FailureReason(r) + ": host skipped this run");
  } else {
    LogInfo("crawl", key + "/robots.txt: HTTP " + std::to_string(r.status));
  }
}

void CrawlRun::OnResponse(Job job, HttpResponse r) {
  SourceRun& src = sources_[job.source];
  src.last_event = CrawlClock::now();
  src.report.bytes += static_cast<int64_t>(r.body.size());
  if (!r.error.empty() || r.status == 429 || r.status >= 500) return RetryOrFail(std::move(job), r);
  if (r.status >= 300 && r.status < 400 && r.status != 304) return FollowRedirect(std::move(job), r);
  if (r.status == 304 && job.kind == JobKind::kPage && job.state) return OnNotModified(job, r);
  if (r.status < 200 || r.status >= 300) return Fail(job, FailureReason(r), r.status, -1);
  r.final_url = job.url;  // the last hop, canonical
  switch (job.kind) {
    case JobKind::kFeed: return OnFeedBody(job, r);
    case JobKind::kEdgarIndex: return OnIndexBody(job, r);
    case JobKind::kPage: return OnPageBody(job, std::move(r));
  }
}

void CrawlRun::RetryOrFail(Job job, const HttpResponse& r) {
  int64_t retry_after = ParseRetryAfter(r.retry_after, NowUnix());
  std::string reason = FailureReason(r);
  if (IsRetryable(r) && job.attempt < retry_.max_retries) {
    int64_t delay = RetryDelayMs(retry_, job.attempt + 1, retry_after, &rng_);
    if (delay >= 0) {
      ++job.attempt;
      job.not_before = CrawlClock::now() + std::chrono::milliseconds(delay);
      // A server that asks us to wait means the whole host.
      if (retry_after >= 0) {
        Lane& lane = LaneOf(job.url);
        lane.next_allowed = std::max(lane.next_allowed, job.not_before);
      }
      LogInfo("crawl", job.url + ": " + reason + ", retry " + std::to_string(job.attempt) +
                           " in " + std::to_string(delay) + " ms");
      return Enqueue(std::move(job));
    }
  }
  Fail(job, reason, r.status, retry_after);
}

void CrawlRun::FollowRedirect(Job job, const HttpResponse& r) {
  if (r.redirect_url.empty()) return Fail(job, FailureReason(r), r.status, -1);
  Result<std::string> target = CanonicalUrl(r.redirect_url);
  if (!target.ok() || target->rfind("http", 0) != 0) return Fail(job, "scheme", r.status, -1);
  if (std::find(job.hops.begin(), job.hops.end(), *target) != job.hops.end()) {
    return Fail(job, "redirect loop", r.status, -1);
  }
  if (static_cast<int>(job.hops.size()) > kMaxRedirects) {
    return Fail(job, "too many redirects", r.status, -1);
  }
  LogDebug("crawl", job.url + ": HTTP " + std::to_string(r.status) + " -> " + *target);
  job.url = *target;
  job.hops.push_back(*target);
  job.attempt = 0;
  job.not_before = {};
  Enqueue(std::move(job));
}

void CrawlRun::OnFeedBody(const Job& job, const HttpResponse& r) {
  const SourceConfig& s = config_.sources[job.source];
  SourceRun& src = sources_[job.source];
  std::string_view body = r.body;
  std::string inflated;
  if (LooksGzipped(body)) {  // .xml.gz sitemaps: max_bytes bounds the inflated size too
    bool too_large = false;
    Result<std::string> plain = Gunzip(body, static_cast<size_t>(config_.max_bytes), &too_large);
    if (!plain.ok()) {
      LogWarn("crawl", job.url + ": " + plain.status().message());
      return Fail(job, too_large ? "too large" : "bad feed", r.status, -1);
    }
    inflated = std::move(plain).value();
    body = inflated;
  }
  Result<Discovered> found = DiscoverLinks(s, body, r.final_url, src.link_pattern.get(), product_);
  if (!found.ok()) {
    LogWarn("crawl", job.url + ": " + found.status().message());
    return Fail(job, "bad feed", r.status, -1);
  }
  LogInfo("crawl", job.url + ": " + std::to_string(found->pages.size()) + " links, " +
                       std::to_string(found->feeds.size()) + " sitemaps, " +
                       std::to_string(found->filings.size()) + " filings");
  for (std::string& feed : found->feeds) {
    if (job.depth >= kMaxSitemapDepth || src.child_feeds >= kMaxChildSitemaps) break;
    ++src.child_feeds;
    Job child;
    child.kind = JobKind::kFeed;
    child.source = job.source;
    child.key = child.url = feed;
    child.hops = {feed};
    child.depth = job.depth + 1;
    Enqueue(std::move(child));
  }
  for (FeedEntry& filing : found->filings) {
    Job index;
    index.kind = JobKind::kEdgarIndex;
    index.source = job.source;
    index.key = index.url = filing.url;
    index.hops = {filing.url};
    index.title_hint = std::move(filing.title);
    index.published_hint = std::move(filing.date);
    index.form = filing.categories.front();
    Enqueue(std::move(index));
  }
  for (FeedEntry& page : found->pages) AddPage(job.source, std::move(page));
}

void CrawlRun::OnIndexBody(const Job& job, const HttpResponse& r) {
  std::vector<FilingDocument> docs =
      SelectFilingDocuments(ParseFilingIndex(r.body, r.final_url), job.form);
  if (docs.empty()) {
    LogWarn("crawl", job.url + ": no documents in the filing index");
    return Fail(job, "bad feed", r.status, -1);
  }
  for (FilingDocument& doc : docs) {
    std::string title = job.title_hint.empty() ? doc.type : job.title_hint + " (" + doc.type + ")";
    AddPage(job.source, FeedEntry{std::move(doc.url), std::move(title), job.published_hint, "", {}});
  }
}

UrlState CrawlRun::BaseState(const Job& job) const {
  UrlState state = job.state.value_or(UrlState{});
  state.url = job.key;
  state.source = config_.sources[job.source].name;
  state.fetched_at = NowUnix();
  return state;
}

void CrawlRun::PutState(const UrlState& state) {
  Status s = store_->Put(state);
  if (!s.ok()) LogWarn("crawl", state.url + ": cannot record state: " + s.message());
}

void CrawlRun::OnNotModified(const Job& job, const HttpResponse& r) {
  UrlState state = BaseState(job);
  if (!r.etag.empty()) state.etag = r.etag;
  if (!r.last_modified.empty()) state.last_modified = r.last_modified;
  state.last_status = 304;
  state.last_error.clear();
  state.failures = 0;
  state.next_retry_at = 0;
  PutState(state);
  ++sources_[job.source].report.not_modified;
  LogInfo("crawl", job.key + ": not modified");
}

void CrawlRun::OnPageBody(const Job& job, HttpResponse r) {
  SourceRun& src = sources_[job.source];
  ++src.report.fetched;
  UrlState state = BaseState(job);
  std::string old_hash = state.content_hash;
  state.content_hash = Sha256Hex(r.body);
  state.etag = r.etag;
  state.last_modified = r.last_modified;
  state.last_status = r.status;
  state.last_error.clear();
  state.failures = 0;
  state.next_retry_at = 0;
  if (state.content_hash == old_hash || seen_bodies_.count(state.content_hash) > 0 ||
      store_->HasBody(state.content_hash)) {
    bool unchanged = state.content_hash == old_hash;
    ++(unchanged ? src.report.unchanged : src.report.duplicates);
    LogInfo("crawl", job.key + (unchanged ? ": unchanged" : ": duplicate body"));
    return PutState(state);
  }
  seen_bodies_.insert(state.content_hash);
  const SourceConfig& s = config_.sources[job.source];
  Page page;
  page.source = s.name;
  page.context = s.context;
  page.lang_hint = s.lang;
  page.charset = s.charset;
  page.url = job.key;
  page.final_url = r.final_url;
  page.content_type = r.content_type;
  page.body = std::move(r.body);
  page.title_hint = job.title_hint;
  page.published_hint = job.published_hint;
  page.http_status = r.status;
  page.state = std::move(state);
  ++src.report.handed_on;
  LogInfo("crawl", job.key + ": handed on (" + std::to_string(page.body.size()) + " bytes)");
  on_page_(std::move(page));
}

void CrawlRun::Fail(const Job& job, const std::string& reason, int status, int64_t retry_after_s) {
  SourceRun& src = sources_[job.source];
  src.last_event = CrawlClock::now();
  ++src.report.failures[reason];
  ++src.report.failed;
  LogWarn("crawl", job.url + ": " + reason);
  if (job.kind != JobKind::kPage) {
    if (job.is_root) {
      src.report.failed_completely = true;
      src.report.error = RedactUrl(job.url) + ": " + reason;  // goes to the run table and stdout
    }
    return;
  }
  UrlState state = BaseState(job);
  state.last_status = status;
  state.last_error = reason;
  ++state.failures;
  state.next_retry_at = NextRetryAt(state.fetched_at, state.failures, retry_after_s);
  PutState(state);
}

}  // namespace dealwatch
