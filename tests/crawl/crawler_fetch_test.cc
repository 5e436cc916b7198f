// Crawler integration tests: redirects, conditional GETs, retries,
// timeouts, size limits, encodings and the private-address guard.
#include <catch2/catch.hpp>

#include <atomic>
#include <ctime>

#include "crawl/crawler.h"
#include "crawl/test_server.h"

namespace dealwatch {
namespace {

using testing::FastConfig;
using testing::GapMs;
using testing::RunCrawl;
using testing::TestServer;
using testing::TestSource;

CrawlConfig OnePage(const TestServer& server, const std::string& path) {
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {server.Url(path)};
  config.sources = {s};
  return config;
}

void Redirect(TestServer* server, const std::string& from, const std::string& to) {
  std::string target = server->Url(to);
  server->server().Get(from, [target](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target, 301);
  });
}

TEST_CASE("Crawler follows a redirect chain and keeps the first URL as the key", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  Redirect(&server, "/r1", "/r2");
  Redirect(&server, "/r2", "/r3");
  Redirect(&server, "/r3", "/final");
  server.Serve("/final", "<p>final</p>", "text/html; charset=utf-8");
  server.Start();
  MemoryUrlStateStore store;
  auto result = RunCrawl(OnePage(server, "/r1"), &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].url == server.Url("/r1"));
  CHECK(result.pages[0].final_url == server.Url("/final"));
  CHECK(result.pages[0].body == "<p>final</p>");
  CHECK(result.pages[0].content_type == "text/html; charset=utf-8");
  CHECK(result.pages[0].state.url == server.Url("/r1"));
}

TEST_CASE("Crawler stops redirect loops and chains longer than five", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  Redirect(&server, "/loop1", "/loop2");
  Redirect(&server, "/loop2", "/loop1");
  for (int i = 0; i < 8; ++i) Redirect(&server, "/c" + std::to_string(i), "/c" + std::to_string(i + 1));
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {server.Url("/loop1"), server.Url("/c0")};
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  const SourceReport& r = result.report.sources[0];
  CHECK(r.failed == 2);
  CHECK(r.failures.at("redirect loop") == 1);
  CHECK(r.failures.at("too many redirects") == 1);
  CHECK(server.Count("/loop1") == 1);
  CHECK(server.Count("/c5") == 1);  // five redirects followed
  CHECK(server.Count("/c6") == 0);
}

TEST_CASE("Crawler sends a conditional GET on the second run and records 304", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.server().Get("/etag", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v1\"");
    res.set_content("etag body", "text/html");
  });
  server.server().Get("/lm", [](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("If-Modified-Since")) {
      res.status = 304;
      return;
    }
    res.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    res.set_content("lm body", "text/html");
  });
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {server.Url("/etag"), server.Url("/lm")};
  config.sources = {s};
  MemoryUrlStateStore store;
  CHECK(RunCrawl(config, &store).pages.size() == 2);
  auto second = RunCrawl(config, &store);
  CHECK(second.pages.empty());
  CHECK(second.report.sources[0].not_modified == 2);
  bool saw_etag = false, saw_date = false;
  for (const auto& req : server.requests()) {
    saw_etag = saw_etag || req.if_none_match == "\"v1\"";
    saw_date = saw_date || req.if_modified_since == "Wed, 21 Oct 2015 07:28:00 GMT";
  }
  CHECK(saw_etag);
  CHECK(saw_date);
  CHECK(store.Get(server.Url("/etag"))->last_status == 304);
}

TEST_CASE("Crawler does not hand on an unchanged body without validators", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/same", "same body", "text/html");
  server.Start();
  MemoryUrlStateStore store;
  CrawlConfig config = OnePage(server, "/same");
  CHECK(RunCrawl(config, &store).pages.size() == 1);
  auto second = RunCrawl(config, &store);
  CHECK(second.pages.empty());
  CHECK(second.report.sources[0].unchanged == 1);
  CHECK(second.report.sources[0].fetched == 1);
}

TEST_CASE("Crawler waits for Retry-After on 429 and then succeeds", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::atomic<int> calls{0};
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("finally", "text/plain");
  });
  server.Start();
  MemoryUrlStateStore store;
  auto result = RunCrawl(OnePage(server, "/busy"), &store);
  REQUIRE(result.pages.size() == 1);
  std::vector<testing::TestClock::time_point> times = server.Times("/busy");
  REQUIRE(times.size() == 2);
  CHECK(GapMs(times[0], times[1]) >= 1000);
  CHECK(GapMs(times[0], times[1]) < 2500);
}

TEST_CASE("Crawler retries a 500 and hands on the 200 that follows", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::atomic<int> calls{0};
  server.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 500;
      return;
    }
    res.set_content("ok now", "text/plain");
  });
  server.Start();
  MemoryUrlStateStore store;
  auto result = RunCrawl(OnePage(server, "/flaky"), &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].body == "ok now");
  CHECK(server.Count("/flaky") == 2);
}

TEST_CASE("Crawler gives up after max_retries and waits before the next run's retry", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.server().Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  server.Start();
  MemoryUrlStateStore store;
  CrawlConfig config = OnePage(server, "/down");
  auto first = RunCrawl(config, &store);
  CHECK(first.report.sources[0].failures.at("http 503") == 1);
  CHECK(server.Count("/down") == 3);  // the first attempt and max_retries = 2
  std::optional<UrlState> state = store.Get(server.Url("/down"));
  REQUIRE(state);
  CHECK(state->last_status == 503);
  CHECK(state->failures == 1);
  CHECK(state->next_retry_at > std::time(nullptr));
  auto second = RunCrawl(config, &store);
  CHECK(second.report.sources[0].skipped == 1);
  CHECK(server.Count("/down") == 3);
}

TEST_CASE("Crawler retries refused connections and records them as connect", "[crawl]") {
  CurlGlobal curl;
  std::string url = "http://127.0.0.1:" + std::to_string(testing::ClosedPort()) + "/a.html";
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {url};
  s.obey_robots = false;
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].failures.at("connect") == 1);
  CHECK(store.Get(url)->last_error == "connect");
  CHECK(store.Get(url)->last_status == 0);
}

TEST_CASE("Crawler times out a server that stalls", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::atomic<bool> done{false};
  server.server().Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&](size_t offset, httplib::DataSink& sink) {
      if (offset == 0) sink.write("<html>", 6);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return !done && sink.is_writable();
    });
  });
  server.Start();
  CrawlConfig config = OnePage(server, "/stall");
  config.max_retries = 0;
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  done = true;
  CHECK(result.report.sources[0].failures.at("timeout") == 1);
  CHECK(result.report.seconds < 4);
}

TEST_CASE("Crawler cuts bodies over max_bytes while they stream", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/big", std::string(5000, 'x'), "application/octet-stream");
  server.server().Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream", [](size_t, httplib::DataSink& sink) {
      std::string chunk(1024, 'y');
      return sink.write(chunk.data(), chunk.size());  // endless
    });
  });
  server.Start();
  CrawlConfig config = FastConfig();
  config.max_bytes = 1000;
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {server.Url("/big"), server.Url("/chunked")};
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].failures.at("too large") == 2);
  CHECK(store.Get(server.Url("/chunked"))->last_error == "too large");
}

TEST_CASE("Crawler decodes gzip Content-Encoding", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::string body = "<html>" + std::string(2000, 'z') + "</html>";
  std::string gz = testing::Gzip(body);
  server.server().Get("/gz", [gz](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(gz, "application/octet-stream");
  });
  server.Start();
  MemoryUrlStateStore store;
  auto result = RunCrawl(OnePage(server, "/gz"), &store);
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].body == body);
}

TEST_CASE("Crawler passes Big5 and GBK bodies on as raw bytes with their Content-Type", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  const std::string big5 = "<html><title>\xBB\xC8\xA6\xE6\xB6\x55\xB4\xDA</title></html>";  // 銀行貸款
  const std::string gbk = "<html><title>\xD2\xF8\xD0\xD0\xB4\xFB\xBF\xEE</title></html>";  // 银行贷款
  server.Serve("/big5", big5, "text/html; charset=big5");
  server.Serve("/gbk", gbk, "text/html");
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig s = TestSource("s", "urls", "");
  s.urls = {server.Url("/big5"), server.Url("/gbk")};
  s.context = "TW";
  s.charset = "";
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[0].body == big5);
  CHECK(result.pages[0].content_type == "text/html; charset=big5");
  CHECK(result.pages[0].context == "TW");
  CHECK(result.pages[1].body == gbk);
  CHECK(result.pages[1].content_type == "text/html");
}

TEST_CASE("Crawler refuses loopback addresses unless allow_private is set", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  server.Serve("/feed.xml", "<rss><channel></channel></rss>", "application/rss+xml");
  server.Serve("/a.html", "a", "text/html");
  server.Start();
  CrawlConfig config = FastConfig();
  SourceConfig feed = TestSource("feed", "rss", server.Url("/feed.xml"));
  feed.allow_private = false;
  SourceConfig page = TestSource("page", "urls", "");
  page.urls = {"http://localhost:" + std::to_string(server.port()) + "/a.html"};
  page.allow_private = false;
  config.sources = {feed, page};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);
  CHECK(result.report.sources[0].failed_completely);
  CHECK(result.report.sources[0].failures.at("private address") == 1);
  CHECK(result.report.sources[1].failures.at("private address") == 1);
  CHECK(result.report.sources[1].failed == 1);
  CHECK(server.requests().empty());
}

}  // namespace
}  // namespace dealwatch
