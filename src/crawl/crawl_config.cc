#include "crawl/crawl_config.h"

#include <re2/re2.h>

#include <limits>
#include <map>
#include <optional>

#include <toml++/toml.h>

#include "common/files.h"
#include "common/strings.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {

constexpr std::string_view kKinds[] = {"rss", "atom", "sitemap", "listing", "urls", "edgar"};

// Reads one table with "origin:line: context: " in front of every message.
class TableReader {
 public:
  TableReader(const std::string& origin, std::string context)
      : origin_(origin), context_(std::move(context)) {}

  Status Error(const toml::node& at, const std::string& cause) const {
    return InvalidArgument(origin_ + ":" + std::to_string(at.source().begin.line) + ": " +
                           context_ + ": " + cause);
  }
  Status Error(const toml::key& at, const std::string& cause) const {
    return InvalidArgument(origin_ + ":" + std::to_string(at.source().begin.line) + ": " +
                           context_ + ": " + cause);
  }

  template <typename Int>
  Status GetInt(const toml::node& n, const toml::key& key, int64_t min, Int* out) const {
    std::optional<int64_t> v = n.value_exact<int64_t>();
    std::string name(key.str());
    if (!v) return Error(key, name + " must be an integer");
    if (*v < min) return Error(key, name + " must be >= " + std::to_string(min));
    if (*v > std::numeric_limits<Int>::max()) return Error(key, name + " is too large");
    *out = static_cast<Int>(*v);
    return Status::Ok();
  }

  Status GetString(const toml::node& n, const toml::key& key, std::string* out) const {
    std::optional<std::string> v = n.value_exact<std::string>();
    if (!v) return Error(key, std::string(key.str()) + " must be a string");
    *out = std::move(*v);
    return Status::Ok();
  }

  Status GetBool(const toml::node& n, const toml::key& key, bool* out) const {
    std::optional<bool> v = n.value_exact<bool>();
    if (!v) return Error(key, std::string(key.str()) + " must be true or false");
    *out = *v;
    return Status::Ok();
  }

  Status GetStrings(const toml::node& n, const toml::key& key, std::vector<std::string>* out) const {
    const toml::array* arr = n.as_array();
    if (!arr) return Error(key, std::string(key.str()) + " must be an array of strings");
    out->clear();
    for (const toml::node& item : *arr) {
      std::optional<std::string> v = item.value_exact<std::string>();
      if (!v) return Error(key, std::string(key.str()) + " must be an array of strings");
      out->push_back(std::move(*v));
    }
    return Status::Ok();
  }

  void set_context(std::string context) { context_ = std::move(context); }

 private:
  const std::string& origin_;
  std::string context_;
};

Status ReadCrawlKey(const TableReader& r, const toml::key& key, const toml::node& n, CrawlConfig* c) {
  std::string_view k = key.str();
  if (k == "user_agent") return r.GetString(n, key, &c->user_agent);
  if (k == "timeout_s") return r.GetInt(n, key, 1, &c->timeout_s);
  if (k == "max_bytes") return r.GetInt(n, key, 1, &c->max_bytes);
  if (k == "concurrency") return r.GetInt(n, key, 1, &c->concurrency);
  if (k == "connect_timeout_s") return r.GetInt(n, key, 1, &c->connect_timeout_s);
  if (k == "low_speed_s") return r.GetInt(n, key, 1, &c->low_speed_s);
  if (k == "max_retries") return r.GetInt(n, key, 0, &c->max_retries);
  if (k == "retry_base_ms") return r.GetInt(n, key, 0, &c->retry_base_ms);
  if (k == "retry_after_max_s") return r.GetInt(n, key, 0, &c->retry_after_max_s);
  return r.Error(key, "unknown key '" + std::string(k) + "'");
}

Status ReadCrawlTable(const std::string& origin, const toml::table& t, CrawlConfig* c) {
  TableReader r(origin, "crawl");
  for (const auto& [key, node] : t) DW_RETURN_IF_ERROR(ReadCrawlKey(r, key, node, c));
  bool contact = c->user_agent.find('@') != std::string::npos ||
                 c->user_agent.find("http") != std::string::npos;
  if (!contact) {
    return r.Error(*t.get("user_agent"),
                   "user_agent must carry a contact (an e-mail address or a URL)");
  }
  return Status::Ok();
}

Status ReadSourceKey(const TableReader& r, const toml::key& key, const toml::node& n, SourceConfig* s) {
  std::string_view k = key.str();
  if (k == "name") return Status::Ok();  // read first, for messages
  if (k == "kind") return r.GetString(n, key, &s->kind);
  if (k == "url") return r.GetString(n, key, &s->url);
  if (k == "urls") return r.GetStrings(n, key, &s->urls);
  if (k == "link_pattern") return r.GetString(n, key, &s->link_pattern);
  if (k == "forms") return r.GetStrings(n, key, &s->forms);
  if (k == "context") return r.GetString(n, key, &s->context);
  if (k == "lang") return r.GetString(n, key, &s->lang);
  if (k == "charset") return r.GetString(n, key, &s->charset);
  if (k == "max_pages") return r.GetInt(n, key, 0, &s->max_pages);
  if (k == "delay_ms") return r.GetInt(n, key, 0, &s->delay_ms);
  if (k == "allow_private") return r.GetBool(n, key, &s->allow_private);
  if (k == "robots") return r.GetBool(n, key, &s->obey_robots);
  return r.Error(key, "unknown key '" + std::string(k) + "'");
}

// An http(s) or file URL as written, or a local path (relative to base_dir).
Result<std::string> SourceUrl(const std::string& written, const std::filesystem::path& base_dir) {
  if (written.find("://") != std::string::npos) return CanonicalUrl(written);
  std::filesystem::path p(written);
  if (p.is_relative()) p = base_dir / p;
  return CanonicalUrl(FileUrlFromPath(p.lexically_normal()));
}

Status CheckKind(const TableReader& r, const toml::table& t, const SourceConfig& s) {
  for (std::string_view kind : kKinds) {
    if (s.kind == kind) return Status::Ok();
  }
  return r.Error(*t.get("kind"), "unknown kind '" + s.kind +
                                     "' (expected rss, atom, sitemap, listing, urls or edgar)");
}

Status CheckUrls(const TableReader& r, const toml::table& t, const std::filesystem::path& base_dir,
                 SourceConfig* s) {
  if (s->kind == "urls" ? s->urls.empty() : s->url.empty()) {
    return r.Error(t, s->kind == "urls" ? "missing urls" : "missing url");
  }
  if (!s->url.empty()) {
    Result<std::string> url = SourceUrl(s->url, base_dir);
    if (!url.ok()) return r.Error(*t.get("url"), "bad url: " + url.status().message());
    s->url = *url;
  }
  for (std::string& u : s->urls) {
    Result<std::string> url = SourceUrl(u, base_dir);
    if (!url.ok()) return r.Error(*t.get("urls"), "bad url: " + url.status().message());
    u = *url;
  }
  return Status::Ok();
}

Status CheckSource(const TableReader& r, const toml::table& t, const std::filesystem::path& base_dir,
                   SourceConfig* s) {
  if (s->kind.empty()) return r.Error(t, "missing kind");
  DW_RETURN_IF_ERROR(CheckKind(r, t, *s));
  DW_RETURN_IF_ERROR(CheckUrls(r, t, base_dir, s));
  if (s->kind == "listing" && s->link_pattern.empty()) return r.Error(t, "missing link_pattern");
  if (!s->link_pattern.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(s->link_pattern, options);
    if (!re.ok()) return r.Error(*t.get("link_pattern"), "bad link_pattern: " + re.error());
  }
  if (s->kind == "edgar" && s->forms.empty()) s->forms = {"8-K"};
  return Status::Ok();
}

Result<SourceConfig> ReadSource(const std::string& origin, const toml::table& t, size_t index,
                                const std::filesystem::path& base_dir) {
  TableReader r(origin, "source #" + std::to_string(index + 1));
  SourceConfig s;
  s.line = static_cast<int>(t.source().begin.line);
  if (const toml::node* name = t.get("name")) {
    std::optional<std::string> v = name->value_exact<std::string>();
    if (!v || v->empty()) return r.Error(*name, "name must be a non-empty string");
    s.name = *v;
    r.set_context("source '" + s.name + "'");
  }
  for (const auto& [key, node] : t) DW_RETURN_IF_ERROR(ReadSourceKey(r, key, node, &s));
  if (s.name.empty()) return r.Error(t, "missing name");
  DW_RETURN_IF_ERROR(CheckSource(r, t, base_dir, &s));
  return s;
}

Status ReadSources(const std::string& origin, const toml::node& node,
                   const std::filesystem::path& base_dir, CrawlConfig* c) {
  const toml::array* arr = node.as_array();
  TableReader r(origin, "source");
  if (!arr) return r.Error(node, "must be an array of tables ([[source]])");
  std::map<std::string, int> lines;  // name -> line of its first definition
  for (size_t i = 0; i < arr->size(); ++i) {
    const toml::table* t = arr->get(i)->as_table();
    if (!t) return r.Error(*arr->get(i), "must be an array of tables ([[source]])");
    Result<SourceConfig> s = ReadSource(origin, *t, i, base_dir);
    if (!s.ok()) return s.status();
    auto [it, fresh] = lines.emplace(s->name, s->line);
    if (!fresh) {
      TableReader dup(origin, "source '" + s->name + "'");
      return dup.Error(*t, "duplicate name (first at line " + std::to_string(it->second) + ")");
    }
    c->sources.push_back(std::move(s).value());
  }
  return Status::Ok();
}

Result<toml::table> ParseToml(std::string_view text, const std::string& origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(origin + ":" + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
}

}  // namespace

Result<CrawlConfig> ParseCrawlConfig(std::string_view toml_text, const std::string& origin,
                                     const std::filesystem::path& base_dir) {
  Result<toml::table> doc = ParseToml(toml_text, origin);
  if (!doc.ok()) return doc.status();
  std::filesystem::path dir = base_dir;
  if (dir.empty()) dir = std::filesystem::absolute(std::filesystem::path(origin)).parent_path();
  CrawlConfig config;
  if (const toml::node* crawl = doc->get("crawl")) {
    const toml::table* t = crawl->as_table();
    if (!t) return TableReader(origin, "crawl").Error(*crawl, "must be a table ([crawl])");
    DW_RETURN_IF_ERROR(ReadCrawlTable(origin, *t, &config));
  }
  if (const toml::node* sources = doc->get("source")) {
    DW_RETURN_IF_ERROR(ReadSources(origin, *sources, dir, &config));
  }
  return config;
}

Result<CrawlConfig> LoadCrawlConfig(const std::filesystem::path& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
  return ParseCrawlConfig(*text, path.string(), dir);
}

}  // namespace dealwatch
