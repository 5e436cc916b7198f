// The deal database schema and its migrations. The schema version lives in
// PRAGMA user_version; Migrate() brings an older database up to date in one
// transaction and refuses a newer one. The public views v_deals,
// v_deal_lenders and v_deal_sources are a stable interface (README.md).
#ifndef DEALWATCH_STORE_SCHEMA_H_
#define DEALWATCH_STORE_SCHEMA_H_

#include "common/status.h"
#include "store/database.h"

namespace dealwatch {

// The version this build writes.
int CurrentSchemaVersion();

// The SQL of the step from `from_version` to the next, or null when there is
// none. Tests use it to build databases as older versions left them.
const char* MigrationSql(int from_version);

// Reads PRAGMA user_version.
Result<int> SchemaVersion(Database* db);

// Upgrades `db` to CurrentSchemaVersion() atomically. A database written by
// a newer dealwatch fails with kInvalidArgument naming both versions.
Status Migrate(Database* db);

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_SCHEMA_H_
