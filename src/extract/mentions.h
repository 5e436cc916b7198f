// The first layer of extraction: the things a deal is made of, found in the
// whole normalised article before any deal pattern runs. Lenders come from
// the lexicon (and from "lender" rules for banks it lacks), organisations
// from "org" rules, money, tenors and pricing from normalize/. Plain data.
#ifndef DEALWATCH_EXTRACT_MENTIONS_H_
#define DEALWATCH_EXTRACT_MENTIONS_H_

#include <string>
#include <vector>

#include "normalize/money.h"
#include "normalize/terms.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

enum class MentionKind : char {
  kLender = 'L',   // a bank or other lender
  kOrg = 'O',      // another organisation (candidate borrower)
  kMoney = 'M',    // an amount of money
  kTenor = 'T',    // a loan tenor
  kPricing = 'P',  // a margin or rate
};

struct Mention {
  MentionKind kind;
  Span span;            // bytes in the normalised article text
  int ref = -1;         // lender: index in Lexicon::lenders(), org: in Lexicon::companies()
                        // (-1 when found by a rule);
                        // money / tenor / pricing: index in the vectors below
  std::string name;     // lender / org: the name as written (normalised)
  std::string rule_id;  // "lexicon", or the id of the rule that found it
  Span antecedent;      // coreferences ("the Company", 鴻海 after 鴻海精密工業股份有限公司):
                        // the full name they stand for; empty otherwise
};

struct ArticleMentions {
  std::vector<Mention> items;  // sorted by span, non-overlapping
  std::vector<MoneyMention> money;
  std::vector<TenorMention> tenors;
  std::vector<PricingMention> pricing;

  // Adds `m` unless it overlaps an existing mention; keeps items sorted.
  // Moves every later item: use InsertAll for more than a few.
  bool Insert(Mention m);
  // The same as Insert for each of `batch` in turn (one that overlaps an
  // existing mention or one added before it is left out), in
  // O((items + batch) log batch) rather than O(items * batch).
  void InsertAll(std::vector<Mention> batch);
  // Indexes of the mentions inside `span`, in order.
  std::vector<int> Within(Span span) const;
};

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_MENTIONS_H_
