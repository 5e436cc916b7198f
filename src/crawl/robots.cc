#include "crawl/robots.h"

#include <cctype>
#include <cstdlib>

#include "common/strings.h"

namespace dealwatch {

namespace {

constexpr int kMaxCrawlDelayMs = 60 * 1000;

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// One spelling per octet: upper-case escapes, non-ASCII bytes escaped.
std::string NormalizeEscapes(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2])) {
      out += '%';
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
      i += 2;
    } else if (c >= 0x80) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Full-string wildcard match ("*" only), greedy with backtracking to the
// last star: O(len(p) * len(s)) at worst, never exponential.
bool WildcardMatch(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

struct Line {
  std::string key;  // lower-case
  std::string value;
};

bool SplitLine(std::string_view raw, Line* line) {
  raw = raw.substr(0, raw.find('#'));
  size_t colon = raw.find(':');
  if (colon == std::string_view::npos) return false;
  line->key = AsciiLower(Trim(raw.substr(0, colon)));
  line->value = std::string(Trim(raw.substr(colon + 1)));
  return !line->key.empty();
}

// Whether a User-agent value names `product` (or is "*" when product is "*").
bool AgentMatches(std::string_view value, std::string_view product) {
  if (product == "*") return value == "*";
  size_t n = 0;
  while (n < value.size() && IsTokenChar(value[n])) ++n;
  return n > 0 && IEquals(value.substr(0, n), product);
}

int ParseDelayMs(std::string_view value) {
  std::string v(value);
  char* end = nullptr;
  double seconds = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || !(seconds > 0)) return 0;
  if (seconds * 1000 > kMaxCrawlDelayMs) return kMaxCrawlDelayMs;
  return static_cast<int>(seconds * 1000);
}

}  // namespace

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.disallow_all_ = true;
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view product) {
  text = text.substr(0, kMaxRobotsBytes);
  RobotsRules mine, star;
  bool matched_mine = false;
  // Each group is a run of user-agent lines followed by rules; a user-agent
  // line after a rule starts a new group.
  bool in_agents = false, group_mine = false, group_star = false;
  for (std::string_view raw : Split(text, '\n')) {
    Line line;
    if (!SplitLine(raw, &line)) continue;
    if (line.key == "sitemap") {
      if (!line.value.empty()) mine.sitemaps_.push_back(line.value);
      continue;
    }
    if (line.key == "user-agent") {
      if (!in_agents) group_mine = group_star = false;
      in_agents = true;
      group_mine = group_mine || AgentMatches(line.value, product);
      group_star = group_star || AgentMatches(line.value, "*");
      matched_mine = matched_mine || group_mine;
      continue;
    }
    in_agents = false;
    if (!group_mine && !group_star) continue;
    RobotsRules* target = group_mine ? &mine : &star;
    if (line.key == "allow" || line.key == "disallow") {
      if (line.value.empty()) continue;  // "Disallow:" allows everything
      target->rules_.push_back({NormalizeEscapes(line.value), line.key == "allow"});
    } else if (line.key == "crawl-delay") {
      target->crawl_delay_ms_ = ParseDelayMs(line.value);
    }
  }
  if (!matched_mine) {
    mine.rules_ = std::move(star.rules_);
    mine.crawl_delay_ms_ = star.crawl_delay_ms_;
  }
  return mine;
}

bool RobotsRules::IsAllowed(std::string_view path) const {
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  std::string normalized = NormalizeEscapes(path);
  size_t best_len = 0;
  bool allowed = true;
  bool any = false;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, normalized)) continue;
    size_t len = rule.pattern.size();
    if (!any || len > best_len || (len == best_len && rule.allow)) {
      allowed = rule.allow;
      best_len = len;
      any = true;
    }
  }
  return allowed;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  if (!pattern.empty() && pattern.back() == '$') {
    return WildcardMatch(pattern.substr(0, pattern.size() - 1), path);
  }
  std::string open(pattern);
  open += '*';
  return WildcardMatch(open, path);
}

std::string ProductToken(std::string_view user_agent) {
  size_t n = 0;
  while (n < user_agent.size() && IsTokenChar(user_agent[n])) ++n;
  return std::string(user_agent.substr(0, n));
}

}  // namespace dealwatch
