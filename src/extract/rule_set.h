// RuleSet is the compiled form of every *.rules file under rules/. Patterns
// are RE2 over tagged clauses (see tagged_text.h) after macro expansion:
//   {LENDER} {MONEY} {TENOR} {PRICING} {ORGTAG}  one placeholder of that kind
//   {roles} {roles:agent} ...                    any phrase of a lexicon table
//                                                (rules/lexicon/roles.tsv), or
//                                                only those with that value
//   {NAME}                                       a "macro: NAME" block
// Han characters in patterns are folded to Simplified, so rules may be
// written in either script. Immutable after Load(); safe to share.
#ifndef DEALWATCH_EXTRACT_RULE_SET_H_
#define DEALWATCH_EXTRACT_RULE_SET_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/lexicon.h"
#include "extract/rule_file.h"

namespace dealwatch {

struct Rule {
  RuleBlock block;              // as written (id, field, examples, values)
  std::string expanded;         // the pattern RE2 compiled
  std::unique_ptr<RE2> re;      // RE2 is neither copyable nor movable
  double confidence = 0.8;      // "confidence:" or the default
  int index = 0;                // position in RuleSet::rules()

  const std::string& id() const { return block.id; }
  const std::string& field() const { return block.field; }
  // A fixed value given by the rule ("role: agent"), or "".
  std::string value(const std::string& key) const;
};

// One match of one rule: the whole match and each named group that took
// part, as byte ranges of the tagged string.
// Which rules can match one text, one flag per rule index (RuleSet::Candidates).
using RuleCandidates = std::vector<uint8_t>;

struct RuleHit {
  const Rule* rule = nullptr;
  size_t begin = 0, end = 0;
  std::map<std::string, std::pair<size_t, size_t>> groups;
};

class RuleSet {
 public:
  // Loads every *.rules file under `dir` (recursively, in path order),
  // skipping the lexicon folder. Errors give "file:line: rule-id: reason";
  // nothing is half-loaded.
  static Result<RuleSet> Load(const std::filesystem::path& dir, const Lexicon& lexicon);

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;

  // Every match of every rule of `field` in `tagged`, rule by rule, each
  // rule's matches non-overlapping and in order. With `candidates` (from
  // Candidates() of the same text) the rules that cannot match are skipped:
  // the same hits, sooner.
  std::vector<RuleHit> Match(std::string_view tagged, std::string_view field,
                             const RuleCandidates* candidates = nullptr) const;
  // The rules that may match `tagged`: RE2's prefilter (re2::FilteredRE2)
  // knows the literal strings each pattern needs (a tag such as the money
  // mark, one of a lexicon table's words); one pass of a set of those
  // strings over the text rules out every rule whose strings are missing.
  // Most clauses of an article state no deal and rule out most rules.
  RuleCandidates Candidates(std::string_view tagged) const;
  // The matches of one rule.
  std::vector<RuleHit> MatchRule(const Rule& rule, std::string_view tagged) const;

 private:
  // Builds filter_ and atoms_; leaves them null (every rule a candidate)
  // when RE2 cannot build them.
  void BuildFilter();

  std::vector<std::unique_ptr<Rule>> rules_;
  std::map<std::string, std::vector<const Rule*>, std::less<>> by_field_;
  // The prefilter: its regexp ids are rule indices; atoms_ finds its atoms
  // (lower-cased literal strings) in lower-cased text. Null when the filter
  // could not be built: then every rule is a candidate.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::unique_ptr<RE2::Set> atoms_;
};

// The longest a pattern may grow when its macros are expanded. The rules/
// patterns stay under 8 KiB; macros that use each other several times grow
// exponentially ({A} = {B}{B}{B}{B}{B}, {B} = {C}{C}{C}{C}{C}, ...), and
// without a bound one such rule file took gigabytes to load.
constexpr size_t kMaxExpandedPattern = 256 << 10;

// Expands macros in `pattern` (exposed for tests). Errors name the macro;
// a pattern that would grow past kMaxExpandedPattern is an error.
Result<std::string> ExpandMacros(std::string_view pattern, const std::map<std::string, std::string>& macros,
                                 const Lexicon& lexicon);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_RULE_SET_H_
