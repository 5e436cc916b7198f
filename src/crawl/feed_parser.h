// Reads the link lists the crawler starts from: RSS 2.0 and 1.0, Atom,
// sitemaps (incl. Google News sitemaps) and sitemap indexes, on
// XmlTokenizer. Relative links resolve against the feed's URL. Feed entry
// titles and dates are kept as hints for the page. Pure functions;
// thread-safe.
#ifndef DEALWATCH_CRAWL_FEED_PARSER_H_
#define DEALWATCH_CRAWL_FEED_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dealwatch {

inline constexpr size_t kMaxFeedEntries = 50000;  // the sitemap protocol's limit

enum class FeedKind { kRss, kAtom, kSitemap, kSitemapIndex };

struct FeedEntry {
  std::string url;    // canonical, absolute
  std::string title;  // entry title, "" when none
  std::string date;   // ISO 8601 (see NormalizeFeedDate), "" when none
  std::string modified;  // ISO 8601 of Atom <updated> / sitemap <lastmod>, "" when none
  std::vector<std::string> categories;  // RSS <category>, Atom category/@term
};

struct Feed {
  FeedKind kind = FeedKind::kRss;
  // Article links (RSS, Atom, sitemap) or child sitemaps (sitemap index),
  // in document order, without duplicates, at most kMaxFeedEntries.
  std::vector<FeedEntry> entries;
};

// Parses `body` (plain, not gzipped). `base_url` is the feed's final URL.
// Entries whose link is missing or cannot be resolved are skipped. Fails with
// kDataError when the XML is refused (see XmlTokenizer) or the root element
// is none of rss, RDF, feed, urlset, sitemapindex.
Result<Feed> ParseFeed(std::string_view body, const std::string& base_url);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_FEED_PARSER_H_
