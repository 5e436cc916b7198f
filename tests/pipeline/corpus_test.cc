// Every corpus article end to end (offline), compared with corpus/gold.jsonl.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "eval/evaluation.h"
#include "pipeline/document.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

TEST_CASE("The bundled corpus scores at or above the figures pinned in corpus/floors.json", "[pipeline][corpus]") {
  auto scores = EvaluateGoldSet(testing::CorpusDir() / "gold.jsonl", testing::RealExtractor());
  REQUIRE(scores.ok());
  INFO(FormatScores(*scores, true));
  auto floors_text = ReadFile(testing::CorpusDir() / "floors.json");
  REQUIRE(floors_text.ok());
  nlohmann::json floors = nlohmann::json::parse(*floors_text);
  std::map<std::string, double> figures = Figures(*scores);
  for (const auto& [name, value] : floors.items()) {
    if (name[0] == '_') continue;
    INFO(name);
    REQUIRE(figures.count(name));
    if (name == "false_deals_on_negatives") {
      CHECK(figures[name] <= value.get<double>());
    } else {
      CHECK(figures[name] + 1e-9 >= value.get<double>());
    }
  }
}

TEST_CASE("Both deals of our Vantage and Meta story are read right in Chinese and in English", "[pipeline][corpus]") {
  auto gold = LoadGold(testing::CorpusDir() / "gold.jsonl");
  REQUIRE(gold.ok());
  for (const GoldArticle& g : *gold) {
    if (g.id != "0001" && g.id != "0002") continue;
    auto bytes = ReadInputFile((testing::CorpusDir() / g.file).string());
    REQUIRE(bytes.ok());
    auto article = LoadDocument(*bytes, {g.file, "", ""});
    REQUIRE(article.ok());
    std::vector<EvalDeal> predicted;
    for (const Deal& d : testing::RealExtractor().Extract(article->text, {}, nullptr)) predicted.push_back(ToEvalDeal(d));
    EvalScores s = ScoreDeals({g}, {predicted});
    INFO(g.file << "\n" << FormatScores(s, true));
    CHECK(s.deals.matched == 2);
    CHECK(s.deals.predicted == 2);
    CHECK(s.amount_exact.hits == 2);
    CHECK(s.lenders.f1() >= 0.99);
    CHECK(s.roles.value() >= 0.99);
  }
}

}  // namespace
}  // namespace dealwatch
