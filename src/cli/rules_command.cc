// dealwatch rules test | list
// `test` checks every rule's examples (the rule test runner); `list` prints
// the rules with their fields and files. Both load the rules as `run` does,
// so a bad rule file fails here with file, line, rule id and reason.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/paths.h"
#include "extract/rule_examples.h"

namespace dealwatch {

namespace {

Result<std::unique_ptr<Extractor>> LoadExtractor(const GlobalOptions& global) {
  Result<std::filesystem::path> dir = FindDataDir("rules", global.rules_dir);
  if (!dir.ok()) return dir.status();
  return Extractor::Load(*dir);
}

int RunRulesTest(const GlobalOptions& global) {
  ApplyGlobalOptions(global);
  Result<std::unique_ptr<Extractor>> ex = LoadExtractor(global);
  if (!ex.ok()) return Fail(ex.status());
  ExampleReport report = CheckRuleExamples(**ex);
  for (const ExampleFailure& f : report.failures)
    std::printf("FAIL %s\n     %s\n     %s\n", f.where.c_str(), f.example.c_str(), f.problem.c_str());
  std::printf("%d rules, %d examples, %d counter-examples: %zu failure%s\n", report.rules, report.examples,
              report.negatives, report.failures.size(), report.failures.size() == 1 ? "" : "s");
  return report.failures.empty() ? kExitOk : kExitFailure;
}

int RunRulesList(const GlobalOptions& global) {
  ApplyGlobalOptions(global);
  Result<std::unique_ptr<Extractor>> ex = LoadExtractor(global);
  if (!ex.ok()) return Fail(ex.status());
  for (const auto& r : (*ex)->rules().rules())
    std::printf("%-28s %-9s %s:%d\n", r->id().c_str(), r->field().c_str(), r->block.file.c_str(), r->block.line);
  std::printf("%zu rules; lexicon: %zu lenders\n", (*ex)->rules().rules().size(), (*ex)->lexicon().lenders().size());
  return kExitOk;
}

}  // namespace

void RegisterRulesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("rules", "Check and list the extraction rules (rules/README.md)");
  cmd->require_subcommand(1, 1);
  cmd->add_subcommand("test", "Run every rule's example: and not: lines; exit 1 on any failure")
      ->callback([&global, exit_code] { *exit_code = RunRulesTest(global); });
  cmd->add_subcommand("list", "List the rules with their field and file")
      ->callback([&global, exit_code] { *exit_code = RunRulesList(global); });
}

}  // namespace dealwatch
