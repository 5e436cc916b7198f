// `dealwatch report` as scripts use it: formats, output file, exit codes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>

#include "common/files.h"
#include "report/report_fixture.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

struct Output {
  int code;
  std::string text;  // stdout and stderr
};

Output RunBinary(const std::string& args) {
  std::string cmd = ::dealwatch::testing::Binary() + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = ::pclose(p);
  return {WEXITSTATUS(status), out};
}

TEST_CASE("report writes html, md or json of the latest or a given run", "[report]") {
  ::dealwatch::testing::TempDir dir;
  std::string db = (dir.path() / "deals.db").string();
  {
    ::dealwatch::testing::ReportDb fill(db);
    fill.AddRun(1, "done");
    fill.AddRun(2, "done");
    int64_t deal = fill.Deal({.borrower = "First Co", .first_run = 1, .last_run = 1});
    int64_t a = fill.Article("https://n.test/1", "t", "2026-09-01", "en", "US", 1);
    fill.Mention(deal, a, "First Co borrowed.", 1);
  }
  Output md = RunBinary("report --db " + db + " --run 1 --format md");
  CHECK(md.code == 0);
  CHECK(md.text.rfind("# dealwatch: run 1\n", 0) == 0);
  CHECK(md.text.find("## New deals (1)") != std::string::npos);
  Output latest = RunBinary("report --db " + db + " --last --format json");
  REQUIRE(latest.code == 0);
  auto j = nlohmann::json::parse(latest.text);
  CHECK(j["run"]["run_id"] == 2);
  CHECK(j["new_deals"].empty());
  CHECK_FALSE(j["rules"]["never_fired"].empty());  // the rules were found and loaded
  std::string out = (dir.path() / "r.html").string();
  Output html = RunBinary("report --db " + db + " -o " + out);
  CHECK(html.code == 0);
  CHECK(html.text.empty());
  auto written = ReadFile(out);
  REQUIRE(written.ok());
  CHECK(written->rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("report fails clearly on a missing run, a missing database or a bad format", "[report]") {
  ::dealwatch::testing::TempDir dir;
  std::string db = (dir.path() / "deals.db").string();
  { ::dealwatch::testing::ReportDb fill(db); }
  Output empty = RunBinary("report --db " + db);
  CHECK(empty.code == 1);
  CHECK(empty.text == "dealwatch: " + db + ": the database holds no run yet\n");
  Output missing = RunBinary("report --db " + (dir.path() / "none.db").string());
  CHECK(missing.code == 1);
  CHECK(missing.text.find("no such database") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "none.db"));
  CHECK(RunBinary("report --db " + db + " --format pdf").code == 2);
  CHECK(RunBinary("report --db " + db + " --run 3 --last").code == 2);
}

}  // namespace
}  // namespace dealwatch
