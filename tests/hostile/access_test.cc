// Access: `dealwatch query` runs on a read-only connection, so no SQL an
// analyst (or a pasted snippet) sends can change the database or create
// files: not ATTACH, not writable pragmas, not VACUUM INTO, not extensions.
// (The plain write case is in tests/cli/cli_test.cc.)
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "common/files.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

struct Output {
  int code = -1;
  std::string text;
};

Output Query(const std::string& db, const std::string& sql) {
  std::string quoted = "'";
  for (char c : sql) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  std::string cmd = testing::Binary() + " query --db " + db + " " + quoted + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  Output out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.text.append(buf.data(), n);
  int status = ::pclose(p);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::set<std::string> Listing(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

TEST_CASE("query cannot attach, vacuum into, load extensions or write through pragmas", "[hostile]") {
  testing::TempDir dir;
  const std::filesystem::path db = dir.path() / "d.db";
  std::string create = "sqlite3 " + db.string() + " 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'";
  REQUIRE(std::system(create.c_str()) == 0);
  auto before = ReadFile(db);
  REQUIRE(before.ok());
  const std::set<std::string> files = Listing(dir.path());
  const std::string d = dir.path().string();

  // Each must fail (exit 1) and leave every file as it was.
  const char* refused[] = {
      "ATTACH DATABASE '{d}/attached.db' AS a",
      "ATTACH DATABASE 'file:{d}/uri.db?mode=rwc' AS u",
      "VACUUM",
      "PRAGMA user_version = 99",
      "PRAGMA journal_mode = WAL",
      "PRAGMA application_id = 7",
      "CREATE TABLE t2(x)",
      "CREATE TEMP TABLE t3(x)",
      "CREATE INDEX i ON t(x)",
      "REINDEX",
      "ANALYZE",
      "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
      "INSERT INTO t VALUES (2)",
      "SELECT load_extension('{d}/evil.so')",
  };
  for (std::string sql : refused) {
    for (size_t at; (at = sql.find("{d}")) != std::string::npos;) sql.replace(at, 3, d);
    INFO(sql);
    Output out = Query(db.string(), sql);
    CHECK(out.code == 1);
    CHECK(Listing(dir.path()) == files);
  }
  // Connection-local pragmas may run, but the next statement still cannot write.
  for (const char* sql : {"PRAGMA query_only = OFF", "PRAGMA writable_schema = ON"}) {
    INFO(sql);
    Output out = Query(db.string(), sql);
    CHECK((out.code == 0 || out.code == 1));
  }
  // Reading pragmas run, with or without an argument.
  for (const char* sql : {"SELECT count(*) FROM pragma_foreign_key_check", "PRAGMA table_info(t)",
                          "SELECT count(*) FROM pragma_table_info('t')", "PRAGMA integrity_check"}) {
    INFO(sql);
    CHECK(Query(db.string(), sql).code == 0);
  }
  // A batch is refused whole, naming what follows the first statement; a
  // trailing `;` or comment is not a second statement.
  Output batch = Query(db.string(), "SELECT count(*) FROM t; DELETE FROM t");
  CHECK(batch.code == 1);
  CHECK(batch.text.find("one statement at a time") != std::string::npos);
  CHECK(batch.text.find("DELETE FROM t") != std::string::npos);
  CHECK(Query(db.string(), "SELECT count(*) FROM t; SELECT 2").code == 1);
  CHECK(Query(db.string(), "SELECT count(*) AS n FROM t ; -- done\n;").code == 0);
  CHECK(Query(db.string(), "SELECT count(*) AS n FROM t").text.find("1") != std::string::npos);

  auto after = ReadFile(db);
  REQUIRE(after.ok());
  CHECK(*after == *before);
  CHECK(Listing(dir.path()) == files);
}

TEST_CASE("query VACUUM INTO creates no file", "[hostile]") {
  testing::TempDir dir;
  const std::filesystem::path db = dir.path() / "d.db";
  std::string create = "sqlite3 " + db.string() + " 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'";
  REQUIRE(std::system(create.c_str()) == 0);
  const std::filesystem::path copy = dir.path() / "copy.db";
  Output out = Query(db.string(), "VACUUM INTO '" + copy.string() + "'");
  CHECK(out.code == 1);
  CHECK_FALSE(std::filesystem::exists(copy));
}

}  // namespace
}  // namespace dealwatch
