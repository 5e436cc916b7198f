#include "report/markdown_report.h"

#include "report/report_text.h"
#include "report/volume_chart.h"

namespace dealwatch {

namespace {

std::string M(std::string_view s) { return MarkdownEscape(s); }

std::string LinkUrl(const std::string& url) {
  std::string o;
  for (char c : url) {
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>') {
      static const char* kHex = "0123456789ABCDEF";
      o += '%';
      o += kHex[static_cast<unsigned char>(c) >> 4];
      o += kHex[c & 15];
    } else {
      o += c;
    }
  }
  return o;
}

std::string Marked(const ReportEvidence& e) {
  std::string o;
  size_t at = 0;
  for (const EvidenceMark& m : e.marks) {
    o += M(std::string_view(e.text).substr(at, m.begin - at));
    o += "**" + M(std::string_view(e.text).substr(m.begin, m.end - m.begin)) + "**";
    at = m.end;
  }
  return o + M(std::string_view(e.text).substr(at));
}

void Deal(const ReportDeal& d, double low, std::string* out) {
  std::string& o = *out;
  o += "### #" + std::to_string(d.id) + " " + M(d.borrower.empty() ? "(borrower not named)" : d.borrower) + " — " +
       M(AmountText(d.amount, d.currency));
  if (d.amount_usd && d.currency != "USD") o += " (≈ " + M(ShortUsd(*d.amount_usd)) + ")";
  o += d.is_new ? " · new" : " · updated";
  if (d.confidence < low) o += " · review: low confidence";
  if (!d.review_status.empty()) o += " · " + M(d.review_status) + " by an analyst";
  o += "\n\n- " + M(Words(d.type)) + " · " + M(Words(d.status));
  if (d.tenor_years) o += " · " + M(TenorText(d.tenor_years));
  if (!d.pricing.empty()) o += " · " + M(d.pricing);
  o += " · confidence " + ConfidenceText(d.confidence);
  if (!d.date.empty()) o += " · first reported " + M(d.date);
  o += "\n";
  if (!d.project.empty()) o += "- purpose / project: " + M(d.project) + "\n";
  if (!d.lenders.empty()) {
    o += "- lenders: ";
    for (size_t i = 0; i < d.lenders.size(); ++i)
      o += (i ? ", " : "") + M(d.lenders[i].name) + " (" + M(Words(d.lenders[i].role)) + ")";
    o += "\n";
  }
  for (const ReportChange& c : d.changes)
    o += "- changed: " + M(Words(c.field)) + " " + (c.before.empty() ? "added" : M(c.before) + " →") + " **" +
         M(c.after) + "**\n";
  if (!d.is_new && d.changes.empty()) o += "- " + std::to_string(d.new_reports) + " new report(s); no value changed\n";
  for (const ReportEvidence& e : d.evidence) {
    o += "\n> " + Marked(e) + "\n>\n> — ";
    std::string title = M(e.title.empty() ? e.url : e.title);
    o += IsLinkable(e.url) ? "[" + title + "](" + LinkUrl(e.url) + ")" : title;
    if (!e.published.empty()) o += " · " + M(e.published);
    if (!e.source.empty()) o += " · " + M(e.source);
    if (!e.in_window) o += " · earlier report";
    o += "\n";
  }
  o += "\n";
}

void Review(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "## Review queue (" + std::to_string(r.review.size()) + ")\n\n";
  if (!r.review_note.empty()) o += "_" + M(r.review_note) + "_\n\n";
  if (r.review.empty()) {
    o += "Nothing to review.\n\n";
    return;
  }
  o += "| deal | borrower | amount | confidence | why | values |\n|---|---|---:|---:|---|---|\n";
  for (const ReviewItem& i : r.review)
    o += "| #" + std::to_string(i.deal_id) + " | " + M(i.borrower) + " | " + M(AmountText(i.amount, i.currency)) +
         " | " + ConfidenceText(i.confidence) + " | " + M(i.reason) + " | " +
         (i.field.empty() ? "" : M(Words(i.field)) + ": " + M(i.values)) + " |\n";
  o += "\n";
}

void Sources(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "## Source health\n\n";
  if (!r.sources_note.empty()) o += "_" + M(r.sources_note) + "_\n\n";
  if (r.sources.empty()) return;
  o += "| source | discovered | fetched | new/changed | not modified | unchanged | failed | new deals | problems |\n"
       "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const SourceHealth& s : r.sources) {
    std::string problems;
    if (s.failed_completely) problems += "**source failed: " + M(s.error) + "** ";
    for (const auto& [reason, n] : s.failures) problems += M(reason) + ": " + std::to_string(n) + " ";
    if (!s.warning.empty()) problems += "⚠ " + M(s.warning);
    o += "| " + M(s.name) + " | " + std::to_string(s.discovered) + " | " + std::to_string(s.fetched) + " | " +
         std::to_string(s.handed_on) + " | " + std::to_string(s.not_modified) + " | " + std::to_string(s.unchanged) +
         " | " + std::to_string(s.failed) + " | " + std::to_string(s.deals_new) + " | " + problems + " |\n";
  }
  o += "\n";
}

void Rules(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "## Rule hits\n\n";
  if (!r.rules_note.empty()) o += "_" + M(r.rules_note) + "_\n\n";
  if (r.rules_fired.empty()) {
    o += "No rule fired in the runs this report covers.\n\n";
  } else {
    o += "| rule | deal values set | kind |\n|---|---:|---|\n";
    for (const RuleCount& c : r.rules_fired)
      o += "| " + M(c.id) + " | " + std::to_string(c.count) + " | " +
           (c.in_rules ? "rule" : c.id.find(':') != std::string::npos ? "lexicon table" : "built-in") + " |\n";
    o += "\n";
  }
  if (!r.rules_never.empty()) {
    o += "Rules of rules/ that no stored deal has used (" + std::to_string(r.rules_never.size()) + "): ";
    for (size_t i = 0; i < r.rules_never.size(); ++i) o += (i ? ", " : "") + M(r.rules_never[i]);
    o += "\n\n";
  }
}

void League(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "## League table: lead arrangers\n\n";
  if (!r.league_note.empty()) o += "_" + M(r.league_note) + "_\n\n";
  if (r.league.empty()) {
    o += "No deal names a lead arranger yet.\n\n";
    return;
  }
  o += std::string("| year | lead arranger | deals | credited amount |") + (r.has_usd ? " in USD |" : "") +
       "\n|---|---|---:|---:|" + (r.has_usd ? "---:|" : "") + "\n";
  for (const LeagueRow& l : r.league) {
    o += "| " + M(l.year) + " | " + M(l.lender) + " | " + std::to_string(l.deals) + " | " +
         M(AmountText(l.amount, l.currency)) + " |";
    if (r.has_usd) o += " " + (l.amount_usd ? M(ShortUsd(*l.amount_usd)) : std::string()) + " |";
    o += "\n";
  }
  o += "\n";
}

void Tail(const ReportData& r, std::string* out) {
  std::string& o = *out;
  o += "## Deal volume by week\n\n_" + M(r.volume_note) + "_\n\n";
  if (r.volume.empty()) {
    o += "No dated deals yet.\n\n";
  } else {
    o += "| week of | currency | deals | amount | in USD |\n|---|---|---:|---:|---:|\n";
    for (const VolumePoint& p : r.volume)
      o += "| " + p.week + " | " + M(p.currency) + " | " + std::to_string(p.deals) + " | " +
           M(AmountText(p.amount, p.currency)) + " | " + (p.amount_usd ? M(ShortUsd(*p.amount_usd)) : "") + " |\n";
    o += "\n";
  }
  o += "## Errors (" + std::to_string(r.errors.size()) + ")\n\n";
  if (!r.errors.empty()) {
    o += "| stage | source | url | message |\n|---|---|---|---|\n";
    for (const ReportError& e : r.errors)
      o += "| " + M(e.stage) + " | " + M(e.source) + " | " + M(e.url) + " | " + M(e.message) + " |\n";
    o += "\n";
  }
  // The config goes in an indented code block, where nothing is interpreted.
  o += "## Run configuration (secrets masked)\n\n";
  size_t at = 0;
  while (at < r.run.config.size()) {
    size_t nl = r.run.config.find('\n', at);
    if (nl == std::string::npos) nl = r.run.config.size();
    o += "    " + r.run.config.substr(at, nl - at) + "\n";
    at = nl + 1;
  }
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string o;
  o.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '\n': case '\r': o += ' '; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '~':
        o += '\\';
        o += c;
        break;
      default: o += c;
    }
  }
  return o;
}

std::string RenderMarkdownReport(const ReportData& r) {
  std::string o = "# dealwatch: run " + std::to_string(r.run.id) + "\n\n" + M(r.run.started) + " to " +
                  M(r.run.finished.empty() ? "(not finished)" : r.run.finished) + " · " + M(r.run.status) +
                  (r.since_run > 0 ? " · changes since run " + std::to_string(r.since_run) : "") + "\n\n";
  o += std::to_string(r.run.pages) + " pages processed · " + std::to_string(r.run.articles_new) + " new articles · " +
       std::to_string(r.run.articles_changed) + " changed articles · " + std::to_string(r.run.deals_new) +
       " new deals · " + std::to_string(r.run.deals_updated) + " deal updates · " + std::to_string(r.run.errors) +
       " errors · database: " + std::to_string(r.total_deals) + " deals from " + std::to_string(r.total_articles) +
       " articles\n\n";
  o += "## New deals (" + std::to_string(r.new_deals.size()) + ")\n\n";
  if (r.new_deals.empty()) o += "No new deals.\n\n";
  for (const ReportDeal& d : r.new_deals) Deal(d, r.low_confidence, &o);
  o += "## Changed deals (" + std::to_string(r.changed_deals.size()) + ")\n\n";
  if (!r.changes_note.empty()) o += "_" + M(r.changes_note) + "_\n\n";
  if (r.changed_deals.empty()) o += "No changed deals.\n\n";
  for (const ReportDeal& d : r.changed_deals) Deal(d, r.low_confidence, &o);
  Review(r, &o);
  Sources(r, &o);
  Rules(r, &o);
  League(r, &o);
  Tail(r, &o);
  return o;
}

}  // namespace dealwatch
