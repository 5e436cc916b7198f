// Where dealwatch finds its data (rules/ and the bundled corpus/) without
// ever looking at the current directory, so cron jobs started in $HOME work:
//   1. an explicit path (--rules flag or the config's `rules` key),
//   2. $DEALWATCH_DATA_DIR/<name>,
//   3. <dir of the binary>/../share/dealwatch/<name> (installed),
//   4. the source tree the binary was built from (a build-tree binary).
#ifndef DEALWATCH_COMMON_PATHS_H_
#define DEALWATCH_COMMON_PATHS_H_

#include <filesystem>
#include <string>

#include "common/status.h"

namespace dealwatch {

// The folder of the running executable.
std::filesystem::path ExecutableDir();

// `name` is "rules" or "corpus". Errors list every place tried.
Result<std::filesystem::path> FindDataDir(const std::string& name, const std::string& explicit_path);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_PATHS_H_
