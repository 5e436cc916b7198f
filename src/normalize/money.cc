#include "normalize/money.h"

#include <algorithm>

#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/chinese_number.h"
#include "normalize/currency.h"
#include "normalize/money_qualifier.h"

namespace dealwatch {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct LatinScale {
  std::string_view word;
  double multiplier;
  bool attached_only;  // "m", "b", "k": only straight after the digits
  bool case_sensitive;
};

constexpr LatinScale kLatinScales[] = {
    {"trillion", 1e12, false, false}, {"billion", 1e9, false, false},
    {"million", 1e6, false, false},   {"thousand", 1e3, false, false},
    {"crore", 1e7, false, false},     {"lakh", 1e5, false, false},
    {"trn", 1e12, false, false},      {"tn", 1e12, false, false},
    {"bln", 1e9, false, false},       {"bn", 1e9, false, false},
    {"mln", 1e6, false, false},       {"mn", 1e6, false, false},
    {"bil", 1e9, false, false},       {"mil", 1e6, false, false},
    {"MM", 1e6, false, true},         {"mm", 1e6, true, true},
    {"b", 1e9, true, false},          {"m", 1e6, true, false},
    {"k", 1e3, true, false},
};

// "billion", " bn", "m" after Arabic digits. Sets *end past the word.
double ReadLatinScale(std::string_view text, size_t pos, size_t* end) {
  // "$22 billion", "a $1.2-billion loan".
  bool spaced = pos < text.size() && (text[pos] == ' ' || text[pos] == '-');
  size_t start = spaced ? pos + 1 : pos;
  for (const LatinScale& s : kLatinScales) {
    if (spaced && s.attached_only) continue;
    std::string_view got = text.substr(start, s.word.size());
    if (s.case_sensitive ? got != s.word : !IEquals(got, s.word)) continue;
    size_t after = start + s.word.size();
    if (after < text.size() && IsAsciiAlnum(text[after])) continue;
    *end = after;
    return s.multiplier;
  }
  return 0;
}

// One number with its scale and the currency words around it:
// "US$1.2bn", "新台币300亿元", "3.5亿元港币", "22 billion dollars".
struct Amount {
  size_t begin = 0;  // first byte of the currency before, else of the number
  size_t end = 0;
  Numeral num;       // value and low already scaled
  bool has_scale = false;
  bool has_zhao = false;
  std::optional<CurrencyWord> before, after;
  std::optional<double> range_high;  // set once JoinRange made this a range

  bool has_currency() const { return before || after; }
};

// False inside a number ("1,000", "2.5") or a word; "美元,10亿" starts one.
bool StartsNumber(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  char c = text[pos];
  char prev = text[pos - 1];
  if (IsAsciiDigit(prev)) return false;
  bool after_digit_mark = pos > 1 && (prev == '.' || prev == ',') && IsAsciiDigit(text[pos - 2]);
  if (after_digit_mark && IsAsciiDigit(c)) return false;
  return !(IsAsciiAlpha(c) && IsAsciiAlpha(prev));
}

std::optional<Numeral> ReadAnyNumeral(std::string_view text, size_t pos) {
  if (IsAsciiAlpha(text[pos])) return ReadNumberWords(text, pos);
  return ReadNumeral(text, pos);
}

void ApplyScale(Numeral* n, double m) {
  n->low = SnapToInteger(n->low * m);
  if (n->value) n->value = n->low;
  n->last_scale = m;
}

// "元人民币", "元港币": a currency name after 元 says which 元.
void ReadCurrencyAfter(std::string_view text, Amount* a, const MoneyContext& context) {
  a->after = MatchCurrencyAfter(text, a->end, context);
  if (!a->after) return;
  a->end = a->after->end;
  if (!a->after->is_yuan) return;
  std::optional<CurrencyWord> named = MatchCurrencyAfter(text, a->end, context);
  if (named && !named->is_yuan && named->begin == a->end) {
    a->after = named;
    a->end = named->end;
  }
}

// Reads the amount whose number starts at `pos`; a currency before it must
// not begin before `min_begin` (the end of the previous amount).
std::optional<Amount> ReadAmount(std::string_view text, size_t pos, size_t min_begin,
                                 const MoneyContext& context) {
  if (pos >= text.size() || !StartsNumber(text, pos)) return std::nullopt;
  std::optional<Numeral> num = ReadAnyNumeral(text, pos);
  if (!num) return std::nullopt;
  Amount a;
  a.num = *num;
  a.before = MatchCurrencyBefore(text, pos, context);
  if (a.before && a.before->begin < min_begin) a.before.reset();
  if (pos > 0 && IsAsciiAlpha(text[pos - 1]) && !a.before) return std::nullopt;
  a.begin = a.before ? a.before->begin : pos;
  a.end = num->end;
  std::string_view digits = text.substr(num->begin, num->end - num->begin);
  a.has_zhao = digits.find("兆") != std::string_view::npos;
  a.has_scale = num->has_big_scale;
  if (!a.has_scale && IsAscii(digits)) {
    size_t end = 0;
    if (double m = ReadLatinScale(text, a.end, &end); m > 0) {
      ApplyScale(&a.num, m);
      a.has_scale = true;
      a.end = end;
    }
  }
  ReadCurrencyAfter(text, &a, context);
  return a;
}

// Words that count things rather than money: "50亿次", "2亿股", "5000万人".
bool FollowedByCountWord(std::string_view text, size_t pos) {
  static constexpr std::string_view kCountWords[] = {
      "次", "股", "人", "户", "家", "名", "个", "件", "台", "辆", "吨", "桶", "平方", "平米",
      "方", "亩", "千瓦", "瓦", "度", "张", "份", "位", "条", "只", "头", "像素", "册", "部",
      "本", "架", "艘", "座", "间", "栋", "套", "颗", "片", "枚", "粒", "支", "根", "斤",
      "公斤", "公里", "公顷", "米", "升", "立方", "年", "岁", "天", "小时", "分钟", "秒", "倍",
      "字", "页", "篇", "票", "例", "剂", "盒", "瓶", "包", "箱", "批", "笔", "用户", "参数",
      "访问", "网民", "光年", "克", "码", "英亩", "步", "单", "场", "轮"};
  std::string_view rest = text.substr(pos);
  return std::any_of(std::begin(kCountWords), std::end(kCountWords),
                     [&](std::string_view w) { return rest.substr(0, w.size()) == w; });
}

// A number with no currency word is money only with a 万 / 亿 scale
// ("约150亿"), written in digits or after a money qualifier, and not
// counting something.
bool IsBareScaleMoney(std::string_view text, const Amount& a, bool qualified) {
  if (!a.num.has_big_scale || a.has_zhao) return false;
  if (!a.num.has_arabic && !qualified) return false;
  return !FollowedByCountWord(text, a.end);
}

bool IsMoney(std::string_view text, const Amount& a, bool qualified) {
  // "千元", "百元" are units of a table column, not amounts.
  if (a.num.starts_with_multiplier && !a.num.has_big_scale) return false;
  if (!a.has_currency()) return IsBareScaleMoney(text, a, qualified);
  // A Chinese numeral with no scale needs a currency name after it
  // ("三千美元"): "港元三年期" is a tenor and "一元化" a word.
  bool small_chinese = !a.num.has_arabic && !a.has_scale && !a.num.starts_with_multiplier;
  return !small_chinese || (a.after && !a.after->is_yuan);
}

// Range separators between two amounts.
size_t RangeSeparatorEnd(std::string_view text, size_t pos, bool between) {
  static constexpr std::string_view kSeparators[] = {"-", "~", "至", "到", " to ", " - ", " and "};
  for (std::string_view s : kSeparators) {
    if (s == " and " && !between) continue;
    if (text.substr(pos, s.size()) == s) return pos + s.size();
  }
  return 0;
}

// Finds where the second amount of a range begins: right after the
// separator, or after a repeated currency ("$1 billion to $1.5 billion").
std::optional<Amount> ReadRangeEnd(std::string_view text, size_t sep_end,
                                   const MoneyContext& context) {
  static constexpr size_t kMaxCurrencyBytes = 6;
  for (size_t p = sep_end; p < text.size() && p <= sep_end + kMaxCurrencyBytes; ++p) {
    std::optional<Amount> second = ReadAmount(text, p, sep_end, context);
    if (second && second->begin == sep_end) return second;
  }
  return std::nullopt;
}

// Joins "US$1-1.5 billion", "10至15亿元", "between $1bn and $1.5bn".
// "from $500m to $750m" is a change, not a range: each amount stands alone.
bool JoinRange(std::string_view text, Amount* first, bool between, const MoneyContext& context) {
  if (first->begin >= 5 && IEquals(text.substr(first->begin - 5, 5), "from ")) return false;
  size_t sep_end = RangeSeparatorEnd(text, first->end, between);
  if (sep_end == 0) return false;
  std::optional<Amount> second = ReadRangeEnd(text, sep_end, context);
  if (!second || (first->has_scale && !second->has_scale)) return false;
  if (!first->has_currency() && !second->has_currency() && !second->has_scale) return false;
  if (!first->has_scale && second->has_scale) ApplyScale(&first->num, second->num.last_scale);
  if (second->num.low <= first->num.low) return false;
  first->num.value.reset();
  first->num.more_than = false;
  first->range_high = second->num.low;
  if (!first->before) first->before = second->before;
  if (!first->after) first->after = second->after;
  first->end = second->end;
  first->has_scale = first->has_scale || second->has_scale;
  first->num.has_big_scale = first->num.has_big_scale || second->num.has_big_scale;
  return true;
}

// Chooses the currency: a currency written before the number ("US$", "美金"),
// else a name after it, else a name earlier in the clause for a bare 元, else
// the context. A word after the number loses to one before it because it is
// more often not a currency at all ("$5 billion won by ..."), except that a
// name beats a ¥ whose meaning only the context gives.
void ResolveCurrency(std::string_view text, const Amount& a, const MoneyContext& context,
                     MoneyMention* m) {
  std::optional<CurrencyWord> word;
  bool named_after = a.after && !a.after->is_yuan;
  if (a.before && !(a.before->from_context && named_after)) {
    word = a.before;
  } else if (named_after) {
    word = a.after;
  } else if (a.after) {
    word = FindCurrencyNameBefore(text, a.begin);
    if (!word) word = a.after;
  }
  if (word) {
    m->currency = word->iso;
    m->currency_from_context = word->from_context;
  } else {
    m->currency = ContextCurrency(context);
    m->currency_from_context = true;
  }
}

void SetValues(const Amount& a, MoneyMention* m) {
  double v = a.num.low;
  if (a.range_high) {
    m->qualifier = MoneyQualifier::kRange;
    m->low = v;
    m->high = a.range_high;
    return;
  }
  if (a.num.more_than) m->qualifier = MoneyQualifier::kMoreThan;
  switch (m->qualifier) {
    case MoneyQualifier::kNone:
    case MoneyQualifier::kAbout:
      m->value = m->low = v;
      break;
    case MoneyQualifier::kUpTo:
      m->value = m->low = m->high = v;
      break;
    case MoneyQualifier::kAtLeast:
    case MoneyQualifier::kMoreThan:
      m->low = v;
      break;
    case MoneyQualifier::kNearly:
      m->high = v;
      break;
    case MoneyQualifier::kRange:
      break;
  }
}

// "新台币约300亿元": the currency may come before the qualifier.
void AttachCurrencyBeforeQualifier(std::string_view text, size_t min_begin,
                                   const MoneyContext& context, Amount* a, QualifierMatch* q) {
  std::optional<CurrencyWord> word = MatchCurrencyBefore(text, q->begin, context);
  if (!word || word->begin < min_begin) return;
  q->begin = word->begin;
  a->before = std::move(word);
}

std::optional<MoneyMention> ReadMoneyAt(std::string_view text, size_t pos, size_t min_begin,
                                        const MoneyContext& context) {
  std::optional<Amount> a = ReadAmount(text, pos, min_begin, context);
  if (!a) return std::nullopt;
  std::optional<QualifierMatch> before = MatchQualifierBefore(text, a->begin);
  if (before && before->begin < min_begin) before.reset();
  if (before && !a->before) AttachCurrencyBeforeQualifier(text, min_begin, context, &*a, &*before);
  bool between = before && before->between;
  bool joined = JoinRange(text, &*a, between, context);
  if (between && !joined) before.reset();
  if (!IsMoney(text, *a, before && !between)) return std::nullopt;
  std::optional<QualifierMatch> after = MatchQualifierAfter(text, a->end);
  MoneyMention m;
  m.span = {before ? before->begin : a->begin, after ? after->end : a->end};
  if (before && !between) {
    m.qualifier = before->qualifier;
  } else if (after) {
    m.qualifier = after->qualifier;
  }
  ResolveCurrency(text, *a, context, &m);
  SetValues(*a, &m);
  return m;
}

}  // namespace

const char* MoneyQualifierName(MoneyQualifier q) {
  switch (q) {
    case MoneyQualifier::kNone: return "none";
    case MoneyQualifier::kAbout: return "about";
    case MoneyQualifier::kUpTo: return "up_to";
    case MoneyQualifier::kAtLeast: return "at_least";
    case MoneyQualifier::kMoreThan: return "more_than";
    case MoneyQualifier::kNearly: return "nearly";
    case MoneyQualifier::kRange: return "range";
  }
  return "none";
}

std::vector<MoneyMention> FindMoney(std::string_view text, const MoneyContext& context) {
  std::vector<MoneyMention> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t min_begin = out.empty() ? 0 : out.back().span.end;
    if (std::optional<MoneyMention> m = ReadMoneyAt(text, pos, min_begin, context)) {
      pos = m->span.end;
      out.push_back(std::move(*m));
      continue;
    }
    size_t len = 0;
    DecodeUtf8(text, pos, &len);
    pos += len;
  }
  return out;
}

}  // namespace dealwatch
