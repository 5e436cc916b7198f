#include "store/deal_match.h"

#include <catch2/catch.hpp>

#include "store/deal_store.h"
#include "store/deal_values.h"

namespace dealwatch {
namespace {

DealFacts Facts(int64_t borrower, const std::string& name, std::optional<double> amount, const std::string& currency,
                std::set<int64_t> lenders = {}, std::set<int64_t> leads = {}, const std::string& status = "signed") {
  DealFacts f;
  f.borrower_id = borrower;
  if (!name.empty()) f.borrower_folded = {FoldEntityName(name)};
  f.amount = amount;
  f.currency = currency;
  if (amount) f.amount_usd = *amount * (currency == "TWD" ? 1 / 32.0 : 1.0);
  f.type = "syndicated_loan";
  f.status = status;
  f.lenders = std::move(lenders);
  f.leads = std::move(leads);
  return f;
}

TEST_CASE("Deal matching: identity and amount decide, with the rule's score", "[store]") {
  struct Case {
    const char* what;
    DealFacts read, stored;
    Identity identity;
    AmountFit amount;
    bool same;
  } cases[] = {
      {"same borrower, amount within 0.5%", Facts(1, "台積電", 30.1e9, "TWD"), Facts(1, "台積電", 30e9, "TWD"),
       Identity::kSameBorrower, AmountFit::kEqual, true},
      {"same borrower, 1% apart and both signed", Facts(1, "x", 30.3e9, "TWD"), Facts(1, "x", 30e9, "TWD"),
       Identity::kSameBorrower, AmountFit::kRevised, false},
      {"upsized while in talks", Facts(1, "台塑", 14e9, "TWD", {7}, {7}, "signed"),
       Facts(1, "台塑", 12.5e9, "TWD", {7}, {7}, "in_talks"), Identity::kSameBorrower, AmountFit::kRevised, true},
      {"upsized but other banks", Facts(1, "台塑", 14e9, "TWD", {7}, {7}, "signed"),
       Facts(1, "台塑", 12.5e9, "TWD", {8}, {8}, "in_talks"), Identity::kSameBorrower, AmountFit::kRevised, false},
      {"doubled is another deal", Facts(1, "台塑", 25e9, "TWD", {}, {}, "in_talks"),
       Facts(1, "台塑", 12.5e9, "TWD", {}, {}, "in_talks"), Identity::kSameBorrower, AmountFit::kDifferent, false},
      {"no amount on one side", Facts(1, "鴻海", std::nullopt, ""), Facts(1, "鴻海", 36e9, "TWD"),
       Identity::kSameBorrower, AmountFit::kAbsent, true},
      {"short form of the name", Facts(0, "鴻海", 36e9, "TWD"), Facts(2, "鴻海精密工業股份有限公司", 36e9, "TWD"),
       Identity::kSimilarName, AmountFit::kEqual, true},
      {"one Han character is too short", Facts(0, "鴻", 36e9, "TWD"), Facts(2, "鴻海", 36e9, "TWD"), Identity::kNone,
       AmountFit::kEqual, false},
      {"names differ, lenders agree", Facts(0, "Wan Hai Lines", 15e9, "TWD", {3, 4}, {3}),
       Facts(5, "萬海航運", 15e9, "TWD", {3}, {3}), Identity::kLenders, AmountFit::kEqual, true},
      {"names differ, lead arrangers differ", Facts(0, "Wan Hai Lines", 15e9, "TWD", {3, 4}, {4}),
       Facts(5, "萬海航運", 15e9, "TWD", {3, 4}, {3}), Identity::kNone, AmountFit::kEqual, false},
      {"two Chinese names, same banks and amount", Facts(0, "華鼎科技", 30e9, "TWD", {3, 4}, {3}),
       Facts(5, "華宇光電", 30e9, "TWD", {3, 4}, {3}), Identity::kNone, AmountFit::kEqual, false},
      {"no borrower named, lead arranger shared", Facts(0, "", 15e9, "TWD", {3, 4}, {3}),
       Facts(5, "萬海航運", 15e9, "TWD", {3}, {3}), Identity::kLenders, AmountFit::kEqual, true},
      {"no borrower named, no lead arranger", Facts(0, "", 15e9, "TWD", {3}),
       Facts(5, "萬海航運", 15e9, "TWD", {3}, {3}), Identity::kNone, AmountFit::kEqual, false},
      {"names differ, no lenders", Facts(0, "Wan Hai Lines", 15e9, "TWD"), Facts(5, "萬海航運", 15e9, "TWD"),
       Identity::kNone, AmountFit::kEqual, false},
      {"NT$ and its USD equivalent within 2%", Facts(0, "Wan Hai", 470e6, "USD", {3}),
       Facts(5, "萬海航運", 15e9, "TWD", {3}), Identity::kLenders, AmountFit::kEqual, true},
      {"NT$ and a USD amount 5% off", Facts(0, "Wan Hai", 493e6, "USD", {3}), Facts(5, "萬海航運", 15e9, "TWD", {3}),
       Identity::kLenders, AmountFit::kDifferent, false},
      {"names differ, lenders agree, amount resized", Facts(0, "Formosa", 14e9, "TWD", {3}, {}, "in_talks"),
       Facts(5, "台塑", 12.5e9, "TWD", {3}), Identity::kLenders, AmountFit::kRevised, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    DealMatch m = MatchDeals(c.read, c.stored);
    CHECK(m.identity == c.identity);
    CHECK(m.amount == c.amount);
    CHECK((m.score > 0) == c.same);
  }
}

TEST_CASE("A bond is never the same deal as a loan, loan types are compatible", "[store]") {
  CHECK(TypesCompatible("syndicated_loan", "term_loan"));
  CHECK(TypesCompatible("green_loan", "loan"));
  CHECK(TypesCompatible("bond", "loan"));
  CHECK(TypesCompatible("bond", "bond"));
  CHECK_FALSE(TypesCompatible("bond", "syndicated_loan"));
  DealFacts bond = Facts(1, "x", 1e9, "USD");
  bond.type = "bond";
  CHECK(MatchDeals(bond, Facts(1, "x", 1e9, "USD")).score == 0);
}

TEST_CASE("Short names match longer forms only from two Han characters or four letters", "[store]") {
  CHECK(NamesCompatible("鸿海", "鸿海精密工业"));
  CHECK(NamesCompatible("honhai", "honhaiprecisionindustry"));
  CHECK_FALSE(NamesCompatible("hon", "honhaiprecisionindustry"));
  CHECK_FALSE(NamesCompatible("鸿", "鸿海"));
  CHECK_FALSE(NamesCompatible("中华电信", "中华航空"));
  CHECK_FALSE(NamesCompatible("", "x"));
}

MentionValues Mention(int64_t id, const std::string& day, std::optional<double> amount, const std::string& currency,
                      const std::string& status, const std::string& type = "loan") {
  MentionValues m;
  m.mention_id = id;
  m.reported_on = day;
  m.seen_at = "2026-01-0" + std::to_string(id) + "T00:00:00Z";
  m.amount = amount;
  m.currency = currency;
  m.status = status;
  m.type = type;
  m.confidence = 0.1 * static_cast<double>(id);
  return m;
}

TEST_CASE("Deal values: latest report wins, status only moves forward, the majority currency", "[store]") {
  DealValues v = DeriveDealValues({
      Mention(3, "2024-03-01", 14e9, "TWD", "in_talks", "syndicated_loan"),
      Mention(1, "2024-01-10", 12.5e9, "TWD", "signed"),
      Mention(2, "2024-03-02", 440e6, "USD", "planned", "loan"),
  });
  CHECK(*v.amount == 14e9);  // the latest TWD report; USD is the minority
  CHECK(v.currency == "TWD");
  CHECK(v.status == "signed");
  CHECK(v.type == "syndicated_loan");
  CHECK(v.confidence == Approx(0.3));
  CHECK(v.first_published == "2024-01-10");
  CHECK(v.last_published == "2024-03-02");
  CHECK(v.first_seen == "2026-01-01T00:00:00Z");
  CHECK(v.last_seen == "2026-01-03T00:00:00Z");
  // A tie on currency goes to the earliest report's.
  DealValues tie = DeriveDealValues({Mention(2, "2024-05-03", 470e6, "USD", "signed"),
                                     Mention(1, "2024-05-02", 15e9, "TWD", "signed")});
  CHECK(tie.currency == "TWD");
  CHECK(*tie.amount == 15e9);
}

TEST_CASE("History values are typed text, unknown status and generic type are not values", "[store]") {
  MentionValues m = Mention(1, "2024-01-01", 12.5e9, "TWD", "unknown");
  m.tenor_years = 5;
  m.pricing = "TAIFX+0.9%";
  auto values = HistoryValues(m);
  REQUIRE(values.size() == 3);
  CHECK(values[0] == std::make_pair(std::string("amount"), std::string("TWD 12500000000")));
  CHECK(values[1] == std::make_pair(std::string("tenor_years"), std::string("5")));
  CHECK(values[2] == std::make_pair(std::string("pricing"), std::string("TAIFX+0.9%")));
  CHECK(FormatAmount(1234.5, "USD") == "USD 1234.50");
}

}  // namespace
}  // namespace dealwatch
