#include "report/html_report.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "common/strings.h"
#include "report/report_data.h"

namespace dealwatch {

namespace {

constexpr const char* kStyle = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK TC","Microsoft JhengHei",sans-serif;margin:2em auto;max-width:72em;color:#1d2330;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccd;padding-bottom:.2em}
.meta{color:#5a6172}.counts span{display:inline-block;margin-right:1.5em}
.deal{border:1px solid #d5d9e2;border-radius:6px;padding:.7em 1em;margin:1em 0;background:#fbfcfe}
.deal h3{margin:0 0 .3em;font-size:1.05em}.tag{font-size:.8em;border-radius:3px;padding:.05em .45em;margin-left:.4em;background:#e6ebf5}
.new{background:#d8f3dc}.changed{background:#fff1c2}.low{background:#ffd9d9}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e3e6ed;vertical-align:top}
th{background:#f0f2f7}.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #9fb3d9;background:#fff;color:#333}
.src{font-size:.85em;color:#5a6172}.fail{color:#a4161a}
)css";

std::string E(const std::string& s) { return HtmlEscape(s); }

std::string Grouped(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string digits = buf, out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Amount(const ReportDeal& d) {
  if (!d.amount) return "amount not given";
  return d.currency + " " + Grouped(*d.amount);
}

void RenderDeal(const ReportDeal& d, std::string* out) {
  std::string& o = *out;
  o += "<div class=\"deal\" id=\"deal-" + std::to_string(d.id) + "\"><h3>" +
       E(d.borrower.empty() ? "(borrower not named)" : d.borrower) + " &mdash; " + E(Amount(d));
  o += d.is_new ? "<span class=\"tag new\">new</span>" : "<span class=\"tag changed\">updated</span>";
  if (d.confidence < 0.6) o += "<span class=\"tag low\">review: low confidence</span>";
  o += "</h3><div>" + E(d.type) + " &middot; " + E(d.status);
  if (d.tenor_years) {
    char t[32];
    std::snprintf(t, sizeof t, "%g", *d.tenor_years);
    o += " &middot; " + std::string(t) + "-year";
  }
  if (!d.pricing.empty()) o += " &middot; " + E(d.pricing);
  char conf[32];
  std::snprintf(conf, sizeof conf, "%.2f", d.confidence);
  o += " &middot; confidence " + std::string(conf) + " &middot; deal #" + std::to_string(d.id) + "</div>";
  if (!d.project.empty()) o += "<div>Purpose / project: " + E(d.project) + "</div>";
  if (!d.lenders.empty()) {
    o += "<div>Lenders: ";
    for (size_t i = 0; i < d.lenders.size(); ++i)
      o += (i ? ", " : "") + E(d.lenders[i].name) + " <span class=\"src\">(" + E(d.lenders[i].role) + ")</span>";
    o += "</div>";
  }
  for (const ReportSource& s : d.sources) {
    o += "<blockquote>" + E(s.evidence) + "<div class=\"src\"><a href=\"" + E(s.url) + "\">" +
         E(s.title.empty() ? s.url : s.title) + "</a>";
    if (!s.published.empty()) o += " &middot; " + E(s.published);
    if (!s.lang.empty()) o += " &middot; " + E(s.lang);
    o += "</div></blockquote>";
  }
  o += "</div>\n";
}

void RenderSources(const std::string& stats_json, std::string* out) {
  nlohmann::json stats = nlohmann::json::parse(stats_json, nullptr, false);
  if (stats.is_discarded() || !stats.contains("sources")) return;
  std::string& o = *out;
  o += "<h2>Sources</h2><table><tr><th>source</th><th class=num>fetched</th><th class=num>new/changed</th>"
       "<th class=num>not modified</th><th class=num>unchanged</th><th class=num>failed</th><th>failures</th></tr>";
  for (const auto& s : stats["sources"]) {
    std::string failures;
    for (const auto& [reason, n] : s.value("failures", nlohmann::json::object()).items())
      failures += (failures.empty() ? "" : ", ") + E(reason) + ": " + std::to_string(n.get<int>());
    bool dead = s.value("failed_completely", false);
    o += "<tr><td>" + E(s.value("source", "")) + "</td><td class=num>" + std::to_string(s.value("fetched", 0)) +
         "</td><td class=num>" + std::to_string(s.value("handed_on", 0)) + "</td><td class=num>" +
         std::to_string(s.value("not_modified", 0)) + "</td><td class=num>" + std::to_string(s.value("unchanged", 0)) +
         "</td><td class=num>" + std::to_string(s.value("failed", 0)) + "</td><td" + (dead ? " class=fail>" : ">") +
         (dead ? "source failed: " + E(s.value("error", "")) + (failures.empty() ? "" : "; ") : "") + failures +
         "</td></tr>";
  }
  o += "</table>";
}

}  // namespace

Result<std::string> RenderHtmlReport(Database* db, int64_t run_id) {
  Result<ReportData> data = LoadReportData(db, run_id);
  if (!data.ok()) return data.status();
  const ReportData& r = *data;
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<title>dealwatch report, run " + std::to_string(r.run_id) + "</title><style>" + kStyle +
                  "</style></head><body>\n";
  o += "<h1>dealwatch: run " + std::to_string(r.run_id) + "</h1><div class=meta>" + E(r.started) + " to " +
       E(r.finished) + " &middot; " + E(r.status) + "</div>";
  o += "<p class=counts><span>" + std::to_string(r.pages) + " pages processed</span><span>" +
       std::to_string(r.articles_new) + " new articles</span><span>" + std::to_string(r.articles_changed) +
       " changed articles</span><span>" + std::to_string(r.deals_new) + " new deals</span><span>" +
       std::to_string(r.deals_updated) + " deal updates</span><span>" + std::to_string(r.errors) +
       " errors</span><span>database: " + std::to_string(r.total_deals) + " deals from " +
       std::to_string(r.total_articles) + " articles</span></p>\n";
  o += "<h2>New and updated deals</h2>";
  if (r.run_deals.empty()) o += "<p>No new or updated deals in this run.</p>";
  for (const ReportDeal& d : r.run_deals) RenderDeal(d, &o);
  RenderSources(r.stats_json, &o);
  if (!r.error_list.empty()) {
    o += "<h2>Errors</h2><table><tr><th>stage</th><th>source</th><th>url</th><th>message</th></tr>";
    for (const ReportError& e : r.error_list)
      o += "<tr><td>" + E(e.stage) + "</td><td>" + E(e.source) + "</td><td>" + E(e.url) + "</td><td>" + E(e.message) +
           "</td></tr>";
    o += "</table>";
  }
  o += "</body></html>\n";
  return o;
}

}  // namespace dealwatch
