// One deal, many reports: merging across articles and languages, value
// history and conflicts, re-runs and changed articles.
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
using testing::Text;
using testing::Wrap;

constexpr const char* kRates = "2024-01-01\tUSD\t1\n2024-01-01\tTWD\t0.03125\n";

const DealLender kBotZh = Lender("臺灣銀行", "Bank of Taiwan", "lead_arranger");
const DealLender kBotEn = Lender("Bank of Taiwan", "Bank of Taiwan", "lead_arranger");
const DealLender kMegaZh = Lender("兆豐銀", "Mega International Commercial Bank", "participant");
const DealLender kMegaEn = Lender("Mega Bank", "Mega International Commercial Bank", "lead_arranger");
const DealLender kJpmZh = Lender("摩根大通", "JPMorgan Chase & Co.", "lead_arranger");
const DealLender kJpmEn = Lender("JPMorgan Chase & Co.", "JPMorgan Chase & Co.", "participant");

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<DealStore> store = testing::OpenStore(dir.path().string(), kRates);
  DealStore* s = store.get();
  int64_t run = *s->BeginRun("test");

  StoreOutcome Store(const StoredArticle& a, std::vector<ArticleDeal> deals) {
    auto r = s->StoreArticle(run, a, deals, nullptr);
    if (!r.ok()) FAIL(r.status().ToString());
    return *r;
  }
};

TEST_CASE("A zh-Hant and an English report of one loan are one deal with both sources", "[store]") {
  Fixture f;
  f.Store(MakeArticle("https://zh.test/1", "h1", "2024-05-02", "zh-Hant"),
          {Wrap(MakeDeal("萬海航運", 15e9, "TWD", {kBotZh, kMegaZh, kJpmZh}), "萬海航運150億元聯貸")});
  auto en = f.Store(MakeArticle("https://en.test/1", "h2", "2024-05-03T08:00:00Z", "en"),
                    {Wrap(MakeDeal("Wan Hai Lines Ltd.", 15e9, "TWD", {kBotEn, kMegaEn, kJpmEn}), "Wan Hai NT$15bn")});
  CHECK(en.deals_new == 0);
  CHECK(en.deals_updated == 1);
  CHECK(en.aliases_learned == 1);
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 1);
  CHECK(Count(f.s, "SELECT source_count FROM v_deals") == 2);
  CHECK(Text(f.s, "SELECT borrower FROM v_deals") == "萬海航運");
  // Lenders unify through the lexicon's canonical name; roles are the strongest reported.
  CHECK(Rows(f.s, "SELECT lender, role FROM v_deal_lenders ORDER BY lender") ==
        "Bank of Taiwan|lead_arranger\n"
        "JPMorgan Chase & Co.|lead_arranger\n"
        "Mega International Commercial Bank|lead_arranger\n");
  CHECK(Count(f.s, "SELECT count(*) FROM entities WHERE kind = 'lender'") == 3);
  CHECK(Rows(f.s, "SELECT alias FROM entity_aliases a JOIN entities e USING (entity_id) "
                  "WHERE e.canonical = 'JPMorgan Chase & Co.' ORDER BY alias") ==
        "JPMorgan Chase & Co.\n摩根大通\n");
  // The English name is now an alias of the borrower: a later English-only
  // report finds the entity by name alone.
  CHECK(Text(f.s, "SELECT origin FROM entity_aliases WHERE alias = 'Wan Hai Lines Ltd.'") == "deal_match");
  auto later = f.Store(MakeArticle("https://en.test/2", "h3", "2024-06-01", "en"),
                       {Wrap(MakeDeal("Wan Hai Lines", std::nullopt, ""), "Wan Hai signs")});
  CHECK(later.deals_new == 0);
  CHECK(Count(f.s, "SELECT source_count FROM v_deals") == 3);
  CHECK(Rows(f.s, "SELECT lang FROM v_deal_sources ORDER BY published") == "zh-Hant\nen\nen\n");
}

TEST_CASE("220億美元 and US$22bn, and NT$ with its USD equivalent, are one amount", "[store]") {
  Fixture f;
  f.Store(MakeArticle("a", "h1", "2024-02-01"), {Wrap(MakeDeal("台積電", 22e9, "USD", {kJpmZh}))});
  f.Store(MakeArticle("b", "h2", "2024-02-02", "en"), {Wrap(MakeDeal("TSMC", 22e9, "USD", {kJpmEn}))});
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 1);
  // NT$15bn at 0.03125 is US$468.75m; US$470m is 0.3% away.
  f.Store(MakeArticle("c", "h3", "2024-03-01"), {Wrap(MakeDeal("萬海", 15e9, "TWD", {kBotZh}))});
  f.Store(MakeArticle("d", "h4", "2024-03-02", "en"), {Wrap(MakeDeal("Wan Hai Lines", 470e6, "USD", {kBotEn}))});
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 2);
  CHECK(Rows(f.s, "SELECT currency, CAST(amount AS INTEGER), CAST(amount_usd AS INTEGER) FROM deals "
                  "WHERE deal_id = 2") == "TWD|15000000000|468750000\n");
  // A converted amount is no conflict.
  CHECK(Count(f.s, "SELECT count(*) FROM v_deal_conflicts") == 0);
}

TEST_CASE("Short and full borrower names merge with the deal and become one entity", "[store]") {
  Fixture f;
  f.Store(MakeArticle("a", "h1", "2024-04-01"), {Wrap(MakeDeal("鴻海精密工業股份有限公司", 36e9, "TWD"))});
  f.Store(MakeArticle("b", "h2", "2024-04-02"), {Wrap(MakeDeal("Hon Hai Precision Industry", 5e9, "USD"))});
  CHECK(Count(f.s, "SELECT count(*) FROM entities WHERE kind = 'borrower'") == 2);
  // The same NT$36bn loan as "鴻海", then in English with the same lender.
  f.Store(MakeArticle("c", "h3", "2024-04-03"), {Wrap(MakeDeal("鴻海", 36e9, "TWD", {kBotZh}))});
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 2);
  f.Store(MakeArticle("d", "h4", "2024-04-04", "en"),
          {Wrap(MakeDeal("Hon Hai Precision Industry", 36e9, "TWD", {kBotEn}))});
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 2);
  // Hon Hai Precision Industry was its own entity: the match merged it.
  CHECK(Count(f.s, "SELECT count(*) FROM entities WHERE kind = 'borrower'") == 1);
  CHECK(Rows(f.s, "SELECT borrower, source_count FROM v_deals ORDER BY deal_id") ==
        "鴻海精密工業股份有限公司|3\n鴻海精密工業股份有限公司|1\n");
  CHECK(Rows(f.s, "SELECT alias FROM entity_aliases ORDER BY alias") ==
        "Bank of Taiwan\nHon Hai Precision Industry\n臺灣銀行\n鴻海\n鴻海精密工業股份有限公司\n");
}

TEST_CASE("Launch and signing stories merge: status forward, amount history and conflicts kept", "[store]") {
  Fixture f;
  // 台灣塑膠 is a short form of the full name; the English recap joins
  // through the lender and the amount.
  auto launch = MakeDeal("台灣塑膠", 12.5e9, "TWD", {kBotZh}, "in_talks");
  auto signing = MakeDeal("台灣塑膠工業股份有限公司", 14e9, "TWD", {kBotZh, kMegaZh}, "signed");
  signing.project = "麥寮廠";
  bool signing_first = GENERATE(false, true);
  INFO("signing story stored first: " << signing_first);
  auto launch_article = MakeArticle("https://x.test/launch", "h1", "2024-01-10");
  auto signing_article = MakeArticle("https://x.test/signing", "h2", "2024-03-01");
  if (signing_first) {
    f.Store(signing_article, {Wrap(signing)});
    f.Store(launch_article, {Wrap(launch)});
  } else {
    f.Store(launch_article, {Wrap(launch)});
    f.Store(signing_article, {Wrap(signing)});
  }
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 1);
  CHECK(Rows(f.s, "SELECT CAST(amount AS INTEGER), currency, status, project, source_count FROM v_deals") ==
        "14000000000|TWD|signed|麥寮廠|2\n");
  CHECK(Rows(f.s, "SELECT field, value, a.url, seen_at FROM deal_value_history h JOIN articles a USING (article_id) "
                  "WHERE field IN ('amount', 'status') ORDER BY field, seen_at") ==
        "amount|TWD 12500000000|https://x.test/launch|2024-01-10\n"
        "amount|TWD 14000000000|https://x.test/signing|2024-03-01\n"
        "status|in_talks|https://x.test/launch|2024-01-10\n"
        "status|signed|https://x.test/signing|2024-03-01\n");
  CHECK(Rows(f.s, "SELECT deal_id, field, value_count, \"values\" FROM v_deal_conflicts ORDER BY field") ==
        "1|amount|2|TWD 12500000000 | TWD 14000000000\n"
        "1|status|2|in_talks | signed\n");
  // A later report of the old status does not move it back.
  f.Store(MakeArticle("https://x.test/recap", "h3", "2024-03-20"),
          {Wrap(MakeDeal("Formosa Plastics", 14e9, "TWD", {kBotEn}, "in_talks"))});
  CHECK(Text(f.s, "SELECT status FROM deals") == "signed");
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 1);
}

TEST_CASE("Two Chinese names are two borrowers even with the same banks and amount", "[store]") {
  Fixture f;
  f.Store(MakeArticle("a", "h1", "2024-03-12"), {Wrap(MakeDeal("華宇光電", 30e9, "TWD", {kBotZh, kMegaZh}))});
  f.Store(MakeArticle("b", "h2", "2024-05-21"), {Wrap(MakeDeal("华鼎科技", 30e9, "TWD", {kBotZh, kMegaZh}))});
  CHECK(Count(f.s, "SELECT count(*) FROM deals") == 2);
  CHECK(Count(f.s, "SELECT count(*) FROM entity_aliases WHERE origin = 'deal_match'") == 0);
}

TEST_CASE("Reports further apart than the window are separate deals", "[store]") {
  Fixture f;
  f.Store(MakeArticle("a", "h1", "2023-01-05"), {Wrap(MakeDeal("台電", 30e9, "TWD"))});
  f.Store(MakeArticle("b", "h2", "2023-04-20"), {Wrap(MakeDeal("台電", 30e9, "TWD"))});  // 105 days
  f.Store(MakeArticle("c", "h3", "2024-01-05"), {Wrap(MakeDeal("台電", 30e9, "TWD"))});  // a year later
  CHECK(Rows(f.s, "SELECT source_count FROM v_deals ORDER BY deal_id") == "2\n1\n");
}

}  // namespace
}  // namespace dealwatch
