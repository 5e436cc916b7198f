// The report's sections, read from databases filled by report_fixture.h.
#include "report/report_data.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "report/report_fixture.h"

namespace dealwatch {
namespace {

using testing::ReportDb;

std::vector<int64_t> Ids(const std::vector<ReportDeal>& deals) {
  std::vector<int64_t> ids;
  for (const ReportDeal& d : deals) ids.push_back(d.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

ReportData Load(ReportDb& db, int64_t run = 0, ReportOptions options = {}) {
  options.run_id = run;
  auto data = LoadReportData(db.db(), options);
  INFO(data.status().ToString());
  REQUIRE(data.ok());
  return *data;
}

TEST_CASE("New and changed deals are those since the last finished run", "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  db.AddRun(2, "interrupted");
  db.AddRun(3, "done");
  int64_t old_only = db.Deal({.borrower = "Old Co", .first_run = 1, .last_run = 1});
  int64_t changed = db.Deal({.borrower = "Changed Co", .first_run = 1, .last_run = 3});
  int64_t from_killed = db.Deal({.borrower = "Killed Run Co", .first_run = 2, .last_run = 2});
  int64_t fresh = db.Deal({.borrower = "Fresh Co", .first_run = 3, .last_run = 3});
  int64_t a = db.Article("https://n.test/1", "t", "2026-09-01", "en", "US", 3);
  db.Mention(changed, a, "Changed Co signed.", 3);
  ReportData r = Load(db);
  CHECK(r.run.id == 3);
  CHECK(r.since_run == 1);  // run 2 did not finish: its deals count as this report's
  CHECK(Ids(r.new_deals) == std::vector<int64_t>{from_killed, fresh});
  CHECK(Ids(r.changed_deals) == std::vector<int64_t>{changed});
  CHECK(r.changed_deals[0].new_reports == 1);
  CHECK(r.changes_note.find("deal_value_history") != std::string::npos);
  ReportData first = Load(db, 1);
  CHECK(first.since_run == 0);
  CHECK(Ids(first.new_deals) == std::vector<int64_t>{old_only, changed});
}

TEST_CASE("A deal lists its lenders by role and its evidence with the values marked", "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  int64_t deal = db.Deal({.borrower = "台积电", .amount = 30e9, .currency = "TWD"});
  db.Entity("borrower", "台积电", "台積電");
  db.Party(deal, "Bank of Taiwan", "participant", "臺灣銀行");
  db.Party(deal, "Mega International Commercial Bank", "lead_arranger", "兆豐銀行");
  int64_t a = db.Article("https://n.test/tsmc", "台積電聯貸", "2026-09-01T08:00:00+08:00", "zh-Hant", "TW", 1);
  const std::string evidence = "兆豐銀行統籌主辦台積電新台幣300億元五年期聯貸案，臺灣銀行參貸。";
  db.Mention(deal, a, evidence, 1, R"({"amount":"zh.amount.yi"})",
             R"({"borrower":"台積電","amount":{"value":30000000000,"currency":"TWD"}})");
  ReportData r = Load(db);
  REQUIRE(r.new_deals.size() == 1);
  const ReportDeal& d = r.new_deals[0];
  REQUIRE(d.lenders.size() == 2);
  CHECK(d.lenders[0].role == "lead_arranger");
  CHECK(d.lenders[1].role == "participant");
  CHECK(d.date == "2026-09-01");
  REQUIRE(d.evidence.size() == 1);
  const ReportEvidence& e = d.evidence[0];
  CHECK(e.in_window);
  std::vector<std::pair<std::string, std::string>> marks;
  for (const EvidenceMark& m : e.marks) marks.push_back({m.kind, e.text.substr(m.begin, m.end - m.begin)});
  CHECK(marks == std::vector<std::pair<std::string, std::string>>{{"lender", "兆豐銀行"},
                                                                  {"borrower", "台積電"},
                                                                  {"amount", "新台幣300億元"},
                                                                  {"lender", "臺灣銀行"}});
}

TEST_CASE("Evidence marks match names across case and script, at word boundaries only", "[report]") {
  struct Case {
    std::string text;
    MarkRequest request;
    std::vector<std::string> expected;  // "kind:text"
  };
  std::vector<Case> cases = {
      {"JPMorgan Chase and MUFG lead a $22 billion loan for Vantage Data Centers.",
       {{"vantage data centers"}, {"JPMORGAN CHASE", "MUFG"}, 22e9, "USD", "US", "en"},
       {"lender:JPMorgan Chase", "lender:MUFG", "amount:$22 billion", "borrower:Vantage Data Centers"}},
      {"MUFGX and BOTTOM are other words; US$5 billion is another amount.",
       {{}, {"MUFG", "BOT"}, 22e9, "USD", "US", "en"},
       {}},
      {"摩根大通與三菱日聯主導220億美元聯貸", {{}, {"摩根大通", "三菱日联"}, 22e9, "USD", "TW", "zh-Hant"},
       {"lender:摩根大通", "lender:三菱日聯", "amount:220億美元"}},
      {"A one-letter name never marks: X.", {{"X"}, {}, std::nullopt, "", "", "en"}, {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<std::string> got;
    for (const EvidenceMark& m : FindEvidenceMarks(c.text, c.request))
      got.push_back(m.kind + ":" + c.text.substr(m.begin, m.end - m.begin));
    CHECK(got == c.expected);
  }
}

TEST_CASE("The review queue holds low-confidence deals, conflicts need v_deal_conflicts", "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  db.Deal({.borrower = "Sure Co", .confidence = 0.95});
  int64_t unsure = db.Deal({.borrower = "Unsure Co", .confidence = 0.4});
  ReportData old = Load(db);
  REQUIRE(old.review.size() == 1);
  CHECK(old.review[0].deal_id == unsure);
  CHECK(old.review[0].reason == "low confidence");
  CHECK(old.review_note.find("v_deal_conflicts") != std::string::npos);

  db.AddLaterSchema();
  int64_t upsized = db.Deal({.borrower = "Upsized Co", .amount = 14e9});
  int64_t a = db.Article("https://n.test/a", "t", "2026-08-01", "en", "TW", 1);
  int64_t b = db.Article("https://n.test/b", "t", "2026-09-01", "en", "TW", 1);
  db.Exec("INSERT INTO deal_value_history VALUES (" + std::to_string(upsized) +
          ", 'amount', 'TWD 12500000000', " + std::to_string(a) + ", 1, '2026-08-01')");
  db.Exec("INSERT INTO deal_value_history VALUES (" + std::to_string(upsized) + ", 'amount', 'TWD 14000000000', " +
          std::to_string(b) + ", 1, '2026-09-01')");
  ReportData now = Load(db);
  CHECK(now.review_note.empty());
  REQUIRE(now.review.size() == 2);
  CHECK(now.review[1].deal_id == upsized);
  CHECK(now.review[1].reason == "conflicting values");
  CHECK(now.review[1].field == "amount");
  CHECK(now.review[1].values == "TWD 12500000000 | TWD 14000000000");
}

TEST_CASE("A changed deal shows the values this report's runs added", "[report]") {
  ReportDb db;
  db.AddLaterSchema();
  db.AddRun(1, "done");
  db.AddRun(2, "done");
  int64_t deal = db.Deal({.borrower = "Upsized Co", .amount = 14e9, .first_run = 1, .last_run = 2});
  int64_t a = db.Article("https://n.test/a", "t", "2026-08-01", "en", "TW", 1);
  int64_t b = db.Article("https://n.test/b", "t", "2026-09-01", "en", "TW", 2);
  db.Exec("INSERT INTO deal_value_history VALUES (" + std::to_string(deal) + ", 'amount', 'TWD 12500000000', " +
          std::to_string(a) + ", 1, '2026-08-01')");
  db.Exec("INSERT INTO deal_value_history VALUES (" + std::to_string(deal) + ", 'amount', 'TWD 14000000000', " +
          std::to_string(b) + ", 2, '2026-09-01')");
  db.Exec("INSERT INTO deal_value_history VALUES (" + std::to_string(deal) + ", 'status', 'signed', " +
          std::to_string(b) + ", 2, '2026-09-01')");
  ReportData r = Load(db);
  REQUIRE(r.changed_deals.size() == 1);
  const auto& changes = r.changed_deals[0].changes;
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].field == "amount");
  CHECK(changes[0].before == "TWD 12500000000");
  CHECK(changes[0].after == "TWD 14000000000");
  CHECK(changes[1].field == "status");
  CHECK(changes[1].before.empty());
  CHECK(r.changes_note.empty());
}

TEST_CASE("Source health warns when a source that usually yields articles yields none", "[report]") {
  ReportDb db;
  auto stats = [](int a_handed_on, const std::string& b) {
    return R"({"sources":[{"source":"steady","discovered":10,"fetched":)" + std::to_string(a_handed_on) +
           R"(,"handed_on":)" + std::to_string(a_handed_on) + R"(,"not_modified":3},)" + b + "]}";
  };
  std::string b_ok = R"({"source":"flaky","handed_on":0})";
  db.AddRun(1, "done", stats(5, b_ok));
  db.AddRun(2, "done", stats(3, b_ok));
  db.AddRun(3, "done", stats(4, b_ok));
  db.AddRun(4, "done",
            stats(0, R"({"source":"flaky","failed":2,"failures":{"http 503":2},"failed_completely":true,)"
                     R"("error":"https://f.test/feed: HTTP 503"})"));
  ReportData r = Load(db);
  REQUIRE(r.sources.size() == 2);
  const SourceHealth& steady = r.sources[0];
  CHECK(steady.not_modified == 3);
  CHECK(steady.warning ==
        "this source usually yields articles (3 of the last 3 runs, typically 4) but yielded no new or changed "
        "articles this run");
  const SourceHealth& flaky = r.sources[1];
  CHECK(flaky.failed_completely);
  CHECK(flaky.error == "https://f.test/feed: HTTP 503");
  CHECK(flaky.failures.at("http 503") == 2);
  CHECK(flaky.warning.empty());  // never yielded anything: nothing unusual
  CHECK(Load(db, 3).sources[0].warning.empty());

  // Stats from another version, or damaged: read what is there, never fail.
  db.AddRun(5, "done", R"({"sources":[{"source":5,"fetched":"x","failures":[1]},3,{"source":"ok","fetched":2}],)"
                       R"("stopped":"no","stages":[]})");
  ReportData odd = Load(db, 5);
  REQUIRE(odd.sources.size() == 3);
  CHECK(odd.sources[0].name.empty());
  CHECK(odd.sources[2].fetched == 2);
  db.AddRun(6, "done", "not json");
  CHECK(Load(db, 6).sources_note == "This run recorded no per-source counts.");
}

TEST_CASE("Rule hits count this report's mentions and list the rules no deal ever used", "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  db.AddRun(2, "done");
  int64_t deal = db.Deal({.borrower = "X Co", .first_run = 1, .last_run = 2});
  int64_t a = db.Article("https://n.test/a", "t", "2026-08-01", "en", "TW", 1);
  int64_t b = db.Article("https://n.test/b", "t", "2026-09-01", "en", "TW", 2);
  db.Mention(deal, a, "e", 1, R"({"amount":"en.amount.old"})");
  db.Mention(deal, b, "e", 2, R"({"amount":"zh.amount.yi","borrower":"coref+in_clause","status":"status:签约"})",
             R"({"lenders":[{"name":"x","rule":"zh.deal.lead"}]})");
  db.Mention(deal, b, "e2", 2, R"({"amount":"zh.amount.yi"})");
  ReportOptions options;
  options.rule_ids = std::vector<std::string>{"zh.amount.yi", "zh.deal.lead", "en.amount.old", "en.deal.never"};
  ReportData r = Load(db, 0, options);
  REQUIRE(r.rules_fired.size() == 5);
  CHECK(r.rules_fired[0].id == "zh.amount.yi");
  CHECK(r.rules_fired[0].count == 2);
  CHECK(r.rules_fired[0].in_rules);
  auto find = [&](const std::string& id) {
    return std::find_if(r.rules_fired.begin(), r.rules_fired.end(), [&](const RuleCount& c) { return c.id == id; });
  };
  CHECK(find("coref") != r.rules_fired.end());
  CHECK_FALSE(find("coref")->in_rules);
  CHECK(find("status:签约") != r.rules_fired.end());
  CHECK(find("zh.deal.lead")->in_rules);
  CHECK(find("en.amount.old") == r.rules_fired.end());  // an earlier run's
  CHECK(r.rules_never == std::vector<std::string>{"en.deal.never"});

  ReportData unknown = Load(db);
  CHECK(unknown.rules_never.empty());
  CHECK(unknown.rules_note.find("could not be loaded") != std::string::npos);
}

TEST_CASE("The league table is computed, splitting a deal among its lead arrangers, unless the view exists",
          "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  int64_t big = db.Deal({.borrower = "Big Co", .amount = 100e6, .currency = "USD"});
  int64_t small = db.Deal({.borrower = "Small Co", .amount = 30e6, .currency = "USD"});
  int64_t a = db.Article("https://n.test/a", "t", "2025-03-01", "en", "US", 1);
  db.Mention(big, a, "e", 1);
  db.Mention(small, a, "e2", 1);
  db.Party(big, "Alpha Bank", "lead_arranger");
  db.Party(big, "Beta Bank", "lead_arranger");
  db.Party(big, "Gamma Bank", "participant");
  db.Party(small, "Alpha Bank", "lead_arranger");
  ReportData computed = Load(db);
  CHECK(computed.league_note.find("Computed by the report") != std::string::npos);
  REQUIRE(computed.league.size() == 2);
  CHECK(computed.league[0].year == "2025");
  CHECK(computed.league[0].lender == "Alpha Bank");
  CHECK(computed.league[0].deals == 2);
  CHECK(*computed.league[0].amount == Approx(80e6));
  CHECK(computed.league[1].lender == "Beta Bank");
  CHECK(*computed.league[1].amount == Approx(50e6));

  db.AddLaterSchema();
  ReportData viewed = Load(db);
  CHECK(viewed.league_note.empty());
  REQUIRE(viewed.league.size() == 1);
  CHECK(viewed.league[0].lender == "View Bank");
  CHECK(*viewed.league[0].amount_usd == Approx(700));
}

TEST_CASE("Volume is grouped by the Monday of the week of each deal's earliest report", "[report]") {
  ReportDb db;
  db.AddRun(1, "done");
  struct Row {
    std::string published, currency;
    double amount;
  };
  for (const Row& row : {Row{"2026-09-14T09:00:00+08:00", "TWD", 10}, Row{"2026-09-20", "TWD", 5},
                         Row{"2026-09-16", "USD", 7}, Row{"2026-09-21", "TWD", 1}}) {
    int64_t deal = db.Deal({.borrower = "Co " + row.published, .amount = row.amount, .currency = row.currency});
    int64_t a = db.Article("https://n.test/" + row.published, "t", row.published, "en", "TW", 1);
    db.Mention(deal, a, "e", 1);
  }
  ReportData r = Load(db);
  CHECK_FALSE(r.has_usd);
  REQUIRE(r.volume.size() == 3);
  CHECK(r.volume[0].week == "2026-09-14");
  CHECK(r.volume[0].currency == "TWD");
  CHECK(r.volume[0].deals == 2);
  CHECK(r.volume[0].amount == Approx(15));
  CHECK(r.volume[1].week == "2026-09-14");
  CHECK(r.volume[1].currency == "USD");
  CHECK(r.volume[2].week == "2026-09-21");
  CHECK(r.volume_note.find("number of deals") != std::string::npos);
}

TEST_CASE("A report of a run that does not exist says so", "[report]") {
  ReportDb db;
  auto none = LoadReportData(db.db(), ReportOptions{});
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() == "the database holds no run yet");
  db.AddRun(1, "done");
  ReportOptions seven;
  seven.run_id = 7;
  auto missing = LoadReportData(db.db(), seven);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(missing.status().message() == "no run 7 in the database");
}

}  // namespace
}  // namespace dealwatch
