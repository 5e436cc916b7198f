// The rule prefilter (RuleSet::Candidates) may only skip rules that cannot
// match: with it, every rule gives the same hits as without it, on every
// clause and sentence of the bundled corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "common/files.h"
#include "extract/extractor.h"
#include "pipeline/document.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

bool SameHits(const std::vector<RuleHit>& a, const std::vector<RuleHit>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].rule != b[i].rule || a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].groups != b[i].groups)
      return false;
  }
  return true;
}

// The tagged clauses of every corpus article, as extraction reads them.
std::vector<std::string> CorpusClauses() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::CorpusDir() / "site")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".html" && ext != ".txt") continue;
    if (entry.path().filename() == "index.html") continue;
    Result<std::string> bytes = ReadFile(entry.path());
    REQUIRE(bytes.ok());
    Result<Article> article = LoadDocument(*bytes, {entry.path().string(), "", ""});
    REQUIRE(article.ok());
    ExtractionTrace trace;
    testing::RealExtractor().Extract(article->text, ExtractContext{}, &trace);
    for (const ExtractionTrace::Clause& c : trace.clauses) out.push_back(c.tagged.str());
  }
  return out;
}

TEST_CASE("The rule prefilter skips only rules that cannot match", "[extract]") {
  const RuleSet& rules = testing::RealExtractor().rules();
  const std::vector<std::string> clauses = CorpusClauses();
  REQUIRE(clauses.size() > 500);
  size_t skipped = 0, total = 0, hits = 0;
  for (const std::string& clause : clauses) {
    const RuleCandidates candidates = rules.Candidates(clause);
    REQUIRE(candidates.size() == rules.rules().size());
    for (const auto& rule : rules.rules()) {
      std::vector<RuleHit> all = rules.MatchRule(*rule, clause);
      hits += all.size();
      ++total;
      if (candidates[static_cast<size_t>(rule->index)]) continue;
      ++skipped;
      INFO(rule->id() << " on: " << clause);
      CHECK(all.empty());
    }
    for (const char* field : {"deal", "lenders", "borrower", "project", "amount", "not_deal", "org", "lender"}) {
      INFO(field << " on: " << clause);
      CHECK(SameHits(rules.Match(clause, field, &candidates), rules.Match(clause, field)));
    }
  }
  CHECK(hits > 100);
  // The filter is worth having: most rules are ruled out on most clauses.
  CHECK(skipped * 2 > total);
}

}  // namespace
}  // namespace dealwatch
