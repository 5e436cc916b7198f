// Tests parse/text_renderer.cc: how block structure becomes lines.
#include "parse/text_renderer.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/dom.h"
#include "parse/html_document.h"

namespace dealwatch {
namespace {

std::string Render(const std::string& html) {
  HtmlDocument doc = HtmlDocument::Parse(html);
  FlatDom dom = FlatDom::Build(doc.root());
  return JoinLines(RenderLines(dom, {0}));
}

TEST_CASE("Render blocks, breaks, lists, tables and pre as lines", "[parse]") {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"<p>one</p><p>two</p>", "one\ntwo"},
      {"<div>a <b>bold</b> word<br>next line</div>", "a bold word\nnext line"},
      {"<h2>Head</h2><ul><li>x</li><li>y</li></ul>", "Head\nx\ny"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td><p>d</p></td></tr></table>",
       "a\tb\nc\td"},
      {"<table><tr><td>a<br>b</td><td></td><td>c</td></tr></table>", "a b\t\tc"},
      {"<pre>line 1\n  line 2</pre>", "line 1\nline 2"},
      {"<p>  spaced \n\t out&nbsp;text </p>", "spaced out text"},
      {"<p>zero\xE2\x80\x8Bwidth</p><p>\xE2\x80\x8B</p>", "zerowidth"},
      {"<div>outer<p>inner</p>tail</div>", "outer\ninner\ntail"},
      {"<p>bell\x07 and escape\x1B</p>",
       "bell\xEF\xBF\xBD and escape\xEF\xBF\xBD"},  // gumbo's U+FFFD
  };
  for (const Case& c : cases) {
    INFO(c.html);
    CHECK(Render(c.html) == c.text);
  }
}

TEST_CASE("Lines record headings, rows and link text", "[parse]") {
  HtmlDocument doc = HtmlDocument::Parse(
      "<h1>Title</h1><p><a href=/x>all link</a></p><table><tr><td>r</td></tr></table>");
  FlatDom dom = FlatDom::Build(doc.root());
  std::vector<TextLine> lines = RenderLines(dom, {0});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].heading);
  CHECK(lines[1].LinkDensity() == 1.0);
  CHECK(lines[2].row);
}

}  // namespace
}  // namespace dealwatch
