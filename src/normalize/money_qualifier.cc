#include "normalize/money_qualifier.h"

#include "common/strings.h"

namespace dealwatch {
namespace {

using Q = MoneyQualifier;

struct Word {
  std::string_view text;
  Q qualifier;
};

// Chinese words written straight before the amount (no space survives
// normalisation next to Han characters). Longest match wins: 约为 over 约.
constexpr Word kChineseBefore[] = {
    {"约合", Q::kAbout},      {"约为", Q::kAbout},      {"约达", Q::kAbout},
    {"大约", Q::kAbout},      {"大概", Q::kAbout},      {"约", Q::kAbout},
    {"不超过", Q::kUpTo},     {"不高于", Q::kUpTo},     {"不多于", Q::kUpTo},
    {"最高可达", Q::kUpTo},   {"最高达", Q::kUpTo},     {"最高", Q::kUpTo},
    {"最多", Q::kUpTo},       {"至多", Q::kUpTo},       {"上限为", Q::kUpTo},
    {"上限", Q::kUpTo},       {"上看", Q::kUpTo},       {"多达", Q::kUpTo},
    {"约当", Q::kAbout},      {"约略", Q::kAbout},      {"至少", Q::kAtLeast},
    {"不少于", Q::kAtLeast},  {"不低于", Q::kAtLeast},  {"最少", Q::kAtLeast},
    {"逾", Q::kMoreThan},     {"超过", Q::kMoreThan},   {"超", Q::kMoreThan},
    {"多于", Q::kMoreThan},   {"高于", Q::kMoreThan},   {"将近", Q::kNearly},
    {"接近", Q::kNearly},     {"逼近", Q::kNearly},     {"近", Q::kNearly},
    // Strictly below the number: an upper bound with no exact value, which
    // the enum has only as kNearly.
    {"不到", Q::kNearly},     {"不足", Q::kNearly},     {"少于", Q::kNearly},
    {"低于", Q::kNearly},
    // Words that end in 约 or 近 but qualify nothing ("签约5亿元"). They
    // outmatch the shorter qualifier and are then dropped.
    {"合约", Q::kNone},       {"签约", Q::kNone},       {"契约", Q::kNone},
    {"预约", Q::kNone},       {"履约", Q::kNone},       {"违约", Q::kNone},
    {"节约", Q::kNone},       {"条约", Q::kNone},       {"公约", Q::kNone},
    {"最近", Q::kNone},       {"附近", Q::kNone},       {"邻近", Q::kNone},
};

// English words, followed by one space before the amount.
constexpr Word kEnglishBefore[] = {
    {"about", Q::kAbout},          {"approximately", Q::kAbout},  {"approx.", Q::kAbout},
    {"around", Q::kAbout},         {"some", Q::kAbout},           {"roughly", Q::kAbout},
    {"an estimated", Q::kAbout},   {"estimated", Q::kAbout},      {"up to", Q::kUpTo},
    {"as much as", Q::kUpTo},      {"a maximum of", Q::kUpTo},    {"no more than", Q::kUpTo},
    {"not more than", Q::kUpTo},   {"less than", Q::kNearly},     {"just under", Q::kNearly},
    {"a little over", Q::kMoreThan}, {"well over", Q::kMoreThan}, {"well above", Q::kMoreThan},
    {"at least", Q::kAtLeast},     {"a minimum of", Q::kAtLeast}, {"more than", Q::kMoreThan},
    {"over", Q::kMoreThan},        {"just over", Q::kMoreThan},   {"in excess of", Q::kMoreThan},
    {"upwards of", Q::kMoreThan},  {"north of", Q::kMoreThan},    {"exceeding", Q::kMoreThan},
    {"nearly", Q::kNearly},        {"almost", Q::kNearly},        {"close to", Q::kNearly},
    {"between", Q::kNone},
};

// After the amount. 以上 includes the number itself, so it is "at least".
constexpr Word kAfter[] = {
    {"以上", Q::kAtLeast}, {"左右", Q::kAbout},     {"上下", Q::kAbout},
    {"以下", Q::kUpTo},    {"以内", Q::kUpTo},      {" or more", Q::kAtLeast},
    {" or so", Q::kAbout}, {" or less", Q::kUpTo},
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<QualifierMatch> Make(const Word& w, size_t begin, size_t end) {
  QualifierMatch m;
  m.begin = begin;
  m.end = end;
  m.qualifier = w.qualifier;
  m.between = w.text == "between";
  return m;
}

}  // namespace

std::optional<QualifierMatch> MatchQualifierBefore(std::string_view text, size_t amount_begin) {
  const Word* best = nullptr;
  for (const Word& w : kChineseBefore) {
    if (w.text.size() > amount_begin || (best && best->text.size() >= w.text.size())) continue;
    if (text.substr(amount_begin - w.text.size(), w.text.size()) == w.text) best = &w;
  }
  if (best) {
    if (best->qualifier == Q::kNone) return std::nullopt;
    return Make(*best, amount_begin - best->text.size(), amount_begin);
  }
  if (amount_begin == 0 || text[amount_begin - 1] != ' ') return std::nullopt;
  size_t end = amount_begin - 1;
  for (const Word& w : kEnglishBefore) {
    if (w.text.size() > end || (best && best->text.size() >= w.text.size())) continue;
    size_t begin = end - w.text.size();
    if (!IEquals(text.substr(begin, w.text.size()), w.text)) continue;
    if (begin > 0 && IsAsciiAlpha(text[begin - 1])) continue;
    best = &w;
  }
  if (best) return Make(*best, end - best->text.size(), amount_begin);
  return std::nullopt;
}

std::optional<QualifierMatch> MatchQualifierAfter(std::string_view text, size_t amount_end) {
  for (const Word& w : kAfter) {
    if (text.substr(amount_end, w.text.size()) != w.text) continue;
    size_t end = amount_end + w.text.size();
    if (end < text.size() && IsAsciiAlpha(text[end]) && IsAsciiAlpha(w.text.back())) continue;
    return Make(w, amount_end, end);
  }
  return std::nullopt;
}

}  // namespace dealwatch
