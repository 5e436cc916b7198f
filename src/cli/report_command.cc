// dealwatch report [--db FILE] [--run ID | --last] [-o FILE]
// Writes the HTML report of a run (the latest by default).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/files.h"
#include "pipeline/run_config.h"
#include "report/html_report.h"
#include "store/database.h"

namespace dealwatch {

namespace {

struct ReportOptions {
  std::string db;
  int64_t run = 0;
  bool last = false;
  std::string output;
};

int RunReport(const GlobalOptions& global, const ReportOptions& opts) {
  ApplyGlobalOptions(global);
  std::string path = opts.db.empty() ? (DefaultStateDir() / "deals.db").string() : opts.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Fail(NotFound(path + ": no such database"));
  Result<Database> db = Database::Open(path, /*read_only=*/true);
  if (!db.ok()) return Fail(db.status());
  Result<std::string> html = RenderHtmlReport(&*db, opts.last ? 0 : opts.run);
  if (!html.ok()) return Fail(html.status());
  if (opts.output.empty() || opts.output == "-") {
    std::cout << *html;
    return kExitOk;
  }
  Status s = WriteFileAtomic(opts.output, *html);
  return s.ok() ? kExitOk : Fail(s);
}

}  // namespace

void RegisterReportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write the HTML report of a run (default: the latest)");
  cmd->add_option("--db", opts->db, "Deal database (default: ~/.local/share/dealwatch/deals.db)");
  auto* run = cmd->add_option("--run", opts->run, "Run id");
  cmd->add_flag("--last", opts->last, "The latest run (the default)")->excludes(run);
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunReport(global, *opts); });
}

}  // namespace dealwatch
