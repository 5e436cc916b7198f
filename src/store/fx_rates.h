// FxRates is the dated table of US-dollar rates in rules/fx_rates.tsv, used
// to give each deal an amount in USD and to compare amounts reported in
// different currencies. Lines are `date<TAB>currency<TAB>usd_per_unit`
// (`2024-01-01	TWD	0.0311`); `#` lines and blank lines are skipped.
// Immutable after Load(); safe to share between threads.
#ifndef DEALWATCH_STORE_FX_RATES_H_
#define DEALWATCH_STORE_FX_RATES_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dealwatch {

struct FxRate {
  std::string date;      // YYYY-MM-DD
  std::string currency;  // ISO 4217
  double usd_per_unit = 0;
  bool operator==(const FxRate&) const = default;
};

class FxRates {
 public:
  FxRates() = default;  // empty: converts nothing

  // Reads the file. A bad line fails the whole load with
  // "path:line: reason"; nothing is half-loaded.
  static Result<FxRates> Load(const std::filesystem::path& path);
  // The same from text; `name` prefixes error messages.
  static Result<FxRates> Parse(std::string_view text, const std::string& name);
  // From rows already validated (as read back from the database).
  static FxRates FromRows(std::vector<FxRate> rows);

  // The rate dated closest on or before `date` (YYYY-MM-DD...; only the first
  // ten characters count); the earliest rate when every rate is later; the
  // latest when `date` is empty. Empty when the currency has no rate.
  std::optional<double> UsdPerUnit(const std::string& currency, std::string_view date) const;
  // amount * UsdPerUnit(currency, date).
  std::optional<double> ToUsd(double amount, const std::string& currency, std::string_view date) const;

  // Every rate, ordered by currency then date.
  std::vector<FxRate> rows() const;
  bool empty() const { return by_currency_.empty(); }

 private:
  // currency -> date -> usd per unit
  std::map<std::string, std::map<std::string, double>> by_currency_;
};

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_FX_RATES_H_
