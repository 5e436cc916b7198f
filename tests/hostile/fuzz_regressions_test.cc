// Replays every input the fuzzers saved under fuzz/regressions/<target>/
// (crashes, timeouts, out-of-memory inputs) through the same entry point
// the fuzzer ran (fuzz/fuzz_targets.h), so a fixed bug stays fixed in the
// normal test build. A regression that comes back aborts or fails here.
// DEALWATCH_FUZZ_DIR is the source tree's fuzz/ (tests/hostile/tests.cmake).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "common/files.h"
#include "fuzz_targets.h"

namespace dealwatch {
namespace {

struct Target {
  const char* name;
  void (*run)(std::string_view);
};

constexpr Target kTargets[] = {
    {"charset", fuzz::FuzzCharset},     {"article", fuzz::FuzzArticle},
    {"normalize", fuzz::FuzzNormalize}, {"rule_file", fuzz::FuzzRuleFile},
    {"extractor", fuzz::FuzzExtractor}, {"feed", fuzz::FuzzFeed},
    {"robots", fuzz::FuzzRobots},
};

// Files under fuzz/<folder>/<target>/, in name order.
std::vector<std::filesystem::path> Inputs(const std::string& folder, const std::string& target) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(DEALWATCH_FUZZ_DIR) / folder / target;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("Every saved fuzz input runs through its target without a crash, quickly", "[hostile][fuzz]") {
  for (const Target& t : kTargets) {
    // The empty input and a lone option byte are the edges every target must take.
    t.run("");
    t.run(std::string_view("\xff", 1));
    for (const auto& path : Inputs("regressions", t.name)) {
      INFO(t.name << ": " << path.filename().string());
      Result<std::string> data = ReadFile(path);
      REQUIRE(data.ok());
      auto start = std::chrono::steady_clock::now();
      t.run(*data);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      CHECK(s < 10);  // libFuzzer's -timeout in scripts/fuzz.sh
    }
  }
}

// fuzz/open/ holds inputs of bugs reported but not fixed yet (see
// docs/robustness.md); they move to fuzz/regressions/ with the fix. Hidden:
// run with `dealwatch_tests "[open]"`.
TEST_CASE("Inputs of open fuzz findings run quickly", "[.][open]") {
  for (const Target& t : kTargets) {
    for (const auto& path : Inputs("open", t.name)) {
      INFO(t.name << ": " << path.filename().string());
      Result<std::string> data = ReadFile(path);
      REQUIRE(data.ok());
      auto start = std::chrono::steady_clock::now();
      t.run(*data);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      CHECK(s < 10);
    }
  }
}

}  // namespace
}  // namespace dealwatch
