// The public views: their columns exactly as README.md and docs/database.md
// list them, and the league table's credit rule.
#include <catch2/catch.hpp>

#include "store/deal_store.h"
#include "store/store_fixtures.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

using testing::Count;
using testing::Lender;
using testing::MakeArticle;
using testing::MakeDeal;
using testing::Rows;
using testing::Wrap;

std::string Columns(DealStore* s, const std::string& view) {
  auto st = s->db()->Prepare("SELECT * FROM " + view + " LIMIT 0");
  REQUIRE(st.ok());
  std::string out;
  for (int i = 0; i < st->ColumnCount(); ++i) out += (i ? ", " : "") + st->ColumnName(i);
  return out;
}

TEST_CASE("The public views have exactly the documented columns", "[store]") {
  auto s = testing::OpenStore("");
  struct Case {
    const char* view;
    const char* columns;
  } cases[] = {
      {"v_deals",
       "deal_id, borrower, amount, currency, type, project, tenor_years, status, confidence, first_seen, last_seen, "
       "source_count"},
      {"v_deal_lenders", "deal_id, lender, role"},
      {"v_deal_sources", "deal_id, url, title, published, lang, evidence"},
      {"v_deal_conflicts", "deal_id, field, value_count, values"},
      {"v_league_table", "year, lender, currency, deal_count, amount, amount_usd"},
  };
  for (const Case& c : cases) {
    INFO(c.view);
    CHECK(Columns(s.get(), c.view) == c.columns);
  }
}

TEST_CASE("The league table credits each lead arranger an equal share of the deal", "[store]") {
  testing::TempDir dir;
  auto s = testing::OpenStore(dir.path().string(), "2024-01-01\tUSD\t1\n2024-01-01\tTWD\t0.03\n");
  auto run = s->BeginRun("t");
  REQUIRE(run.ok());
  auto lead = [](const std::string& bank) { return Lender(bank, bank, "lead_arranger"); };
  auto store = [&](const std::string& url, const std::string& day, Deal d) {
    REQUIRE(s->StoreArticle(*run, MakeArticle(url, url, day), {Wrap(std::move(d))}, nullptr).ok());
  };
  // US$300m led by three banks (a fourth only participates): 100m each.
  store("a", "2024-02-01",
        MakeDeal("A", 300e6, "USD", {lead("HSBC"), lead("DBS Bank"), lead("MUFG"), Lender("x", "Citi", "participant")}));
  // US$100m led by HSBC alone, and NT$12bn (US$360m) led by HSBC and DBS.
  store("b", "2024-06-01", MakeDeal("B", 100e6, "USD", {lead("HSBC")}));
  store("c", "2024-07-01", MakeDeal("C", 12e9, "TWD", {lead("HSBC"), lead("DBS Bank")}));
  // A 2025 deal, and a rejected one.
  store("d", "2025-01-20", MakeDeal("D", 50e6, "USD", {lead("HSBC")}));
  store("e", "2024-03-01", MakeDeal("E", 900e6, "USD", {lead("HSBC")}));
  REQUIRE(s->ReviewDeal(5, {"reject", {}, "not a loan"}).ok());
  CHECK(Rows(s.get(), "SELECT year, lender, currency, deal_count, CAST(round(amount) AS INTEGER), "
                      "CAST(round(amount_usd) AS INTEGER) FROM v_league_table ORDER BY year, lender, currency") ==
        "2024|DBS Bank|TWD|1|6000000000|180000000\n"
        "2024|DBS Bank|USD|1|100000000|100000000\n"
        "2024|HSBC|TWD|1|6000000000|180000000\n"
        "2024|HSBC|USD|2|200000000|200000000\n"
        "2024|MUFG|USD|1|100000000|100000000\n"
        "2025|HSBC|USD|1|50000000|50000000\n");
  CHECK(Count(s.get(), "SELECT count(*) FROM v_league_table WHERE lender = 'Citi'") == 0);
}

}  // namespace
}  // namespace dealwatch
