// Crawler integration tests: each kind of source (RSS, Atom, sitemaps,
// listings, file://), de-duplication, max_pages, failing sources and stop.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>

#include "crawl/crawler.h"
#include "crawl/test_server.h"
#include "crawl/url.h"

namespace dealwatch {
namespace {

using testing::FastConfig;
using testing::RunCrawl;
using testing::TestServer;
using testing::TestSource;

std::string Rss(const std::vector<std::string>& links) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>";
  for (size_t i = 0; i < links.size(); ++i) {
    xml += "<item><title>Item " + std::to_string(i) + "</title><link>" + links[i] + "</link></item>";
  }
  return xml + "</channel></rss>";
}

void ServePages(TestServer* server, const std::vector<std::string>& paths) {
  for (const std::string& p : paths) server->Serve(p, "<html>" + p + "</html>", "text/html");
}

TEST_CASE("Crawler reads an RSS feed with relative links and hands on titles", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/news/rss.xml", Rss({"a.html", "/b.html"}), "application/rss+xml");
  ServePages(&server, {"/news/a.html", "/b.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("rss", "rss", server.Url("/news/rss.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[0].url == server.Url("/news/a.html"));
  CHECK(result.pages[0].title_hint == "Item 0");
  CHECK(result.pages[0].source == "rss");
  CHECK(result.report.sources[0].discovered == 2);
}

TEST_CASE("Crawler reads an Atom feed", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/atom.xml",
               "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A</title>"
               "<link href=\"/a.html\"/><published>2025-02-03T04:05:06Z</published></entry></feed>",
               "application/atom+xml");
  ServePages(&server, {"/a.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("atom", "atom", server.Url("/atom.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].published_hint == "2025-02-03T04:05:06Z");
}

TEST_CASE("Crawler reads a sitemap index with a gzipped child sitemap", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::string gz_sitemap = testing::Gzip(
      "<urlset><url><loc>" + server.Url("/gz/1.html") + "</loc><lastmod>2025-01-01</lastmod></url></urlset>");
  server.Serve("/index.xml",
               "<sitemapindex><sitemap><loc>/s1.xml.gz</loc></sitemap>"
               "<sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>",
               "application/xml");
  server.Serve("/s1.xml.gz", gz_sitemap, "application/gzip");
  server.Serve("/s2.xml", "<urlset><url><loc>/plain/2.html</loc></url></urlset>", "application/xml");
  ServePages(&server, {"/gz/1.html", "/plain/2.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("sitemap", "sitemap", server.Url("/index.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[0].url == server.Url("/gz/1.html"));
  CHECK(result.pages[0].published_hint == "2025-01-01");
  CHECK(result.pages[1].url == server.Url("/plain/2.html"));
}

TEST_CASE("Crawler finds sitemaps through robots.txt Sitemap lines", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/robots.txt", "User-agent: *\nAllow: /\nSitemap: " + server.Url("/sm.xml") + "\n",
               "text/plain");
  server.Serve("/sm.xml", "<urlset><url><loc>/p.html</loc></url></urlset>", "application/xml");
  ServePages(&server, {"/p.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("robots", "sitemap", server.Url("/robots.txt"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].url == server.Url("/p.html"));
}

TEST_CASE("Crawler follows listing links that match link_pattern", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/list.html",
               "<html><body><a href=\"/article/1.html\">One</a><a href=\"/about.html\">About</a>"
               "<a href=\"article/2.html\">Two</a></body></html>",
               "text/html");
  ServePages(&server, {"/article/1.html", "/article/2.html", "/about.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("list", "listing", server.Url("/list.html"));
  s.link_pattern = "/article/\\d+\\.html$";
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[0].title_hint == "One");
  CHECK(server.Count("/about.html") == 0);
}

TEST_CASE("Crawler fetches URLs that differ only by tracking parameters once", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/rss.xml",
               Rss({"/a?id=1&utm_source=rss", "/a?id=1&utm_medium=x&fbclid=Z", "/a?id=1#c", "/a?id=1"}),
               "application/rss+xml");
  server.Serve("/a", "article", "text/html");
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("rss", "rss", server.Url("/rss.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.pages.size() == 1);
  CHECK(result.report.sources[0].discovered == 1);
  CHECK(server.Count("/a?id=1") == 1);
}

TEST_CASE("Crawler hands on identical bodies under two URLs once", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/rss.xml", Rss({"/p1", "/p2"}), "application/rss+xml");
  server.Serve("/p1", "same article", "text/html");
  server.Serve("/p2", "same article", "text/html");
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("rss", "rss", server.Url("/rss.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.pages.size() == 1);
  CHECK(result.report.sources[0].duplicates == 1);
  CHECK(RunCrawl(config, &store).pages.empty());
}

TEST_CASE("Crawler hands on at most max_pages pages per source", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::vector<std::string> paths = {"/1", "/2", "/3", "/4", "/5"};
  server.Serve("/rss.xml", Rss(paths), "application/rss+xml");
  ServePages(&server, paths);
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("rss", "rss", server.Url("/rss.xml"));
  s.max_pages = 2;
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.pages.size() == 2);
  CHECK(result.report.sources[0].skipped == 3);
  CHECK(RunCrawl(config, &store).pages.size() == 2);  // the next run picks up the rest
}

TEST_CASE("Crawler keeps going when one source fails completely", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/good.xml", Rss({"/a"}), "application/rss+xml");
  server.Serve("/a", "a", "text/html");
  server.Serve("/html.xml", "<html>not a feed</html>", "text/html");
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("missing", "rss", server.Url("/missing.xml")),
                    TestSource("garbage", "rss", server.Url("/html.xml")),
                    TestSource("good", "rss", server.Url("/good.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].failed_completely);
  CHECK(result.report.sources[0].failures.at("http 404") == 1);
  CHECK(result.report.sources[0].error == server.Url("/missing.xml") + ": http 404");
  CHECK(result.report.sources[1].failed_completely);
  CHECK(result.report.sources[1].failures.at("bad feed") == 1);
  CHECK(!result.report.sources[2].failed_completely);
  CHECK(result.pages.size() == 1);
}

TEST_CASE("Crawler stops soon when asked to", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::vector<std::string> paths = {"/1", "/2", "/3", "/4"};
  server.Serve("/rss.xml", Rss(paths), "application/rss+xml");
  ServePages(&server, paths);
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("rss", "rss", server.Url("/rss.xml"));
  s.delay_ms = 100;
  config.sources = {s};
  MemoryUrlStateStore store;
  std::atomic<bool> stop{false};
  std::vector<Page> pages;
  Crawler crawler(config, &store);
  CrawlReport report = crawler.Run([&](Page&& p) {
    pages.push_back(std::move(p));
    stop = true;
  }, &stop);
  CHECK(report.stopped);
  CHECK(pages.size() == 1);
  CHECK(report.sources[0].skipped == 3);
}

TEST_CASE("Crawler reads file:// feeds with relative links, once per change", "[crawl]") {
  CurlGlobal curl;
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "zh-Hant");
  std::ofstream(dir.path() / "rss.xml") << Rss({"zh-Hant/0001-slug.html", "zh-Hant/0002-slug.html"});
  std::ofstream(dir.path() / "zh-Hant/0001-slug.html") << "<html>one</html>";
  std::ofstream(dir.path() / "zh-Hant/0002-slug.html") << "<html>two</html>";
  // As from a config.toml in that folder: a relative url is a local feed.
  Result<CrawlConfig> config = ParseCrawlConfig(
      "[crawl]\nuser_agent = \"dealwatch/0.1 (+mailto:t@example.invalid)\"\n"
      "[[source]]\nname = \"local\"\nkind = \"rss\"\nurl = \"rss.xml\"\ndelay_ms = 0\n",
      "config.toml", dir.path());
  REQUIRE(config.ok());
  MemoryUrlStateStore store;
  auto first = RunCrawl(*config, &store);
  REQUIRE(first.pages.size() == 2);
  CHECK(first.pages[0].url == FileUrlFromPath(dir.path() / "zh-Hant/0001-slug.html"));
  CHECK(first.pages[0].body == "<html>one</html>");
  CHECK(first.pages[0].content_type.empty());
  CHECK(first.report.sources[0].handed_on == 2);
  auto second = RunCrawl(*config, &store);
  CHECK(second.pages.empty());
  CHECK(second.report.sources[0].unchanged == 2);
  std::ofstream(dir.path() / "zh-Hant/0002-slug.html") << "<html>two, corrected</html>";
  auto third = RunCrawl(*config, &store);
  REQUIRE(third.pages.size() == 1);
  CHECK(third.pages[0].body == "<html>two, corrected</html>");
}

TEST_CASE("Crawler reads a fixed list of local files", "[crawl]") {
  CurlGlobal curl;
  testing::TempDir dir;
  std::ofstream(dir.path() / "a.html") << "<html>a</html>";
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("list", "urls", "");
  s.urls = {FileUrlFromPath(dir.path() / "a.html"), FileUrlFromPath(dir.path() / "missing.html")};
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].body == "<html>a</html>");
  CHECK(result.report.sources[0].failures.at("not found") == 1);
}

TEST_CASE("Crawler refuses file:// links from web feeds", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/rss.xml", Rss({"file:///etc/passwd"}), "application/rss+xml");
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {TestSource("rss", "rss", server.Url("/rss.xml"))};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.pages.empty());
  CHECK(result.report.sources[0].failures.at("scheme") == 1);
}

}  // namespace
}  // namespace dealwatch
