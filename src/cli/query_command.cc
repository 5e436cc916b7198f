// dealwatch query [--db FILE] [--format table|csv|json] SQL
// Runs SQL on a read-only connection (PRAGMA query_only): it cannot write.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/utf8.h"
#include "pipeline/run_config.h"
#include "store/database.h"

namespace dealwatch {

namespace {

struct QueryOptions {
  std::string db;
  std::string format = "table";
  std::string sql;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Display width: CJK characters take two columns.
size_t Width(const std::string& s) {
  size_t w = 0, i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    w += (cp >= 0x1100 && (IsHan(cp) || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFF60))) ? 2 : 1;
    i += len;
  }
  return w;
}

void PrintTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size());
  for (size_t c = 0; c < header.size(); ++c) widths[c] = Width(header[c]);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) widths[c] = std::min<size_t>(60, std::max(widths[c], Width(r[c])));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t c = 0; c < r.size(); ++c) {
      std::string cell(Utf8Truncate(r[c], 180));
      out += cell + std::string(widths[c] > Width(cell) ? widths[c] - Width(cell) : 0, ' ');
      if (c + 1 < r.size()) out += "  ";
    }
    std::cout << out << '\n';
  };
  line(header);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& r : rows) line(r);
}

// The position of the first character of `sql` from `i` on that is not a
// blank, a comment or (with skip_semicolons) a `;`.
size_t SkipBlanks(std::string_view sql, size_t i, bool skip_semicolons) {
  while (i < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[i])) || (skip_semicolons && sql[i] == ';')) {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      i = std::min(sql.size(), sql.find('\n', i));
    } else if (sql.substr(i, 2) == "/*") {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

// The first keyword of `sql`, upper-cased, after blanks and comments.
std::string FirstKeyword(std::string_view sql) {
  size_t i = SkipBlanks(sql, 0, false);
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
  return word;
}

// query runs reading statements only; the read-only connection (see
// Database::Open) and sqlite3_stmt_readonly() stop the rest.
bool IsReadingStatement(std::string_view sql) {
  std::string word = FirstKeyword(sql);
  return word == "SELECT" || word == "WITH" || word == "VALUES" || word == "EXPLAIN" || word == "PRAGMA";
}

int RunQuery(const GlobalOptions& global, const QueryOptions& opts) {
  ApplyGlobalOptions(global);
  std::string path = opts.db.empty() ? (DefaultStateDir() / "deals.db").string() : opts.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Fail(NotFound(path + ": no such database"));
  Result<Database> db = Database::Open(path, /*read_only=*/true);
  if (!db.ok()) return Fail(db.status());
  const Status refused = InvalidArgument("query: the database is opened read-only; only SELECT, WITH, VALUES, "
                                         "EXPLAIN and reading PRAGMA statements run");
  if (!IsReadingStatement(opts.sql)) return Fail(refused);
  std::string_view rest;
  Result<Statement> st = db->Prepare(opts.sql, &rest);
  if (!st.ok()) return Fail(st.status().WithContext("query (read-only)"));
  if (size_t more = SkipBlanks(rest, 0, true); more < rest.size()) {
    return Fail(InvalidArgument("query: one statement at a time; this SQL goes on after the first: " +
                                std::string(Utf8Truncate(rest.substr(more), 60))));
  }
  if (!st->ReadOnly()) return Fail(refused);
  std::vector<std::string> header;
  for (int c = 0; c < st->ColumnCount(); ++c) header.push_back(st->ColumnName(c));
  nlohmann::json json_rows = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  if (opts.format == "csv") {
    std::string h;
    for (size_t c = 0; c < header.size(); ++c) h += (c ? "," : "") + CsvField(header[c]);
    std::cout << h << '\n';
  }
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok()) return Fail(row.status().WithContext("query"));
    if (!*row) break;
    std::vector<std::string> r;
    nlohmann::json obj = nlohmann::json::object();
    for (int c = 0; c < st->ColumnCount(); ++c) {
      int type = st->ColumnType(c);
      r.push_back(st->Text(c));
      if (type == SQLITE_NULL) obj[header[c]] = nullptr;
      else if (type == SQLITE_INTEGER) obj[header[c]] = st->Int(c);
      else if (type == SQLITE_FLOAT) obj[header[c]] = st->Double(c);
      else obj[header[c]] = st->Text(c);
    }
    if (opts.format == "csv") {
      std::string line;
      for (size_t c = 0; c < r.size(); ++c) line += (c ? "," : "") + CsvField(r[c]);
      std::cout << line << '\n';
    } else if (opts.format == "json") {
      json_rows.push_back(std::move(obj));
    } else {
      rows.push_back(std::move(r));
    }
  }
  if (opts.format == "json") std::cout << json_rows.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  if (opts.format == "table") PrintTable(header, rows);
  return kExitOk;
}

}  // namespace

void RegisterQueryCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Run SQL on the deal database, read-only (see README.md for the views)");
  cmd->add_option("--db", opts->db, "Deal database (default: ~/.local/share/dealwatch/deals.db)");
  cmd->add_option("--format", opts->format, "table (default), csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("sql", opts->sql, "The SQL to run, e.g. \"SELECT * FROM v_deals\"")->required();
  cmd->callback([&global, opts, exit_code] { *exit_code = RunQuery(global, *opts); });
}

}  // namespace dealwatch
