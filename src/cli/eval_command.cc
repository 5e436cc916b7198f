// dealwatch eval [--gold FILE] [--misses] [--floors FILE] [--json]
// Scores extraction on a gold set (default: the bundled corpus) and, with
// --floors, fails when a figure falls below its pinned floor.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/files.h"
#include "common/paths.h"
#include "eval/evaluation.h"

namespace dealwatch {

namespace {

struct EvalOptions {
  std::string gold;
  std::string floors;
  bool misses = false;
  bool json = false;
};

// Figures below their floor, as "deal_f1 0.812 < floor 0.850".
Result<std::vector<std::string>> CheckFloors(const std::string& path, const std::map<std::string, double>& figures) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  nlohmann::json floors = nlohmann::json::parse(*text, nullptr, false);
  if (floors.is_discarded() || !floors.is_object()) return InvalidArgument(path + ": not a JSON object");
  std::vector<std::string> below;
  for (const auto& [name, floor] : floors.items()) {
    if (name.rfind("_", 0) == 0) continue;  // "_note" and other comments
    auto it = figures.find(name);
    if (it == figures.end() || !floor.is_number()) return InvalidArgument(path + ": unknown figure '" + name + "'");
    bool is_max = name == "false_deals_on_negatives";  // a ceiling, not a floor
    double f = floor.get<double>();
    if (is_max ? it->second > f : it->second + 1e-9 < f) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s %.3f %s %s %.3f", name.c_str(), it->second, is_max ? ">" : "<",
                    is_max ? "ceiling" : "floor", f);
      below.push_back(buf);
    }
  }
  return below;
}

int RunEval(const GlobalOptions& global, const EvalOptions& opts) {
  ApplyGlobalOptions(global);
  std::filesystem::path gold = opts.gold;
  if (gold.empty()) {
    Result<std::filesystem::path> corpus = FindDataDir("corpus", "");
    if (!corpus.ok()) return Fail(corpus.status());
    gold = *corpus / "gold.jsonl";
  }
  Result<std::filesystem::path> rules = FindDataDir("rules", global.rules_dir);
  if (!rules.ok()) return Fail(rules.status());
  Result<std::unique_ptr<Extractor>> ex = Extractor::Load(*rules);
  if (!ex.ok()) return Fail(ex.status());
  Result<EvalScores> scores = EvaluateGoldSet(gold, **ex);
  if (!scores.ok()) return Fail(scores.status());
  std::map<std::string, double> figures = Figures(*scores);
  if (opts.json) {
    std::printf("%s\n", nlohmann::json(figures).dump(2).c_str());
  } else {
    std::printf("gold: %s\n%s", gold.string().c_str(), FormatScores(*scores, opts.misses).c_str());
  }
  if (opts.floors.empty()) return kExitOk;
  Result<std::vector<std::string>> below = CheckFloors(opts.floors, figures);
  if (!below.ok()) return Fail(below.status());
  for (const std::string& b : *below) std::fprintf(stderr, "dealwatch: below the pinned figure: %s\n", b.c_str());
  return below->empty() ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterEvalCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand("eval", "Score extraction against gold annotations (default: the bundled corpus)");
  cmd->add_option("--gold", opts->gold, "A gold.jsonl file; article paths are relative to its folder");
  cmd->add_option("--floors", opts->floors, "JSON file of pinned figures; exit 1 when any falls below its floor");
  cmd->add_flag("--misses", opts->misses, "List every missed and every false deal");
  cmd->add_flag("--json", opts->json, "Print the figures as JSON");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunEval(global, *opts); });
}

}  // namespace dealwatch
