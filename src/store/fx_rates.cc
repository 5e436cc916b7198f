#include "store/fx_rates.h"

#include <cstdlib>

#include "common/files.h"
#include "common/strings.h"

namespace dealwatch {

namespace {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool IsCurrencyCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace

Result<FxRates> FxRates::Load(const std::filesystem::path& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path.string());
}

Result<FxRates> FxRates::Parse(std::string_view text, const std::string& name) {
  FxRates rates;
  int line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() != 3) return InvalidArgument(where + "want date<TAB>currency<TAB>usd_per_unit");
    std::string_view date = Trim(cols[0]), currency = Trim(cols[1]);
    std::string value(Trim(cols[2]));
    if (!IsIsoDate(date)) return InvalidArgument(where + "date is not YYYY-MM-DD: " + std::string(date));
    if (!IsCurrencyCode(currency)) return InvalidArgument(where + "not an ISO 4217 code: " + std::string(currency));
    char* end = nullptr;
    double rate = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(rate > 0))
      return InvalidArgument(where + "rate is not a positive number: " + value);
    auto& dates = rates.by_currency_[std::string(currency)];
    if (!dates.emplace(std::string(date), rate).second)
      return InvalidArgument(where + "second rate for " + std::string(currency) + " on " + std::string(date));
  }
  return rates;
}

FxRates FxRates::FromRows(std::vector<FxRate> rows) {
  FxRates rates;
  for (FxRate& r : rows) rates.by_currency_[r.currency][r.date] = r.usd_per_unit;
  return rates;
}

std::optional<double> FxRates::UsdPerUnit(const std::string& currency, std::string_view date) const {
  auto c = by_currency_.find(currency);
  if (c == by_currency_.end() || c->second.empty()) return std::nullopt;
  const std::map<std::string, double>& dates = c->second;
  if (date.empty()) return dates.rbegin()->second;
  std::string day(date.substr(0, 10));
  auto after = dates.upper_bound(day);  // first rate dated after `day`
  if (after == dates.begin()) return after->second;
  return std::prev(after)->second;
}

std::optional<double> FxRates::ToUsd(double amount, const std::string& currency, std::string_view date) const {
  std::optional<double> rate = UsdPerUnit(currency, date);
  if (!rate) return std::nullopt;
  return amount * *rate;
}

std::vector<FxRate> FxRates::rows() const {
  std::vector<FxRate> out;
  for (const auto& [currency, dates] : by_currency_)
    for (const auto& [date, rate] : dates) out.push_back({date, currency, rate});
  return out;
}

}  // namespace dealwatch
