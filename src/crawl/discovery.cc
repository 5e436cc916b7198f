#include "crawl/discovery.h"

#include "common/strings.h"
#include "crawl/robots.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {

Discovered FromListing(std::string_view html, const std::string& url, const RE2* pattern) {
  Discovered d;
  for (HtmlLink& link : ExtractHtmlLinks(html, url)) {
    if (link.url == url || (pattern && !RE2::PartialMatch(link.url, *pattern))) continue;
    FeedEntry e;
    e.url = std::move(link.url);
    e.title = std::move(link.text);
    d.pages.push_back(std::move(e));
  }
  return d;
}

// The EDGAR form an entry is about: its category term, else the title's
// lead ("8-K - APPLE INC (0000320193) (Filer)").
std::string EntryForm(const FeedEntry& e) {
  if (!e.categories.empty()) return e.categories.front();
  size_t dash = e.title.find(" - ");
  return dash == std::string::npos ? "" : e.title.substr(0, dash);
}

Discovered FromEdgarFeed(Feed feed, const SourceConfig& source) {
  Discovered d;
  for (FeedEntry& e : feed.entries) {
    std::string form = EntryForm(e);
    for (const std::string& wanted : source.forms) {
      if (!IEquals(form, wanted)) continue;
      e.categories = {wanted};
      d.filings.push_back(std::move(e));
      break;
    }
  }
  return d;
}

Discovered FromRobots(std::string_view body, const std::string& url, std::string_view product) {
  Discovered d;
  RobotsRules rules = RobotsRules::Parse(body, product);
  for (const std::string& sitemap : rules.sitemaps()) {
    Result<std::string> resolved = ResolveUrl(url, sitemap);
    if (resolved.ok()) d.feeds.push_back(*resolved);
  }
  return d;
}

// EX-10 (material contracts) and EX-99 (press releases) with any
// sub-number: "EX-10.1", "EX-99" but not "EX-101.SCH" (XBRL).
bool IsWantedExhibit(const std::string& type) {
  std::string t = AsciiLower(type);
  for (std::string_view prefix : {"ex-10", "ex-99"}) {
    if (t.rfind(prefix, 0) == 0 && (t.size() == prefix.size() || t[prefix.size()] == '.')) return true;
  }
  return false;
}

}  // namespace

bool IsRobotsUrl(const std::string& url) {
  Result<UrlParts> parts = ParseUrl(url);
  return parts.ok() && parts->path == "/robots.txt" && parts->scheme != "file";
}

Result<Discovered> DiscoverLinks(const SourceConfig& source, std::string_view body,
                                 const std::string& url, const RE2* link_pattern,
                                 std::string_view product) {
  if (source.kind == "listing") return FromListing(body, url, link_pattern);
  if (source.kind == "sitemap" && IsRobotsUrl(url)) return FromRobots(body, url, product);
  Result<Feed> feed = ParseFeed(body, url);
  if (!feed.ok()) return feed.status();
  Discovered d;
  if (feed->kind == FeedKind::kSitemapIndex) {
    for (FeedEntry& e : feed->entries) d.feeds.push_back(std::move(e.url));
    return d;
  }
  if (source.kind == "edgar") return FromEdgarFeed(std::move(feed).value(), source);
  d.pages = std::move(feed->entries);
  return d;
}

std::vector<FilingDocument> SelectFilingDocuments(const std::vector<FilingDocument>& docs,
                                                  const std::string& form) {
  std::vector<FilingDocument> out;
  for (const FilingDocument& doc : docs) {
    if (IEquals(doc.type, form) || IsWantedExhibit(doc.type)) out.push_back(doc);
  }
  return out;
}

}  // namespace dealwatch
