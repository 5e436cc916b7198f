// The rule loader (extract/rule_file.h ParseRuleFile, extract/rule_set.h
// ExpandMacros) on any bytes as one rules file, then the rest of what
// RuleSet::Load does with it: macros folded and expanded into every rule's
// pattern against the real lexicon (at most kMaxExpandedPattern bytes, so
// macros that expand exponentially are an error, not a hang:
// fuzz/regressions/rule_file/macro-bomb.rules), and the result compiled by
// RE2 under the loader's memory budget. Errors are fine; crashes and hangs
// are not.
#include <re2/re2.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_file.h"
#include "extract/rule_set.h"
#include "fuzz_targets.h"
#include "normalize/text_normalizer.h"

namespace dealwatch::fuzz {
namespace {

const Lexicon& RealLexicon() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> loaded = Lexicon::Load(DEALWATCH_SOURCE_DIR "/rules/lexicon");
    if (!loaded.ok()) {
      std::fprintf(stderr, "rule_file fuzzer: %s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new Lexicon(std::move(loaded).value());
  }();
  return *lexicon;
}

}  // namespace

void FuzzRuleFile(std::string_view data) {
  const Lexicon& lexicon = RealLexicon();
  Result<std::vector<RuleBlock>> blocks = ParseRuleFile(data, "fuzz.rules");
  if (!blocks.ok()) return;
  const TextNormalizer& normalizer = TextNormalizer::Get();
  std::map<std::string, std::string> macros;
  for (const RuleBlock& b : *blocks) {
    DEALWATCH_FUZZ_CHECK(b.line >= 1);
    if (b.is_macro) macros[b.id] = normalizer.FoldHan(b.pattern);
  }
  for (const RuleBlock& b : *blocks) {
    if (b.is_macro) continue;
    Result<std::string> expanded = ExpandMacros(normalizer.FoldHan(b.pattern), macros, lexicon);
    if (!expanded.ok()) continue;
    DEALWATCH_FUZZ_CHECK(expanded->size() <= kMaxExpandedPattern);
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    RE2 re(*expanded, opts);
    (void)re.ok();
  }
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzRuleFile)
