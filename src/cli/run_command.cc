// dealwatch run [--config FILE] [--db FILE] [--report FILE]
// The nightly job: crawl, extract, store, report. Safe under cron: no
// prompts, a lock against overlapping runs, log lines on stderr, a progress
// line only when stderr is a terminal (and logs are text at warn or above). Ctrl-C / SIGTERM stop cleanly: the
// run is recorded as interrupted, the summary printed, and the process then
// ends by that signal (a second Ctrl-C ends it at once). docs/nightly.md.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "common/log.h"
#include "common/paths.h"
#include "pipeline/nightly_run.h"
#include "pipeline/run_lock.h"

namespace dealwatch {

namespace {

std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void OnSignal(int sig) {
  if (g_stop.load()) {  // the second signal: stop now
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal = sig;
  g_stop.store(true);
}

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

// A one-line status on a terminal's stderr, redrawn at most every 100 ms.
// It parks the cursor at the start of the line, so a log line written over
// it starts in column 0, and clears itself before each page is processed.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Update(const RunProgress& p) {
    if (!enabled_) return;
    if (!p.page_done) {
      Clear();
      return;
    }
    if (shown_ && p.seconds - last_ < 0.1) return;
    last_ = p.seconds;
    static const char* kSpin = "|/-\\";
    char line[256];
    std::snprintf(line, sizeof line, "\r\033[K%c %d pages, %d new and %d changed articles, %d new deals, %d errors  %s  %.0f s\r",
                  kSpin[spin_++ % 4], p.pages, p.articles_new, p.articles_changed, p.deals_new, p.errors,
                  p.source.substr(0, 30).c_str(), p.seconds);
    std::fputs(line, stderr);
    std::fflush(stderr);
    shown_ = true;
  }

  void Clear() {
    if (!enabled_ || !shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  double last_ = 0;
  unsigned spin_ = 0;
};

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

// "dealwatch: <message>" on stderr, or one JSON event with --log-format json.
int Failed(const GlobalOptions& global, const Status& status, int code) {
  if (global.log_format == "json") {
    Log(LogLevel::kError, "run", status.message());
  } else {
    std::fprintf(stderr, "dealwatch: %s\n", status.message().c_str());
  }
  return code;
}

int RunRun(const GlobalOptions& global, const RunOptions& opts) {
  ApplyGlobalOptions(global);
  Result<RunConfig> cfg = BuildConfig(global, opts);
  if (!cfg.ok()) return Failed(global, cfg.status(), kExitFailure);
  InstallSignalHandlers();
  // Only for a person watching: a terminal, and no per-page log lines or
  // JSON events that the line would get in the way of.
  ProgressLine progress(::isatty(STDERR_FILENO) == 1 && global.log_format == "text" &&
                        GetLogLevel() >= LogLevel::kWarn);
  Result<NightlyResult> result =
      RunNightly(*cfg, &g_stop, [&progress](const RunProgress& p) { progress.Update(p); });
  progress.Clear();
  if (!result.ok()) {
    if (LockHeldByAnotherRun(result.status())) return Failed(global, result.status(), kExitLocked);
    return Failed(global, result.status(), kExitFailure);
  }
  std::fputs(SummaryText(*result, *cfg).c_str(), stdout);
  std::fflush(stdout);
  if (g_signal != 0) {
    // Stopped by a signal: the run is stored as interrupted; end the way
    // the signal asked, so the shell and systemd see it.
    int sig = g_signal;
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
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
      "3 done but a source failed completely, 4 another run holds the database lock.\n"
      "Ctrl-C or SIGTERM stop the run cleanly (recorded as interrupted; the next run resumes).");
  cmd->add_option("--config", opts->config,
                  "TOML config (default: an embedded config that crawls the bundled corpus over file://)");
  cmd->add_option("--db", opts->db, "Deal database (default: the config's db, else ~/.local/share/dealwatch/deals.db)");
  cmd->add_option("--report", opts->report, "Report to write: .html, .md or .json (default: the config's report, "
                                            "else report.html beside the database)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunRun(global, *opts); });
}

}  // namespace dealwatch
