#include "report/report_text.h"

#include <cmath>
#include <cstdio>

#include "common/strings.h"

namespace dealwatch {

std::string GroupedNumber(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::fabs(value));
  std::string digits = buf, out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string AmountText(const std::optional<double>& amount, const std::string& currency) {
  if (!amount) return "amount not given";
  return (currency.empty() ? std::string("?") : currency) + " " + GroupedNumber(*amount);
}

std::string TenorText(const std::optional<double>& years) {
  if (!years) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g-year", *years);
  return buf;
}

std::string ConfidenceText(double confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", confidence);
  return buf;
}

std::string Words(const std::string& identifier) { return ReplaceAll(identifier, "_", " "); }

bool IsLinkable(const std::string& url) {
  std::string u = AsciiLower(url.substr(0, 8));
  return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0 || u.rfind("file://", 0) == 0;
}

}  // namespace dealwatch
