#include "common/utf8.h"
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

TEST_CASE("ASCII inside Chinese text is copied with it and maps back exactly", "[normalize]") {
  // Digits and Latin names inside a Chinese run (220億, Meta公司) are read
  // in the same pass as the Chinese around them; a combining mark after a
  // Latin letter still composes, and spaces next to Chinese still go.
  struct Row {
    std::string in, want;
  };
  const Row rows[] = {
      {"美國Meta公司籌資290億美元，用於路易斯安那州", "美国Meta公司筹资290亿美元,用于路易斯安那州"},
      {"貸款利率為TAIFX+1.5%，期限5年。", "贷款利率为TAIFX+1.5%,期限5年。"},
      {"中文e\xCC\x81中文", "中文\xC3\xA9中文"},
      {"銀行 Bank 中", "银行Bank中"},
      {"「A-1」級，NT$5億", "「A-1」级,NT$5亿"},
      {"為1,693.34億元\n\n下一段", "为1,693.34亿元\n下一段"},
  };
  for (const Row& row : rows) {
    INFO(row.in);
    NormalizedText nt = TextNormalizer::Get().Normalize(row.in);
    CHECK(nt.text == row.want);
    // Each normalised character maps back to original characters that
    // fold to it, in order and without gaps.
    size_t prev_end = 0;
    for (size_t i = 0; i < nt.text.size();) {
      size_t len;
      DecodeUtf8(nt.text, i, &len);
      Span s = nt.map.ToOriginal({i, i + len});
      REQUIRE(s.end <= row.in.size());
      CHECK(s.begin >= prev_end);
      std::string piece = row.in.substr(s.begin, s.size());
      if (nt.text[i] != '\n' && nt.text[i] != ' ')  // whitespace comes from whitespace that folds away alone
        CHECK(TextNormalizer::Get().Fold(piece).find(nt.text.substr(i, len)) != std::string::npos);
      prev_end = s.begin;
      i += len;
    }
  }
}

TEST_CASE("Runs of English text collapse blanks wherever they fall", "[normalize]") {
  // English is copied 16 bytes at a time; a double space, a tab, a line
  // break or a non-ASCII character at any offset of a block must still end
  // the copy where the byte-by-byte rule would.
  for (size_t at = 1; at < 40; ++at) {
    INFO(at);
    const std::string head(at, 'a');
    CHECK(Norm(head + "  bbbbbbbbbbbbbbbbbbbb ccc") == head + " bbbbbbbbbbbbbbbbbbbb ccc");
    CHECK(Norm(head + " \tbbbbbbbbbbbbbbbbbbbb") == head + " bbbbbbbbbbbbbbbbbbbb");
    CHECK(Norm(head + " \n\nbbbbbbbbbbbbbbbbbbbb") == head + "\nbbbbbbbbbbbbbbbbbbbb");
    CHECK(Norm(head + " 中文bbbbbbbbbbbbbbbbbbbb") == head + "中文bbbbbbbbbbbbbbbbbbbb");
    CHECK(Norm(head + "\xE2\x80\x9Cquoted\xE2\x80\x9D and more text here") == head + "\"quoted\" and more text here");
    CHECK(Norm(head + " x y z w v u t s r q p o n m l k j ") == head + " x y z w v u t s r q p o n m l k j");
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
