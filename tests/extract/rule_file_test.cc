#include "extract/rule_file.h"

#include <catch2/catch.hpp>

#include "extract/rule_set.h"
#include "extract/rule_examples.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

TEST_CASE("Rule files parse into blocks with their examples", "[extract]") {
  auto r = ParseRuleFile(
      "# comment\n"
      "rule:    zh.test.one\n"
      "field:   lenders\n"
      "role:    agent\n"
      "pattern: (?P<lenders>{LENDERS})担任管理银行\n"
      "example: 臺灣銀行擔任管理銀行 => lenders=台湾银行\n"
      "example: 兆豐銀行擔任管理銀行\n"
      "not:     擔任董事\n"
      "\n"
      "macro:   X\n"
      "pattern: a|b\n",
      "t.rules");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  CHECK((*r)[0].id == "zh.test.one");
  CHECK((*r)[0].line == 2);
  CHECK((*r)[0].examples.size() == 2);
  CHECK((*r)[0].negatives.size() == 1);
  CHECK((*r)[0].values.at("role") == "agent");
  CHECK((*r)[1].is_macro);
}

TEST_CASE("Bad rule files fail with file, line, rule id and reason", "[extract]") {
  struct Row {
    const char* text;
    const char* error;
  };
  const Row rows[] = {
      {"rule: a.b.c\nfield: deal\npattern: x\n", "t.rules:1: a.b.c: missing 'example:' (every rule needs one)"},
      {"rule: a.b.c\nfield: deal\nexample: x\n", "t.rules:1: a.b.c: missing 'pattern:'"},
      {"rule: a.b.c\nfeild: deal\n", "t.rules:2: unknown key 'feild'"},
      {"rule: a.b.c\njust text\n", "t.rules:2: expected 'key: value'"},
      {"rule: a\nrule: b\n", "t.rules:2: second 'rule:' in one block (blocks are separated by a blank line)"},
  };
  for (const Row& row : rows) {
    auto r = ParseRuleFile(row.text, "t.rules");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == row.error);
  }
}

TEST_CASE("Loading rules names the file, line and rule of a bad pattern or macro", "[extract]") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "lexicon");
  std::filesystem::create_directories(dir.path() / "zh");
  auto write = [](const std::filesystem::path& p, const std::string& s) {
    FILE* f = std::fopen(p.c_str(), "w");
    std::fputs(s.c_str(), f);
    std::fclose(f);
  };
  write(dir.path() / "lexicon" / "roles.tsv", "統籌主辦\tlead_arranger\n");
  write(dir.path() / "zh" / "a.rules", "rule: zh.bad.paren\nfield: deal\npattern: (?P<x>unclosed\nexample: x\n");
  auto lex = Lexicon::Load(dir.path() / "lexicon");
  REQUIRE(lex.ok());
  auto set = RuleSet::Load(dir.path(), *lex);
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("zh/a.rules:1: zh.bad.paren: bad pattern: missing )") != std::string::npos);

  write(dir.path() / "zh" / "a.rules", "rule: zh.bad.macro\nfield: deal\npattern: {NOPE}x\nexample: x\n");
  set = RuleSet::Load(dir.path(), *lex);
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("zh.bad.macro: unknown macro {NOPE}") != std::string::npos);
}

TEST_CASE("Macros expand lexicon tables, folded to Simplified, longest phrase first", "[extract]") {
  testing::TempDir dir;
  FILE* f = std::fopen((dir.path() / "roles.tsv").c_str(), "w");
  std::fputs("主辦\tlead_arranger\n統籌主辦\tlead_arranger\n管理銀行\tagent\n", f);
  std::fclose(f);
  auto lex = Lexicon::Load(dir.path());
  REQUIRE(lex.ok());
  auto e = ExpandMacros("{roles:lead_arranger}\\p{Han}", {}, *lex);
  REQUIRE(e.ok());
  CHECK(*e == "(?:统筹主办|主办)\\p{Han}");
  auto agent = ExpandMacros("{roles:agent}", {}, *lex);
  REQUIRE(agent.ok());
  CHECK(*agent == "(?:管理银行)");
}

TEST_CASE("Every example and counter-example written beside the rules holds", "[extract][rules]") {
  ExampleReport report = CheckRuleExamples(testing::RealExtractor());
  for (const ExampleFailure& f : report.failures) UNSCOPED_INFO(f.where << "\n  " << f.example << "\n  " << f.problem);
  CHECK(report.rules >= 30);
  CHECK(report.examples >= report.rules);
  CHECK(report.failures.empty());
}

}  // namespace
}  // namespace dealwatch
