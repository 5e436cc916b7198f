#include "crawl/robots.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("Robots patterns match prefixes with * wildcards and a trailing $", "[crawl]") {
  struct Case {
    const char* pattern;
    const char* path;
    bool match;
  };
  const Case cases[] = {
      {"/", "/anything", true},
      {"/fish", "/fish", true},
      {"/fish", "/fish.html", true},
      {"/fish", "/Fish.asp", false},
      {"/fish", "/catfish", false},
      {"/fish/", "/fish", false},
      {"/*.php", "/index.php", true},
      {"/*.php", "/folder/filename.php?parameters", true},
      {"/*.php", "/windows.PHP", false},
      {"/*.php$", "/filename.php", true},
      {"/*.php$", "/filename.php?parameters", false},
      {"/*.php$", "/filename.php5", false},
      {"/fish*.php", "/fishheads/catfish.php?parameters", true},
      {"/fish*.php", "/Fish.PHP", false},
      {"/a*b*c*d$", "/aXbYcZd", true},
      {"/a*b*c*d$", "/aXbYcZdE", false},
      {"*", "/x", true},
      {"/$", "/", true},
      {"/$", "/x", false},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " vs " << c.path);
    CHECK(RobotsPatternMatches(c.pattern, c.path) == c.match);
  }
}

TEST_CASE("Robots longest match wins and Allow wins a tie", "[crawl]") {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: *\n"
      "Disallow: /news/\n"
      "Allow: /news/public/\n"
      "Disallow: /news/public/secret\n"
      "Allow: /tie\n"
      "Disallow: /tie\n"
      "Disallow: /*.pdf$\n",
      "dealwatch");
  struct Case {
    const char* path;
    bool allowed;
  };
  const Case cases[] = {
      {"/", true},
      {"/news/", false},
      {"/news/a.html", false},
      {"/news/public/a.html", true},
      {"/news/public/secret/x", false},
      {"/tie", true},
      {"/report.pdf", false},
      {"/report.pdf?x=1", true},
      {"/robots.txt", true},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    CHECK(r.IsAllowed(c.path) == c.allowed);
  }
}

TEST_CASE("Robots uses our own group over *, combining groups that name us", "[crawl]") {
  const char* text =
      "# comment line\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "Crawl-delay: 5\n"
      "\n"
      "User-agent: otherbot\n"
      "User-agent: DealWatch/2.0\n"
      "Disallow: /private  # trailing comment\n"
      "Crawl-delay: 0.25\n"
      "\n"
      "User-agent: dealwatch\n"
      "Disallow: /drafts\n"
      "Sitemap: https://example.com/sitemap.xml\n";
  RobotsRules mine = RobotsRules::Parse(text, "dealwatch");
  CHECK(mine.IsAllowed("/news/1.html"));
  CHECK(!mine.IsAllowed("/private/x"));
  CHECK(!mine.IsAllowed("/drafts/y"));
  CHECK(mine.crawl_delay_ms() == 250);
  REQUIRE(mine.sitemaps().size() == 1);
  CHECK(mine.sitemaps()[0] == "https://example.com/sitemap.xml");

  RobotsRules other = RobotsRules::Parse(text, "somebot");
  CHECK(!other.IsAllowed("/news/1.html"));
  CHECK(other.crawl_delay_ms() == 5000);
}

TEST_CASE("Robots without a matching group, empty Disallow and the special answers", "[crawl]") {
  CHECK(RobotsRules::Parse("User-agent: otherbot\nDisallow: /\n", "dealwatch").IsAllowed("/x"));
  CHECK(RobotsRules::Parse("User-agent: *\nDisallow:\n", "dealwatch").IsAllowed("/x"));
  CHECK(RobotsRules::Parse("garbage without colons\n\x01\x02", "dealwatch").IsAllowed("/x"));
  CHECK(RobotsRules().IsAllowed("/anything"));
  CHECK(!RobotsRules::DisallowAll().IsAllowed("/anything"));
  CHECK(RobotsRules::DisallowAll().IsAllowed("/robots.txt"));
  RobotsRules crlf = RobotsRules::Parse("User-agent: *\r\nDisallow: /a\r\n", "dealwatch");
  CHECK(!crlf.IsAllowed("/a/b"));
}

TEST_CASE("Robots compares percent escapes and non-ASCII paths octet for octet", "[crawl]") {
  RobotsRules r = RobotsRules::Parse("User-agent: *\nDisallow: /新聞/\nDisallow: /a%3cb\n", "dealwatch");
  CHECK(!r.IsAllowed("/%E6%96%B0%E8%81%9E/1.html"));
  CHECK(!r.IsAllowed("/a%3Cb"));
  CHECK(r.IsAllowed("/news/"));
}

TEST_CASE("ProductToken takes the User-Agent's leading name", "[crawl]") {
  CHECK(ProductToken("dealwatch/0.1 (+mailto:x@y.z)") == "dealwatch");
  CHECK(ProductToken("Deal_Watch-Bot") == "Deal_Watch-Bot");
  CHECK(ProductToken("") == "");
}

}  // namespace
}  // namespace dealwatch
