#include "crawl/html_links.h"

#include <catch2/catch.hpp>

#include "crawl/discovery.h"

namespace dealwatch {
namespace {

TEST_CASE("ExtractHtmlLinks resolves hrefs in order, honours <base> and skips non-web links", "[crawl]") {
  const char* html = R"x(<html><head><base href="https://news.example/zh/"></head><body>
    <a href="a/1.html">第一 <b>篇</b></a>
    <a href="/b/2.html?utm_source=home">Two</a>
    <a href="a/1.html#comments">again</a>
    <a href="mailto:x@news.example">mail</a>
    <a href="javascript:void(0)">js</a>
    <a name="anchor-only">no href</a>
  </body></html>)x";
  std::vector<HtmlLink> links = ExtractHtmlLinks(html, "https://news.example/index.html");
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "https://news.example/zh/a/1.html");
  CHECK(links[0].text == "第一 篇");
  CHECK(links[1].url == "https://news.example/b/2.html");
}

TEST_CASE("ExtractHtmlLinks drops anchor text that is not UTF-8", "[crawl]") {
  std::string big5 = "<a href=\"/x.html\">\xB7\x73\xBB\x44</a>";  // 新聞 in Big5
  std::vector<HtmlLink> links = ExtractHtmlLinks(big5, "https://a.example/");
  REQUIRE(links.size() == 1);
  CHECK(links[0].url == "https://a.example/x.html");
  CHECK(links[0].text.empty());
}

TEST_CASE("ParseFilingIndex reads the EDGAR document table and selects what to fetch", "[crawl]") {
  const char* html = R"x(<html><body>
<table class="tableFile" summary="Document Format Files">
 <tr><th scope="col">Seq</th><th scope="col">Description</th><th scope="col">Document</th>
     <th scope="col">Type</th><th scope="col">Size</th></tr>
 <tr><td>1</td><td>8-K</td><td><a href="/ix?doc=/Archives/edgar/data/1/000001/acme-8k.htm">acme-8k.htm</a></td><td>8-K</td><td>40000</td></tr>
 <tr><td>2</td><td>CREDIT AGREEMENT</td><td><a href="/Archives/edgar/data/1/000001/ex10-1.htm">ex10-1.htm</a></td><td>EX-10.1</td><td>900000</td></tr>
 <tr><td>3</td><td>PRESS RELEASE</td><td><a href="/Archives/edgar/data/1/000001/ex99-1.htm">ex99-1.htm</a></td><td>EX-99.1</td><td>9000</td></tr>
 <tr><td>4</td><td>XBRL</td><td><a href="/Archives/edgar/data/1/000001/acme.xsd">acme.xsd</a></td><td>EX-101.SCH</td><td>1000</td></tr>
 <tr><td>&nbsp;</td><td>Complete submission</td><td><a href="/Archives/edgar/data/1/000001/0000001.txt">0000001.txt</a></td><td>&nbsp;</td><td>1</td></tr>
</table>
<table class="tableFile" summary="Data Files"><tr><td>9</td><td>x</td><td><a href="/d.xml">d.xml</a></td><td>EX-99.9</td></tr></table>
</body></html>)x";
  std::vector<FilingDocument> docs =
      ParseFilingIndex(html, "https://www.sec.gov/Archives/edgar/data/1/000001/0000001-index.htm");
  REQUIRE(docs.size() == 5);
  CHECK(docs[0].url == "https://www.sec.gov/Archives/edgar/data/1/000001/acme-8k.htm");
  CHECK(docs[0].type == "8-K");
  CHECK(docs[1].description == "CREDIT AGREEMENT");
  std::vector<FilingDocument> picked = SelectFilingDocuments(docs, "8-K");
  REQUIRE(picked.size() == 3);
  CHECK(picked[0].type == "8-K");
  CHECK(picked[1].type == "EX-10.1");
  CHECK(picked[2].type == "EX-99.1");
  CHECK(ParseFilingIndex("<html><body>no table</body></html>", "https://www.sec.gov/").empty());
}

}  // namespace
}  // namespace dealwatch
