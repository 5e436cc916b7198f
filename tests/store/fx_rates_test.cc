#include "store/fx_rates.h"

#include <catch2/catch.hpp>

#include "store/store_fixtures.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

constexpr const char* kRates =
    "# comment\n"
    "2023-01-01\tTWD\t0.032\n"
    "2024-01-01\tTWD\t0.031\n"
    "\n"
    "2024-07-01\tTWD\t0.0305\n"
    "2024-01-01\tUSD\t1\n";

TEST_CASE("The rate is the one dated closest on or before the day", "[store]") {
  auto rates = FxRates::Parse(kRates, "rates");
  REQUIRE(rates.ok());
  struct Case {
    const char* date;
    double rate;
  } cases[] = {
      {"2023-06-15", 0.032},
      {"2024-01-01", 0.031},
      {"2024-06-30T23:00:00+08:00", 0.031},
      {"2024-07-01", 0.0305},
      {"2030-01-01", 0.0305},
      {"2010-05-05", 0.032},  // before every rate: the earliest
      {"", 0.0305},           // no date: the latest
  };
  for (const Case& c : cases) {
    INFO(c.date);
    auto r = rates->UsdPerUnit("TWD", c.date);
    REQUIRE(r);
    CHECK(*r == Approx(c.rate));
  }
  CHECK_FALSE(rates->UsdPerUnit("XAU", "2024-01-01"));
  CHECK(*rates->ToUsd(10e9, "TWD", "2023-03-01") == Approx(320e6));
}

TEST_CASE("A bad rate line names the file, the line and the problem", "[store]") {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"2024-01-01\tTWD\n", "r:1: want date<TAB>currency<TAB>usd_per_unit"},
      {"#\n2024-1-1\tTWD\t0.03\n", "r:2: date is not YYYY-MM-DD: 2024-1-1"},
      {"2024-01-01\tNT$\t0.03\n", "r:1: not an ISO 4217 code: NT$"},
      {"2024-01-01\tTWD\tzero\n", "r:1: rate is not a positive number: zero"},
      {"2024-01-01\tTWD\t-1\n", "r:1: rate is not a positive number: -1"},
      {"2024-01-01\tTWD\t0.03\n2024-01-01\tTWD\t0.04\n", "r:2: second rate for TWD on 2024-01-01"},
  };
  for (const Case& c : cases) {
    auto r = FxRates::Parse(c.text, "r");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == c.message);
  }
}

TEST_CASE("The bundled rate table loads and covers the currencies deals come in", "[store]") {
  auto rates = FxRates::Load(testing::RulesDir() / "fx_rates.tsv");
  REQUIRE(rates.ok());
  for (const char* c : {"USD", "TWD", "CNY", "HKD", "JPY", "EUR", "GBP", "SGD", "AUD", "CAD", "KRW", "INR", "CHF"})
    for (const char* day : {"2015-06-01", "2020-06-01", "2026-06-01"}) {
      INFO(c << " " << day);
      CHECK(rates->UsdPerUnit(c, day));
    }
  // 220億美元 is 220億美元; NT$ about 30 to the dollar.
  CHECK(*rates->UsdPerUnit("USD", "2024-05-01") == 1.0);
  CHECK(*rates->UsdPerUnit("TWD", "2024-05-01") == Approx(1 / 32.1).epsilon(0.05));
}

TEST_CASE("Deals get amount_usd from the rate of their report's date, new rates recompute it", "[store]") {
  testing::TempDir dir;
  std::string path = (dir.path() / "deals.db").string();
  {
    auto s = testing::OpenStore(dir.path().string(), kRates, path);
    auto run = s->BeginRun("t");
    REQUIRE(run.ok());
    REQUIRE(s->StoreArticle(*run, testing::MakeArticle("u1", "h1", "2023-06-15"),
                            {testing::Wrap(testing::MakeDeal("台塑", 10e9, "TWD"))}, nullptr)
                .ok());
    REQUIRE(s->StoreArticle(*run, testing::MakeArticle("u2", "h2", "2024-08-01T09:00:00+08:00"),
                            {testing::Wrap(testing::MakeDeal("南亞", 20e9, "TWD"))}, nullptr)
                .ok());
    CHECK(testing::Number(s.get(), "SELECT amount_usd FROM deals WHERE deal_id = 1") == Approx(320e6));
    CHECK(testing::Number(s.get(), "SELECT amount_usd FROM deals WHERE deal_id = 2") == Approx(610e6));
    CHECK(testing::Count(s.get(), "SELECT count(*) FROM fx_rates") == 4);
  }
  // The table changed: the next open recomputes every amount.
  auto s = testing::OpenStore(dir.path().string(), "2020-01-01\tTWD\t0.05\n", path);
  CHECK(testing::Number(s.get(), "SELECT amount_usd FROM deals WHERE deal_id = 1") == Approx(500e6));
  CHECK(testing::Number(s.get(), "SELECT amount_usd FROM mentions WHERE deal_id = 2") == Approx(1000e6));
  CHECK(testing::Count(s.get(), "SELECT count(*) FROM fx_rates") == 1);
}

}  // namespace
}  // namespace dealwatch
