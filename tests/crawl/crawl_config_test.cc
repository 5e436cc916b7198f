#include "crawl/crawl_config.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("ParseCrawlConfig reads [crawl], [[source]] and ignores other stages' keys", "[crawl]") {
  const char* toml = R"toml(db = "dealwatch.db"
rules = "rules/"

[crawl]
user_agent = "dealwatch/0.1 (+https://example.com/bot)"
timeout_s = 20
max_bytes = 1048576
concurrency = 4

[store]
path = "x.db"

[[source]]
name = "udn"
kind = "rss"
url = "HTTPS://Money.UDN.com:443/rss?utm_source=x"
context = "TW"
lang = "zh-Hant"
charset = "big5"
max_pages = 50
delay_ms = 2000

[[source]]
name = "local"
kind = "rss"
url = "feeds/rss.xml"

[[source]]
name = "fixed"
kind = "urls"
urls = ["https://a.example/1", "/abs/page.html"]

[[source]]
name = "sec"
kind = "edgar"
url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=8-K&output=atom"
)toml";
  Result<CrawlConfig> c = ParseCrawlConfig(toml, "config.toml", "/etc/dealwatch");
  REQUIRE(c.ok());
  CHECK(c->user_agent == "dealwatch/0.1 (+https://example.com/bot)");
  CHECK(c->timeout_s == 20);
  CHECK(c->max_bytes == 1048576);
  CHECK(c->concurrency == 4);
  REQUIRE(c->sources.size() == 4);
  const SourceConfig& udn = c->sources[0];
  CHECK(udn.url == "https://money.udn.com/rss");
  CHECK(udn.context == "TW");
  CHECK(udn.lang == "zh-Hant");
  CHECK(udn.charset == "big5");
  CHECK(udn.max_pages == 50);
  CHECK(udn.delay_ms == 2000);
  CHECK(!udn.allow_private);
  CHECK(udn.obey_robots);
  CHECK(udn.line == 13);
  CHECK(c->sources[1].url == "file:///etc/dealwatch/feeds/rss.xml");
  CHECK(c->sources[2].urls == std::vector<std::string>{"https://a.example/1", "file:///abs/page.html"});
  CHECK(c->sources[3].forms == std::vector<std::string>{"8-K"});
  CHECK(c->sources[0].forms.empty());
}

TEST_CASE("ParseCrawlConfig defaults without a [crawl] table", "[crawl]") {
  Result<CrawlConfig> c = ParseCrawlConfig("", "config.toml", "/");
  REQUIRE(c.ok());
  CHECK(c->max_bytes == 10 << 20);
  CHECK(c->timeout_s == 30);
  CHECK(c->sources.empty());
}

TEST_CASE("ParseCrawlConfig names file, line and source in every error", "[crawl]") {
  struct Case {
    const char* toml;
    const char* message;
  };
  const Case cases[] = {
      {"[[source]]\nname = \"udn\"\nkind = \"rss\"\nurl = \"https://a.com/\"\ndelay = 5\n",
       "config.toml:5: source 'udn': unknown key 'delay'"},
      {"[crawl]\ntimeout = 5\n", "config.toml:2: crawl: unknown key 'timeout'"},
      {"[[source]]\nkind = \"rss\"\nurl = \"https://a.com/\"\n", "config.toml:1: source #1: missing name"},
      {"[[source]]\nname = \"a\"\nurl = \"https://a.com/\"\n", "config.toml:1: source 'a': missing kind"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\n", "config.toml:1: source 'a': missing url"},
      {"[[source]]\nname = \"a\"\nkind = \"urls\"\n", "config.toml:1: source 'a': missing urls"},
      {"[[source]]\nname = \"a\"\nkind = \"rsss\"\nurl = \"https://a.com/\"\n",
       "config.toml:3: source 'a': unknown kind 'rsss' (expected rss, atom, sitemap, listing, urls or edgar)"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"https://a.com/\"\n\n"
       "[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"https://b.com/\"\n",
       "config.toml:6: source 'a': duplicate name (first at line 1)"},
      {"[crawl]\nuser_agent = \"dealwatch/0.1\"\n",
       "config.toml:2: crawl: user_agent must carry a contact (an e-mail address or a URL)"},
      {"[[source]]\nname = \"a\"\nkind = \"listing\"\nurl = \"https://a.com/\"\nlink_pattern = \"(\"\n",
       "config.toml:5: source 'a': bad link_pattern: missing ): ("},
      {"[[source]]\nname = \"a\"\nkind = \"listing\"\nurl = \"https://a.com/\"\n",
       "config.toml:1: source 'a': missing link_pattern"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"https://a.com/\"\ndelay_ms = -1\n",
       "config.toml:5: source 'a': delay_ms must be >= 0"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"https://a.com/\"\nmax_pages = \"ten\"\n",
       "config.toml:5: source 'a': max_pages must be an integer"},
      {"[crawl]\nconcurrency = 0\n", "config.toml:2: crawl: concurrency must be >= 1"},
      {"[crawl]\nmax_bytes = -5\n", "config.toml:2: crawl: max_bytes must be >= 1"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"ftp://a.com/x\"\n",
       "config.toml:4: source 'a': bad url: ftp://a.com/x: unsupported scheme"},
      {"[[source]]\nname = \"a\"\nkind = \"rss\"\nurl = \"https://a.com/\"\nallow_private = 1\n",
       "config.toml:5: source 'a': allow_private must be true or false"},
      {"source = 3\n", "config.toml:1: source: must be an array of tables ([[source]])"},
  };
  for (const Case& c : cases) {
    INFO(c.toml);
    Result<CrawlConfig> got = ParseCrawlConfig(c.toml, "config.toml", "/");
    REQUIRE(!got.ok());
    CHECK(got.status().code() == Code::kInvalidArgument);
    CHECK(got.status().message() == c.message);
  }
}

TEST_CASE("ParseCrawlConfig reports TOML syntax errors with their line", "[crawl]") {
  Result<CrawlConfig> got = ParseCrawlConfig("[crawl]\ntimeout_s = = 3\n", "config.toml", "/");
  REQUIRE(!got.ok());
  CHECK(got.status().message().rfind("config.toml:2: ", 0) == 0);
}

}  // namespace
}  // namespace dealwatch
