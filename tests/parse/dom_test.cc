// Tests parse/dom.cc: flattening, text statistics, hidden and skipped
// elements, removal and recounting.
#include "parse/dom.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/html_document.h"

namespace dealwatch {
namespace {

FlatDom BuildBody(const HtmlDocument& doc) { return FlatDom::Build(doc.root()); }

TEST_CASE("Flatten a page in document order with subtree ranges", "[parse]") {
  HtmlDocument doc = HtmlDocument::Parse("<div id=a><p>one, two.</p><p>three</p></div><p>four</p>");
  FlatDom dom = BuildBody(doc);
  REQUIRE(dom.size() > 5);
  CHECK(dom[0].end == static_cast<int>(dom.size()));
  for (size_t i = 1; i < dom.size(); ++i) {
    int p = dom[i].parent;
    CHECK(p < static_cast<int>(i));
    CHECK(static_cast<int>(i) < dom[p].end);
  }
  CHECK(dom.TextOf(0) == "one, two. three four");
  CHECK(dom[0].sub.commas == 1);
  CHECK(dom[0].sub.stops == 1);
  CHECK(dom[0].paragraphs == 3);
}

TEST_CASE("Count link text and Chinese punctuation", "[parse]") {
  HtmlDocument doc = HtmlDocument::Parse("<p>银行，贷款。<a href=/x>link</a> <a>no href</a></p>");
  FlatDom dom = BuildBody(doc);
  CHECK(dom[0].sub.commas == 1);
  CHECK(dom[0].sub.stops == 1);
  CHECK(dom[0].sub.link == 4);
}

TEST_CASE("Skip scripts, styles, forms controls and hidden elements", "[parse]") {
  const char* hidden[] = {
      "<script>var x = 'secret';</script>",
      "<style>.secret{}</style>",
      "<div hidden>secret</div>",
      "<div style=\"display : none\">secret</div>",
      "<div aria-hidden=\"true\">secret</div>",
      "<span class=\"sr-only\">secret</span>",
      "<noscript>secret</noscript>",
      "<select><option>secret</option></select>",
      "<svg><text>secret</text></svg>",
      "<iframe>secret</iframe>",
  };
  for (const char* h : hidden) {
    INFO(h);
    HtmlDocument doc = HtmlDocument::Parse(std::string("<p>shown</p>") + h);
    CHECK(BuildBody(doc).TextOf(0) == "shown");
  }
}

TEST_CASE("Removed subtrees leave the counts after Recount", "[parse]") {
  HtmlDocument doc =
      HtmlDocument::Parse("<div><p>keep this text</p><p class=x>drop this text</p></div>");
  FlatDom dom = BuildBody(doc);
  uint32_t before = dom[0].sub.text;
  int drop = -1;
  for (size_t i = 0; i < dom.size(); ++i) {
    if (dom[i].tag == GUMBO_TAG_P && !Attr(dom[i].node, "class").empty())
      drop = static_cast<int>(i);
  }
  REQUIRE(drop > 0);
  dom.Remove(drop);
  dom.Recount();
  CHECK(dom[0].sub.text < before);
  CHECK(dom.TextOf(0) == "keep this text");
  dom.ClearRemoved();
  CHECK(dom[0].sub.text == before);
}

}  // namespace
}  // namespace dealwatch
