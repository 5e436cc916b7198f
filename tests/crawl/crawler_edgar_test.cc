// Crawler integration test for EDGAR sources, against a fake EDGAR on
// loopback: the latest-filings Atom feed, filing index pages, documents.
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

std::string Entry(const std::string& form, const std::string& company, const std::string& index) {
  return "<entry><title>" + form + " - " + company + " (0000000001) (Filer)</title>"
         "<link rel=\"alternate\" type=\"text/html\" href=\"" + index + "\"/>"
         "<category scheme=\"https://www.sec.gov/\" label=\"form type\" term=\"" + form + "\"/>"
         "<updated>2024-01-05T16:30:33-05:00</updated></entry>";
}

std::string Index(const std::string& dir, const std::string& form) {
  auto row = [&](const std::string& seq, const std::string& doc, const std::string& type) {
    return "<tr><td>" + seq + "</td><td>d</td><td><a href=\"" + dir + doc + "\">" + doc +
           "</a></td><td>" + type + "</td><td>1</td></tr>";
  };
  return "<html><body><table class=\"tableFile\" summary=\"Document Format Files\">"
         "<tr><th>Seq</th><th>Description</th><th>Document</th><th>Type</th><th>Size</th></tr>" +
         row("1", "main.htm", form) + row("2", "ex10.htm", "EX-10.1") + row("3", "ex99.htm", "EX-99.1") +
         row("4", "ex4.htm", "EX-4.1") + "</table></body></html>";
}

void ServeFiling(TestServer* server, const std::string& dir, const std::string& form) {
  server->Serve(dir + "index.htm", Index(dir, form), "text/html");
  for (const char* doc : {"main.htm", "ex10.htm", "ex99.htm", "ex4.htm"}) {
    server->Serve(dir + doc, "<html>" + dir + doc + "</html>", "text/html");
  }
}

TEST_CASE("Crawler follows EDGAR 8-K filings to their documents and exhibits", "[crawl]") {
  CurlGlobal curl;
  TestServer server;
  std::string feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>"
                     "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Latest Filings</title>" +
                     Entry("8-K", "ACME CORP", "/Archives/a/index.htm") +
                     Entry("10-Q", "OTHER INC", "/Archives/b/index.htm") +
                     Entry("8-K", "WIDGET CO", "/Archives/c/index.htm") + "</feed>";
  server.Serve("/cgi-bin/browse-edgar", feed, "application/atom+xml");
  ServeFiling(&server, "/Archives/a/", "8-K");
  ServeFiling(&server, "/Archives/b/", "10-Q");
  ServeFiling(&server, "/Archives/c/", "8-K");
  server.Start();
  CrawlConfig config = FastConfig();
  config.user_agent = "dealwatch-test/0.1 (ops@example.invalid)";
  SourceConfig s = TestSource("edgar", "edgar",
                              server.Url("/cgi-bin/browse-edgar?action=getcurrent&type=8-K&output=atom"));
  s.forms = {"8-K"};
  s.context = "US";
  config.sources = {s};
  MemoryUrlStateStore store;
  auto result = RunCrawl(config, &store);

  std::vector<std::string> urls;
  for (const Page& p : result.pages) urls.push_back(p.url);
  CHECK(urls == std::vector<std::string>{
                    server.Url("/Archives/a/main.htm"), server.Url("/Archives/a/ex10.htm"),
                    server.Url("/Archives/a/ex99.htm"), server.Url("/Archives/c/main.htm"),
                    server.Url("/Archives/c/ex10.htm"), server.Url("/Archives/c/ex99.htm")});
  REQUIRE(!result.pages.empty());
  CHECK(result.pages[0].title_hint == "8-K - ACME CORP (0000000001) (Filer) (8-K)");
  CHECK(result.pages[1].title_hint == "8-K - ACME CORP (0000000001) (Filer) (EX-10.1)");
  CHECK(result.pages[0].published_hint == "2024-01-05T16:30:33-05:00");
  CHECK(result.pages[0].context == "US");
  CHECK(server.Count("/Archives/b/index.htm") == 0);
  CHECK(server.Count("/Archives/a/ex4.htm") == 0);

  std::vector<testing::RecordedRequest> requests = server.requests();
  for (size_t i = 0; i < requests.size(); ++i) {
    INFO(requests[i].path);
    CHECK(requests[i].user_agent == config.user_agent);
    // Never faster than 10 requests a second, even with delay_ms = 0.
    if (i > 0) CHECK(GapMs(requests[i - 1].at, requests[i].at) >= 100);
  }
}

}  // namespace
}  // namespace dealwatch
