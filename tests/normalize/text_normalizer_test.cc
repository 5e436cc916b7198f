#include "normalize/text_normalizer.h"

#include <catch2/catch.hpp>

#include <string>

namespace dealwatch {
namespace {

std::string Norm(const std::string& s) { return TextNormalizer::Get().Normalize(s).text; }

TEST_CASE("Normalize folds width, script, quotes and spaces", "[normalize]") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"２２０億美元", "220亿美元"},
      {"摩根大通（JPMorgan Chase & Co.）", "摩根大通(JPMorgan Chase & Co.)"},
      {"高達 220 億美元的聯合貸款", "高达220亿美元的联合贷款"},
      {"兆豐銀行擔任管理行", "兆丰银行担任管理行"},
      {"臺灣銀行", "台湾银行"},
      {"“led by” JPMorgan — MUFG", "\"led by\" JPMorgan - MUFG"},
      {"a\u00a0 b\t\tc", "a b c"},
      {"zero\u200bwidth", "zerowidth"},
      {"Meta 也從信貸市場", "Meta也从信贷市场"},
      {"Caf\u0065\u0301 loan", "Caf\u00e9 loan"},
      {"第一段。\n\n第二段。", "第一段。\n第二段。"},
      {"  leading and trailing  \n", "leading and trailing"},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    CHECK(Norm(r.in) == r.out);
  }
}

TEST_CASE("Normalize keeps short lines as paragraphs and joins hard-wrapped text", "[normalize]") {
  CHECK(Norm("Headline\nFirst paragraph of text.\n") == "Headline\nFirst paragraph of text.");
  std::string wrapped =
      "The Borrower entered into a credit agreement with the lenders party\n"
      "thereto and JPMorgan Chase Bank, N.A., as administrative agent, for a\n"
      "senior unsecured revolving credit facility in an aggregate amount of\n"
      "$1,2\n"
      "\n"
      "The facility matures in five years and bears interest at SOFR plus a\n"
      "margin of 1.25 percent per annum, payable quarterly in arrears, per the\n"
      "terms of the agreement.\n";
  std::string n = Norm(wrapped);
  CHECK(n.find("lenders party thereto and JPMorgan") != std::string::npos);
  CHECK(n.find("aggregate amount of\n$1,2") == std::string::npos);
  CHECK(n.find("plus a margin of") != std::string::npos);
  CHECK(n.find("of $1,2\nThe facility") != std::string::npos);
}

TEST_CASE("Chinese lines wrapped at a fixed width join without a space", "[normalize]") {
  std::string in =
      "台積電今日宣布與十三家銀行簽訂新台幣三百億元之五年期聯合授信合\n"
      "約，由臺灣銀行擔任管理銀行，兆豐銀行、第一銀行及合作金庫銀行擔\n"
      "任共同主辦銀行，資金用途為充實中期營運週轉金及償還既有借款，本\n"
      "案獲得銀行團超額認購。\n";
  std::string n = Norm(in);
  CHECK(n.find("联合授信合约,由台湾银行") != std::string::npos);
  CHECK(n.find('\n') == std::string::npos);
}

TEST_CASE("Offsets map normalised spans back to the original bytes", "[normalize]") {
  std::string orig = "摩根大通（JPMorgan）主導 ２２０ 億美元聯貸";
  NormalizedText nt = TextNormalizer::Get().Normalize(orig);
  auto find_orig = [&](const std::string& needle) {
    size_t b = nt.text.find(needle);
    REQUIRE(b != std::string::npos);
    Span s = nt.map.ToOriginal({b, b + needle.size()});
    return orig.substr(s.begin, s.size());
  };
  CHECK(find_orig("JPMorgan") == "JPMorgan");
  CHECK(find_orig("220亿美元") == "２２０ 億美元");
  CHECK(find_orig("(JPMorgan)") == "（JPMorgan）");
  CHECK(find_orig("摩根大通") == "摩根大通");
  CHECK(find_orig("联贷") == "聯貸");
  CHECK(nt.map.ToOriginal({nt.text.size(), nt.text.size()}).begin == orig.size());
}

TEST_CASE("Full-width punctuation inside Chinese text folds to ASCII and maps back exactly", "[normalize]") {
  std::string orig = "兆豐銀行統籌主辦，台銀、合庫參貸；金額１２０億元：五年期！";
  NormalizedText nt = TextNormalizer::Get().Normalize(orig);
  CHECK(nt.text == "兆丰银行统筹主办,台银、合库参贷;金额120亿元:五年期!");
  auto find_orig = [&](const std::string& needle) {
    size_t b = nt.text.find(needle);
    REQUIRE(b != std::string::npos);
    Span s = nt.map.ToOriginal({b, b + needle.size()});
    return orig.substr(s.begin, s.size());
  };
  CHECK(find_orig(",") == "，");
  CHECK(find_orig("主办,台银") == "主辦，台銀");
  CHECK(find_orig(";金额") == "；金額");
  CHECK(find_orig("120亿元") == "１２０億元");
  CHECK(find_orig("五年期!") == "五年期！");
  for (size_t i = 0; i <= nt.text.size(); ++i) {  // every offset maps inside the original, in order
    Span s = nt.map.ToOriginal({i, i});
    CHECK(s.begin <= orig.size());
  }
}

TEST_CASE("Script classes tell Traditional from Simplified characters", "[normalize]") {
  const TextNormalizer& tn = TextNormalizer::Get();
  CHECK(tn.IsTraditionalOnly(U'們'));
  CHECK(tn.IsSimplifiedOnly(U'们'));
  CHECK_FALSE(tn.IsSimplifiedOnly(U'台'));
  CHECK_FALSE(tn.IsTraditionalOnly(U'大'));
  CHECK(tn.ToSimplified(U'貸') == U'贷');
  CHECK(tn.FoldHan("(?P<x>聯貸|銀團)\\s*") == "(?P<x>联贷|银团)\\s*");
}

}  // namespace
}  // namespace dealwatch
