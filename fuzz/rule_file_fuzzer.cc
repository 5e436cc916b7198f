// The rule loader (extract/rule_file.h ParseRuleFile, extract/rule_set.h
// ExpandMacros) on any bytes as one rules file, then the rest of what
// RuleSet::Load does with it: macros folded and expanded into every rule's
// pattern against the real lexicon, and the result compiled by RE2 under
// the loader's memory budget. Errors are fine; crashes and hangs are not.
// Macros that expand exponentially ({A} = {B}{B}{B}{B}, {B} = {C}{C}{C}{C},
// ...) are a known open finding (docs/robustness.md, fuzz/open/rule_file/):
// patterns whose expansion would pass 4 MiB are skipped so the fuzzer keeps
// looking for other bugs.
#include <re2/re2.h>

#include <algorithm>
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

bool IsIdentChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// An upper bound of `pattern`'s length after ExpandMacros: each {NAME} of a
// macro counts as that macro's bound (memoised in `memo`; a macro that uses
// itself counts as endless); lexicon tables and built-ins count 16 KiB.
size_t ExpandedBound(std::string_view pattern, const std::map<std::string, std::string>& macros,
                     std::map<std::string, size_t>* memo) {
  constexpr size_t kEndless = size_t{1} << 40;
  size_t total = 0;
  for (size_t i = 0; i < pattern.size() && total < kEndless; ++i) {
    if (pattern[i] != '{' || i + 1 >= pattern.size() || !IsIdentChar(pattern[i + 1])) {
      ++total;
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) break;
    std::string name(pattern.substr(i + 1, close - i - 1));
    auto it = macros.find(name);
    if (it == macros.end()) {
      total += 16u << 10;
    } else {
      auto [m, fresh] = memo->emplace(name, kEndless);  // kEndless while in progress
      if (fresh) m->second = ExpandedBound(it->second, macros, memo);
      total += 4 + m->second;
    }
    i = close;
  }
  return std::min(total, kEndless);
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
  std::map<std::string, size_t> memo;
  for (const RuleBlock& b : *blocks) {
    if (b.is_macro) continue;
    if (ExpandedBound(b.pattern, macros, &memo) > (4u << 20)) continue;
    Result<std::string> expanded = ExpandMacros(normalizer.FoldHan(b.pattern), macros, lexicon);
    if (!expanded.ok()) continue;
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    RE2 re(*expanded, opts);
    (void)re.ok();
  }
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzRuleFile)
