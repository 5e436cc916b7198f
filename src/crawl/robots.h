// robots.txt rules for one host, parsed per RFC 9309: user-agent groups
// (the groups naming our product token, else the "*" groups, combined when
// several match), Allow/Disallow with "*" and a trailing "$", the longest
// matching rule wins and Allow wins a tie, /robots.txt is always allowed.
// Also reads the non-standard Crawl-delay of the chosen groups and every
// Sitemap line. Immutable after Parse(); safe to share between threads.
#ifndef DEALWATCH_CRAWL_ROBOTS_H_
#define DEALWATCH_CRAWL_ROBOTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// Bytes of robots.txt that are read; the rest is ignored (RFC 9309 asks
// for at least 500 KiB).
inline constexpr size_t kMaxRobotsBytes = 512 * 1024;

class RobotsRules {
 public:
  // Allows everything (no robots.txt, or a 4xx answer).
  RobotsRules() = default;
  // Disallows everything (a 5xx answer or an unreachable host).
  static RobotsRules DisallowAll();
  // Parses robots.txt for the crawler whose product token is `product`
  // ("dealwatch"); matching of the token is case-insensitive.
  static RobotsRules Parse(std::string_view text, std::string_view product);

  // `path` is the URL's path plus "?query" if any, as sent on the wire.
  bool IsAllowed(std::string_view path) const;
  // Crawl-delay of the chosen group in milliseconds, 0 when absent.
  int crawl_delay_ms() const { return crawl_delay_ms_; }
  // Absolute URLs from Sitemap lines, in file order.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    std::string pattern;  // percent escapes upper-case, non-ASCII bytes escaped
    bool allow = false;
  };
  std::vector<Rule> rules_;
  bool disallow_all_ = false;
  int crawl_delay_ms_ = 0;
  std::vector<std::string> sitemaps_;
};

// The product token of a User-Agent header: "dealwatch/0.1 (+mailto:x)" ->
// "dealwatch".
std::string ProductToken(std::string_view user_agent);

// True when robots pattern `pattern` ("*" any run, trailing "$" anchors the
// end, otherwise a prefix match) matches `path`.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_ROBOTS_H_
