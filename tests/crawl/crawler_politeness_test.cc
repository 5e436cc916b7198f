// Crawler integration tests: robots.txt and request spacing, against a
// loopback server started by the test.
#include <catch2/catch.hpp>

#include "crawl/crawler.h"
#include "crawl/test_server.h"

namespace dealwatch {
namespace {

using testing::FastConfig;
using testing::GapMs;
using testing::RunCrawl;
using testing::TestServer;
using testing::TestSource;

SourceConfig UrlList(const std::string& name, const TestServer& server,
                     const std::vector<std::string>& paths) {
  SourceConfig s = TestSource(name, "urls", "");
  for (const std::string& p : paths) s.urls.push_back(server.Url(p));
  return s;
}

// Bodies carry the port: identical bodies on two servers would be duplicates.
void ServePages(TestServer* server, const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    server->Serve(p, "<html>" + server->Url(p) + "</html>", "text/html");
  }
}

TEST_CASE("Crawler obeys robots groups, wildcards and $ and reads robots.txt once", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/robots.txt",
               "User-agent: *\nDisallow: /\n\n"
               "User-agent: dealwatch\nDisallow: /private/\nDisallow: /*.pdf$\nAllow: /private/ok\n",
               "text/plain");
  std::vector<std::string> paths = {"/a.html", "/private/x.html", "/private/ok.html", "/doc.pdf",
                                    "/doc.pdf?v=1"};
  ServePages(&server, paths);
  server.Start();
  CrawlConfig config = FastConfig();
  config.sources = {UrlList("s", server, paths)};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  const SourceReport& r = result.report.sources[0];
  CHECK(r.handed_on == 3);
  CHECK(r.failed == 2);
  CHECK(r.failures.at("robots") == 2);
  CHECK(server.Count("/robots.txt") == 1);
  CHECK(server.Count("/private/x.html") == 0);
  CHECK(server.Count("/doc.pdf") == 0);
  CHECK(server.Count("/doc.pdf?v=1") == 1);
  std::optional<UrlState> refused = store.Get(server.Url("/doc.pdf"));
  REQUIRE(refused);
  CHECK(refused->last_error == "robots");
}

TEST_CASE("Crawler treats robots.txt 4xx as allow all and 5xx as disallow all", "[crawl]") {
  CurlGlobal curl;
  TestServer missing, failing;
  missing.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
  });
  failing.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
  });
  ServePages(&missing, {"/a.html"});
  ServePages(&failing, {"/a.html", "/b.html"});
  missing.Start();
  failing.Start();
  CrawlConfig config = FastConfig();
  config.sources = {UrlList("ok", missing, {"/a.html"}), UrlList("down", failing, {"/a.html", "/b.html"})};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].handed_on == 1);
  CHECK(result.report.sources[1].handed_on == 0);
  CHECK(result.report.sources[1].failures.at("robots unavailable") == 2);
  CHECK(failing.Count("/robots.txt") == 1);
  CHECK(failing.Count("/a.html") == 0);
}

TEST_CASE("Crawler spaces requests to a host by delay_ms", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::vector<std::string> paths = {"/1", "/2", "/3"};
  ServePages(&server, paths);
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = UrlList("s", server, paths);
  s.delay_ms = 200;
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].handed_on == 3);
  std::vector<testing::TestClock::time_point> times = server.Times();
  REQUIRE(times.size() == 4);  // robots.txt (404) and three pages
  for (size_t i = 1; i < times.size(); ++i) {
    INFO("gap " << i);
    CHECK(GapMs(times[i - 1], times[i]) >= 200);
    CHECK(GapMs(times[i - 1], times[i]) < 1000);
  }
}

TEST_CASE("Crawler raises the gap to the robots.txt Crawl-delay", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n", "text/plain");
  std::vector<std::string> paths = {"/1", "/2", "/3"};
  ServePages(&server, paths);
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = UrlList("s", server, paths);
  s.delay_ms = 100;
  config.sources = {s};
  MemoryUrlStateStore store;
  RunCrawl(config, &store);
  std::vector<testing::TestClock::time_point> times = server.Times();
  REQUIRE(times.size() == 4);
  for (size_t i = 2; i < times.size(); ++i) {
    INFO("gap " << i);
    CHECK(GapMs(times[i - 1], times[i]) >= 300);
    CHECK(GapMs(times[i - 1], times[i]) < 1000);
  }
}

TEST_CASE("Crawler fetches different hosts concurrently", "[crawl]") {
  CurlGlobal curl;
  TestServer one, two;
  std::vector<std::string> paths = {"/1", "/2", "/3"};
  ServePages(&one, paths);
  ServePages(&two, paths);
  one.Start();
  two.Start();
  CrawlConfig config = FastConfig();
  SourceConfig a = UrlList("a", one, paths), b = UrlList("b", two, paths);
  a.delay_ms = b.delay_ms = 300;
  config.sources = {a, b};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.pages.size() == 6);
  // Each host needs 3 gaps of 300 ms; one host after the other would take 1.8 s.
  CHECK(result.report.seconds >= 0.9);
  CHECK(result.report.seconds < 1.5);
}

TEST_CASE("Crawler skips robots.txt for sources with robots = false", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain");
  ServePages(&server, {"/a.html"});
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = UrlList("s", server, {"/a.html"});
  s.obey_robots = false;
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].handed_on == 1);
  CHECK(server.Count("/robots.txt") == 0);
}

}  // namespace
}  // namespace dealwatch
