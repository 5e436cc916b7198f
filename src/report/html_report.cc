#include "report/html_report.h"

#include "common/strings.h"
#include "report/report_text.h"
#include "report/volume_chart.h"

namespace dealwatch {

namespace {

// Sorting and filtering for every table, inline (the report loads nothing):
// click a column header to sort, type in the box above a table to filter
// its rows. Without JavaScript the tables read the same, unsorted.
constexpr const char* kTableScript = R"js(<script>
(function () {
  function cellValue(row, i) {
    var t = row.cells[i] ? row.cells[i].textContent.trim() : "";
    var n = parseFloat(t.replace(/[^0-9.\-]/g, ""));
    return /^[-\s$0-9.,A-Z]*[0-9]/.test(t) && !isNaN(n) ? n : t.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var head = table.rows[0];
    if (!head) return;
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "filter rows";
    input.className = "filter";
    table.parentNode.insertBefore(input, table);
    input.addEventListener("input", function () {
      var q = input.value.toLowerCase();
      for (var r = 1; r < table.rows.length; r++)
        table.rows[r].style.display = table.rows[r].textContent.toLowerCase().indexOf(q) >= 0 ? "" : "none";
    });
    Array.prototype.forEach.call(head.cells, function (th, i) {
      th.style.cursor = "pointer";
      th.title = "sort";
      th.addEventListener("click", function () {
        var rows = Array.prototype.slice.call(table.rows, 1);
        var dir = th.dataset.dir === "asc" ? -1 : 1;
        th.dataset.dir = dir === 1 ? "asc" : "desc";
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          return (x < y ? -1 : x > y ? 1 : 0) * dir;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  });
})();
</script>
)js";

constexpr const char* kStyle = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK TC","Noto Sans CJK SC","PingFang TC","Microsoft JhengHei","Microsoft YaHei",sans-serif;margin:2em auto;max-width:72em;color:#1d2330;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccd;padding-bottom:.2em}
nav a{margin-right:1em}.meta,.note{color:#5a6172}.note{font-size:.9em}.counts span{display:inline-block;margin-right:1.5em}
.deal{border:1px solid #d5d9e2;border-radius:6px;padding:.7em 1em;margin:1em 0;background:#fbfcfe}
.deal h3{margin:0 0 .3em;font-size:1.05em}.tag{font-size:.8em;border-radius:3px;padding:.05em .45em;margin-left:.4em;background:#e6ebf5;font-weight:normal}
.new{background:#d8f3dc}.changed{background:#fff1c2}.low{background:#ffd9d9}.reviewed{background:#e0e7ff}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e3e6ed;vertical-align:top}
th{background:#f0f2f7}.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #9fb3d9;background:#fff;color:#333}
blockquote.old{border-left-color:#d5d9e2;color:#555}
mark{padding:0 .1em;border-radius:2px}mark.amount{background:#ffe08a}mark.borrower{background:#bfe3c6}mark.lender{background:#c9dcf7}
.src{font-size:.85em;color:#5a6172}.fail,.warn{color:#a4161a}code{font-size:.9em}
pre{white-space:pre-wrap;background:#f6f7fa;padding:.6em;border-radius:4px}
svg.chart{width:100%;max-width:760px;height:auto;font-family:inherit}
@media print{nav{display:none}body{margin:0;max-width:none;font-size:11pt}.deal,blockquote,tr,svg{break-inside:avoid}a{color:inherit}}
)css";

std::string E(const std::string& s) { return HtmlEscape(s); }

std::string MarkedHtml(const ReportEvidence& e) {
  std::string o;
  size_t at = 0;
  for (const EvidenceMark& m : e.marks) {
    o += E(e.text.substr(at, m.begin - at));
    o += "<mark class=\"" + m.kind + "\">" + E(e.text.substr(m.begin, m.end - m.begin)) + "</mark>";
    at = m.end;
  }
  return o + E(e.text.substr(at));
}

std::string Link(const std::string& url, const std::string& text) {
  if (!IsLinkable(url)) return E(text);
  return "<a href=\"" + E(url) + "\">" + E(text) + "</a>";
}

std::string DealAnchor(int64_t id) { return "<a href=\"#deal-" + std::to_string(id) + "\">#" + std::to_string(id) + "</a>"; }

void RenderDeal(const ReportDeal& d, double low_confidence, std::string* out) {
  std::string& o = *out;
  o += "<div class=\"deal\" id=\"deal-" + std::to_string(d.id) + "\"><h3>" +
       E(d.borrower.empty() ? "(borrower not named)" : d.borrower) + " &mdash; " + E(AmountText(d.amount, d.currency));
  if (d.amount_usd && d.currency != "USD") o += " <span class=src>(&asymp; " + E(ShortUsd(*d.amount_usd)) + ")</span>";
  o += d.is_new ? "<span class=\"tag new\">new</span>" : "<span class=\"tag changed\">updated</span>";
  if (d.confidence < low_confidence) o += "<span class=\"tag low\">review: low confidence</span>";
  if (!d.review_status.empty()) o += "<span class=\"tag reviewed\">" + E(d.review_status) + " by an analyst</span>";
  o += "</h3><div>" + E(Words(d.type)) + " &middot; " + E(Words(d.status));
  if (d.tenor_years) o += " &middot; " + E(TenorText(d.tenor_years));
  if (!d.pricing.empty()) o += " &middot; " + E(d.pricing);
  o += " &middot; confidence " + ConfidenceText(d.confidence) + " &middot; deal #" + std::to_string(d.id);
  if (!d.date.empty()) o += " &middot; first reported " + E(d.date);
  o += "</div>";
  if (!d.project.empty()) o += "<div>Purpose / project: " + E(d.project) + "</div>";
  if (!d.lenders.empty()) {
    o += "<div>Lenders: ";
    for (size_t i = 0; i < d.lenders.size(); ++i)
      o += (i ? ", " : "") + E(d.lenders[i].name) + " <span class=src>(" + E(Words(d.lenders[i].role)) + ")</span>";
    o += "</div>";
  }
  for (const ReportChange& c : d.changes)
    o += "<div>Changed: " + E(Words(c.field)) + " " + (c.before.empty() ? "added" : E(c.before) + " &rarr;") + " <b>" +
         E(c.after) + "</b></div>";
  if (!d.is_new && d.changes.empty())
    o += "<div class=note>" + std::to_string(d.new_reports) + " new report(s); no value changed.</div>";
  for (const ReportEvidence& e : d.evidence) {
    o += std::string("<blockquote") + (e.in_window ? "" : " class=old") + (e.lang.empty() ? "" : " lang=\"" + E(e.lang) + "\"") +
         ">" + MarkedHtml(e) + "<div class=src>" + Link(e.url, e.title.empty() ? e.url : e.title);
    if (!e.published.empty()) o += " &middot; " + E(e.published);
    if (!e.source.empty()) o += " &middot; " + E(e.source);
    if (!e.in_window) o += " &middot; earlier report";
    o += "</div></blockquote>";
  }
  o += "</div>\n";
}

void RenderReview(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "<h2 id=review>Review queue (" + std::to_string(r.review.size()) + ")</h2>";
  if (!r.review_note.empty()) o += "<p class=note>" + E(r.review_note) + "</p>";
  if (r.review.empty()) {
    o += "<p>Nothing to review.</p>";
    return;
  }
  o += "<table class=sortable><tr><th>deal</th><th>borrower</th><th class=num>amount</th><th class=num>confidence</th><th>why</th>"
       "<th>values</th></tr>";
  for (const ReviewItem& i : r.review)
    o += "<tr><td>" + DealAnchor(i.deal_id) + "</td><td>" + E(i.borrower) + "</td><td class=num>" +
         E(AmountText(i.amount, i.currency)) + "</td><td class=num>" + ConfidenceText(i.confidence) + "</td><td>" +
         E(i.reason) + "</td><td>" + (i.field.empty() ? "" : E(Words(i.field)) + ": " + E(i.values)) + "</td></tr>";
  o += "</table>";
}

void RenderSources(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "<h2 id=sources>Source health</h2>";
  if (!r.sources_note.empty()) o += "<p class=note>" + E(r.sources_note) + "</p>";
  if (r.sources.empty()) return;
  o += "<table class=sortable><tr><th>source</th><th class=num>discovered</th><th class=num>fetched</th><th class=num>new/changed</th>"
       "<th class=num>not modified</th><th class=num>unchanged</th><th class=num>failed</th><th class=num>new deals</th>"
       "<th>problems</th></tr>";
  for (const SourceHealth& s : r.sources) {
    std::string problems;
    if (s.failed_completely) problems += "<span class=fail>source failed: " + E(s.error) + "</span> ";
    for (const auto& [reason, n] : s.failures) problems += E(reason) + ": " + std::to_string(n) + " ";
    if (!s.warning.empty()) problems += "<span class=warn>&#9888; " + E(s.warning) + "</span>";
    o += "<tr><td>" + E(s.name) + "</td><td class=num>" + std::to_string(s.discovered) + "</td><td class=num>" +
         std::to_string(s.fetched) + "</td><td class=num>" + std::to_string(s.handed_on) + "</td><td class=num>" +
         std::to_string(s.not_modified) + "</td><td class=num>" + std::to_string(s.unchanged) + "</td><td class=num>" +
         std::to_string(s.failed) + "</td><td class=num>" + std::to_string(s.deals_new) + "</td><td>" + problems +
         "</td></tr>";
  }
  o += "</table>";
}

void RenderRules(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "<h2 id=rules>Rule hits</h2>";
  if (!r.rules_note.empty()) o += "<p class=note>" + E(r.rules_note) + "</p>";
  if (r.rules_fired.empty()) {
    o += "<p>No rule fired in the runs this report covers.</p>";
  } else {
    o += "<table class=sortable><tr><th>rule</th><th class=num>deal values set</th><th>kind</th></tr>";
    for (const RuleCount& c : r.rules_fired)
      o += "<tr><td><code>" + E(c.id) + "</code></td><td class=num>" + std::to_string(c.count) + "</td><td>" +
           (c.in_rules ? "rule" : c.id.find(':') != std::string::npos ? "lexicon table" : "built-in") + "</td></tr>";
    o += "</table>";
  }
  if (!r.rules_never.empty()) {
    o += "<p>Rules of rules/ that no stored deal has used (" + std::to_string(r.rules_never.size()) + "): ";
    for (size_t i = 0; i < r.rules_never.size(); ++i) o += (i ? ", " : "") + std::string("<code>") + E(r.rules_never[i]) + "</code>";
    o += "</p>";
  }
}

void RenderLeague(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "<h2 id=league>League table: lead arrangers</h2>";
  if (!r.league_note.empty()) o += "<p class=note>" + E(r.league_note) + "</p>";
  if (r.league.empty()) {
    o += "<p>No deal names a lead arranger yet.</p>";
    return;
  }
  o += "<table class=sortable><tr><th>year</th><th>lead arranger</th><th class=num>deals</th><th class=num>credited amount</th>" +
       std::string(r.has_usd ? "<th class=num>in USD</th>" : "") + "</tr>";
  for (const LeagueRow& l : r.league) {
    o += "<tr><td>" + E(l.year) + "</td><td>" + E(l.lender) + "</td><td class=num>" + std::to_string(l.deals) +
         "</td><td class=num>" + E(AmountText(l.amount, l.currency)) + "</td>";
    if (r.has_usd) o += "<td class=num>" + (l.amount_usd ? E(ShortUsd(*l.amount_usd)) : "") + "</td>";
    o += "</tr>";
  }
  o += "</table>";
}

void RenderTail(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "<h2 id=volume>Deal volume by week</h2><p class=note>" + E(r.volume_note) + "</p>";
  std::string svg = VolumeChartSvg(r.volume, r.volume_in_usd);
  o += svg.empty() ? "<p>No dated deals yet.</p>" : svg;
  o += "<h2 id=errors>Errors (" + std::to_string(r.errors.size()) + ")</h2>";
  if (!r.errors.empty()) {
    o += "<table class=sortable><tr><th>stage</th><th>source</th><th>url</th><th>message</th></tr>";
    for (const ReportError& e : r.errors)
      o += "<tr><td>" + E(e.stage) + "</td><td>" + E(e.source) + "</td><td>" + E(e.url) + "</td><td>" + E(e.message) +
           "</td></tr>";
    o += "</table>";
  }
  o += "<h2 id=config>Run configuration</h2><details><summary>the config as used (secrets masked)</summary><pre>" +
       E(r.run.config) + "</pre></details>";
}

}  // namespace

std::string RenderHtmlReport(const ReportData& r) {
  const double low = r.low_confidence;
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<title>dealwatch report, run " + std::to_string(r.run.id) + "</title><style>" + kStyle +
                  "</style></head><body>\n";
  o += "<h1>dealwatch: run " + std::to_string(r.run.id) + "</h1><div class=meta>" + E(r.run.started) + " to " +
       E(r.run.finished.empty() ? "(not finished)" : r.run.finished) + " &middot; " + E(r.run.status) +
       (r.since_run > 0 ? " &middot; changes since run " + std::to_string(r.since_run) : "") + "</div>";
  o += "<p class=counts><span>" + std::to_string(r.run.pages) + " pages processed</span><span>" +
       std::to_string(r.run.articles_new) + " new articles</span><span>" + std::to_string(r.run.articles_changed) +
       " changed articles</span><span>" + std::to_string(r.run.deals_new) + " new deals</span><span>" +
       std::to_string(r.run.deals_updated) + " deal updates</span><span>" + std::to_string(r.run.errors) +
       " errors</span><span>database: " + std::to_string(r.total_deals) + " deals from " +
       std::to_string(r.total_articles) + " articles</span></p>\n";
  o += "<nav><a href=\"#new\">new deals</a><a href=\"#changed\">changed deals</a><a href=\"#review\">review queue</a>"
       "<a href=\"#sources\">sources</a><a href=\"#rules\">rules</a><a href=\"#league\">league table</a>"
       "<a href=\"#volume\">volume</a><a href=\"#errors\">errors</a></nav>\n";
  o += "<h2 id=new>New deals (" + std::to_string(r.new_deals.size()) + ")</h2>";
  if (r.new_deals.empty()) o += "<p>No new deals.</p>";
  for (const ReportDeal& d : r.new_deals) RenderDeal(d, low, &o);
  o += "<h2 id=changed>Changed deals (" + std::to_string(r.changed_deals.size()) + ")</h2>";
  if (!r.changes_note.empty()) o += "<p class=note>" + E(r.changes_note) + "</p>";
  if (r.changed_deals.empty()) o += "<p>No changed deals.</p>";
  for (const ReportDeal& d : r.changed_deals) RenderDeal(d, low, &o);
  RenderReview(r, &o);
  RenderSources(r, &o);
  RenderRules(r, &o);
  RenderLeague(r, &o);
  RenderTail(r, &o);
  o += kTableScript;
  o += "</body></html>\n";
  return o;
}

}  // namespace dealwatch
