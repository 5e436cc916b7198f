// RunLock: an exclusive advisory lock (flock) on "<db>.lock", so that two
// nightly runs never work on one database at once. Released when the
// object dies, and by the kernel when the process dies, so a killed run
// never leaves a stale lock.
#ifndef DEALWATCH_PIPELINE_RUN_LOCK_H_
#define DEALWATCH_PIPELINE_RUN_LOCK_H_

#include <filesystem>
#include <memory>

#include "common/status.h"

namespace dealwatch {

class RunLock {
 public:
  // kUnavailable when another process holds the lock (the message says
  // "<db>: another dealwatch run is using this database"); other errors
  // when the lock file cannot be opened.
  static Result<std::unique_ptr<RunLock>> Acquire(const std::filesystem::path& db_path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

// True when `status` is Acquire()'s "another run holds the lock" failure.
bool LockHeldByAnotherRun(const Status& status);

}  // namespace dealwatch

#endif  // DEALWATCH_PIPELINE_RUN_LOCK_H_
