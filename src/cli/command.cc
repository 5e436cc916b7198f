#include "cli/command.h"

#include <cstdio>

#include "common/log.h"

namespace dealwatch {

void ApplyGlobalOptions(const GlobalOptions& global) {
  const std::string& l = global.log_level;
  SetLogLevel(l == "debug" ? LogLevel::kDebug
              : l == "info" ? LogLevel::kInfo
              : l == "error" ? LogLevel::kError
              : l == "quiet" ? LogLevel::kQuiet
                             : LogLevel::kWarn);
  SetLogFormat(global.log_format == "json" ? LogFormat::kJson : LogFormat::kText);
}

int Fail(const Status& status) {
  std::fprintf(stderr, "dealwatch: %s\n", status.message().c_str());
  return kExitFailure;
}

}  // namespace dealwatch
