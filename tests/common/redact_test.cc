#include <catch2/catch.hpp>

#include <string>

#include "common/redact.h"

namespace dealwatch {
namespace {

TEST_CASE("Credential parameters and user info are redacted from URLs, the rest kept", "[common][issue10]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      // Feeds and APIs that take a key in the query string.
      {"https://feeds.example.com.tw/finance.xml?token=abc123secret",
       "https://feeds.example.com.tw/finance.xml?token=***"},
      {"https://api.example.com/v2/news?apikey=k-9f8e&lang=zh-TW&page=2",
       "https://api.example.com/v2/news?apikey=***&lang=zh-TW&page=2"},
      {"https://efts.example.gov/LATEST/search-index?q=loan&API_KEY=XYZ&forms=8-K",
       "https://efts.example.gov/LATEST/search-index?q=loan&API_KEY=***&forms=8-K"},
      {"https://news.example.hk/rss?access_token=ya29.a0Af&refresh_token=1//0g&client_secret=s3",
       "https://news.example.hk/rss?access_token=***&refresh_token=***&client_secret=***"},
      {"https://x.test/a?Password=hunter2&passwd=p&pass=q&pwd=r&auth=Basic%20eA",
       "https://x.test/a?Password=***&passwd=***&pass=***&pwd=***&auth=***"},
      {"https://x.test/a?session=s1&sessionid=s2&PHPSESSID=s3&jsessionid=s4&jwt=eyJ",
       "https://x.test/a?session=***&sessionid=***&PHPSESSID=***&jsessionid=***&jwt=***"},
      // A presigned S3 link: credential and signature go, the rest stays.
      {"https://bucket.s3.amazonaws.com/feed.xml?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F2026"
       "&X-Amz-Expires=3600&X-Amz-Security-Token=FwoG&X-Amz-Signature=9f86d0",
       "https://bucket.s3.amazonaws.com/feed.xml?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***"
       "&X-Amz-Expires=3600&X-Amz-Security-Token=***&X-Amz-Signature=***"},
      {"https://x.test/a?sig=abc&oauth_signature=def&x-api-key=ghi", "https://x.test/a?sig=***&oauth_signature=***&x-api-key=***"},
      // Escaped names are compared decoded; ';' separates too.
      {"https://x.test/a?api%5Fkey=1;token=2;id=3", "https://x.test/a?api%5Fkey=***;token=***;id=3"},
      // User info, with and without a password.
      {"https://alice:s3cr3t@intranet.example.com:8443/feed.xml", "https://***@intranet.example.com:8443/feed.xml"},
      {"http://APIKEY123@api.example.com/", "http://***@api.example.com/"},
      // Tokens in the fragment (OAuth implicit grant).
      {"https://x.test/cb#access_token=abc&state=7", "https://x.test/cb#access_token=***&state=7"},
      // Nothing secret: unchanged, "@" in the path or query is no user info.
      {"https://money.udn.com/rssfeed/news/1001/5591?ch=money", "https://money.udn.com/rssfeed/news/1001/5591?ch=money"},
      {"https://x.test/search?keyword=loan&monkey=1&bypass=2&author=3&id=4",
       "https://x.test/search?keyword=loan&monkey=1&bypass=2&author=3&id=4"},
      {"https://x.test/u/@acme?mail=a@b.c", "https://x.test/u/@acme?mail=a@b.c"},
      {"https://x.test/a?token=&key", "https://x.test/a?token=&key"},
      {"file:///srv/corpus/feed.xml", "file:///srv/corpus/feed.xml"},
      {"not a url ?token=1", "not a url ?token=1"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(RedactUrl(c.in) == c.out);
  }
}

TEST_CASE("Which parameter names are credentials", "[common][issue10]") {
  for (const char* name : {"token", "TOKEN", "key", "apikey", "api_key", "api-key", "access_token", "secret",
                           "client_secret", "password", "passwd", "pass", "auth", "signature", "sig", "session",
                           "X-Amz-Signature", "nextPageToken", "api%5Fkey"}) {
    INFO(name);
    CHECK(IsSecretParam(name));
  }
  for (const char* name : {"", "id", "q", "page", "keyword", "keys", "monkey", "bypass", "author", "session_start",
                           "ch", "utm_source", "lang"}) {
    INFO(name);
    CHECK_FALSE(IsSecretParam(name));
  }
}

TEST_CASE("Every URL in a log line or config text is redacted", "[common][issue10]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"https://x.test/feed.xml?token=abc123secret: 12 links, 0 sitemaps",
       "https://x.test/feed.xml?token=***: 12 links, 0 sitemaps"},
      {"source failed: http://127.0.0.1:8080/feed.xml?token=abc: http 503",
       "source failed: http://127.0.0.1:8080/feed.xml?token=***: http 503"},
      {"[[source]]\nname = \"a\"\nurl = \"https://x.test/f?apikey=1&id=2\"\nurls = ['https://u:p@y.test/a', "
       "\"https://z.test/b?sig=3\"]\n",
       "[[source]]\nname = \"a\"\nurl = \"https://x.test/f?apikey=***&id=2\"\nurls = ['https://***@y.test/a', "
       "\"https://z.test/b?sig=***\"]\n"},
      // Inside JSON, the escaped quote ends the URL.
      {"{\"error\":\"https://x.test/f?token=abc: timeout\"}", "{\"error\":\"https://x.test/f?token=***: timeout\"}"},
      {"see <https://x.test/?key=k>.", "see <https://x.test/?key=***>."},
      {"no urls here, a://? and ://x?token=1", "no urls here, a://? and ://x?token=1"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(RedactUrls(c.in) == c.out);
  }
}

}  // namespace
}  // namespace dealwatch
