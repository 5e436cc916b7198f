#include "common/paths.h"

#include <cstdlib>
#include <vector>

namespace dealwatch {

std::filesystem::path ExecutableDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

Result<std::filesystem::path> FindDataDir(const std::string& name, const std::string& explicit_path) {
  std::error_code ec;
  if (!explicit_path.empty()) {
    std::filesystem::path p = std::filesystem::absolute(explicit_path, ec);
    if (std::filesystem::is_directory(p, ec)) return p;
    return NotFound(explicit_path + ": no such " + name + " folder");
  }
  std::vector<std::filesystem::path> tried;
  if (const char* env = std::getenv("DEALWATCH_DATA_DIR"); env && *env) tried.push_back(std::filesystem::path(env) / name);
  std::filesystem::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) tried.push_back(exe_dir / ".." / "share" / "dealwatch" / name);
  tried.push_back(std::filesystem::path(DEALWATCH_DATA_DIR) / name);
  tried.push_back(std::filesystem::path(DEALWATCH_SOURCE_DIR) / name);
  std::string list;
  for (const auto& p : tried) {
    if (std::filesystem::is_directory(p, ec)) return std::filesystem::weakly_canonical(p, ec);
    list += (list.empty() ? "" : ", ") + p.string();
  }
  return NotFound("cannot find the " + name + " folder (tried " + list + "); pass its path explicitly");
}

}  // namespace dealwatch
