// Feed and sitemap parsing (crawl/feed_parser.h) on any bytes: RSS 2.0 and
// 1.0, Atom, sitemaps and sitemap indexes through XmlTokenizer, against a
// chosen base URL. Checks the entry limit, that every entry has an absolute
// http(s) URL, that entries are unique, and that every date given is one
// NormalizeFeedDate/IsoDateToUnix can read back.
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "crawl/feed_dates.h"
#include "crawl/feed_parser.h"
#include "fuzz_targets.h"

namespace dealwatch::fuzz {
namespace {

constexpr std::string_view kBases[] = {
    "https://news.example.com/rss/feed.xml",
    "https://www.example.com/sitemap_index.xml",
    "http://example.com/a/b/c?x=1",
    "file:///corpus/site/feed.xml",
};

}  // namespace

void FuzzFeed(std::string_view data) {
  std::string base(kBases[TakeChoice(&data, std::size(kBases))]);
  Result<Feed> feed = ParseFeed(data, base);
  if (!feed.ok()) return;
  DEALWATCH_FUZZ_CHECK(feed->entries.size() <= kMaxFeedEntries);
  std::set<std::string> urls;
  for (const FeedEntry& e : feed->entries) {
    DEALWATCH_FUZZ_CHECK(!e.url.empty());
    DEALWATCH_FUZZ_CHECK(urls.insert(e.url).second);
    if (!e.date.empty()) DEALWATCH_FUZZ_CHECK(NormalizeFeedDate(e.date) == e.date);
    (void)IsoDateToUnix(e.date);
    (void)IsoDateToUnix(e.modified);
  }
  // The date reader on the raw text too: feeds write dates in every form.
  (void)IsoDateToUnix(NormalizeFeedDate(data.substr(0, 200)));
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzFeed)
