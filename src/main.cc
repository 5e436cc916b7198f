// dealwatch: credit deals from the news. This file only wires the commands;
// each lives in src/cli/<name>_command.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace dealwatch;
  CLI::App app{"dealwatch: tracks credit deals (syndicated loans, credit facilities, private credit)\n"
               "reported in English and Chinese news and filings.",
               "dealwatch"};
  app.set_version_flag("--version", std::string("dealwatch ") + DEALWATCH_VERSION);
  app.require_subcommand(1, 1);
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--rules", global.rules_dir, "Rules folder (default: from the config, else the installed rules)");
  app.add_option("--log-level", global.log_level, "debug, info, warn (default), error or quiet")
      ->check(CLI::IsMember({"debug", "info", "warn", "error", "quiet"}));
  app.add_option("--log-format", global.log_format, "text (default) or json: one event per line on stderr")
      ->check(CLI::IsMember({"text", "json"}));

  int exit_code = kExitOk;
  // Commands, in the order --help lists them.
  RegisterArticleCommand(app, global, &exit_code);
  RegisterExtractCommand(app, global, &exit_code);
  RegisterRunCommand(app, global, &exit_code);
  RegisterQueryCommand(app, global, &exit_code);
  RegisterExportCommand(app, global, &exit_code);
  RegisterReviewCommand(app, global, &exit_code);
  RegisterReportCommand(app, global, &exit_code);
  RegisterExplainCommand(app, global, &exit_code);
  RegisterEvalCommand(app, global, &exit_code);
  RegisterRulesCommand(app, global, &exit_code);
  RegisterAmountsCommand(app, global, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dealwatch: %s\n", e.what());
    return kExitFailure;
  }
  return exit_code;
}
