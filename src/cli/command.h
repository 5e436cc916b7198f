// The dealwatch command line: each command lives in cli/<name>_command.cc and
// registers its CLI11 subcommand here. A command's callback runs after the
// whole command line is parsed and stores the process exit code.
// Exit codes: 0 done, 1 could not run (the message says why), 2 usage error,
// 3 a run finished but some source failed completely, 4 another run holds the lock.
#ifndef DEALWATCH_CLI_COMMAND_H_
#define DEALWATCH_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>

#include "common/status.h"

namespace dealwatch {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSourceFailed = 3;
inline constexpr int kExitLocked = 4;

// Options every command accepts (before or after the command name).
struct GlobalOptions {
  std::string rules_dir;          // --rules: overrides the rules folder
  std::string log_level = "warn";  // --log-level
  std::string log_format = "text";  // --log-format
};

// Applies --log-level and --log-format. Call first in every command.
void ApplyGlobalOptions(const GlobalOptions& global);

// Prints "dealwatch: <message>" on standard error and returns kExitFailure.
int Fail(const Status& status);

void RegisterExtractCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterAmountsCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterRunCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterQueryCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterRulesCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterExplainCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterReviewCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterExportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterEvalCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterReportCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterArticleCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);

}  // namespace dealwatch

#endif  // DEALWATCH_CLI_COMMAND_H_
