// robots.txt parsing (crawl/robots.h) on any bytes, then path checks: a few
// fixed paths plus every Allow/Disallow value of the file itself as a path
// (long runs of '*' against long paths are where a matcher can blow up).
// Checks that /robots.txt is always allowed and the delay is not negative.
#include <string>
#include <string_view>
#include <vector>

#include "crawl/robots.h"
#include "fuzz_targets.h"

namespace dealwatch::fuzz {

void FuzzRobots(std::string_view data) {
  std::string_view product = TakeChoice(&data, 2) ? "dealwatch" : "";
  RobotsRules rules = RobotsRules::Parse(data, product);
  DEALWATCH_FUZZ_CHECK(rules.IsAllowed("/robots.txt"));
  DEALWATCH_FUZZ_CHECK(rules.crawl_delay_ms() >= 0);
  (void)rules.IsAllowed("/");
  (void)rules.IsAllowed("/news/2025/08/23/loan.html?utm_source=x&id=%E4%B8%AD");
  int checked = 0;
  size_t pos = 0;
  while (pos < data.size() && checked < 32) {
    size_t eol = data.find('\n', pos);
    std::string_view line = data.substr(pos, eol == std::string_view::npos ? data.npos : eol - pos);
    pos = eol == std::string_view::npos ? data.size() : eol + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    (void)rules.IsAllowed(value);
    (void)RobotsPatternMatches(value, line);
    ++checked;
  }
  (void)ProductToken(data.substr(0, 100));
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzRobots)
