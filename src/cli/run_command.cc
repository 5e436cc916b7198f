// dealwatch run [--config FILE] [--db FILE] [--report FILE]
// The nightly job: crawl, extract, store, report. Safe under cron: no
// prompts, a lock against overlapping runs, Ctrl-C / SIGTERM stop cleanly.
#include <csignal>
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/paths.h"
#include "pipeline/nightly_run.h"

namespace dealwatch {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void OnSignal(int) { g_stop.store(true); }

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

struct RunOptions {
  std::string config;
  std::string db;
  std::string report;
};

Result<RunConfig> BuildConfig(const GlobalOptions& global, const RunOptions& opts) {
  Result<RunConfig> cfg = [&]() -> Result<RunConfig> {
    if (!opts.config.empty()) return LoadRunConfig(opts.config);
    Result<std::filesystem::path> corpus = FindDataDir("corpus", "");
    if (!corpus.ok()) return corpus.status();
    return ParseRunConfig(DefaultConfigText(*corpus), "(default config)", DefaultStateDir());
  }();
  if (!cfg.ok()) return cfg;
  std::error_code ec;
  if (!opts.db.empty()) cfg->db_path = std::filesystem::absolute(opts.db, ec);
  if (cfg->db_path.empty()) cfg->db_path = DefaultStateDir() / "deals.db";
  if (!opts.report.empty()) cfg->report_path = std::filesystem::absolute(opts.report, ec);
  if (cfg->report_path.empty()) cfg->report_path = cfg->db_path.parent_path() / "report.html";
  if (!global.rules_dir.empty()) cfg->rules_dir = std::filesystem::absolute(global.rules_dir, ec);
  return cfg;
}

int RunRun(const GlobalOptions& global, const RunOptions& opts) {
  ApplyGlobalOptions(global);
  Result<RunConfig> cfg = BuildConfig(global, opts);
  if (!cfg.ok()) return Fail(cfg.status());
  InstallSignalHandlers();
  Result<NightlyResult> result = RunNightly(*cfg, &g_stop);
  if (!result.ok()) {
    if (result.status().code() == Code::kUnavailable &&
        result.status().message().find("another dealwatch run") != std::string::npos) {
      std::fprintf(stderr, "dealwatch: %s\n", result.status().message().c_str());
      return kExitLocked;
    }
    return Fail(result.status());
  }
  std::fputs(SummaryText(*result, *cfg).c_str(), stdout);
  std::fflush(stdout);
  if (result->source_failed) return kExitSourceFailed;
  return kExitOk;
}

}  // namespace

void RegisterRunCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Run the nightly job: crawl the configured sources, extract deals, store them, write the report.\n"
      "Exit codes: 0 done (some pages may have failed: see the report), 1 could not run, 2 usage,\n"
      "3 done but a source failed completely, 4 another run holds the database lock.");
  cmd->add_option("--config", opts->config,
                  "TOML config (default: an embedded config that crawls the bundled corpus over file://)");
  cmd->add_option("--db", opts->db, "Deal database (default: the config's db, else ~/.local/share/dealwatch/deals.db)");
  cmd->add_option("--report", opts->report, "HTML report to write (default: the config's report, else report.html "
                                            "beside the database)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunRun(global, *opts); });
}

}  // namespace dealwatch
