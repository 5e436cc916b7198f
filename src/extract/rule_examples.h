// Checks the examples written beside each rule: every "example:" line must
// be matched by its rule and give the fields after "=>"; no "not:" line may
// be matched. Examples are normalised and go through the mention layer
// exactly as article text does. Used by `dealwatch rules test` and the test
// suite. Thread-safe.
#ifndef DEALWATCH_EXTRACT_RULE_EXAMPLES_H_
#define DEALWATCH_EXTRACT_RULE_EXAMPLES_H_

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/tagged_text.h"

namespace dealwatch {

struct ExampleFailure {
  std::string where;    // "rules/zh/deal.rules:12: zh.deal.weiyou"
  std::string example;  // the line as written
  std::string problem;  // "no match", "matched a not: line", "borrower: got X, want Y"
};

struct ExampleReport {
  int rules = 0;
  int examples = 0;   // example: lines checked
  int negatives = 0;  // not: lines checked
  std::vector<ExampleFailure> failures;
};

ExampleReport CheckRuleExamples(const Extractor& extractor);

// The values a rule hit gives for each of its groups, rendered for people and
// for example checks: lenders as "A,B", amounts as "22000000000 USD", other
// groups as their text.
std::vector<std::pair<std::string, std::string>> RenderHitGroups(const RuleHit& hit, const TaggedText& tagged,
                                                                 std::string_view text,
                                                                 const ArticleMentions& mentions);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_RULE_EXAMPLES_H_
