#include "store/database.h"

namespace dealwatch {

namespace {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return Unavailable(msg);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return DataError(msg);
  if (rc == SQLITE_CANTOPEN) return NotFound(msg);
  if (rc == SQLITE_READONLY || rc == SQLITE_AUTH) return InvalidArgument(msg);
  return Internal(msg);
}

// Pragmas that only read, even when given an argument (table_info(deals)).
bool IsReadingPragma(std::string_view name) {
  static constexpr std::string_view kReading[] = {
      "table_info",   "table_xinfo",       "index_list",   "index_info",     "index_xinfo",
      "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "collation_list",
      "database_list", "function_list",    "module_list",  "pragma_list",    "compile_options",
      "table_list"};
  for (std::string_view k : kReading)
    if (name == k) return true;
  return false;
}

// The authorizer of read-only connections (see Database::Open).
int DenyWrites(void*, int action, const char* arg1, const char* arg2, const char*, const char*) {
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
      return SQLITE_OK;
    case SQLITE_FUNCTION: {
      std::string_view name = arg2 ? arg2 : "";
      return name == "load_extension" || name == "readfile" || name == "writefile" ? SQLITE_DENY : SQLITE_OK;
    }
    case SQLITE_PRAGMA:
      return arg2 == nullptr || IsReadingPragma(arg1 ? arg1 : "") ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_UPDATE: {
      // Reading a table-valued pragma (pragma_foreign_key_check) asks this
      // for the schema table; the read-only connection cannot write it.
      std::string_view table = arg1 ? arg1 : "";
      return table == "sqlite_master" || table == "sqlite_temp_master" ? SQLITE_OK : SQLITE_DENY;
    }
    default:
      return SQLITE_DENY;
  }
}

}  // namespace

bool Statement::ReadOnly() const { return sqlite3_stmt_readonly(stmt_.get()) != 0; }

Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}
Statement& Statement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}
Statement& Statement::BindText(int index, const std::string& value) {
  return value.empty() ? BindNull(index) : Bind(index, std::string_view(value));
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, sqlite3_sql(stmt_.get()) ? std::string_view(sqlite3_sql(stmt_.get())).substr(0, 60) : "step");
}

Status Statement::Run() {
  while (true) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!*r) return Reset();
  }
}

Status Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  return Status::Ok();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::Double(int column) const { return sqlite3_column_double(stmt_.get(), column); }
std::string Statement::Text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), column);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_.get(), column)) : "";
}
bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
int Statement::ColumnCount() const { return sqlite3_column_count(stmt_.get()); }
std::string Statement::ColumnName(int column) const {
  const char* n = sqlite3_column_name(stmt_.get(), column);
  return n ? n : "";
}
int Statement::ColumnType(int column) const { return sqlite3_column_type(stmt_.get(), column); }

Result<Database> Database::Open(const std::string& path, bool read_only) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) return SqliteError(raw, rc, path);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 0);
  DW_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  if (!read_only && path != ":memory:") {
    DW_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
    DW_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  }
  if (read_only) {
    DW_RETURN_IF_ERROR(db.Exec("PRAGMA query_only = ON"));
    sqlite3_set_authorizer(raw, DenyWrites, nullptr);
  }
  // Fail now, with the path in the message, if this is not a database.
  Status check = db.Exec("SELECT count(*) FROM sqlite_master");
  if (!check.ok()) return check.WithContext(path);
  return db;
}

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  Status st = SqliteError(nullptr, rc, "");
  return Status(st.code(), msg);
}

Result<Statement> Database::Prepare(std::string_view sql, std::string_view* rest) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return SqliteError(db_.get(), rc, "prepare");
  }
  if (rest) *rest = tail ? sql.substr(static_cast<size_t>(tail - sql.data())) : std::string_view();
  Statement st;
  st.stmt_.reset(raw);
  st.db_ = db_.get();
  return st;
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::Changes() const { return sqlite3_changes(db_.get()); }

Result<Transaction> Transaction::Begin(Database* db) {
  DW_RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Database* db = db_;
  db_ = nullptr;
  return db->Exec("COMMIT");
}

}  // namespace dealwatch
