// The report rendered as HTML, Markdown and JSON: escaping, self-contained
// HTML, the same content in every format.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

#include "report/markdown_report.h"
#include "report/report.h"
#include "report/report_fixture.h"
#include "report/volume_chart.h"

namespace dealwatch {
namespace {

using testing::ReportDb;

const std::string kHostile = "Evil Co <script>alert('x')</script> & \"friends\" **bold** [link](javascript:x)";

// One run with a deal whose article text, title and URL are hostile.
void FillHostile(ReportDb& db) {
  db.AddRun(1, "done",
            R"({"sources":[{"source":"<b>src</b>","fetched":1,"handed_on":1,"failures":{"http 404":1}}]})",
            "db = \"deals.db\"\napi_token = \"***\"\n</pre><script>bad()</script>");
  int64_t deal = db.Deal({.borrower = "Evil Co", .amount = 5e9, .currency = "USD", .confidence = 0.3});
  db.Party(deal, "Alpha <Bank>", "lead_arranger");
  int64_t a = db.Article("javascript:alert(1)", "<img src=x onerror=alert(1)>", "2026-09-01", "en", "US", 1);
  db.Mention(deal, a, kHostile + " took a $5 billion loan.", 1, R"({"amount":"<rule>"})");
  db.Exec("INSERT INTO run_errors VALUES (1, 'now', 'process', 's', 'https://x.test/<p>', 'bad <b>input</b>')");
}

std::string Render(ReportDb& db, ReportFormat format) {
  ReportOptions options;
  options.rule_ids = std::vector<std::string>{"<never>"};
  auto text = RenderReport(db.db(), options, format);
  INFO(text.status().ToString());
  REQUIRE(text.ok());
  return *text;
}

TEST_CASE("HTML shows article text as text: a <script> in an article stays inert", "[report]") {
  ReportDb db;
  FillHostile(db);
  std::string html = Render(db, ReportFormat::kHtml);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;/pre&gt;&lt;script&gt;bad()") != std::string::npos);
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // The only script element is the report's own table sorter, at the end.
  CHECK(lower.find("<script") == lower.rfind("<script"));
  CHECK(lower.find("<script>\n(function () {") != std::string::npos);
  CHECK(lower.find("<img") == std::string::npos);
  CHECK(lower.find("<b>") == std::string::npos);
  CHECK(lower.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);  // the title, as text
}

// One run with one well-formed deal.
void FillVantage(ReportDb& db) {
  db.AddRun(1, "done", R"({"sources":[{"source":"news","fetched":1,"handed_on":1}]})");
  int64_t deal = db.Deal({.borrower = "Vantage Data Centers", .amount = 22e9, .currency = "USD"});
  db.Party(deal, "JPMorgan Chase & Co.", "lead_arranger", "JPMorgan Chase");
  int64_t a = db.Article("https://n.test/v", "Vantage loan", "2026-09-01", "en", "US", 1);
  db.Mention(deal, a, "JPMorgan Chase leads a $22 billion loan for Vantage Data Centers.", 1);
}

TEST_CASE("HTML is self-contained: no external scripts, styles, fonts, images or requests", "[report]") {
  ReportDb db;
  FillVantage(db);
  std::string html = Render(db, ReportFormat::kHtml);
  CHECK(html.find("<svg") != std::string::npos);
  // One inline script sorts and filters the tables; it loads nothing.
  CHECK(html.find("<script>") == html.rfind("<script>"));
  CHECK(html.find("table.sortable") != std::string::npos);
  for (const char* banned : {"<script src", "<link", "<img", "<iframe", "@import", "url(", "src=", "@font-face",
                             "fetch(", "XMLHttpRequest"}) {
    INFO(banned);
    CHECK(html.find(banned) == std::string::npos);
  }
  // Links go to sections of the report or to the article; the SVG namespace is never fetched.
  std::regex href(R"(href=\"([^\"]*)\")");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
    std::string target = (*it)[1];
    INFO(target);
    CHECK((target.rfind("#", 0) == 0 || target == "https://n.test/v"));
  }
}

TEST_CASE("HTML marks the amount, borrower and lenders inside the evidence", "[report]") {
  ReportDb db;
  FillVantage(db);
  std::string html = Render(db, ReportFormat::kHtml);
  CHECK(html.find("<mark class=\"lender\">JPMorgan Chase</mark> leads a <mark class=\"amount\">$22 billion</mark> "
                  "loan for <mark class=\"borrower\">Vantage Data Centers</mark>.") != std::string::npos);
  CHECK(html.find("<a href=\"https://n.test/v\">Vantage loan</a>") != std::string::npos);
  std::string md = Render(db, ReportFormat::kMarkdown);
  CHECK(md.find("> **JPMorgan Chase** leads a **$22 billion** loan for **Vantage Data Centers**.") !=
        std::string::npos);
  CHECK(md.find("[Vantage loan](https://n.test/v)") != std::string::npos);
}

TEST_CASE("Markdown escapes HTML and Markdown syntax in article text", "[report]") {
  CHECK(MarkdownEscape("<script>a*b_c</script> [x](y) | #1 & `z`") ==
        "&lt;script&gt;a\\*b\\_c&lt;/script&gt; \\[x\\](y) \\| \\#1 &amp; \\`z\\`");
  ReportDb db;
  FillHostile(db);
  std::string md = Render(db, ReportFormat::kMarkdown);
  size_t config = md.find("## Run configuration");
  REQUIRE(config != std::string::npos);
  CHECK(md.substr(0, config).find("<script") == std::string::npos);
  CHECK(md.find("&lt;script&gt;alert('x')&lt;/script&gt;") != std::string::npos);
  CHECK(md.find("\\[link\\](javascript:x)") != std::string::npos);
  CHECK(md.find(" [link](") == std::string::npos);
  // The config is an indented code block, which Markdown shows verbatim as code.
  CHECK(md.find("\n    </pre><script>bad()</script>\n") != std::string::npos);
}

TEST_CASE("HTML, Markdown and JSON carry the same sections", "[report]") {
  ReportDb db;
  FillHostile(db);
  std::string html = Render(db, ReportFormat::kHtml);
  std::string md = Render(db, ReportFormat::kMarkdown);
  nlohmann::json j = nlohmann::json::parse(Render(db, ReportFormat::kJson));
  for (const char* title : {"New deals (1)", "Changed deals (0)", "Review queue (1)", "Source health", "Rule hits",
                            "League table: lead arrangers", "Deal volume by week", "Errors (1)", "Run configuration"}) {
    INFO(title);
    CHECK(html.find(std::string(">") + title) != std::string::npos);
    CHECK(md.find(std::string("## ") + title) != std::string::npos);
  }
  REQUIRE(j["new_deals"].size() == 1);
  const auto& deal = j["new_deals"][0];
  CHECK(deal["borrower"] == "Evil Co");
  CHECK(deal["amount"] == 5e9);
  CHECK(deal["lenders"][0]["name"] == "Alpha <Bank>");
  CHECK(deal["lenders"][0]["role"] == "lead_arranger");
  // JSON holds the text as it is; marks are byte offsets into it.
  std::string text = deal["evidence"][0]["text"];
  CHECK(text.rfind(kHostile, 0) == 0);
  for (const auto& m : deal["evidence"][0]["marks"])
    CHECK(text.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>()) == m["text"]);
  CHECK(j["review_queue"]["items"][0]["reason"] == "low confidence");
  CHECK(j["sources"]["items"][0]["failures"]["http 404"] == 1);
  CHECK(j["rules"]["never_fired"] == nlohmann::json::array({"<never>"}));
  CHECK(j["rules"]["fired"][0]["rule"] == "<rule>");
  CHECK(j["league_table"]["rows"][0]["lender"] == "Alpha <Bank>");
  CHECK(j["volume_by_week"]["points"][0]["week"] == "2026-08-31");
  CHECK(j["errors"][0]["message"] == "bad <b>input</b>");
  CHECK(j["run"]["config"].get<std::string>().find("api_token") != std::string::npos);
}

TEST_CASE("USD equivalents appear once deals have amount_usd", "[report]") {
  ReportDb db;
  db.AddLaterSchema();
  db.AddRun(1, "done");
  int64_t deal = db.Deal({.borrower = "Taiwan Co", .amount = 30e9, .currency = "TWD"});
  db.Exec("UPDATE deals SET amount_usd = 937500000 WHERE deal_id = " + std::to_string(deal));
  std::string html = Render(db, ReportFormat::kHtml);
  CHECK(html.find("TWD 30,000,000,000 <span class=src>(&asymp; US$938m)</span>") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(Render(db, ReportFormat::kJson));
  CHECK(j["new_deals"][0]["amount_usd"] == 937500000.0);
}

TEST_CASE("The volume chart is inline SVG: stacked bars per week, a tooltip each, no scripts", "[report]") {
  std::vector<VolumePoint> points = {{"2026-08-31", "TWD", 2, 15e9, 0.5e9},
                                     {"2026-08-31", "USD", 1, 1e9, 1e9},
                                     {"2026-09-14", "<x>", 1, 1, std::nullopt}};
  std::string svg = VolumeChartSvg(points, /*usd=*/false);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  size_t bars = 0;
  for (size_t at = svg.find("<title>"); at != std::string::npos; at = svg.find("<title>", at + 1)) ++bars;
  CHECK(bars == 3);
  CHECK(svg.find("<title>week of 2026-08-31: TWD, 2 deals, US$500m</title>") != std::string::npos);
  CHECK(svg.find("&lt;x&gt;") != std::string::npos);
  CHECK(svg.find("<x>") == std::string::npos);
  CHECK(svg.find("2026-09-07") != std::string::npos);  // the empty week between keeps its place
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(VolumeChartSvg({}, false).empty());
  CHECK(ShortUsd(22e9) == "US$22bn");
  CHECK(ShortUsd(937.5e6) == "US$938m");
}

TEST_CASE("Report formats are html, md and json", "[report]") {
  CHECK(*ParseReportFormat("html") == ReportFormat::kHtml);
  CHECK(*ParseReportFormat("md") == ReportFormat::kMarkdown);
  CHECK(*ParseReportFormat("json") == ReportFormat::kJson);
  auto bad = ParseReportFormat("pdf");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "unknown report format 'pdf' (expected html, md or json)");
}

}  // namespace
}  // namespace dealwatch
