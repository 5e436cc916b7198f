#include "pipeline/run_config.h"

#include <toml++/toml.h>

#include <cstdlib>

#include "common/files.h"

namespace dealwatch {

namespace {

std::filesystem::path Resolve(const std::filesystem::path& base, const std::string& value) {
  std::filesystem::path p(value);
  if (!value.empty() && value[0] == '~') {
    const char* home = std::getenv("HOME");
    if (home) p = std::filesystem::path(home) / value.substr(value.size() > 1 && value[1] == '/' ? 2 : 1);
  }
  return p.is_absolute() ? p : base / p;
}

std::string Where(const std::string& origin, const toml::node& node) {
  return origin + ":" + std::to_string(node.source().begin.line);
}

}  // namespace

std::filesystem::path DefaultStateDir() {
  if (const char* d = std::getenv("DEALWATCH_HOME"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "dealwatch";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local" / "share" / "dealwatch";
  return std::filesystem::temp_directory_path() / "dealwatch";
}

std::string DefaultConfigText(const std::filesystem::path& corpus_dir) {
  std::filesystem::path feed = corpus_dir / "site" / "feed.xml";
  return "# The embedded default: crawl the bundled corpus through file://.\n"
         "[crawl]\n"
         "user_agent = \"dealwatch/" DEALWATCH_VERSION " (+https://example.invalid/dealwatch; demo@example.invalid)\"\n"
         "\n"
         "[[source]]\n"
         "name = \"bundled-corpus\"\n"
         "kind = \"rss\"\n"
         "url = \"file://" + feed.string() + "\"\n"
         "delay_ms = 0\n"
         "max_pages = 1000\n";
}

Result<RunConfig> ParseRunConfig(const std::string& text, const std::string& origin,
                                 const std::filesystem::path& base_dir) {
  RunConfig cfg;
  cfg.origin = origin;
  cfg.text = text;
  toml::table table;
  try {
    table = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(origin + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    if (k == "crawl" || k == "source") continue;
    if (k != "db" && k != "report" && k != "rules")
      return InvalidArgument(Where(origin, node) + ": unknown key '" + k + "' (expected db, report, rules, [crawl], [[source]])");
    std::optional<std::string> v = node.value<std::string>();
    if (!v || v->empty()) return InvalidArgument(Where(origin, node) + ": '" + k + "' must be a non-empty string");
    if (k == "db") cfg.db_path = Resolve(base_dir, *v);
    if (k == "report") cfg.report_path = Resolve(base_dir, *v);
    if (k == "rules") cfg.rules_dir = Resolve(base_dir, *v);
  }
  Result<CrawlConfig> crawl = ParseCrawlConfig(text, origin, base_dir);
  if (!crawl.ok()) return crawl.status();
  cfg.crawl = std::move(*crawl);
  return cfg;
}

Result<RunConfig> LoadRunConfig(const std::filesystem::path& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  return ParseRunConfig(*text, path.string(), abs.parent_path());
}

}  // namespace dealwatch
