// `dealwatch run` as cron and systemd run it: the built binary as a child
// process. The lock's exit code, log lines and the progress line on and off
// a terminal, SIGTERM, and SIGKILL at many points of a crawl of the bundled
// corpus served slowly over HTTP: nothing stored is lost, and the run after
// the kills leaves exactly the deals one uninterrupted run leaves.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "common/files.h"
#include "common/strings.h"
#include "crawl/test_server.h"
#include "pipeline/run_lock.h"
#include "store/database.h"

extern char** environ;

namespace dealwatch {
namespace {

using Ms = std::chrono::milliseconds;
using ::dealwatch::testing::TempDir;  // test_server.h's (test_paths.h has another)

std::string Binary() { return DEALWATCH_BINARY; }
std::filesystem::path RulesDir() { return std::filesystem::path(DEALWATCH_SOURCE_DIR) / "rules"; }
std::filesystem::path CorpusDir() { return std::filesystem::path(DEALWATCH_SOURCE_DIR) / "corpus"; }

// Starts the dealwatch binary with `args`; stdout and stderr go to the files
// given, or stderr to `stderr_fd` when it is >= 0.
pid_t Spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err,
            int stderr_fd = -1) {
  std::vector<std::string> argv_s = {Binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (stderr_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

// Waits for `pid` up to `timeout`; kills it (and fails) when it takes longer.
int Wait(pid_t pid, Ms timeout = Ms(60000)) {
  auto until = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > until) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL("dealwatch did not finish in time");
    }
    std::this_thread::sleep_for(Ms(5));
  }
  return status;
}

std::string Read(const std::filesystem::path& p) {
  auto text = ReadFile(p);
  return text.ok() ? *text : "";
}

// One value from the database, or -1 when it cannot be read (not created yet).
int64_t Scalar(const std::filesystem::path& db_path, const std::string& sql) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) return -1;
  auto db = Database::Open(db_path.string(), true);
  if (!db.ok()) return -1;
  auto st = db->Prepare(sql);
  if (!st.ok()) return -1;
  auto row = st->Step();
  if (!row.ok() || !*row) return -1;
  return st->Int(0);
}

// The bundled corpus over HTTP on 127.0.0.1, each page answered after
// `delay` so that a crawl takes long enough to be killed in the middle.
class CorpusServer {
 public:
  explicit CorpusServer(Ms delay) {
    server_.server().Get(R"(/(.*))", [delay](const httplib::Request& req, httplib::Response& res) {
      std::string rel = req.matches[1];
      std::filesystem::path path = CorpusDir() / "site" / rel;
      auto body = rel.find("..") == std::string::npos ? ReadFile(path) : Result<std::string>(NotFound(rel));
      if (!body.ok()) {
        res.status = 404;
        return;
      }
      // Like a static file server: validators, and 304 to a conditional GET
      // (quick, so resumed runs spend their time on what is left to do).
      const char* kModified = "Tue, 15 Sep 2026 22:10:00 GMT";
      res.set_header("Last-Modified", kModified);
      if (req.get_header_value("If-Modified-Since") == kModified) {
        res.status = 304;
        return;
      }
      std::string ext = path.extension().string();
      if (ext != ".xml") std::this_thread::sleep_for(delay);
      res.set_content(*body, ext == ".xml"    ? "application/rss+xml"
                             : ext == ".txt" ? "text/plain; charset=utf-8"
                                             : "text/html; charset=utf-8");
    });
    server_.Start();
  }

  // A config that crawls this server.
  std::filesystem::path WriteConfig(const std::filesystem::path& dir) const {
    std::filesystem::path p = dir / "config.toml";
    Status s = WriteFileAtomic(p, "[crawl]\nuser_agent = \"dealwatch-test/0.1 (+mailto:test@example.invalid)\"\n"
                                  "\n[[source]]\nname = \"corpus-http\"\n"
                                  "kind = \"rss\"\nurl = \"" + server_.Url("/feed.xml") + "\"\ndelay_ms = 0\n"
                                  "max_pages = 1000\nallow_private = true\n");
    REQUIRE(s.ok());
    return p;
  }

 private:
  ::dealwatch::testing::TestServer server_;
};

std::vector<std::string> RunArgs(const std::filesystem::path& config, const std::filesystem::path& db) {
  return {"--rules", RulesDir().string(), "run", "--config", config.string(), "--db",
          db.string(), "--report", (db.parent_path() / (db.stem().string() + ".html")).string()};
}

// The deals and their lenders as comparable text: every v_deals column but
// the id and the times of storing, each lender row keyed by its deal's text.
struct Snapshot {
  std::vector<std::string> deals, lenders;
  int64_t articles = 0, mentions = 0;
};

Snapshot Take(const std::filesystem::path& db_path) {
  auto db = Database::Open(db_path.string(), true);
  REQUIRE(db.ok());
  Snapshot s;
  std::map<int64_t, std::string> key;
  auto deals = db->Prepare("SELECT * FROM v_deals");
  REQUIRE(deals.ok());
  for (auto row = deals->Step(); row.ok() && *row; row = deals->Step()) {
    std::string k;
    for (int c = 0; c < deals->ColumnCount(); ++c) {
      std::string name = deals->ColumnName(c);
      bool stamp = name.size() > 5 && (name.substr(name.size() - 5) == "_seen" || name.substr(name.size() - 3) == "_at");
      if (name == "deal_id" || stamp) continue;
      k += name + "=" + (deals->IsNull(c) ? "NULL" : deals->Text(c)) + ";";
    }
    key[deals->Int(0)] = k;
    s.deals.push_back(k);
  }
  auto lenders = db->Prepare("SELECT deal_id, lender, role FROM v_deal_lenders");
  REQUIRE(lenders.ok());
  for (auto row = lenders->Step(); row.ok() && *row; row = lenders->Step())
    s.lenders.push_back(key[lenders->Int(0)] + " | " + lenders->Text(1) + " | " + lenders->Text(2));
  std::sort(s.deals.begin(), s.deals.end());
  std::sort(s.lenders.begin(), s.lenders.end());
  s.articles = Scalar(db_path, "SELECT count(*) FROM articles");
  s.mentions = Scalar(db_path, "SELECT count(*) FROM mentions");
  return s;
}

std::string IntegrityCheck(const std::filesystem::path& db_path) {
  auto db = Database::Open(db_path.string(), true);
  REQUIRE(db.ok());
  auto st = db->Prepare("PRAGMA integrity_check");
  REQUIRE(st.ok());
  std::string out;
  for (auto row = st->Step(); row.ok() && *row; row = st->Step()) out += st->Text(0);
  return out;
}

// Kills runs on `db` with SIGKILL: once during start-up (rules, schema),
// then each time the crawl has stored a few more articles, a few
// milliseconds apart so that the kills land at different points of
// fetching, extracting and committing. Stops when at most a few articles
// are left. Returns how many kills left the database part-way through.
int KillRepeatedly(const std::vector<std::string>& args, const std::filesystem::path& db, int64_t total,
                   const std::string& out, const std::string& err) {
  pid_t early = Spawn(args, out, err);
  std::this_thread::sleep_for(Ms(40));
  ::kill(early, SIGKILL);
  Wait(early);
  int64_t stored = std::max<int64_t>(0, Scalar(db, "SELECT count(*) FROM articles"));
  int mid_crawl = 0;
  const int extra_ms[] = {0, 4, 9, 2, 13, 6};
  for (int i = 0; i < 6 && stored < total - 6; ++i) {
    pid_t pid = Spawn(args, out, err);
    auto until = std::chrono::steady_clock::now() + Ms(20000);
    int status = 0;
    while (Scalar(db, "SELECT count(*) FROM articles") < stored + 4 && std::chrono::steady_clock::now() < until) {
      if (::waitpid(pid, &status, WNOHANG) == pid) return mid_crawl;  // finished: nothing left to interrupt
      std::this_thread::sleep_for(Ms(3));
    }
    std::this_thread::sleep_for(Ms(extra_ms[i]));
    ::kill(pid, SIGKILL);
    Wait(pid);
    int64_t now = Scalar(db, "SELECT count(*) FROM articles");
    INFO("kill " << i << ": " << stored << " -> " << now << " articles");
    CHECK(now >= stored);  // nothing committed is ever lost
    if (now > 0 && now < total) ++mid_crawl;
    stored = now;
  }
  return mid_crawl;
}

TEST_CASE("A run killed with SIGKILL anywhere loses nothing, the next run ends as one uninterrupted run would",
          "[pipeline]") {
  auto started = std::chrono::steady_clock::now();
  CorpusServer server(Ms(15));
  TempDir dir;
  std::filesystem::path config = server.WriteConfig(dir.path());
  std::string out = (dir.path() / "out.txt").string(), err = (dir.path() / "err.txt").string();
  std::filesystem::path reference = dir.path() / "reference.db";
  int status = Wait(Spawn(RunArgs(config, reference), out, err));
  INFO(Read(err));
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const int64_t total = Scalar(reference, "SELECT count(*) FROM articles");
  REQUIRE(total >= 60);

  std::filesystem::path killed = dir.path() / "killed.db";
  int mid_crawl = KillRepeatedly(RunArgs(config, killed), killed, total, out, err);
  CHECK(mid_crawl >= 3);
  CHECK(IntegrityCheck(killed) == "ok");

  status = Wait(Spawn(RunArgs(config, killed), out, err));
  INFO(Read(err));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(IntegrityCheck(killed) == "ok");
  CHECK(Scalar(killed, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(Scalar(killed, "SELECT count(*) FROM (SELECT 1 FROM mentions GROUP BY article_id, span_start, deal_id "
                       "HAVING count(*) > 1)") == 0);
  CHECK(Scalar(killed, "SELECT count(*) - count(DISTINCT url) FROM articles") == 0);
  CHECK(Scalar(killed, "SELECT count(*) FROM runs WHERE status = 'running'") == 0);
  CHECK(Scalar(killed, "SELECT count(*) FROM runs WHERE status = 'interrupted'") >= mid_crawl);
  CHECK(Scalar(killed, "SELECT status = 'done' FROM runs ORDER BY run_id DESC LIMIT 1") == 1);
  Snapshot want = Take(reference), got = Take(killed);
  CHECK(got.articles == want.articles);
  CHECK(got.mentions == want.mentions);
  CHECK(got.deals.size() == want.deals.size());
  CHECK(got.deals == want.deals);
  CHECK(got.lenders == want.lenders);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
}

TEST_CASE("A second run while one holds the lock exits at once with code 4 and says why", "[pipeline]") {
  TempDir dir;
  std::filesystem::path db = dir.path() / "deals.db";
  auto lock = RunLock::Acquire(db);
  REQUIRE(lock.ok());
  std::string out = (dir.path() / "out.txt").string(), err = (dir.path() / "err.txt").string();
  auto started = std::chrono::steady_clock::now();
  int status = Wait(Spawn({"run", "--db", db.string()}, out, err), Ms(20000));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 4);
  CHECK(Read(err) == "dealwatch: " + db.string() + ": another dealwatch run is using this database\n");
  CHECK(Read(out).empty());
  CHECK_FALSE(std::filesystem::exists(db));  // nothing was opened or created
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));

  status = Wait(Spawn({"--log-format", "json", "run", "--db", db.string()}, out, err), Ms(20000));
  CHECK(WEXITSTATUS(status) == 4);
  auto event = nlohmann::json::parse(Read(err), nullptr, false);
  REQUIRE(event.is_object());
  CHECK(event["level"] == "error");
  CHECK(event["msg"] == db.string() + ": another dealwatch run is using this database");
}

TEST_CASE("Off a terminal, run logs one JSON event per line and draws no progress line", "[pipeline]") {
  TempDir dir;
  std::filesystem::path db = dir.path() / "deals.db";
  std::string out = (dir.path() / "out.txt").string(), err = (dir.path() / "err.txt").string();
  int status = Wait(Spawn({"--rules", RulesDir().string(), "--log-level", "info",
                           "--log-format", "json", "run", "--db", db.string()},
                          out, err));
  std::string log = Read(err);
  INFO(log);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(log.find('\r') == std::string::npos);
  CHECK(log.find('\033') == std::string::npos);
  int lines = 0, run_events = 0;
  for (std::string_view line : Split(log, '\n')) {
    if (line.empty()) continue;
    ++lines;
    auto j = nlohmann::json::parse(line, nullptr, false);
    INFO(line);
    REQUIRE(j.is_object());
    CHECK(j.contains("ts"));
    CHECK(j.contains("level"));
    CHECK(j.contains("msg"));
    run_events += j.value("area", "") == "run";
  }
  CHECK(lines >= 60);  // one per page at least
  CHECK(run_events == 2);  // started, finished
  CHECK(Read(out).find("run 1 done") != std::string::npos);
}

TEST_CASE("On a terminal, run draws a progress line on stderr", "[pipeline]") {
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(slave >= 0);
  TempDir dir;
  std::string out = (dir.path() / "out.txt").string();
  pid_t pid = Spawn({"--rules", RulesDir().string(), "run", "--db",
                     (dir.path() / "deals.db").string()},
                    out, "", slave);
  ::close(slave);
  std::string screen;
  char buf[4096];
  while (true) {  // read until the child's end closes the terminal (EIO)
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 30000) <= 0) break;
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;
    screen.append(buf, static_cast<size_t>(n));
  }
  ::close(master);
  int status = Wait(pid);
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(screen.find("\r\033[K") != std::string::npos);
  CHECK(screen.find(" pages, ") != std::string::npos);
  CHECK(screen.find("new deals") != std::string::npos);
}

TEST_CASE("SIGTERM stops a run cleanly: recorded as interrupted, report written, the next run completes",
          "[pipeline]") {
  CorpusServer server(Ms(15));
  TempDir dir;
  std::filesystem::path config = server.WriteConfig(dir.path());
  std::filesystem::path db = dir.path() / "deals.db";
  std::string out = (dir.path() / "out.txt").string(), err = (dir.path() / "err.txt").string();
  pid_t pid = Spawn(RunArgs(config, db), out, err);
  auto until = std::chrono::steady_clock::now() + Ms(20000);
  while (Scalar(db, "SELECT count(*) FROM articles") < 5 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(Ms(5));
  ::kill(pid, SIGTERM);
  int status = Wait(pid, Ms(20000));
  INFO(Read(err));
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(Read(out).find("run 1 interrupted") != std::string::npos);
  CHECK(Scalar(db, "SELECT status = 'interrupted' AND finished_at IS NOT NULL FROM runs WHERE run_id = 1") == 1);
  int64_t stored = Scalar(db, "SELECT count(*) FROM articles");
  CHECK(stored < 60);
  CHECK(Read(dir.path() / "deals.html").find("interrupted") != std::string::npos);

  status = Wait(Spawn(RunArgs(config, db), out, err));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(Scalar(db, "SELECT count(*) FROM articles") >= 60);
  CHECK(Scalar(db, "SELECT pages_fetched FROM runs WHERE run_id = 2") == Scalar(db, "SELECT count(*) FROM articles") - stored);
}

}  // namespace
}  // namespace dealwatch
