// `dealwatch amounts`: a filter for checking the money parser by hand and
// from scripts. Each line of standard input becomes exactly one JSON line
// on standard output, so outputs can be zipped with inputs.
#include <cmath>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "common/utf8.h"
#include "normalize/money.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {
namespace {

using Json = nlohmann::ordered_json;

struct AmountsOptions {
  std::string context = "none";
};

// "zh-Hant" or "zh-Hans" from the characters only one script uses (ties go
// to zh-Hant); "en" when the line has no Han character.
std::string DetectScript(std::string_view line) {
  const TextNormalizer& normalizer = TextNormalizer::Get();
  size_t han = 0, traditional = 0, simplified = 0;
  for (size_t pos = 0; pos < line.size();) {
    size_t len = 0;
    char32_t c = DecodeUtf8(line, pos, &len);
    pos += len;
    if (!IsHan(c)) continue;
    ++han;
    if (normalizer.IsTraditionalOnly(c)) ++traditional;
    if (normalizer.IsSimplifiedOnly(c)) ++simplified;
  }
  if (han == 0) return "en";
  return simplified > traditional ? "zh-Hans" : "zh-Hant";
}

// Whole amounts print as integers ("22000000000", not "2.2e10").
Json Number(std::optional<double> v) {
  if (!v) return nullptr;
  if (std::fabs(*v) < 9e15 && *v == std::floor(*v)) return static_cast<int64_t>(*v);
  return *v;
}

Json MentionJson(const MoneyMention& m, std::string_view line, const NormalizedText& nt) {
  Span orig = nt.map.ToOriginal(m.span);
  Json j;
  j["value"] = Number(m.value);
  j["currency"] = m.currency.empty() ? Json(nullptr) : Json(m.currency);
  j["qualifier"] =
      m.qualifier == MoneyQualifier::kNone ? Json(nullptr) : Json(MoneyQualifierName(m.qualifier));
  j["text"] = std::string(line.substr(orig.begin, orig.size()));
  j["start"] = orig.begin;
  j["end"] = orig.end;
  // Bounds are printed only when there is no exact value; with one they repeat it.
  j["low"] = m.value ? Json(nullptr) : Number(m.low);
  j["high"] = m.value ? Json(nullptr) : Number(m.high);
  return j;
}

std::string AmountsLine(std::string_view line, const std::string& market) {
  NormalizedText nt = TextNormalizer::Get().Normalize(line);
  MoneyContext context{market, DetectScript(line)};
  Json amounts = Json::array();
  for (const MoneyMention& m : FindMoney(nt.text, context)) {
    amounts.push_back(MentionJson(m, line, nt));
  }
  Json out;
  out["amounts"] = std::move(amounts);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

int RunAmounts(const AmountsOptions& options) {
  std::string market = options.context == "none" ? "" : options.context;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::cout << AmountsLine(line, market) << '\n';
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterAmountsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto options = std::make_shared<AmountsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "amounts", "Print the money amounts in each line of standard input, one JSON line per line");
  cmd->add_option("--context", options->context,
                  "Market the text comes from: TW, CN, HK, JP, US or none (default). It decides "
                  "a bare 元, ¥ or an amount with no currency word; with none, the script of "
                  "the line decides (Traditional: TWD, Simplified: CNY)")
      ->check(CLI::IsMember({"TW", "CN", "HK", "JP", "US", "none"}));
  cmd->footer(
      "Output, one line per input line:\n"
      "  {\"amounts\": [{\"value\": 22000000000, \"currency\": \"USD\", \"qualifier\": null,\n"
      "    \"text\": \"220億美元\", \"start\": 0, \"end\": 12, \"low\": null, \"high\": null}]}\n"
      "value is null when the text gives no exact amount (逾, more than, ranges); then low\n"
      "and high hold the bounds. qualifier is about, up_to, at_least, more_than, nearly or\n"
      "range. start and end are byte offsets of text in the input line.");
  const GlobalOptions* g = &global;
  cmd->callback([options, g, exit_code] {
    ApplyGlobalOptions(*g);
    *exit_code = RunAmounts(*options);
  });
}

}  // namespace dealwatch
