#include "extract/rule_file.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <string>

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

TEST_CASE("Macros that expand exponentially are an error naming file, line, rule and macro, at once", "[extract]") {
  // fuzz/regressions/rule_file/macro-bomb.rules: twelve macros, each using
  // the one before five times, took 8 s and 900 MiB to be refused as
  // "nested too deeply"; eleven would have reached RE2 at 340 MB.
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "lexicon");
  std::filesystem::create_directories(dir.path() / "en");
  std::string bomb = "macro: M0\npattern: ab\n\n";
  for (int i = 1; i <= 11; ++i) {
    std::string prev = "{M" + std::to_string(i - 1) + "}";
    bomb += "macro: M" + std::to_string(i) + "\npattern: " + prev + prev + prev + prev + prev + "\n\n";
  }
  bomb += "rule: en.bomb.demo\nfield: amount\npattern: x{M11}\nexample: ab\n";
  FILE* f = std::fopen((dir.path() / "en" / "bomb.rules").c_str(), "w");
  std::fputs(bomb.c_str(), f);
  std::fclose(f);
  auto lex = Lexicon::Load(dir.path() / "lexicon");
  REQUIRE(lex.ok());
  auto start = std::chrono::steady_clock::now();
  auto set = RuleSet::Load(dir.path(), *lex);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2);
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find(
            "en/bomb.rules:37: en.bomb.demo: pattern longer than 256 KiB once its macros are expanded (at {M") !=
        std::string::npos);

  // Just under the limit expands; a macro-free pattern over it does not.
  std::map<std::string, std::string> macros = {{"A", std::string(kMaxExpandedPattern / 2 - 8, 'a')}};
  auto under = ExpandMacros("{A}{A}", macros, *lex);
  REQUIRE(under.ok());
  CHECK(under->size() <= kMaxExpandedPattern);
  CHECK_FALSE(ExpandMacros("{A}{A}{A}", macros, *lex).ok());
  CHECK_FALSE(ExpandMacros(std::string(kMaxExpandedPattern + 1, 'a'), {}, *lex).ok());
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
