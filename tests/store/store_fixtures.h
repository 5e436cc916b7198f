// Builders for store tests: deals as extraction hands them over, articles,
// and one-value queries. Header-only.
#ifndef DEALWATCH_TESTS_STORE_STORE_FIXTURES_H_
#define DEALWATCH_TESTS_STORE_STORE_FIXTURES_H_

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "store/deal_store.h"

namespace dealwatch::testing {

inline Deal MakeDeal(const std::string& borrower, std::optional<double> amount, const std::string& currency,
                     std::vector<DealLender> lenders = {}, const std::string& status = "signed") {
  Deal d;
  d.borrower = borrower;
  if (amount) {
    MoneyMention m;
    m.value = amount;
    m.low = amount;
    m.currency = currency;
    d.amount = m;
  }
  d.type = "syndicated_loan";
  d.status = status;
  d.confidence = 0.9;
  d.lenders = std::move(lenders);
  return d;
}

inline DealLender Lender(const std::string& name, const std::string& canonical, const std::string& role) {
  return DealLender{name, canonical, role, "test.role"};
}

inline StoredArticle MakeArticle(const std::string& url, const std::string& hash, const std::string& published = "",
                                 const std::string& lang = "zh-Hant") {
  StoredArticle a;
  a.url = url;
  a.title = "title of " + url;
  a.published = published;
  a.lang = lang;
  a.content_hash = hash;
  a.text = "text of " + url + " " + hash;
  return a;
}

inline ArticleDeal Wrap(Deal d, const std::string& evidence = "evidence") {
  ArticleDeal ad;
  ad.deal = std::move(d);
  ad.evidence = evidence;
  ad.span_end = evidence.size();
  ad.extracted_json = "{}";
  return ad;
}

// A store on ":memory:" (or `path`) whose only rates are `rates_tsv`.
inline std::unique_ptr<DealStore> OpenStore(const std::string& dir, const std::string& rates_tsv = "",
                                            const std::string& path = ":memory:") {
  StoreOptions options;
  options.find_fx_rates = false;
  if (!rates_tsv.empty()) {
    options.fx_rates_path = dir + "/fx_rates.tsv";
    std::ofstream(options.fx_rates_path) << rates_tsv;
  }
  auto store = DealStore::Open(path, options);
  if (!store.ok()) FAIL(store.status().ToString());
  return std::move(*store);
}

inline int64_t Count(DealStore* s, const std::string& sql) {
  auto st = s->db()->Prepare(sql);
  if (!st.ok()) FAIL(sql + ": " + st.status().ToString());
  auto row = st->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return st->Int(0);
}

inline std::string Text(DealStore* s, const std::string& sql) {
  auto st = s->db()->Prepare(sql);
  if (!st.ok()) FAIL(sql + ": " + st.status().ToString());
  auto row = st->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return st->Text(0);
}

inline double Number(DealStore* s, const std::string& sql) {
  auto st = s->db()->Prepare(sql);
  if (!st.ok()) FAIL(sql + ": " + st.status().ToString());
  auto row = st->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return st->Double(0);
}

// Every row of `sql`, columns joined by "|", rows by "\n".
inline std::string Rows(DealStore* s, const std::string& sql) {
  auto st = s->db()->Prepare(sql);
  if (!st.ok()) FAIL(sql + ": " + st.status().ToString());
  std::string out;
  while (true) {
    auto row = st->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    for (int i = 0; i < st->ColumnCount(); ++i) out += (i ? "|" : "") + st->Text(i);
    out += "\n";
  }
  return out;
}

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_STORE_STORE_FIXTURES_H_
