// The SQL of each schema step after the first, one file per step
// (migration_N.cc takes a database from version N-1 to N). Internal to the
// store; schema.cc lists them in order.
#ifndef DEALWATCH_STORE_MIGRATIONS_H_
#define DEALWATCH_STORE_MIGRATIONS_H_

namespace dealwatch {

extern const char kMigrationTo2[];

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_MIGRATIONS_H_
