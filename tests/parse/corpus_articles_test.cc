// Runs the article stage over every page of the bundled corpus (corpus/,
// written by us) and checks it against corpus/gold.jsonl: each article has
// text, the language and the publication date of its gold record.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "common/files.h"
#include "normalize/charset.h"
#include "parse/article_extractor.h"

namespace dealwatch {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(DEALWATCH_SOURCE_DIR) / "corpus";

Article ReadCorpusArticle(const std::string& file, const std::string& url) {
  std::string path = (kCorpus / file).string();
  Result<std::string> bytes = ReadInputFile(path);
  REQUIRE(bytes.ok());
  Result<DecodedText> text = DecodeToUtf8(*bytes, "", "");
  REQUIRE(text.ok());
  if (path.size() > 4 && path.substr(path.size() - 4) == ".txt")
    return ExtractPlainText(text->utf8, path);
  return ExtractArticle(text->utf8, url);
}

TEST_CASE("Every corpus page gives text, its language and its date", "[parse]") {
  std::ifstream gold(kCorpus / "gold.jsonl");
  REQUIRE(gold.good());
  std::string line;
  int pages = 0;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    nlohmann::json g = nlohmann::json::parse(line);
    std::string file = g.value("file", "");
    INFO(file);
    Article a = ReadCorpusArticle(file, g.value("url", ""));
    CHECK_FALSE(a.text.empty());
    CHECK(a.lang == g.value("lang", ""));
    CHECK(a.published.substr(0, 10) == g.value("published", "").substr(0, 10));
    ++pages;
  }
  CHECK(pages > 0);
}

}  // namespace
}  // namespace dealwatch
