#include "normalize/sentences.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "normalize/language.h"

namespace dealwatch {
namespace {

std::vector<std::string> Sentences(const std::string& raw) {
  std::string text = TextNormalizer::Get().Normalize(raw).text;
  std::vector<std::string> out;
  for (Span s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST_CASE("Sentences do not split after corporate and other abbreviations", "[normalize]") {
  auto s = Sentences(
      "Acme Co. signed a $1.5 billion loan with JPMorgan Chase Bank, N.A. as agent. "
      "The U.S. unit of Mega Corp. will draw it in Jan. 2026. It matures in 2031.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Acme Co. signed a $1.5 billion loan with JPMorgan Chase Bank, N.A. as agent.");
  CHECK(s[1] == "The U.S. unit of Mega Corp. will draw it in Jan. 2026.");
}

TEST_CASE("Chinese sentences end at 。！？ and keep closing quotes", "[normalize]") {
  auto s = Sentences("台積電表示：「本案獲超額認購。」聯貸總額為300億元！資金用途為何？\n第二段。");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "台积电表示:「本案获超额认购。」");
  CHECK(s[1] == "联贷总额为300亿元!");
  CHECK(s[3] == "第二段。");
}

TEST_CASE("A line break always ends a sentence", "[normalize]") {
  auto s = Sentences("Headline without a period\nBody starts here. More body.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Headline without a period");
}

TEST_CASE("Language comes from the script of the text", "[normalize]") {
  CHECK(DetectLanguage("摩根大通和三菱日聯金融集團正主導一筆聯合貸款") == "zh-Hant");
  CHECK(DetectLanguage("摩根大通和三菱日联金融集团正主导一笔联合贷款") == "zh-Hans");
  CHECK(DetectLanguage("JPMorgan and MUFG lead a $22 billion loan for Vantage (萬通).") == "en");
  CHECK(DetectLanguage("") == "en");
}

}  // namespace
}  // namespace dealwatch
