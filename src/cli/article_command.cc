// dealwatch article: pages and text files to clean articles (issue 5).
//   dealwatch article [--format jsonl|text|bench-json] [--charset NAME] [--url URL] PATH...
// jsonl prints one object per input; bench-json prints one object mapping
// each input's id (file name without extensions) to {"articleBody": text},
// the shape the article-extraction benchmark scores.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "common/files.h"
#include "common/strings.h"
#include "normalize/charset.h"
#include "parse/article_extractor.h"

namespace dealwatch {
namespace {

struct ArticleOptions {
  std::string format = "jsonl";
  std::string charset;
  std::string url;
  std::vector<std::string> paths;
};

bool IsPlainTextPath(const std::string& path) {
  return EndsWithI(path, ".txt") || EndsWithI(path, ".txt.gz");
}

// "dir/abc.html.gz" -> "abc".
std::string BenchId(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (std::string_view ext : {".gz", ".html", ".htm", ".txt"}) {
    if (EndsWithI(name, ext)) name.resize(name.size() - ext.size());
  }
  return name;
}

Result<Article> ReadArticle(const std::string& path, const ArticleOptions& opt) {
  Result<std::string> bytes = ReadInputFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<DecodedText> text = DecodeToUtf8(*bytes, "", opt.charset);
  if (!text.ok()) return text.status().WithContext(path);
  Article a = IsPlainTextPath(path) ? ExtractPlainText(text->utf8, path)
                                    : ExtractArticle(text->utf8, opt.url);
  a.source = path == "-" ? "stdin" : path;
  return a;
}

nlohmann::json ToJson(const Article& a) {
  nlohmann::json j = {
      {"source", a.source}, {"title", a.title},   {"published", a.published},
      {"lang", a.lang},     {"author", a.author}, {"canonical_url", a.canonical_url},
      {"text", a.text}};
  if (!a.updated.empty()) j["updated"] = a.updated;
  if (!a.site_name.empty()) j["site_name"] = a.site_name;
  if (!a.empty_reason.empty()) j["empty_reason"] = a.empty_reason;
  return j;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintText(const Article& a) {
  std::printf("== %s\n", a.source.c_str());
  if (!a.title.empty()) std::printf("# %s\n", a.title.c_str());
  if (!a.published.empty()) std::printf("published: %s\n", a.published.c_str());
  std::printf("\n%s\n\n", a.text.c_str());
}

int RunArticle(const ArticleOptions& opt) {
  bool failed = false;
  nlohmann::json bench = nlohmann::json::object();
  for (const std::string& path : opt.paths) {
    Result<Article> a = ReadArticle(path, opt);
    if (!a.ok()) {
      Fail(a.status());
      failed = true;
      continue;
    }
    if (opt.format == "jsonl") {
      std::printf("%s\n", Dump(ToJson(*a)).c_str());
    } else if (opt.format == "text") {
      PrintText(*a);
    } else {
      bench[BenchId(path)] = {{"articleBody", a->text}};
    }
  }
  if (opt.format == "bench-json") std::printf("%s\n", Dump(bench).c_str());
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

void RegisterArticleCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opt = std::make_shared<ArticleOptions>();
  CLI::App* cmd = app.add_subcommand(
      "article", "Print the clean article (main text, title, date, language) of pages and files");
  cmd->add_option("--format", opt->format,
                  "jsonl (default): one object per input; text; bench-json: {id: {articleBody}}")
      ->check(CLI::IsMember({"jsonl", "text", "bench-json"}));
  cmd->add_option("--charset", opt->charset, "Decode every input with this charset");
  cmd->add_option("--url", opt->url,
                  "The page's URL (dates in the path, relative canonical links)");
  cmd->add_option("paths", opt->paths, ".html, .htm, .txt, .gz files, or - for standard input")
      ->required();
  cmd->callback([opt, &global, exit_code] {
    ApplyGlobalOptions(global);
    *exit_code = RunArticle(*opt);
  });
}

}  // namespace dealwatch
