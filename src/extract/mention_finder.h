// Finds the mentions of one normalised article (the first extraction layer):
// lexicon lenders, money, tenors and pricing, then "lender" and "org" rules
// over each tagged sentence, then later occurrences of the organisations
// found (full names, and short names given in brackets after them).
// Thread-safe when the lexicon and rules are (they are immutable).
#ifndef DEALWATCH_EXTRACT_MENTION_FINDER_H_
#define DEALWATCH_EXTRACT_MENTION_FINDER_H_

#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/rule_set.h"
#include "normalize/money.h"

namespace dealwatch {

ArticleMentions FindMentions(std::string_view text, const std::vector<Span>& sentences, const Lexicon& lexicon,
                             const RuleSet& rules, const MoneyContext& context);

// The mentions that need no rules: lexicon lenders, money, tenors, pricing.
ArticleMentions FindBaseMentions(std::string_view text, const Lexicon& lexicon, const MoneyContext& context);

// True for generic words that name rules must not take for names
// (lexicon/not_names.tsv: 管理銀行, 該公司, ...).
bool IsGenericName(std::string_view name, const Lexicon& lexicon);

// False for clause fragments ending in a company word ("用於償還集團").
bool PlausibleOrgName(std::string_view name);

// False for phrases ending in 銀行 that are not a bank's name ("擔任管理銀行",
// "七大銀行", "公股銀行").
bool PlausibleBankName(std::string_view name, const Lexicon& lexicon);

// Cleans a name captured by a rule: drops leading time words and
// connectives, trailing stock codes "(2317)", brackets and quotes.
std::string CleanName(std::string_view name);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_MENTION_FINDER_H_
