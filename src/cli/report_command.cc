// dealwatch report [--db FILE] [--run ID | --last] [--format html|md|json] [-o FILE]
// Writes the report of a run (the latest by default); `run` writes the same
// report after each run.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/files.h"
#include "pipeline/run_config.h"
#include "report/report.h"
#include "store/database.h"

namespace dealwatch {

namespace {

struct ReportCommandOptions {
  std::string db;
  int64_t run = 0;
  bool last = false;
  std::string format = "html";
  std::string output;
};

int RunReport(const GlobalOptions& global, const ReportCommandOptions& opts) {
  ApplyGlobalOptions(global);
  Result<ReportFormat> format = ParseReportFormat(opts.format);
  if (!format.ok()) return Fail(format.status());
  std::string path = opts.db.empty() ? (DefaultStateDir() / "deals.db").string() : opts.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Fail(NotFound(path + ": no such database"));
  Result<Database> db = Database::Open(path, /*read_only=*/true);
  if (!db.ok()) return Fail(db.status());
  ReportOptions options;
  options.run_id = opts.last ? 0 : opts.run;
  FindRuleIds(global.rules_dir, &options);
  Result<std::string> text = RenderReport(&*db, options, *format);
  if (!text.ok()) return Fail(text.status().WithContext(path));
  if (opts.output.empty() || opts.output == "-") {
    std::cout << *text;
    return kExitOk;
  }
  Status s = WriteFileAtomic(opts.output, *text);
  return s.ok() ? kExitOk : Fail(s);
}

}  // namespace

void RegisterReportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ReportCommandOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write the report of a run (default: the latest)");
  cmd->add_option("--db", opts->db, "Deal database (default: ~/.local/share/dealwatch/deals.db)");
  auto* run = cmd->add_option("--run", opts->run, "Run id");
  cmd->add_flag("--last", opts->last, "The latest run (the default)")->excludes(run);
  cmd->add_option("--format", opts->format, "html (default, one self-contained file), md or json")
      ->check(CLI::IsMember({"html", "md", "markdown", "json"}));
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunReport(global, *opts); });
}

}  // namespace dealwatch
