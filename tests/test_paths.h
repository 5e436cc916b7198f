// Paths the tests use: the source tree's rules/ and corpus/, and the built
// binary. Header-only.
#ifndef DEALWATCH_TESTS_TEST_PATHS_H_
#define DEALWATCH_TESTS_TEST_PATHS_H_

#include <filesystem>
#include <memory>
#include <string>

#include "extract/extractor.h"

namespace dealwatch::testing {

inline std::filesystem::path SourceDir() { return DEALWATCH_SOURCE_DIR; }
inline std::filesystem::path RulesDir() { return SourceDir() / "rules"; }
inline std::filesystem::path CorpusDir() { return SourceDir() / "corpus"; }
inline std::string Binary() { return DEALWATCH_BINARY; }

// The extractor over the real rules/, loaded once per test process.
inline const Extractor& RealExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto r = Extractor::Load(RulesDir());
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(*r);
  }();
  return *ex;
}

// A fresh temporary folder, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dealwatch-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_TEST_PATHS_H_
