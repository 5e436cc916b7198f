// Test helpers for hostile-server tests: a bare TCP server on 127.0.0.1 that
// writes whatever bytes a test wants (lying Content-Length, cut chunked
// bodies, endless or dripping bodies), which cpp-httplib will not send; and
// measures of time and peak memory.
// RawServer is thread-safe: each connection is served on its own thread.
#ifndef DEALWATCH_TESTS_HOSTILE_RAW_SERVER_H_
#define DEALWATCH_TESTS_HOSTILE_RAW_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace dealwatch::testing {

// Writes all of `data` to `fd`; false once the peer has gone.
inline bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

class RawServer {
 public:
  // Called once per connection with the request's path ("/x?y") after its
  // headers were read; the connection closes when it returns. A handler
  // that loops must end when `stopping` becomes true or a write fails.
  using Handler = std::function<void(int fd, const std::string& path, const std::atomic<bool>& stopping)>;

  explicit RawServer(Handler handler) : handler_(std::move(handler)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(listen_fd_, 64);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }
  ~RawServer() {
    stopping_ = true;
    accept_thread_.join();
    ::close(listen_fd_);
    std::vector<std::thread> threads;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
      threads.swap(threads_);
    }
    for (std::thread& t : threads) t.join();
  }
  RawServer(const RawServer&) = delete;
  RawServer& operator=(const RawServer&) = delete;

  int port() const { return port_; }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // Request paths in arrival order.
  std::vector<std::string> paths() const {
    std::lock_guard<std::mutex> lock(mu_);
    return paths_;
  }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      std::lock_guard<std::mutex> lock(mu_);
      open_fds_.push_back(fd);
      threads_.emplace_back([this, fd] { Serve(fd); });
    }
  }
  void Serve(int fd) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536 && !stopping_) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      request.append(buf, static_cast<size_t>(n));
    }
    size_t sp = request.find(' ');
    size_t sp2 = sp == std::string::npos ? sp : request.find(' ', sp + 1);
    if (sp2 != std::string::npos) {
      std::string path = request.substr(sp + 1, sp2 - sp - 1);
      {
        std::lock_guard<std::mutex> lock(mu_);
        paths_.push_back(path);
      }
      handler_(fd, path, stopping_);
    }
    std::lock_guard<std::mutex> lock(mu_);
    std::erase(open_fds_, fd);
    ::close(fd);
  }

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mu_;
  std::vector<int> open_fds_;
  std::vector<std::thread> threads_;
  std::vector<std::string> paths_;
  std::thread accept_thread_;  // last: started once everything above exists
};

// Sleeps `ms` in short steps; false when `stopping` became true meanwhile.
inline bool SleepUnless(const std::atomic<bool>& stopping, int ms) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
    if (stopping) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return !stopping;
}

// Seconds since `start`.
inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Peak resident set size of this process so far, in MiB (getrusage). Peaks
// only grow, so a difference of two readings bounds what happened between.
inline double PeakRssMiB() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Whether the build has AddressSanitizer (slower, with more memory).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_HOSTILE_RAW_SERVER_H_
