#include "normalize/chinese_number.h"

#include <catch2/catch.hpp>

#include <string>

#include "normalize/text_normalizer.h"

namespace dealwatch {
namespace {

std::string Fold(const std::string& s) { return TextNormalizer::Get().Fold(s); }

TEST_CASE("ParseChineseNumber reads Chinese, Arabic and mixed numerals", "[normalize]") {
  struct Row {
    const char* in;  // as published; folded first, as the pipeline does
    double value;
  };
  const Row rows[] = {
      {"二百二十", 220},
      {"一千五百", 1500},
      {"十二", 12},
      {"十", 10},
      {"两", 2},
      {"兩千", 2000},
      {"〇", 0},
      {"一百零五", 105},
      {"三千零四十", 3040},
      {"二〇二四", 2024},
      {"壹佰贰拾", 120},
      {"貳佰", 200},
      {"參仟", 3000},
      {"叁拾伍", 35},
      {"肆佰陸拾柒", 467},
      {"捌萬玖仟", 89000},
      {"1,693.34億", 169334000000},
      {"2,480.5亿", 248050000000},
      {"12亿5千万", 1250000000},
      {"7億3,500萬", 735000000},
      {"23亿4,000万", 2340000000},
      {"6亿8000万", 680000000},
      {"3.5万亿", 3500000000000},
      {"1.2兆", 1200000000000},
      {"千亿", 100000000000},
      {"百億", 10000000000},
      {"十億", 1000000000},
      {"六十五億", 6500000000},
      {"一千二百億", 120000000000},
      {"５千萬", 50000000},
      {"0.8亿", 80000000},
      {"12,345", 12345},
      {"9,876,543.21", 9876543.21},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::optional<double> v = ParseChineseNumber(Fold(r.in));
    REQUIRE(v.has_value());
    CHECK(*v == Approx(r.value));
  }
}

TEST_CASE("Vague numerals have a lower bound but no exact value", "[normalize]") {
  struct Row {
    const char* in;
    double low;
  };
  const Row rows[] = {
      {"上百億", 10000000000}, {"數十億", 1000000000}, {"数百万", 1000000},
      {"670余亿", 67000000000}, {"340多亿", 34000000000}, {"百余亿", 10000000000},
      {"几十亿", 1000000000},   {"二十几亿", 2000000000},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::string s = Fold(r.in);
    std::optional<Numeral> n = ReadNumeral(s, 0);
    REQUIRE(n.has_value());
    CHECK(n->end == s.size());
    CHECK_FALSE(n->value.has_value());
    CHECK(n->more_than);
    CHECK(n->low == Approx(r.low));
  }
}

TEST_CASE("ReadNumeral stops where the numeral ends", "[normalize]") {
  struct Row {
    const char* in;
    const char* numeral;  // the part read
  };
  const Row rows[] = {
      {"兆豐銀行", ""},          // 兆 alone starts no number
      {"300兆瓦", "300"},        // 兆瓦 is a megawatt
      {"1.2兆元", "1.2兆"},
      {"45亿港元", "45亿"},
      {"12亿2025年", "12亿"},    // trailing digits need a smaller scale to count
      {"5,10亿", "5"},           // a comma is a thousands separator only before 3 digits
      {"一家银行", "一"},
      {"余额", ""},
      {"50亿余额", "50亿"},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::string s = Fold(r.in);
    std::optional<Numeral> n = ReadNumeral(s, 0);
    std::string got = n ? s.substr(0, n->end) : "";
    CHECK(got == Fold(r.numeral));
  }
}

TEST_CASE("ReadNumeral reports scale, script and the last multiplier", "[normalize]") {
  std::string s = "15亿";
  std::optional<Numeral> n = ReadNumeral(s, 0);
  REQUIRE(n);
  CHECK(n->has_big_scale);
  CHECK(n->has_arabic);
  CHECK(n->last_scale == 1e8);
  n = ReadNumeral("千亿元", 0);
  REQUIRE(n);
  CHECK(n->starts_with_multiplier);
  CHECK_FALSE(n->has_arabic);
  n = ReadNumeral("3.5万亿", 0);
  REQUIRE(n);
  CHECK(n->last_scale == 1e12);
  n = ReadNumeral("15", 0);
  REQUIRE(n);
  CHECK_FALSE(n->has_big_scale);
  CHECK(n->last_scale == 1);
}

TEST_CASE("ReadNumberWords reads English number words", "[normalize]") {
  struct Row {
    const char* in;
    double value;
    size_t end;
  };
  const Row rows[] = {
      {"seven-year", 7, 5},
      {"three hundred million", 300, 13},
      {"twenty-five banks", 25, 11},
      {"one hundred and twenty", 120, 22},
      {"Twelve", 12, 6},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    std::optional<Numeral> n = ReadNumberWords(r.in, 0);
    REQUIRE(n);
    CHECK(*n->value == r.value);
    CHECK(n->end == r.end);
  }
  CHECK_FALSE(ReadNumberWords("banks", 0));
  CHECK_FALSE(ReadNumberWords("someone", 0));
}

TEST_CASE("SnapToInteger removes floating-point noise only", "[normalize]") {
  CHECK(SnapToInteger(1693.34 * 1e8) == 169334000000.0);
  CHECK(SnapToInteger(2.5) == 2.5);
  CHECK(SnapToInteger(0.1 + 0.2) == Approx(0.3));
}

}  // namespace
}  // namespace dealwatch
