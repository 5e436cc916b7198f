// Discovery: what a source's own documents point to. Turns the body of a
// feed, sitemap, sitemap index, robots.txt (for sitemap sources that name
// one), listing page or EDGAR feed into page links with their hints, child
// sitemaps and EDGAR filing index pages; and picks the documents of an
// EDGAR filing. Pure functions; thread-safe.
#ifndef DEALWATCH_CRAWL_DISCOVERY_H_
#define DEALWATCH_CRAWL_DISCOVERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "common/status.h"
#include "crawl/crawl_config.h"
#include "crawl/feed_parser.h"
#include "crawl/html_links.h"

namespace dealwatch {

struct Discovered {
  std::vector<FeedEntry> pages;    // article links, hints in title/date
  std::vector<std::string> feeds;  // child sitemaps (from an index or robots.txt)
  std::vector<FeedEntry> filings;  // EDGAR filing index pages; categories[0] is the form
};

// Reads the body of `source`'s feed/sitemap/listing fetched from `url` (the
// final URL). `link_pattern` is the source's compiled link_pattern (listing;
// may be null otherwise). `product` is our robots product token. Fails with
// kDataError for a body that is neither the expected feed nor HTML.
// REQUIRES: a gzipped body (.xml.gz, application/gzip) was inflated first
// (the crawler does, up to max_bytes, so that a bomb is "too large").
Result<Discovered> DiscoverLinks(const SourceConfig& source, std::string_view body,
                                 const std::string& url, const RE2* link_pattern,
                                 std::string_view product);

// The documents of an EDGAR filing worth reading: the primary document
// (type equal to `form`) and the EX-10.x and EX-99.x exhibits, in order.
std::vector<FilingDocument> SelectFilingDocuments(const std::vector<FilingDocument>& docs,
                                                  const std::string& form);

// True for URLs whose path is /robots.txt.
bool IsRobotsUrl(const std::string& url);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_DISCOVERY_H_
