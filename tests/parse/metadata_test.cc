// Tests parse/metadata.cc and metadata_helpers.cc: title suffixes, link
// resolution, JSON-LD values, and metadata read from pages.
#include "parse/metadata.h"

#include <catch2/catch.hpp>

#include "parse/html_document.h"

namespace dealwatch {
namespace {

TEST_CASE("Strip the site name from titles", "[parse]") {
  struct Case {
    const char* title;
    const char* site;
    const char* headline;
  };
  const Case cases[] = {
      {"Acme signs HK$5bn loan | Example News", "Example News", "Acme signs HK$5bn loan"},
      {"Acme signs HK$5bn loan - Markets - Example", "", "Acme signs HK$5bn loan"},
      {"中国银行签署银团贷款_新浪财经_新浪网", "", "中国银行签署银团贷款"},
      {"Example News — Acme signs HK$5bn loan", "Example News", "Acme signs HK$5bn loan"},
      {"Plain headline", "", "Plain headline"},
  };
  for (const Case& c : cases) {
    INFO(c.title);
    CHECK(StripSiteSuffix(c.title, c.site) == c.headline);
  }
}

TEST_CASE("Resolve links against the page URL", "[parse]") {
  struct Case {
    const char* base;
    const char* href;
    const char* url;
  };
  const Case cases[] = {
      {"https://a.com/x/y.html", "https://b.com/z", "https://b.com/z"},
      {"https://a.com/x/y.html", "//cdn.com/z", "https://cdn.com/z"},
      {"https://a.com/x/y.html", "/z", "https://a.com/z"},
      {"https://a.com/x/y.html?q=1", "z.html", "https://a.com/x/z.html"},
      {"https://a.com/x/y/w.html", "../z.html", "https://a.com/x/z.html"},
      {"https://a.com/x/y.html", "?page=2", "https://a.com/x/y.html?page=2"},
      {"", "/z", ""},
      {"https://a.com/", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.base << " + " << c.href);
    CHECK(ResolveLink(c.base, c.href) == c.url);
  }
}

TEST_CASE("Read string values and names from JSON-LD", "[parse]") {
  const char* json = R"({"@graph":[{"@type":"NewsArticle","headline":"Acme \"loan\" \u9280\u884c",
    "datePublished" : "2025-08-23T14:05:00+08:00",
    "author":[{"@type":"Person","name":"Jane Doe"}]}]})";
  CHECK(JsonLdValue(json, "headline") == "Acme \"loan\" 銀行");
  CHECK(JsonLdValue(json, "datePublished") == "2025-08-23T14:05:00+08:00");
  CHECK(JsonLdValue(json, "author") == "Jane Doe");
  CHECK(JsonLdValue(json, "dateModified").empty());
  CHECK(JsonLdValue("{\"author\": \"Li Wei\"}", "author") == "Li Wei");
  CHECK(JsonLdValue("{\"author\":", "author").empty());
}

TEST_CASE("Prefer og:title, then an h1 inside the title, then the title", "[parse]") {
  struct Case {
    const char* head;
    const char* body;
    const char* title;
  };
  const Case cases[] = {
      {"<meta property=og:title content=\"OG headline\"><title>T | Site</title>", "<h1>H1</h1>",
       "OG headline"},
      {"<title>The headline | Site</title>", "<h1>The headline</h1>", "The headline"},
      {"<title>The headline | Site name here</title>", "<h1>Other</h1>", "The headline"},
      {"", "<h1>Only h1</h1>", "Only h1"},
  };
  for (const Case& c : cases) {
    HtmlDocument doc = HtmlDocument::Parse(std::string("<html><head>") + c.head + "</head><body>" +
                                           c.body + "</body></html>");
    CHECK(ReadMetadata(doc.document(), "").title == c.title);
  }
}

TEST_CASE("Read dates from meta tags in order of preference", "[parse]") {
  struct Case {
    const char* meta;
    const char* published;
  };
  const Case cases[] = {
      {"<meta property=article:published_time content=2025-08-23T01:02:03Z>",
       "2025-08-23T01:02:03Z"},
      {"<meta name=pubdate content=20250823>", "2025-08-23"},
      {"<meta itemprop=datePublished content=\"Aug. 23, 2025\">", "2025-08-23"},
      {"<meta name=date content=2025/08/23><meta name=publishdate content=2025-08-22>",
       "2025-08-22"},
      {"<meta name=description content=\"no date\">", ""},
  };
  for (const Case& c : cases) {
    INFO(c.meta);
    HtmlDocument doc = HtmlDocument::Parse(std::string("<html><head>") + c.meta + "</head></html>");
    CHECK(ReadMetadata(doc.document(), "").published == c.published);
  }
}

TEST_CASE("Ignore author values that are profile URLs", "[parse]") {
  HtmlDocument doc = HtmlDocument::Parse(
      "<meta property=article:author content=https://facebook.com/x><meta name=author content=\"By "
      "Li Wei\">");
  CHECK(ReadMetadata(doc.document(), "").author == "Li Wei");
}

}  // namespace
}  // namespace dealwatch
