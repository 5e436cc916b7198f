// Tests parse/article_extractor.cc end to end on small pages written for
// the purpose: each boilerplate rule removes its furniture and keeps the
// story, text layout follows the block structure, metadata is filled.
#include "parse/article_extractor.h"

#include <catch2/catch.hpp>
#include <string>

namespace dealwatch {
namespace {

// Five paragraphs of story text; each test adds furniture around them.
const char kStory[] =
    "<p>Acme Holdings has signed a HK$5 billion syndicated term loan, with twelve banks joining "
    "the deal after a month of general syndication, according to people familiar with it.</p>"
    "<p>The five-year facility pays a margin of 150 basis points over HIBOR, and a top-level "
    "upfront fee of 120 basis points, the people said, declining to be named.</p>"
    "<p>Proceeds will refinance an existing loan signed in 2021, and fund general corporate "
    "purposes, including the expansion of the group's logistics business in the region.</p>"
    "<p>Bank of China and HSBC were the mandated lead arrangers and bookrunners, while DBS, "
    "Mizuho and OCBC joined as lead arrangers, committing at least HK$500 million each.</p>"
    "<p>The borrower last tapped the market in 2021, when it raised HK$3 billion from a club of "
    "seven banks, paying a margin of 130 basis points, according to market data.</p>";

std::string Page(const std::string& before, const std::string& after,
                 const std::string& head = "") {
  return "<html><head><title>Acme signs HK$5bn loan | Example News</title>" + head +
         "</head><body>" + before + "<article class=\"story\">" + kStory + "</article>" + after +
         "</body></html>";
}

bool Has(const Article& a, const char* text) { return a.text.find(text) != std::string::npos; }

TEST_CASE("Keep the story and drop each kind of furniture", "[parse]") {
  struct Case {
    const char* name;
    std::string before, after;
    const char* dropped;
  };
  const Case cases[] = {
      {"nav", "<nav><ul><li><a href=/a>Markets</a></li><li><a href=/b>Loans</a></li></ul></nav>",
       "", "Markets"},
      {"menu class", "<div class=\"main-menu\"><a href=/x>Companies and deals</a></div>", "",
       "Companies and deals"},
      {"share bar", "<div class=\"share-tools\">Share this story on Facebook and Twitter now</div>",
       "", "Facebook"},
      {"related list", "",
       "<section class=\"related-stories\"><h3>Related stories</h3><ul><li><a href=/r1>Bank loans "
       "rise to a record in Asia, said analysts at the firm</a></li></ul></section>",
       "record in Asia"},
      {"comments", "",
       "<div id=\"comments\"><p>Great article, thanks a lot for writing it, I learned much about "
       "the loan market and its banks.</p></div>",
       "Great article"},
      {"cookie banner",
       "<div class=\"cookie-consent\"><p>We use cookies to improve your experience, by continuing "
       "you agree to our policy.</p></div>",
       "", "cookies"},
      {"footer", "",
       "<footer><p>Example News Ltd, 1 Queen's Road, Hong Kong, registered in Hong Kong, company "
       "number 123456.</p></footer>",
       "Queen's Road"},
      {"ad slot", "<div class=\"ad-slot\">Advertisement: buy our premium subscription today</div>",
       "", "premium subscription"},
      {"sidebar", "",
       "<div class=\"sidebar\"><p>Most read: Fed holds rates, oil falls, and gold rises again, as "
       "markets await data.</p></div>",
       "Fed holds"},
      {"breadcrumb", "<div class=\"breadcrumb\"><a href=/>Home</a> &gt; <a href=/l>Loans</a></div>",
       "", "Home"},
      {"hidden", "<div style=\"display: none\">Hidden teaser text that nobody can see here</div>",
       "", "Hidden teaser"},
      {"script", "<script>var tracking = 'do not print this script text';</script>", "",
       "tracking"},
      {"chinese related", "",
       "<div class=\"xgxw\"><h3>相关新闻</h3><ul><li><a href=/1>银行业贷款创新高，多家银行参与其中"
       "</a></li></ul></div>",
       "创新高"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Article a = ExtractArticle(Page(c.before, c.after), "https://news.example.com/a/1");
    CHECK(Has(a, "HK$5 billion syndicated term loan"));
    CHECK(Has(a, "club of seven banks"));
    CHECK_FALSE(Has(a, c.dropped));
  }
}

TEST_CASE("Drop captions, bylines and closing credits inside the story", "[parse]") {
  std::string page =
      "<html><head><title>Acme signs HK$5bn loan</title></head><body><article>"
      "<h1>Acme signs HK$5bn loan</h1><p>By Jane Doe</p>"
      "<figure><img src=a.jpg><figcaption>Acme's headquarters in Kowloon, "
      "2024</figcaption></figure>" +
      std::string(kStory) +
      "<p>Reporting by Jane Doe; Editing by John Smith</p></article></body></html>";
  Article a = ExtractArticle(page, "");
  CHECK(Has(a, "HK$5 billion"));
  CHECK_FALSE(Has(a, "Acme signs HK$5bn loan"));
  CHECK_FALSE(Has(a, "Jane Doe"));
  CHECK_FALSE(Has(a, "headquarters in Kowloon"));
}

TEST_CASE("Cut the text at a closing label such as 相关阅读", "[parse]") {
  std::string after =
      "<p>相关阅读</p><p>另一篇文章的标题很长很长，讲的是别的银行和别的贷款项目。</p>";
  std::string page =
      "<html><body><div class=\"content\">" + std::string(kStory) + after + "</div></body></html>";
  Article a = ExtractArticle(page, "");
  CHECK(Has(a, "club of seven banks"));
  CHECK_FALSE(Has(a, "另一篇文章"));
}

TEST_CASE("Headings, list items, rows and breaks become lines", "[parse]") {
  std::string body = std::string(kStory) +
                     "<h2>Terms</h2><ul><li>Tenor: five years</li><li>Margin: 150 bp</li></ul>"
                     "<table><tr><th>Bank</th><th>Role</th></tr><tr><td>HSBC</td><td>MLAB</td></tr>"
                     "</table><p>Line one<br>Line two</p>";
  Article a = ExtractArticle("<html><body><article>" + body + "</article></body></html>", "");
  CHECK(Has(a, "\nTerms\n"));
  CHECK(Has(a, "\nTenor: five years\nMargin: 150 bp\n"));
  CHECK(Has(a, "\nBank\tRole\nHSBC\tMLAB\n"));
  CHECK(Has(a, "\nLine one\nLine two"));
}

TEST_CASE("Fill title, dates, author, site name and canonical URL from metadata", "[parse]") {
  std::string head =
      "<meta property=\"og:title\" content=\"Acme signs HK$5bn loan - Example News\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:published_time\" content=\"2025-08-23T14:05:00+08:00\">"
      "<meta property=\"article:modified_time\" content=\"2025-08-24T09:00:00+08:00\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "<link rel=\"canonical\" href=\"/a/acme-loan\">";
  Article a = ExtractArticle(Page("", "", head), "https://news.example.com/x?id=3");
  CHECK(a.title == "Acme signs HK$5bn loan");
  CHECK(a.published == "2025-08-23T14:05:00+08:00");
  CHECK(a.updated == "2025-08-24T09:00:00+08:00");
  CHECK(a.author == "Jane Doe");
  CHECK(a.site_name == "Example News");
  CHECK(a.canonical_url == "https://news.example.com/a/acme-loan");
  CHECK(a.lang == "en");
  CHECK(a.source == "https://news.example.com/x?id=3");
}

TEST_CASE("Take dates from JSON-LD, time elements, the URL and the text", "[parse]") {
  std::string json_ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2025-08-23T06:05:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Li Wei\"}}</script>";
  Article from_json = ExtractArticle(Page("", "", json_ld), "");
  CHECK(from_json.published == "2025-08-23T06:05:00Z");
  CHECK(from_json.author == "Li Wei");
  Article from_time = ExtractArticle(Page("<time datetime=\"2025-08-22\">Friday</time>", ""), "");
  CHECK(from_time.published == "2025-08-22");
  Article from_url = ExtractArticle(Page("", ""), "https://example.com/2025/08/21/acme/");
  CHECK(from_url.published == "2025-08-21");
  Article from_text =
      ExtractArticle(Page("<div class=\"info\">发布时间：2025年8月20日 10:30</div>", ""), "");
  CHECK(from_text.published == "2025-08-20T10:30:00");
}

TEST_CASE("Decide the language from lang and from the script", "[parse]") {
  std::string zh_hant =
      "<p>中國銀行與多家銀行簽署銀團貸款協議，總額為五十億港元，期限三年，"
      "用於再融資現有債務及一般企業用途，參與銀行包括匯豐及渣打。</p>";
  std::string zh_hans =
      "<p>中国银行与多家银行签署银团贷款协议，总额为五十亿元人民币，期限三年，"
      "用于再融资现有债务及一般企业用途，参与银行包括汇丰及渣打。</p>";
  auto page = [](const std::string& lang, const std::string& p) {
    return "<html lang=\"" + lang + "\"><body><article>" + p + p + "</article></body></html>";
  };
  CHECK(ExtractArticle(page("zh-TW", zh_hant), "").lang == "zh-Hant");
  CHECK(ExtractArticle(page("zh-CN", zh_hans), "").lang == "zh-Hans");
  CHECK(ExtractArticle(page("zh", zh_hant), "").lang == "zh-Hant");
  CHECK(ExtractArticle(page("", zh_hans), "").lang == "zh-Hans");
  CHECK(ExtractArticle(page("en", zh_hant), "").lang == "zh-Hant");
  CHECK(ExtractArticle(page("en-GB", kStory), "").lang == "en");
  CHECK(ExtractArticle(page("", kStory), "").lang == "en");
}

TEST_CASE("A filing keeps its numbered paragraphs and drops page furniture", "[parse]") {
  std::string page =
      "<html><body><div><p>UNITED STATES</p><p>SECURITIES AND EXCHANGE COMMISSION</p>"
      "<p>FORM 8-K</p><p>Item 1.01 Entry into a Material Definitive Agreement.</p>"
      "<p>(a) On August 23, 2025, the Company entered into a Credit Agreement.</p>"
      "<p>(b) The facility is a $500 million revolver.</p><p>Page 3 of 40</p>"
      "<p><a href=\"#toc\">Table of Contents</a></p><p>- 4 -</p>"
      "<table><tr><td>Lender</td><td>Commitment</td></tr><tr><td>Bank A</td><td>$250,000,000</td>"
      "</tr></table></div></body></html>";
  Article a = ExtractArticle(page, "");
  CHECK(Has(a, "FORM 8-K"));
  CHECK(Has(a, "(a) On August 23, 2025"));
  CHECK(Has(a, "(b) The facility"));
  CHECK(Has(a, "Bank A\t$250,000,000"));
  CHECK_FALSE(Has(a, "Page 3 of 40"));
  CHECK_FALSE(Has(a, "Table of Contents"));
  CHECK_FALSE(Has(a, "- 4 -"));
}

TEST_CASE("A page of a few short lines keeps them, without bylines", "[parse]") {
  using namespace std::string_literals;
  Article a = ExtractArticle(
      "<html><body><p>By Jane Doe</p><p>Acme \0Corp</p><p\0>text after NUL</p>"s, "");
  CHECK(a.text == "Acme Corp\ntext after NUL");
  CHECK(a.empty_reason.empty());
}

TEST_CASE("Take the first post of a blog archive page", "[parse]") {
  auto post = [](const char* title, const char* text) {
    return std::string("<table class=\"post\"><tr><td class=\"post-title\">") + title +
           "</td><td>2005-03-21 01:20</td></tr><tr><td class=\"post-body\">" + text +
           "</td></tr></table>";
  };
  std::string first = std::string(kStory);
  std::string second = std::string(kStory) + kStory;
  for (char& c : second) c = c == 'A' ? 'B' : c;
  std::string page = "<html><body><div>" + post("First", first.c_str()) + "</div><div>" +
                     post("Second", second.c_str()) + "</div></body></html>";
  Article a = ExtractArticle(page, "");
  CHECK(Has(a, "Acme Holdings"));
  CHECK_FALSE(Has(a, "Bcme Holdings"));
}

TEST_CASE("Keep every part of an article split under subheadings", "[parse]") {
  std::string second = kStory;
  for (char& c : second) c = c == 'A' ? 'B' : c;
  std::string page = "<html><body><article><div class=\"chunk-wrap\"><div class=\"chunk\">" +
                     std::string(kStory) + "</div></div><h2>What comes next</h2>" +
                     "<div class=\"chunk-wrap\"><div class=\"chunk\">" + second + second +
                     "</div></div></article></body></html>";
  Article a = ExtractArticle(page, "");
  CHECK(Has(a, "Acme Holdings"));
  CHECK(Has(a, "Bcme Holdings"));
}

TEST_CASE("A story wrapped in a stray unclosed link is kept, a page of short links stays empty", "[parse]") {
  // An unclosed <a> in the header makes every later paragraph link text.
  Article wrapped = ExtractArticle(
      "<html><body><div class=\"masthead\"><a href=\"/\">Example News</div>" + std::string(kStory) +
          "</body></html>",
      "https://example.com/a.html");
  CHECK(Has(wrapped, "HK$5 billion syndicated term loan"));
  CHECK(Has(wrapped, "Bank of China and HSBC were the mandated lead arrangers"));
  CHECK(wrapped.empty_reason.empty());

  Article menu = ExtractArticle(
      "<html><body><ul><li><a href=/a>Markets</a></li><li><a href=/b>Loans and credit</a></li>"
      "<li><a href=/c>Companies</a></li></ul></body></html>",
      "https://example.com/index.html");
  CHECK(menu.text.empty());
  CHECK(menu.empty_reason == "no article content");
}

}  // namespace
}  // namespace dealwatch
