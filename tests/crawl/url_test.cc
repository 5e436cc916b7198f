#include "crawl/url.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("CanonicalUrl lower-cases, drops default ports, fragments and tracking", "[crawl]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"HTTP://Example.COM:80/a?utm_source=x&id=7#top", "http://example.com/a?id=7"},
      {"https://example.com:443", "https://example.com/"},
      {"https://example.com:8443/x", "https://example.com:8443/x"},
      {"http://example.com:443/x", "http://example.com:443/x"},
      {"https://a.com/p?b=2&a=1", "https://a.com/p?b=2&a=1"},
      {"https://a.com/p?utm_medium=m&UTM_Campaign=c&fbclid=F&gclid=G", "https://a.com/p"},
      {"https://a.com/p?x=1&fbclid=F&y=2&msclkid=M", "https://a.com/p?x=1&y=2"},
      {"https://a.com/p?&&x=1&", "https://a.com/p?x=1"},
      {"https://a.com/a/./b/../c", "https://a.com/a/c"},
      {"https://a.com/%e4%b8%ad", "https://a.com/%E4%B8%AD"},
      {"https://user:pw@a.com/x", "https://a.com/x"},
      {"https://a.com/ref?ref=home", "https://a.com/ref?ref=home"},
      {"file:///tmp/feed.xml", "file:///tmp/feed.xml"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    Result<std::string> got = CanonicalUrl(c.in);
    REQUIRE(got.ok());
    CHECK(*got == c.out);
  }
}

TEST_CASE("CanonicalUrl refuses relative and non-web URLs", "[crawl]") {
  for (const char* bad : {"example.com/x", "ftp://example.com/x", "mailto:a@b.c", "javascript:x()",
                          "http://"}) {
    INFO(bad);
    CHECK(!CanonicalUrl(bad).ok());
  }
}

TEST_CASE("ResolveUrl resolves links against the base per RFC 3986", "[crawl]") {
  struct Case {
    const char* base;
    const char* ref;
    const char* out;
  };
  const Case cases[] = {
      {"https://a.com/news/index.html", "0001-slug.html", "https://a.com/news/0001-slug.html"},
      {"https://a.com/news/index.html", "../x.html", "https://a.com/x.html"},
      {"https://a.com/news/index.html", "/root", "https://a.com/root"},
      {"https://a.com/news/index.html", "//b.com/y", "https://b.com/y"},
      {"https://a.com/news/index.html", "?page=2", "https://a.com/news/index.html?page=2"},
      {"https://a.com/news/index.html", "#top", "https://a.com/news/index.html"},
      {"https://a.com/news/index.html", "", "https://a.com/news/index.html"},
      {"https://a.com/news/", "  b.html\n", "https://a.com/news/b.html"},
      {"https://a.com/", "d e.html", "https://a.com/d%20e.html"},
      {"https://a.com/", "HTTP://B.com:80/?utm_source=rss", "http://b.com/"},
      {"file:///srv/feed/rss.xml", "zh-Hant/0001-slug.html", "file:///srv/feed/zh-Hant/0001-slug.html"},
  };
  for (const Case& c : cases) {
    INFO(c.base << " + " << c.ref);
    Result<std::string> got = ResolveUrl(c.base, c.ref);
    REQUIRE(got.ok());
    CHECK(*got == c.out);
  }
  CHECK(!ResolveUrl("https://a.com/", "mailto:x@a.com").ok());
  CHECK(!ResolveUrl("https://a.com/", "javascript:void(0)").ok());
}

TEST_CASE("ParseUrl splits host, port and path and HostKey keeps non-default ports", "[crawl]") {
  Result<UrlParts> p = ParseUrl("http://127.0.0.1:8080/a?b=1");
  REQUIRE(p.ok());
  CHECK(p->scheme == "http");
  CHECK(p->host == "127.0.0.1");
  CHECK(p->port == "8080");
  CHECK(p->path == "/a");
  CHECK(p->query == "b=1");
  CHECK(HostKey(*p) == "127.0.0.1:8080");
  Result<UrlParts> q = ParseUrl("https://News.Example.com/");
  REQUIRE(q.ok());
  CHECK(HostKey(*q) == "news.example.com");
}

TEST_CASE("File URLs round-trip paths with spaces and non-ASCII names", "[crawl]") {
  std::filesystem::path path = "/tmp/dw feeds/新聞.xml";
  std::string url = FileUrlFromPath(path);
  CHECK(url == "file:///tmp/dw%20feeds/%E6%96%B0%E8%81%9E.xml");
  Result<std::filesystem::path> back = PathFromFileUrl(url);
  REQUIRE(back.ok());
  CHECK(*back == path);
  CHECK(!PathFromFileUrl("https://a.com/x").ok());
}

}  // namespace
}  // namespace dealwatch
