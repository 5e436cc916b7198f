#include "report/report_sql.h"

namespace dealwatch {

bool HasTable(Database* db, std::string_view name) {
  Result<Statement> st = db->Prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
  if (!st.ok()) return false;
  st->Bind(1, name);
  Result<bool> row = st->Step();
  return row.ok() && *row;
}

bool HasColumn(Database* db, std::string_view table, std::string_view column) {
  Result<Statement> st = db->Prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  if (!st.ok()) return false;
  st->Bind(1, table).Bind(2, column);
  Result<bool> row = st->Step();
  return row.ok() && *row;
}

Status ForEachRow(Database* db, std::string_view sql, const std::function<void(Statement&)>& bind,
                  const std::function<void(const Statement&)>& row) {
  Result<Statement> st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  if (bind) bind(*st);
  while (true) {
    Result<bool> more = st->Step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    row(*st);
  }
}

}  // namespace dealwatch
