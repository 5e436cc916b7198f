// Tests parse/html_document.cc: the guards that keep gumbo's work bounded,
// and ExtractArticle on hostile input (deep nesting, huge pages, binary
// data, truncated and invalid markup).
#include "parse/html_document.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "parse/article_extractor.h"
#include "parse/dom.h"

namespace dealwatch {
namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

const char kParagraph[] =
    "<p>The lenders agreed to a five-year term loan, priced at a margin of 150 basis points, "
    "with a commitment fee of 35 basis points on the undrawn amount.</p>";

TEST_CASE("GuardHtml counts only elements that really nest", "[parse]") {
  HtmlLimits limits;
  limits.max_depth = 3;
  struct Case {
    std::string html;
    size_t dropped;
  };
  const Case cases[] = {
      {"<div><div><div>x</div></div></div>", 0},
      {"<div><div><div><div>x</div></div></div></div>", 2},  // the start and end tag
      {Repeat("<p>a", 50) + Repeat("<li>b", 50) + Repeat("<br><img>", 50), 0},
      {"<div><div><div><script>" + Repeat("<div>", 9) + "</script></div></div></div>", 0},
      {"<div><div><div><!-- <div><div> --></div></div></div>", 0},
      {"<div><div><div><span a='>'><b>x</b></span></div></div></div>", 4},
  };
  for (const Case& c : cases) {
    std::string out;
    GuardResult r = GuardHtml(c.html, limits, &out);
    INFO(c.html);
    CHECK(r.dropped_tags == c.dropped);
    CHECK_FALSE(r.cut);
  }
}

TEST_CASE("GuardHtml drops a tag with thousands of attributes", "[parse]") {
  std::string attrs;
  for (int i = 0; i < 100000; ++i) attrs += " a" + std::to_string(i) + "=\"1\"";
  std::string page = "<div" + attrs + ">" + kParagraph + "</div>";
  std::string out;
  GuardResult r = GuardHtml(page, HtmlLimits(), &out);
  CHECK(r.dropped_tags >= 2);
  CHECK(out.find(" a99999") == std::string::npos);
  Article a = ExtractArticle(page, "");
  CHECK(a.text.find("five-year term loan") != std::string::npos);
  std::string out2;
  CHECK(GuardHtml("<a href=x class='y z' data-x=\"a>b\" hidden>t</a>", HtmlLimits(), &out2)
            .dropped_tags == 0);
}

TEST_CASE("GuardHtml drops every tag beyond the depth limit but keeps the text", "[parse]") {
  HtmlLimits limits;
  limits.max_depth = 2;
  std::string out;
  GuardResult r =
      GuardHtml("<div><div><table><tr><td>deep<script>x()</script></td></tr></table></div></div>",
                limits, &out);
  CHECK(r.dropped_tags == 7);
  CHECK(out == "<div><div>deep</div></div>");
}

TEST_CASE("Tags beyond the depth limit do not count towards the tag limit", "[parse]") {
  HtmlLimits limits;
  limits.max_depth = 10;
  limits.max_tags = 100;
  std::string out;
  GuardResult r =
      GuardHtml(Repeat("<div>", 10000) + "text" + Repeat("</div>", 10000), limits, &out);
  CHECK_FALSE(r.cut);
  CHECK(out.find("text") != std::string::npos);
}

TEST_CASE("GuardHtml cuts a page with too many tags", "[parse]") {
  HtmlLimits limits;
  limits.max_tags = 100;
  std::string out;
  GuardResult r = GuardHtml(Repeat("<a>x</a>", 1000), limits, &out);
  CHECK(r.cut);
  CHECK(out.size() < 100 * 8);
}

TEST_CASE("A page nested 100,000 divs deep parses quickly and keeps its text", "[parse]") {
  std::string deep = Repeat("<div>", 100000) + kParagraph + Repeat("</div>", 100000);
  HtmlDocument doc = HtmlDocument::Parse(deep);
  CHECK(doc.dropped_tags() > 0);
  FlatDom dom = FlatDom::Build(doc.root());
  CHECK(dom.TextOf(0).find("five-year term loan") != std::string::npos);
  Article a = ExtractArticle(deep, "");
  CHECK(a.text.find("five-year term loan") != std::string::npos);
}

TEST_CASE("100,000 unclosed formatting and self-closed tags stay bounded", "[parse]") {
  for (const char* tag : {"<b>", "<font>", "<div/>", "<span>"}) {
    Article a = ExtractArticle(Repeat(tag, 100000) + kParagraph, "");
    CHECK(a.text.find("five-year term loan") != std::string::npos);
  }
}

TEST_CASE("A 50 MB page is cut and still gives an article", "[parse]") {
  std::string big = "<html><body><article>" + Repeat(kParagraph, (50u << 20) / 160) + "</article>";
  REQUIRE(big.size() > (45u << 20));
  HtmlDocument doc = HtmlDocument::Parse(big);
  CHECK(doc.truncated());
  Article a = ExtractArticle(big, "");
  CHECK(a.text.find("five-year term loan") != std::string::npos);
  CHECK(a.text.size() <= (16u << 20));
}

TEST_CASE("Random bytes give an empty article that says binary data", "[parse]") {
  std::mt19937 rng(42);
  std::string noise(1 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  Article a = ExtractArticle(noise, "");
  CHECK(a.text.empty());
  CHECK(a.empty_reason == "binary data");
}

TEST_CASE("Empty and blank input give an empty article with a reason", "[parse]") {
  for (const char* input : {"", "   \n\t "}) {
    Article a = ExtractArticle(input, "https://example.com/");
    CHECK(a.text.empty());
    CHECK(a.empty_reason == "empty input");
  }
}

TEST_CASE("Truncated HTML still gives the text it has", "[parse]") {
  std::string page = std::string("<html><head><title>T</title></head><body><div><p>") +
                     "The borrower signed a revolving credit facility, with a margin of 125 bp, "
                     "and the deal was led by three banks acting as bookrunners <a hr";
  Article a = ExtractArticle(page, "");
  CHECK(a.text.find("revolving credit facility") != std::string::npos);
}

TEST_CASE("Invalid UTF-8 is replaced before gumbo reads it", "[parse]") {
  std::string page = std::string("<p>caf\xE9 \xFF\xFE ") + kParagraph;
  HtmlDocument doc = HtmlDocument::Parse(page);
  CHECK(doc.replaced_bytes() == 3);
  Article a = ExtractArticle(page, "");
  CHECK(a.text.find("five-year term loan") != std::string::npos);
}

TEST_CASE("A page without an article gives an empty text and a reason", "[parse]") {
  Article a = ExtractArticle("<html><body><nav><a href=/>Home</a></nav></body></html>", "");
  CHECK(a.text.empty());
  CHECK(a.empty_reason == "no article content");
}

TEST_CASE("Moving an HtmlDocument keeps its tree valid", "[parse]") {
  HtmlDocument a = HtmlDocument::Parse("<p>short</p>");
  HtmlDocument b = std::move(a);
  FlatDom dom = FlatDom::Build(b.root());
  CHECK(dom.TextOf(0) == "short");
}

}  // namespace
}  // namespace dealwatch
