#include "store/deal_values.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "store/deal_match.h"

namespace dealwatch {

namespace {

bool Earlier(const MentionValues& a, const MentionValues& b) {
  return a.reported_on != b.reported_on ? a.reported_on < b.reported_on : a.mention_id < b.mention_id;
}

// The most frequent non-empty key; ties go to the earliest mention's.
template <typename Key, typename Get>
Key MostCommon(const std::vector<MentionValues>& sorted, Get get, Key none) {
  std::map<Key, int> counts;
  for (const MentionValues& m : sorted)
    if (get(m) != none) ++counts[get(m)];
  Key best = none;
  int best_count = 0;
  for (const MentionValues& m : sorted) {
    Key k = get(m);
    if (k != none && counts[k] > best_count) {
      best = k;
      best_count = counts[k];
    }
  }
  return best;
}

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v) < 9e15 && v == std::floor(v))
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string FormatAmount(double amount, const std::string& currency) {
  return (currency.empty() ? std::string("?") : currency) + " " + FormatNumber(amount);
}

DealValues DeriveDealValues(std::vector<MentionValues> mentions) {
  std::sort(mentions.begin(), mentions.end(), Earlier);
  DealValues d;
  d.first_published = mentions.front().reported_on;
  d.last_published = mentions.back().reported_on;
  d.first_seen = mentions.front().seen_at;
  d.last_seen = mentions.front().seen_at;
  d.borrower_id = MostCommon<int64_t>(mentions, [](const MentionValues& m) { return m.borrower_id; }, 0);
  d.currency = MostCommon<std::string>(
      mentions, [](const MentionValues& m) { return m.amount ? m.currency : std::string(); }, "");
  for (const MentionValues& m : mentions) {  // earliest to latest: later reports overwrite
    d.first_seen = std::min(d.first_seen, m.seen_at);
    d.last_seen = std::max(d.last_seen, m.seen_at);
    if (m.amount && m.currency == d.currency) {
      d.amount = m.amount;
      d.amount_usd = m.amount_usd;
      d.qualifier = m.qualifier;
    }
    if (!m.type.empty() && (m.type != "loan" || d.type == "loan")) d.type = m.type;
    if (!m.project.empty()) d.project = m.project;
    if (!m.pricing.empty()) d.pricing = m.pricing;
    if (m.tenor_years) d.tenor_years = m.tenor_years;
    if (StatusRank(m.status) > StatusRank(d.status)) d.status = m.status;
    d.confidence = std::max(d.confidence, m.confidence);
  }
  return d;
}

std::vector<std::pair<std::string, std::string>> HistoryValues(const MentionValues& m) {
  std::vector<std::pair<std::string, std::string>> out;
  if (m.amount) out.emplace_back("amount", FormatAmount(*m.amount, m.currency));
  if (!m.status.empty() && m.status != "unknown") out.emplace_back("status", m.status);
  if (!m.type.empty() && m.type != "loan") out.emplace_back("type", m.type);
  if (!m.project.empty()) out.emplace_back("project", m.project);
  if (m.tenor_years) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *m.tenor_years);
    out.emplace_back("tenor_years", buf);
  }
  if (!m.pricing.empty()) out.emplace_back("pricing", m.pricing);
  return out;
}

}  // namespace dealwatch
