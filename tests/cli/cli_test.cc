// The command line as scripts use it: exit codes and messages of the
// built binary.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <string>

#include "test_paths.h"

namespace dealwatch {
namespace {

struct Output {
  int code;
  std::string text;  // stdout and stderr
};

Output Run(const std::string& args) {
  std::string cmd = testing::Binary() + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = ::pclose(p);
  return {WEXITSTATUS(status), out};
}

TEST_CASE("Exit codes: 0 done, 1 could not run, 2 usage error", "[cli]") {
  CHECK(Run("--version").code == 0);
  CHECK(Run("--help").code == 0);
  CHECK(Run("").code == 2);
  CHECK(Run("extract").code == 2);
  CHECK(Run("extract --format xml x.txt").code == 2);
  CHECK(Run("frobnicate").code == 2);
  Output missing = Run("extract /nonexistent/article.txt");
  CHECK(missing.code == 1);
  CHECK(missing.text.find("/nonexistent/article.txt: No such file or directory") != std::string::npos);
}

TEST_CASE("Every command has --help", "[cli]") {
  for (const char* cmd : {"extract", "run", "query", "report", "rules", "explain", "eval", "amounts", "article"}) {
    INFO(cmd);
    Output o = Run(std::string(cmd) + " --help");
    CHECK(o.code == 0);
    CHECK(o.text.find("Usage") != std::string::npos);
  }
}

TEST_CASE("extract reads standard input and prints one JSON object per deal", "[cli]") {
  testing::TempDir dir;
  std::string file = (dir.path() / "a.txt").string();
  FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("遠東新世紀公司委由臺灣銀行統籌主辦新台幣120億元五年期聯貸案，昨日簽約。\n", f);
  std::fclose(f);
  Output o = Run("extract --format jsonl - < " + file);
  CHECK(o.code == 0);
  CHECK(o.text.find("\"source\":\"-\"") != std::string::npos);
  CHECK(o.text.find("\"value\":12000000000") != std::string::npos);
  CHECK(o.text.find("\"currency\":\"TWD\"") != std::string::npos);
  CHECK(o.text.find("\"role\":\"lead_arranger\"") != std::string::npos);
}

TEST_CASE("query runs read-only: a write is refused and the data stays", "[cli]") {
  testing::TempDir dir;
  std::string db = (dir.path() / "d.db").string();
  Output created = Run("query --db " + db + " 'SELECT 1'");
  CHECK(created.code == 1);  // no such database: query never creates one
  CHECK(created.text.find("no such database") != std::string::npos);
  std::string cmd = "sqlite3 " + db + " 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  Output write = Run("query --db " + db + " 'DELETE FROM t'");
  CHECK(write.code == 1);
  CHECK(write.text.find("read-only") != std::string::npos);
  Output read = Run("query --db " + db + " --format csv 'SELECT count(*) AS n FROM t'");
  CHECK(read.code == 0);
  CHECK(read.text == "n\n1\n");
}

TEST_CASE("export writes every deal with its lenders and sources, as JSON lines or CSV", "[cli]") {
  testing::TempDir dir;
  std::string db = (dir.path() / "d.db").string();
  Output run = Run("run --db " + db + " --report " + (dir.path() / "r.html").string());
  REQUIRE(run.code == 0);
  Output jsonl = Run("export --db " + db);
  CHECK(jsonl.code == 0);
  CHECK(jsonl.text.find("\"borrower\":\"Vantage Data Centers\"") != std::string::npos);
  CHECK(jsonl.text.find("\"role\":\"lead_arranger\"") != std::string::npos);
  CHECK(jsonl.text.find("\"sources\":[{") != std::string::npos);
  Output csv = Run("export --db " + db + " --format csv");
  CHECK(csv.code == 0);
  CHECK(csv.text.rfind("deal_id,borrower,amount,currency,", 0) == 0);
  CHECK(Run("export --db " + (dir.path() / "missing.db").string()).code == 1);
}

TEST_CASE("review rejects a deal out of v_deals and an edit wins over extraction in later runs", "[cli]") {
  testing::TempDir dir;
  std::string db = (dir.path() / "d.db").string();
  std::string report = (dir.path() / "r.html").string();
  REQUIRE(Run("run --db " + db + " --report " + report).code == 0);
  Output before = Run("query --db " + db + " --format csv \"SELECT count(*) AS n FROM v_deals\"");
  REQUIRE(before.code == 0);
  int n = std::stoi(before.text.substr(2));
  Output reject = Run("review reject 1 --note 'not a loan' --db " + db);
  CHECK(reject.code == 0);
  Output after = Run("query --db " + db + " --format csv \"SELECT count(*) AS n FROM v_deals\"");
  CHECK(std::stoi(after.text.substr(2)) == n - 1);
  CHECK(Run("review edit 2 --field amount=27000000000 --db " + db).code == 0);
  CHECK(Run("review edit 2 --field amount --db " + db).code == 1);
  CHECK(Run("review accept 99999 --db " + db).code == 1);
  CHECK(Run("review approve 2 --db " + db).code == 2);
  REQUIRE(Run("run --db " + db + " --report " + report).code == 0);
  Output amount = Run("query --db " + db + " --format csv \"SELECT CAST(amount AS INTEGER) FROM v_deals WHERE deal_id = 2\"");
  CHECK(amount.text.find("27000000000") != std::string::npos);
}

}  // namespace
}  // namespace dealwatch
