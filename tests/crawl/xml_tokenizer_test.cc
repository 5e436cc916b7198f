#include "crawl/xml_tokenizer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace dealwatch {
namespace {

// Renders tokens as "<a href=x>", "</a>", "text" for compact expectations.
Result<std::vector<std::string>> Tokens(std::string_view xml, XmlLimits limits = {}) {
  XmlTokenizer t(xml, limits);
  std::vector<std::string> out;
  XmlToken token;
  while (true) {
    Status s = t.Next(&token);
    if (!s.ok()) return s;
    switch (token.kind) {
      case XmlTokenKind::kStart: {
        std::string tag = "<" + token.name;
        for (const XmlAttribute& a : token.attributes) tag += " " + a.name + "=" + a.value;
        out.push_back(tag + ">");
        break;
      }
      case XmlTokenKind::kEnd: out.push_back("</" + token.name + ">"); break;
      case XmlTokenKind::kText: out.push_back(token.text); break;
      case XmlTokenKind::kEof: return out;
    }
  }
}

using V = std::vector<std::string>;

TEST_CASE("XmlTokenizer reads tags, attributes, text and self-closing tags", "[crawl]") {
  auto got = Tokens("<?xml version=\"1.0\"?><a x='1' y=\"2\"><b/>hi</a>");
  REQUIRE(got.ok());
  CHECK(*got == V{"<a x=1 y=2>", "<b>", "</b>", "hi", "</a>"});
}

TEST_CASE("XmlTokenizer drops namespace prefixes from elements and attributes", "[crawl]") {
  auto got = Tokens("<news:news><news:title xml:lang=\"zh\">T</news:title></news:news>");
  REQUIRE(got.ok());
  CHECK(*got == V{"<news>", "<title lang=zh>", "T", "</title>", "</news>"});
}

TEST_CASE("XmlTokenizer decodes entities and keeps unknown ones as written", "[crawl]") {
  struct Case {
    const char* xml;
    const char* text;
  };
  const Case cases[] = {
      {"<t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t>", "a & b <c> \"d\" 'e'"},
      {"<t>&#20013;&#x6587;&#X41;</t>", "中文A"},
      {"<t>&#0;&#xD800;&#x110000;</t>", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"<t>&nbsp;&unknown; AT&T & co</t>", "&nbsp;&unknown; AT&T & co"},
      {"<t>&#xZZ;&#;</t>", "&#xZZ;&#;"},
  };
  for (const Case& c : cases) {
    INFO(c.xml);
    auto got = Tokens(c.xml);
    REQUIRE(got.ok());
    REQUIRE(got->size() == 3);
    CHECK((*got)[1] == c.text);
  }
  auto attr = Tokens("<a href=\"/x?a=1&amp;b=2\"/>");
  REQUIRE(attr.ok());
  CHECK((*attr)[0] == "<a href=/x?a=1&b=2>");
}

TEST_CASE("XmlTokenizer reads CDATA verbatim and merges it with text", "[crawl]") {
  auto got = Tokens("<t>one <![CDATA[<b>&amp;</b> ]]>two<!-- c --> three</t>");
  REQUIRE(got.ok());
  CHECK(*got == V{"<t>", "one <b>&amp;</b> two three", "</t>"});
}

TEST_CASE("XmlTokenizer skips a plain DOCTYPE but refuses entity declarations", "[crawl]") {
  auto plain = Tokens("<!DOCTYPE rss PUBLIC \"-//x//DTD//EN\" \"http://x/dtd\"><rss/>");
  REQUIRE(plain.ok());
  CHECK(*plain == V{"<rss>", "</rss>"});
  auto subset = Tokens("<!DOCTYPE r [ <!ELEMENT r (#PCDATA)> ]><r>x</r>");
  REQUIRE(subset.ok());
  CHECK(*subset == V{"<r>", "x", "</r>"});
  auto laughs = Tokens(
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><lolz>&lol2;</lolz>");
  REQUIRE(!laughs.ok());
  CHECK(laughs.status().code() == Code::kDataError);
  CHECK(laughs.status().message() == "xml: offset 0: DOCTYPE declares entities (refused)");
  auto external = Tokens("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
  CHECK(!external.ok());
}

TEST_CASE("XmlTokenizer bounds nesting depth and input size", "[crawl]") {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  XmlLimits limits;
  limits.max_depth = 64;
  auto got = Tokens(deep, limits);
  REQUIRE(!got.ok());
  CHECK(got.status().message().find("nesting deeper than 64") != std::string::npos);
  limits.max_bytes = 10;
  auto big = Tokens("<a>0123456789</a>", limits);
  REQUIRE(!big.ok());
  CHECK(big.status().message() == "xml: larger than 10 bytes");
}

TEST_CASE("XmlTokenizer is lenient with sloppy nesting and stray text", "[crawl]") {
  auto got = Tokens("<a><b><c>x</a></zzz>tail");
  REQUIRE(got.ok());
  CHECK(*got == V{"<a>", "<b>", "<c>", "x", "</c>", "</b>", "</a>", "tail"});
  auto unclosed = Tokens("<a><b>x");
  REQUIRE(unclosed.ok());
  CHECK(*unclosed == V{"<a>", "<b>", "x", "</b>", "</a>"});
  auto lt = Tokens("<t>1 < 2</t>");
  REQUIRE(lt.ok());
  CHECK(*lt == V{"<t>", "1 < 2", "</t>"});
}

TEST_CASE("XmlTokenizer reports unterminated markup with its offset", "[crawl]") {
  CHECK(Tokens("<a><![CDATA[x").status().message() == "xml: offset 3: unterminated CDATA section");
  CHECK(Tokens("<a><!-- x").status().message() == "xml: offset 3: unterminated comment");
  CHECK(Tokens("<a href=\"x").status().message() == "xml: offset 0: unterminated attribute");
  CHECK(Tokens("<a").status().message() == "xml: offset 0: unterminated start tag <a>");
}

TEST_CASE("XmlTokenizer skips a UTF-8 byte order mark", "[crawl]") {
  auto got = Tokens("\xEF\xBB\xBF<a/>");
  REQUIRE(got.ok());
  CHECK(*got == V{"<a>", "</a>"});
}

}  // namespace
}  // namespace dealwatch
