// Test helpers for the crawl stage: a cpp-httplib server on 127.0.0.1 with
// a random free port, serving from its own thread and recording every
// request; a fast CrawlConfig for tests; gzip; and a crawl runner that
// stores handed-on pages like the pipeline would.
// The server is thread-safe (handlers run on httplib's pool).
#ifndef DEALWATCH_TESTS_CRAWL_TEST_SERVER_H_
#define DEALWATCH_TESTS_CRAWL_TEST_SERVER_H_

#include "test_paths.h"
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/gzip.h"
#include "crawl/crawl_config.h"
#include "crawl/crawler.h"
#include "crawl/curl_handles.h"
#include "crawl/url_state_store.h"

namespace dealwatch::testing {

using TestClock = std::chrono::steady_clock;

struct RecordedRequest {
  std::string path;  // with "?query" when there is one
  TestClock::time_point at;
  std::string user_agent;
  std::string if_none_match;
  std::string if_modified_since;
};

class TestServer {
 public:
  TestServer() {
    // Without TCP_NODELAY every answer on a reused connection waits ~40 ms
    // (Nagle's algorithm meeting delayed ACKs).
    server_.set_tcp_nodelay(true);
    port_ = server_.bind_to_any_port("127.0.0.1");
    server_.set_keep_alive_max_count(100);
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::string path = req.target.empty() ? req.path : req.target;
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back({path, TestClock::now(), req.get_header_value("User-Agent"),
                           req.get_header_value("If-None-Match"),
                           req.get_header_value("If-Modified-Since")});
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }
  ~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Register routes on server() first, then Start().
  httplib::Server& server() { return server_; }
  // Returns once the server accepts: stop() before that would be lost.
  void Start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  int port() const { return port_; }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::vector<RecordedRequest> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  int Count(const std::string& path) const {
    int n = 0;
    for (const RecordedRequest& r : requests()) n += r.path == path;
    return n;
  }
  // Arrival times of requests whose path starts with `prefix`, in order.
  std::vector<TestClock::time_point> Times(const std::string& prefix = "") const {
    std::vector<TestClock::time_point> out;
    for (const RecordedRequest& r : requests()) {
      if (r.path.rfind(prefix, 0) == 0) out.push_back(r.at);
    }
    return out;
  }
  // Serves `body` at `path` with `content_type`.
  void Serve(const std::string& path, const std::string& body, const std::string& content_type) {
    server_.Get(path, [body, content_type](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, content_type);
    });
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<RecordedRequest> requests_;
};

// A loopback port nobody listens on (bound, read back, closed again).
inline int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline int64_t GapMs(TestClock::time_point a, TestClock::time_point b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// Fast settings: no politeness delay, small backoff, 1 s low-speed timeout.
inline CrawlConfig FastConfig() {
  CrawlConfig c;
  c.user_agent = "dealwatch/0.1 (+mailto:test@example.invalid)";
  c.timeout_s = 10;
  c.connect_timeout_s = 5;
  c.low_speed_s = 1;
  c.max_retries = 2;
  c.retry_base_ms = 50;
  c.retry_after_max_s = 5;
  return c;
}

inline SourceConfig TestSource(const std::string& name, const std::string& kind,
                               const std::string& url) {
  SourceConfig s;
  s.name = name;
  s.kind = kind;
  s.url = url;
  s.delay_ms = 0;
  s.allow_private = true;
  return s;
}

// Runs one crawl, storing each handed-on page's state as the pipeline would.
struct CrawlResult {
  CrawlReport report;
  std::vector<Page> pages;
};

inline CrawlResult RunCrawl(const CrawlConfig& config, UrlStateStore* store,
                            const std::atomic<bool>* stop = nullptr) {
  CrawlResult result;
  Crawler crawler(config, store);
  result.report = crawler.Run(
      [&](Page&& page) {
        Status s = store->Put(page.state);
        (void)s;
        result.pages.push_back(std::move(page));
      },
      stop);
  return result;
}

// A fresh empty folder under the system temp dir, removed on destruction.
// TempDir comes from test_paths.h (shared by every test).

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_CRAWL_TEST_SERVER_H_
