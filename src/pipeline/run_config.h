// RunConfig: everything `dealwatch run` needs, from a TOML config file or
// the embedded default (which crawls the bundled corpus over file://).
// Top-level keys (see README.md "Configuration"):
//   db = "deals.db"        database path (relative to the config's folder)
//   report = "report.html" HTML report path (same)
//   rules = "rules"        rules folder (default: the installed rules)
//   [crawl], [[source]]    see docs/crawl.md
#ifndef DEALWATCH_PIPELINE_RUN_CONFIG_H_
#define DEALWATCH_PIPELINE_RUN_CONFIG_H_

#include <filesystem>
#include <string>

#include "common/status.h"
#include "crawl/crawl_config.h"

namespace dealwatch {

struct RunConfig {
  std::string origin;  // the config file, or "(default config)"
  std::string text;    // the config as read (for the run log)
  std::filesystem::path db_path;
  std::filesystem::path report_path;
  std::filesystem::path rules_dir;  // empty: find the installed rules
  CrawlConfig crawl;
};

// Where dealwatch keeps its database and reports when nothing says
// otherwise: $DEALWATCH_HOME, else $XDG_DATA_HOME/dealwatch, else
// ~/.local/share/dealwatch.
std::filesystem::path DefaultStateDir();

// The embedded default config for the bundled corpus at `corpus_dir`.
std::string DefaultConfigText(const std::filesystem::path& corpus_dir);

// Parses `text`; relative paths resolve against `base_dir`. Unknown
// top-level keys are errors naming the file and line.
Result<RunConfig> ParseRunConfig(const std::string& text, const std::string& origin,
                                 const std::filesystem::path& base_dir);
Result<RunConfig> LoadRunConfig(const std::filesystem::path& path);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_RUN_CONFIG_H_
