#include "normalize/money.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {
namespace {

using Q = MoneyQualifier;
constexpr double kNoValue = -1;  // the text gives no exact amount

struct Row {
  const char* in;      // as published; normalised first, as the pipeline does
  const char* market;  // MoneyContext::market
  double value;        // of the first amount, or kNoValue
  const char* currency;
  Q qualifier;
};

std::vector<MoneyMention> Find(const std::string& in, const char* market, const char* script) {
  std::string text = TextNormalizer::Get().Normalize(in).text;
  return FindMoney(text, MoneyContext{market, script});
}

void CheckRows(const std::vector<Row>& rows, const char* script) {
  for (const Row& r : rows) {
    INFO(r.in << " [" << r.market << ", " << script << "]");
    std::vector<MoneyMention> found = Find(r.in, r.market, script);
    REQUIRE_FALSE(found.empty());
    const MoneyMention& m = found.front();
    if (r.value == kNoValue) {
      CHECK_FALSE(m.value.has_value());
    } else {
      REQUIRE(m.value.has_value());
      CHECK(*m.value == Approx(r.value));
    }
    CHECK(m.currency == r.currency);
    CHECK(MoneyQualifierName(m.qualifier) == std::string(MoneyQualifierName(r.qualifier)));
  }
}

TEST_CASE("FindMoney reads Traditional Chinese amounts", "[normalize]") {
  CheckRows({
      {"480億美元", "", 48000000000, "USD", Q::kNone},
      {"新臺幣245.5億元", "TW", 24550000000, "TWD", Q::kNone},
      {"新台幣2,318.27億元", "TW", 231827000000, "TWD", Q::kNone},
      {"75億元", "TW", 7500000000, "TWD", Q::kNone},
      {"75億元", "HK", 7500000000, "HKD", Q::kNone},
      {"2兆日圓", "JP", 2000000000000, "JPY", Q::kNone},
      {"3.6兆元", "TW", 3600000000000, "TWD", Q::kNone},
      {"三百四十億美元", "", 34000000000, "USD", Q::kNone},
      {"兩千五百萬港元", "HK", 25000000, "HKD", Q::kNone},
      {"３４０億美元", "", 34000000000, "USD", Q::kNone},
      {"約260億", "TW", 26000000000, "TWD", Q::kAbout},
      {"逾千億元", "TW", kNoValue, "TWD", Q::kMoreThan},
      {"超過500億元", "TW", kNoValue, "TWD", Q::kMoreThan},
      {"近90億元", "TW", kNoValue, "TWD", Q::kNearly},
      {"數百億元", "TW", kNoValue, "TWD", Q::kMoreThan},
      {"上百億新台幣", "TW", kNoValue, "TWD", Q::kMoreThan},
      {"美金4億元", "TW", 400000000, "USD", Q::kNone},
      {"港幣72億元", "HK", 7200000000, "HKD", Q::kNone},
      {"日圓2,500億元", "TW", 250000000000, "JPY", Q::kNone},
      {"人民幣參拾億元", "HK", 3000000000, "CNY", Q::kNone},
      {"英鎊6億", "", 600000000, "GBP", Q::kNone},
      {"9億歐元", "", 900000000, "EUR", Q::kNone},
      {"六億5000萬元", "TW", 650000000, "TWD", Q::kNone},
      {"NT$120億", "TW", 12000000000, "TWD", Q::kNone},
      {"150億新台幣", "TW", 15000000000, "TWD", Q::kNone},
      {"新台幣38億6,000萬元", "TW", 3860000000, "TWD", Q::kNone},
      {"2千萬美元", "", 20000000, "USD", Q::kNone},
      {"新台幣千億元聯貸", "TW", 100000000000, "TWD", Q::kNone},
      {"港元定期貸款60億元", "HK", 6000000000, "HKD", Q::kNone},
      {"新臺幣約450億元", "TW", 45000000000, "TWD", Q::kAbout},
      {"額度不超過新台幣200億元", "TW", 20000000000, "TWD", Q::kUpTo},
      {"至少50億元", "TW", kNoValue, "TWD", Q::kAtLeast},
      {"100億元以上", "TW", kNoValue, "TWD", Q::kAtLeast},
      {"10至15億元", "TW", kNoValue, "TWD", Q::kRange},
      {"32,500仟元", "TW", 32500000, "TWD", Q::kNone},
  }, "zh-Hant");
}

TEST_CASE("FindMoney reads Simplified Chinese amounts", "[normalize]") {
  CheckRows({
      {"人民币35亿元", "CN", 3500000000, "CNY", Q::kNone},
      {"7.3亿美元", "", 730000000, "USD", Q::kNone},
      {"4500万元", "CN", 45000000, "CNY", Q::kNone},
      {"2.8万亿元", "CN", 2800000000000, "CNY", Q::kNone},
      {"三十亿元", "CN", 3000000000, "CNY", Q::kNone},
      {"九千万元", "CN", 90000000, "CNY", Q::kNone},
      {"人民币贰佰亿元", "CN", 20000000000, "CNY", Q::kNone},
      {"6亿元港币", "HK", 600000000, "HKD", Q::kNone},
      {"80亿元人民币", "HK", 8000000000, "CNY", Q::kNone},
      // A converter fault some Chinese sites print: 人民币 as 人平易近币.
      {"金额达100亿人平易近币", "HK", 10000000000, "CNY", Q::kNone},
      {"4万亿日元", "", 4000000000000, "JPY", Q::kNone},
      {"20亿新加坡元", "", 2000000000, "SGD", Q::kNone},
      {"15亿新元", "", 1500000000, "SGD", Q::kNone},
      {"30亿美金", "CN", 3000000000, "USD", Q::kNone},
      {"6亿澳元", "", 600000000, "AUD", Q::kNone},
      {"8亿加元", "", 800000000, "CAD", Q::kNone},
      {"7000亿韩元", "", 700000000000, "KRW", Q::kNone},
      {"200亿卢比", "", 20000000000, "INR", Q::kNone},
      {"5亿瑞士法郎", "", 500000000, "CHF", Q::kNone},
      {"4亿5千万元", "CN", 450000000, "CNY", Q::kNone},
      {"¥80亿元", "CN", 8000000000, "CNY", Q::kNone},
      {"¥80亿", "", 8000000000, "CNY", Q::kNone},
      {"约合12亿美元", "", 1200000000, "USD", Q::kAbout},
      {"最高20亿元", "CN", 2000000000, "CNY", Q::kUpTo},
      {"将近40亿元", "CN", kNoValue, "CNY", Q::kNearly},
      {"360余亿元", "CN", kNoValue, "CNY", Q::kMoreThan},
      {"520多亿元", "CN", kNoValue, "CNY", Q::kMoreThan},
      {"逾百亿元", "CN", kNoValue, "CNY", Q::kMoreThan},
      {"20-30亿元", "CN", kNoValue, "CNY", Q::kRange},
      {"5亿至8亿美元", "", kNoValue, "USD", Q::kRange},
      {"银行团提供的9500万美元贷款", "CN", 95000000, "USD", Q::kNone},
      {"项目总投资约560亿元，其中贷款400亿元", "CN", 56000000000, "CNY", Q::kAbout},
  }, "zh-Hans");
}

TEST_CASE("FindMoney reads English amounts", "[normalize]") {
  CheckRows({
      {"$18 billion", "", 18000000000, "USD", Q::kNone},
      {"US$2.4bn", "", 2400000000, "USD", Q::kNone},
      {"US$ 7 billion", "", 7000000000, "USD", Q::kNone},
      {"€650m", "", 650000000, "EUR", Q::kNone},
      {"Eur720 million", "", 720000000, "EUR", Q::kNone},
      {"450 million euro", "", 450000000, "EUR", Q::kNone},
      {"£175 million", "", 175000000, "GBP", Q::kNone},
      {"HK$6.2 billion", "HK", 6200000000, "HKD", Q::kNone},
      {"NT$8 billion", "TW", 8000000000, "TWD", Q::kNone},
      {"RMB 15bn", "CN", 15000000000, "CNY", Q::kNone},
      {"¥45 billion", "JP", 45000000000, "JPY", Q::kNone},
      {"¥45 billion", "CN", 45000000000, "CNY", Q::kNone},
      {"USD 400m", "", 400000000, "USD", Q::kNone},
      {"USD 1,250,000,000", "", 1250000000, "USD", Q::kNone},
      {"$3.2 trillion", "", 3200000000000, "USD", Q::kNone},
      {"40 billion dollars", "", 40000000000, "USD", Q::kNone},
      {"three hundred million dollars", "", 300000000, "USD", Q::kNone},
      {"8 billion yuan", "CN", 8000000000, "CNY", Q::kNone},
      {"600 million euros", "", 600000000, "EUR", Q::kNone},
      {"S$900 million", "", 900000000, "SGD", Q::kNone},
      {"A$1.8 billion", "", 1800000000, "AUD", Q::kNone},
      {"C$700 million", "", 700000000, "CAD", Q::kNone},
      {"$6.5B", "", 6500000000, "USD", Q::kNone},
      {"$850MM", "", 850000000, "USD", Q::kNone},
      {"a $1.4-billion term loan", "", 1400000000, "USD", Q::kNone},
      {"JPY 70 billion", "JP", 70000000000, "JPY", Q::kNone},
      {"CHF 250 million", "", 250000000, "CHF", Q::kNone},
      {"about $4 billion", "", 4000000000, "USD", Q::kAbout},
      {"roughly €2bn", "", 2000000000, "EUR", Q::kAbout},
      {"a revolver of up to $750 million", "", 750000000, "USD", Q::kUpTo},
      {"more than $2 billion", "", kNoValue, "USD", Q::kMoreThan},
      {"in excess of $300m", "", kNoValue, "USD", Q::kMoreThan},
      {"nearly $9 billion", "", kNoValue, "USD", Q::kNearly},
      {"at least $1bn", "", kNoValue, "USD", Q::kAtLeast},
      {"US$2-2.5 billion", "", kNoValue, "USD", Q::kRange},
      {"between $3 billion and $4 billion", "", kNoValue, "USD", Q::kRange},
      {"Crestline agreed a $640 million unitranche with Ares.", "", 640000000, "USD", Q::kNone},
      {"The 2031 notes fund a £90m capex line for 12 sites.", "", 90000000, "GBP", Q::kNone},
  }, "en");
}

TEST_CASE("A bare amount takes the currency of its market, else of its script", "[normalize]") {
  struct Ctx {
    const char* market;
    const char* script;
    const char* currency;
  };
  const Ctx rows[] = {
      {"TW", "zh-Hans", "TWD"}, {"CN", "zh-Hant", "CNY"}, {"HK", "zh-Hant", "HKD"},
      {"JP", "zh-Hant", "JPY"}, {"US", "zh-Hant", "USD"}, {"", "zh-Hant", "TWD"},
      {"", "zh-Hans", "CNY"},
  };
  for (const Ctx& c : rows) {
    for (const char* in : {"64億元", "約64億"}) {
      INFO(in << " " << c.market << " " << c.script);
      std::vector<MoneyMention> found = Find(in, c.market, c.script);
      REQUIRE(found.size() == 1);
      CHECK(found[0].currency == c.currency);
      CHECK(found[0].currency_from_context);
    }
  }
  std::vector<MoneyMention> found = Find("美金3億元", "TW", "zh-Hant");
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].currency_from_context);
}

TEST_CASE("Counts, quantities, years and names are not money", "[normalize]") {
  const char* rows[] = {
      "兆豐銀行擔任管理行",  "兆丰银行",         "年訪問量達30億次",   "發行2億股新股",
      "服務6000萬人",        "由11家銀行參貸",   "2,400 acres",        "a 2.1GW solar farm",
      "a 480kW charger",     "a 350MW wind farm", "4.2 million square feet", "利率2.35%",
      "2026年到期",          "on 2025-03-14",    "call +886-2-2345-6789", "12,000 employees",
      "3.5 million shares",  "單位:新台幣仟元",   "一元化管理",         "发电量达120亿千瓦时",
      "5000万用户",          "港元三年期貸款",    "千萬不要錯過",        "1,500",
  };
  for (const char* in : rows) {
    INFO(in);
    CHECK(Find(in, "TW", "zh-Hant").empty());
  }
}

TEST_CASE("Spans cover the whole expression and amounts do not overlap", "[normalize]") {
  std::string text = TextNormalizer::Get().Normalize("貸款金額約新台幣300億元，另有5億美元").text;
  std::vector<MoneyMention> found = FindMoney(text, MoneyContext{"TW", "zh-Hant"});
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].span.begin, found[0].span.size()) == "约新台币300亿元");
  CHECK(text.substr(found[1].span.begin, found[1].span.size()) == "5亿美元");
  CHECK(found[0].span.end <= found[1].span.begin);
  // The 美元 of the first amount is not the currency of the second.
  text = TextNormalizer::Get().Normalize("5億美元及20億元").text;
  found = FindMoney(text, MoneyContext{"TW", "zh-Hant"});
  REQUIRE(found.size() == 2);
  CHECK(found[1].currency == "TWD");
  // A comma after a currency word does not glue two amounts together.
  text = TextNormalizer::Get().Normalize("分別為3億美元，12億元").text;
  found = FindMoney(text, MoneyContext{"TW", "zh-Hant"});
  REQUIRE(found.size() == 2);
  CHECK(*found[1].value == 1.2e9);
}

TEST_CASE("Words that only look like qualifiers or ranges leave the amount exact", "[normalize]") {
  CheckRows({
      {"雙方簽約12億元", "TW", 1200000000, "TWD", Q::kNone},
      {"公司最近3億元的增資", "TW", 300000000, "TWD", Q::kNone},
      {"upsized from $400 million to $650 million", "", 400000000, "USD", Q::kNone},
      {"less than $1 billion", "", kNoValue, "USD", Q::kNearly},
      {"不到8億元", "TW", kNoValue, "TWD", Q::kNearly},
      {"上看500億元", "TW", 50000000000, "TWD", Q::kUpTo},
  }, "zh-Hant");
}

TEST_CASE("Bounds are set as each qualifier says", "[normalize]") {
  std::vector<MoneyMention> m = Find("US$1-1.5 billion", "", "en");
  REQUIRE(m.size() == 1);
  CHECK(*m[0].low == 1e9);
  CHECK(*m[0].high == 1.5e9);
  m = Find("逾50億元", "TW", "zh-Hant");
  REQUIRE(m.size() == 1);
  CHECK(*m[0].low == 5e9);
  CHECK_FALSE(m[0].high);
  m = Find("近50億元", "TW", "zh-Hant");
  REQUIRE(m.size() == 1);
  CHECK(*m[0].high == 5e9);
  CHECK_FALSE(m[0].low);
  m = Find("50億元", "TW", "zh-Hant");
  REQUIRE(m.size() == 1);
  CHECK(*m[0].low == 5e9);
}

}  // namespace
}  // namespace dealwatch
