// Database and Statement: thin RAII wrappers around sqlite3 and
// sqlite3_stmt that turn SQLite result codes into Status values at the edge
// of the store stage. A Database is used from one thread at a time.
#ifndef DEALWATCH_STORE_DATABASE_H_
#define DEALWATCH_STORE_DATABASE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dealwatch {

class Statement {
 public:
  Statement() = default;
  Statement(Statement&&) = default;
  Statement& operator=(Statement&&) = default;

  // Bind by 1-based index. Strings are copied (SQLITE_TRANSIENT).
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& Bind(int index, const std::optional<double>& value);
  Statement& BindText(int index, const std::string& value);  // NULL when empty
  // True when the statement cannot change the database (sqlite3_stmt_readonly).
  bool ReadOnly() const;

  // Steps once: true when a row is ready, false when done; errors as Status.
  Result<bool> Step();
  // Steps to the end (for statements without results).
  Status Run();
  Status Reset();

  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  int ColumnType(int column) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  sqlite3* db_ = nullptr;  // borrowed, for error messages
};

class Database {
 public:
  // Opens (creating unless read_only) the database at `path` (":memory:" for
  // tests), with foreign keys on, a busy timeout, and WAL mode when writable.
  // A read-only connection also refuses, through an authorizer, everything
  // that could write a file: ATTACH, schema changes (even TEMP), REINDEX,
  // ANALYZE, pragmas that set a value, and load_extension().
  static Result<Database> Open(const std::string& path, bool read_only = false);

  Database(Database&&) = default;
  Database& operator=(Database&&) = default;

  Status Exec(std::string_view sql);
  // Prepares the first statement of `sql`; `rest`, when given, receives
  // what follows it (after its `;`).
  Result<Statement> Prepare(std::string_view sql, std::string_view* rest = nullptr);
  int64_t LastInsertId() const;
  int Changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

 private:
  Database() = default;
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

// Runs a function inside BEGIN IMMEDIATE ... COMMIT; rolls back when the
// transaction object dies without Commit().
class Transaction {
 public:
  static Result<Transaction> Begin(Database* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or rolled back
};

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_DATABASE_H_
