#include "crawl/feed_parser.h"

#include <catch2/catch.hpp>

#include "crawl/feed_dates.h"

namespace dealwatch {
namespace {

TEST_CASE("ParseFeed reads RSS 2.0 items with relative links, titles and dates", "[crawl]") {
  const char* rss = R"x(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Loans</title>
  <link>https://example.com/</link>
  <atom:link href="https://example.com/rss.xml" rel="self"/>
  <item>
    <title><![CDATA[萬泰獲 <b>JPM</b> 貸款]]></title>
    <link>zh-Hant/0001-vantage-jpm-mufg-loan.html?utm_source=rss</link>
    <pubDate>Sat, 23 Aug 2025 14:05:00 +0800</pubDate>
  </item>
  <item>
    <title>Only a guid</title>
    <guid isPermaLink="true">https://example.com/b.html</guid>
    <dc:date>2025-08-24</dc:date>
  </item>
  <item><title>Not a permalink</title><guid isPermaLink="false">id-3</guid></item>
  <item><title>Duplicate</title><link>zh-Hant/0001-vantage-jpm-mufg-loan.html#x</link></item>
</channel></rss>)x";
  Result<Feed> feed = ParseFeed(rss, "https://example.com/feeds/rss.xml");
  REQUIRE(feed.ok());
  CHECK(feed->kind == FeedKind::kRss);
  REQUIRE(feed->entries.size() == 2);
  CHECK(feed->entries[0].url == "https://example.com/feeds/zh-Hant/0001-vantage-jpm-mufg-loan.html");
  CHECK(feed->entries[0].title == "萬泰獲 <b>JPM</b> 貸款");
  CHECK(feed->entries[0].date == "2025-08-23T06:05:00Z");
  CHECK(feed->entries[1].url == "https://example.com/b.html");
  CHECK(feed->entries[1].date == "2025-08-24");
}

TEST_CASE("ParseFeed reads Atom entries, their alternate link, categories and dates", "[crawl]") {
  const char* atom = R"x(<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Filings</title>
  <link rel="self" href="/feed.atom"/>
  <entry>
    <title type="html">8-K - ACME CORP (0000000001) (Filer)</title>
    <link rel="edit" href="/edit/1"/>
    <link rel="alternate" type="text/html" href="/Archives/1-index.htm"/>
    <category scheme="https://www.sec.gov/" label="form type" term="8-K"/>
    <updated>2024-01-05T16:30:33-05:00</updated>
  </entry>
  <entry><title>No rel</title><link href="https://other.example/x"/><published>2024-01-04T10:00:00.123Z</published></entry>
</feed>)x";
  Result<Feed> feed = ParseFeed(atom, "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent");
  REQUIRE(feed.ok());
  CHECK(feed->kind == FeedKind::kAtom);
  REQUIRE(feed->entries.size() == 2);
  CHECK(feed->entries[0].url == "https://www.sec.gov/Archives/1-index.htm");
  CHECK(feed->entries[0].categories == std::vector<std::string>{"8-K"});
  CHECK(feed->entries[0].date == "2024-01-05T16:30:33-05:00");
  CHECK(feed->entries[0].modified == "2024-01-05T16:30:33-05:00");
  CHECK(feed->entries[1].url == "https://other.example/x");
  CHECK(feed->entries[1].date == "2024-01-04T10:00:00Z");
}

TEST_CASE("ParseFeed reads sitemaps, news sitemaps and sitemap indexes", "[crawl]") {
  const char* urlset = R"x(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://example.com/a.html</loc><lastmod>2025-01-02</lastmod></url>
  <url><loc>https://example.com/b.html</loc>
    <news:news><news:publication><news:name>X</news:name></news:publication>
      <news:publication_date>2025-01-03T08:00:00+08:00</news:publication_date>
      <news:title>銀團貸款</news:title></news:news></url>
</urlset>)x";
  Result<Feed> feed = ParseFeed(urlset, "https://example.com/sitemap.xml");
  REQUIRE(feed.ok());
  CHECK(feed->kind == FeedKind::kSitemap);
  REQUIRE(feed->entries.size() == 2);
  CHECK(feed->entries[0].date == "2025-01-02");
  CHECK(feed->entries[0].modified == "2025-01-02");
  CHECK(feed->entries[1].title == "銀團貸款");
  CHECK(feed->entries[1].date == "2025-01-03T08:00:00+08:00");

  const char* index = R"x(<sitemapindex><sitemap><loc>/s1.xml.gz</loc></sitemap>
      <sitemap><loc>https://example.com/s2.xml</loc></sitemap></sitemapindex>)x";
  Result<Feed> idx = ParseFeed(index, "https://example.com/index.xml");
  REQUIRE(idx.ok());
  CHECK(idx->kind == FeedKind::kSitemapIndex);
  REQUIRE(idx->entries.size() == 2);
  CHECK(idx->entries[0].url == "https://example.com/s1.xml.gz");
}

TEST_CASE("ParseFeed reads RSS 1.0 (RDF) items", "[crawl]") {
  const char* rdf = R"x(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <item rdf:about="https://example.com/1"><title>One</title></item>
  <item rdf:about="https://example.com/2"><title>Two</title><link>https://example.com/2b</link></item>
</rdf:RDF>)x";
  Result<Feed> feed = ParseFeed(rdf, "https://example.com/");
  REQUIRE(feed.ok());
  REQUIRE(feed->entries.size() == 2);
  CHECK(feed->entries[0].url == "https://example.com/1");
  CHECK(feed->entries[1].url == "https://example.com/2b");
}

TEST_CASE("ParseFeed refuses HTML, empty input and entity tricks", "[crawl]") {
  CHECK(ParseFeed("<html><body>x</body></html>", "https://a.com/").status().message() ==
        "not a feed or sitemap (root element <html>)");
  CHECK(!ParseFeed("", "https://a.com/").ok());
  CHECK(!ParseFeed("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "https://a.com/").ok());
}

TEST_CASE("NormalizeFeedDate turns feed dates into ISO 8601", "[crawl]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"2025-08-23", "2025-08-23"},
      {"2025-08-23T14:05:00+08:00", "2025-08-23T14:05:00+08:00"},
      {"2025-08-23T14:05+0800", "2025-08-23T14:05:00+08:00"},
      {"2025-08-23T14:05:00.5Z", "2025-08-23T14:05:00Z"},
      {"2025-08-23 14:05:00", "2025-08-23T14:05:00Z"},
      {"Sat, 23 Aug 2025 14:05:00 GMT", "2025-08-23T14:05:00Z"},
      {"Sat, 23 Aug 2025 14:05:00 +0800", "2025-08-23T06:05:00Z"},
      {"  2025-08-23  ", "2025-08-23"},
      {"yesterday", ""},
      {"2025-13-01", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(NormalizeFeedDate(c.in) == c.out);
  }
  CHECK(IsoDateToUnix("1970-01-02") == 86400);
  CHECK(IsoDateToUnix("1970-01-01T08:00:00+08:00") == 0);
  CHECK(IsoDateToUnix("") == -1);
}

}  // namespace
}  // namespace dealwatch
