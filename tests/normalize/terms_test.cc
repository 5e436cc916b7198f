#include "normalize/terms.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {
namespace {

std::string Norm(const std::string& s) { return TextNormalizer::Get().Normalize(s).text; }

TEST_CASE("FindTenors reads loan terms in Chinese and English", "[normalize]") {
  struct Row {
    const char* in;
    double years;
    const char* span;  // normalised text of the tenor
  };
  const Row rows[] = {
      {"簽訂新台幣200億元六年期聯合授信", 6, "六年期"},
      {"3年期定期貸款", 3, "3年期"},
      {"貸款期限為5 年", 5, "5年"},
      {"期限十年", 10, "十年"},
      {"为期2年的过桥贷款", 2, "2年"},
      {"36個月期循環額度", 3, "36个月期"},
      {"借款期限84个月", 7, "84个月"},
      {"a 6-year term loan", 6, "6-year"},
      {"a five-year revolving facility", 5, "five-year"},
      {"the 7-yr tranche", 7, "7-yr"},
      {"a 42-month delayed-draw facility", 3.5, "42-month"},
      {"for a term of three years", 3, "three years"},
      {"with a tenor of 30 months", 2.5, "30 months"},
      {"2.5年期", 2.5, "2.5年期"},
      {"借款期限自首次提款日起，共計 10 年（即120個月）", 10, "10年"},
      {"贷款期限：自2016年3月1日起，至2031年2月28日止", 15, "2016年3月1日起,至2031年2月28日"},
      {"借款期間自2020年7月1日至2022年6月30日", 2, "2020年7月1日至2022年6月30日"},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::string text = Norm(r.in);
    std::vector<TenorMention> found = FindTenors(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].years == Approx(r.years));
    CHECK(text.substr(found[0].span.begin, found[0].span.size()) == r.span);
  }
}

TEST_CASE("Years, ages and dates are not tenors", "[normalize]") {
  const char* rows[] = {
      "2026年完成簽約", "the loan matures in 2031", "公司成立12年", "a 15-year-old lender",
      "三年期間內",     "二〇二六年期間",          "15 years ago",  "營運20年以來",
      "本公司自2016年3月1日起至2031年2月28日止擔任董事", "共計12家銀行參貸",
      // A benchmark's own term: 一個月期 of HIBOR is no loan's tenor.
      "一個月期HIBOR維持在3.4%左右", "三個月期 HIBOR", "priced at three-month SOFR plus 150 basis points",
      "the 1-month Term SOFR rate", "以3個月期倫敦金融業美元拆借利率(Libor)加115點計息",
  };
  for (const char* in : rows) {
    INFO(in);
    CHECK(FindTenors(Norm(in)).empty());
  }
}

TEST_CASE("FindPricing reads benchmarks, margins and flat rates", "[normalize]") {
  struct Row {
    const char* in;
    const char* benchmark;
    double margin_bps;  // -1: none written
    double rate_pct;    // -1: none written
  };
  const Row rows[] = {
      {"priced at SOFR + 210 bps", "SOFR", 210, -1},
      {"Term SOFR plus 2.25%", "SOFR", 225, -1},
      {"SOFR plus a margin of 1.6 percent", "SOFR", 160, -1},
      {"a margin of 140 basis points over SOFR", "SOFR", 140, -1},
      {"Euribor + 3%", "EURIBOR", 300, -1},
      {"HIBOR plus 95 basis points", "HIBOR", 95, -1},
      {"利率為TAIFX加碼0.75%", "TAIFX", 75, -1},
      {"TAIFX3加碼0.95個百分點", "TAIFX", 95, -1},
      {"LPR減15個基點", "LPR", -15, -1},
      {"LPR加0.6個百分點", "LPR", 60, -1},
      {"依二級市場商業本票利率加碼0.8%計息", "CP", 80, -1},
      {"利率以SOFR加碼計價", "SOFR", -1, -1},
      {"利率1.95%", "", -1, 1.95},
      {"年利率為2.4%", "", -1, 2.4},
      {"an interest rate of 6.25%", "", -1, 6.25},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::vector<PricingMention> found = FindPricing(Norm(r.in));
    REQUIRE(found.size() == 1);
    CHECK(found[0].benchmark == r.benchmark);
    if (r.margin_bps == -1) {
      CHECK_FALSE(found[0].margin_bps);
    } else {
      REQUIRE(found[0].margin_bps);
      CHECK(*found[0].margin_bps == Approx(r.margin_bps));
    }
    if (r.rate_pct == -1) {
      CHECK_FALSE(found[0].rate_pct);
    } else {
      REQUIRE(found[0].rate_pct);
      CHECK(*found[0].rate_pct == Approx(r.rate_pct));
    }
  }
}

TEST_CASE("Words that merely contain a benchmark name are not pricing", "[normalize]") {
  for (const char* in : {"SOFRA index", "the LPRs", "增長率1.7%", "2025年"}) {
    INFO(in);
    CHECK(FindPricing(Norm(in)).empty());
  }
}

}  // namespace
}  // namespace dealwatch
