#include "pipeline/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dealwatch {

namespace {
constexpr const char* kHeld = "another dealwatch run is using this database";
}  // namespace

Result<std::unique_ptr<RunLock>> RunLock::Acquire(const std::filesystem::path& db_path) {
  std::string path = db_path.string() + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Unavailable(path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) return Unavailable(db_path.string() + ": " + kHeld);
    return Unavailable(path + ": " + std::strerror(err));
  }
  return std::unique_ptr<RunLock>(new RunLock(fd));
}

bool LockHeldByAnotherRun(const Status& status) {
  return status.code() == Code::kUnavailable && status.message().find(kHeld) != std::string::npos;
}

RunLock::~RunLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace dealwatch
