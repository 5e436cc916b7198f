// Small helpers the report uses to read the deal database: which optional
// tables, views and columns a database has (the schema grows over versions
// and the report works on every one of them), and a row loop over a
// prepared statement. Reads only.
#ifndef DEALWATCH_REPORT_REPORT_SQL_H_
#define DEALWATCH_REPORT_REPORT_SQL_H_

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace dealwatch {

// True when a table or view called `name` exists.
bool HasTable(Database* db, std::string_view name);
// True when table or view `table` has a column called `column`.
bool HasColumn(Database* db, std::string_view table, std::string_view column);

// Prepares `sql`, lets `bind` bind its parameters (may be empty), then calls
// `row` once per result row. Errors name the first words of the statement.
Status ForEachRow(Database* db, std::string_view sql, const std::function<void(Statement&)>& bind,
                  const std::function<void(const Statement&)>& row);

}  // namespace dealwatch

#endif  // DEALWATCH_REPORT_REPORT_SQL_H_
