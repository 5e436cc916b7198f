#include "store/deal_store.h"

#include <catch2/catch.hpp>

#include "store/schema.h"
#include "store/store_fixtures.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

using testing::Count;
using testing::MakeArticle;
using testing::MakeDeal;
using testing::Wrap;

TEST_CASE("A new database gets the current schema and the public views", "[store]") {
  auto store = DealStore::Open(":memory:");
  REQUIRE(store.ok());
  auto v = SchemaVersion((*store)->db());
  REQUIRE(v.ok());
  CHECK(*v == CurrentSchemaVersion());
  for (const char* view : {"v_deals", "v_deal_lenders", "v_deal_sources"})
    CHECK(Count(store->get(), std::string("SELECT count(*) FROM sqlite_master WHERE type='view' AND name='") + view +
                                  "'") == 1);
}

TEST_CASE("A database from a newer dealwatch is refused with both versions named", "[store]") {
  testing::TempDir dir;
  std::string path = (dir.path() / "deals.db").string();
  {
    auto db = Database::Open(path);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("PRAGMA user_version = 99").ok());
  }
  auto store = DealStore::Open(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("schema version 99 is newer than this dealwatch understands") !=
        std::string::npos);
}

TEST_CASE("The same deal from two articles is one deal with two sources", "[store]") {
  auto store = DealStore::Open(":memory:");
  REQUIRE(store.ok());
  DealStore* s = store->get();
  auto run = s->BeginRun("test");
  REQUIRE(run.ok());
  DealLender mega{"兆豐銀行", "Mega International Commercial Bank", "lead_arranger", "r"};
  DealLender mega_en{"Mega Bank", "Mega International Commercial Bank", "agent", "r"};
  auto first = s->StoreArticle(*run, MakeArticle("https://a.test/1", "h1"),
                               {Wrap(MakeDeal("台積電", 30e9, "TWD", {mega}), "台積電聯貸")}, nullptr);
  REQUIRE(first.ok());
  CHECK(first->deals_new == 1);
  auto second = s->StoreArticle(*run, MakeArticle("https://b.test/2", "h2"),
                                {Wrap(MakeDeal("台積電股份有限公司", 30.1e9, "TWD", {mega_en}), "TSMC loan")}, nullptr);
  REQUIRE(second.ok());
  CHECK(second->deals_new == 0);
  CHECK(second->deals_updated == 1);
  CHECK(Count(s, "SELECT count(*) FROM deals") == 1);
  CHECK(Count(s, "SELECT source_count FROM v_deals") == 2);
  // One lender entity, its role the stronger one.
  CHECK(Count(s, "SELECT count(*) FROM v_deal_lenders") == 1);
  CHECK(Count(s, "SELECT count(*) FROM v_deal_lenders WHERE role = 'lead_arranger'") == 1);
}

TEST_CASE("Storing an article twice changes nothing, a changed article replaces its deals", "[store]") {
  auto store = DealStore::Open(":memory:");
  REQUIRE(store.ok());
  DealStore* s = store->get();
  auto run = s->BeginRun("test");
  REQUIRE(run.ok());
  auto a = MakeArticle("https://a.test/1", "h1");
  REQUIRE(s->StoreArticle(*run, a, {Wrap(MakeDeal("鴻海", 36e9, "TWD"), "e")}, nullptr).ok());
  auto again = s->StoreArticle(*run, a, {Wrap(MakeDeal("鴻海", 36e9, "TWD"), "e")}, nullptr);
  REQUIRE(again.ok());
  CHECK(again->unchanged);
  CHECK(Count(s, "SELECT count(*) FROM mentions") == 1);
  auto changed = MakeArticle("https://a.test/1", "h2");
  auto r = s->StoreArticle(*run, changed, {Wrap(MakeDeal("鴻海", 40e9, "TWD"), "e2")}, nullptr);
  REQUIRE(r.ok());
  CHECK(r->article_changed);
  CHECK(Count(s, "SELECT count(*) FROM deals") == 1);
  CHECK(Count(s, "SELECT CAST(amount AS INTEGER) FROM deals") == 40000000000);
}

TEST_CASE("Different amounts for one borrower in one article stay separate deals", "[store]") {
  auto store = DealStore::Open(":memory:");
  REQUIRE(store.ok());
  DealStore* s = store->get();
  auto run = s->BeginRun("test");
  REQUIRE(run.ok());
  REQUIRE(s->StoreArticle(*run, MakeArticle("u", "h"),
                          {Wrap(MakeDeal("Journal Communications", 200e6, "USD"), "a"),
                           Wrap(MakeDeal("Journal Communications", 150e6, "USD"), "b")},
                          nullptr)
              .ok());
  CHECK(Count(s, "SELECT count(*) FROM deals") == 2);
}

TEST_CASE("Crawl state is stored and read back per URL", "[store]") {
  auto store = DealStore::Open(":memory:");
  REQUIRE(store.ok());
  UrlState st;
  st.url = "https://news.test/a";
  st.etag = "\"abc\"";
  st.content_hash = "ff";
  st.last_status = 200;
  REQUIRE((*store)->Put(st).ok());
  auto got = (*store)->Get("https://news.test/a");
  REQUIRE(got);
  CHECK(got->etag == "\"abc\"");
  CHECK(got->last_status == 200);
  CHECK_FALSE((*store)->Get("https://news.test/b"));
}

TEST_CASE("Entity names fold across script, width, case and corporate suffixes", "[store]") {
  CHECK(FoldEntityName("台積電股份有限公司") == FoldEntityName("台积电"));
  CHECK(FoldEntityName("JPMorgan Chase & Co.") == FoldEntityName("JPMORGAN CHASE"));
  CHECK(FoldEntityName("Ｍｅｇａ Bank Ltd") == FoldEntityName("mega bank"));
}

}  // namespace
}  // namespace dealwatch
