// `dealwatch run` end to end against one hostile site on 127.0.0.1: a feed
// whose entries are an endless body, a drip, a gzip bomb, a lying
// Content-Length, a cut chunked body, a redirect to file://, a 404, a page
// with NUL bytes, one with broken encodings, a deep nest, and one good
// article whose text carries <script> and <img onerror>. The run must
// finish in bounded time and memory, record every bad page in run_errors
// with a reason, store the rest, escape the article text in the report, and
// keep the secret in the feed URL's query string out of its logs, report
// and stored config.
#include <sys/resource.h>
#include <sys/wait.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "common/files.h"
#include "common/gzip.h"
#include "hostile/raw_server.h"
#include "store/database.h"
#include "test_paths.h"

namespace dealwatch {
namespace {

using testing::RawServer;
using testing::SendAll;
using testing::SleepUnless;
using Clock = std::chrono::steady_clock;

constexpr double kSlow = testing::kSanitized ? 4.0 : 1.0;
const char kSecret[] = "abc123secret";

std::string Ok(const std::string& content_type, const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n" + extra + "Connection: close\r\n\r\n" + body;
}

const char kArticle[] =
    "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Acme Corp signs loan</title></head><body><article>"
    "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Acme Corp signs loan</h1>"
    "<p>NEW YORK, March 3 2026 - Acme Corp &lt;script&gt;alert(2)&lt;/script&gt; signed a US$500 million five-year "
    "term loan with JPMorgan Chase as lead arranger, the company said on Tuesday.</p>"
    "<p>The loan &lt;img src=x onerror=alert(3)&gt; will refinance existing debt.</p>"
    "</article></body></html>";

// The hostile site: path -> what the server does.
void Serve(int fd, const std::string& path, const std::atomic<bool>& stopping, const std::string& base) {
  if (path.rfind("/feed.xml", 0) == 0) {
    std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>hostile</title>";
    for (const char* p : {"good", "endless", "drip", "bomb", "cl-lie", "chunk-cut", "to-file", "missing", "nul",
                          "mixed", "deep", "long"}) {
      feed += std::string("<item><title>") + p + "</title><link>" + base + "/" + p + ".html</link></item>";
    }
    SendAll(fd, Ok("application/rss+xml", feed + "</channel></rss>"));
  } else if (path == "/good.html") {
    SendAll(fd, Ok("text/html; charset=utf-8", kArticle));
  } else if (path == "/endless.html") {
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
    const std::string chunk(64 << 10, 'x');
    while (!stopping && SendAll(fd, chunk)) {
    }
  } else if (path == "/drip.html") {
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n");
    while (SleepUnless(stopping, 1500) && SendAll(fd, "x")) {
    }
  } else if (path == "/bomb.html") {
    static const std::string bomb = testing::Gzip(std::string(64u << 20, ' '), Z_BEST_COMPRESSION);
    SendAll(fd, Ok("text/html", bomb, "Content-Encoding: gzip\r\n"));
  } else if (path == "/cl-lie.html") {
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>short</p>");
  } else if (path == "/chunk-cut.html") {
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n400\r\nab");
  } else if (path == "/to-file.html") {
    SendAll(fd, "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n");
  } else if (path == "/nul.html") {
    static constexpr char kNulPage[] = "<p>NUL\0 page with text after it</p>";
    SendAll(fd, Ok("text/html", std::string(kNulPage, sizeof kNulPage - 1)));  // the NUL inside, not the last
  } else if (path == "/mixed.html") {
    SendAll(fd, Ok("text/html; charset=utf-8", "<p>broken \xC0\xAF\xED\xA0\x80\xBB\xC8 bytes, text kept</p>"));
  } else if (path == "/deep.html") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    SendAll(fd, Ok("text/html", deep + "<p>deep text</p>"));
  } else if (path == "/long.html") {
    // 3 MB of sentences: extraction reads the first 1 MiB and says so.
    std::string text;
    while (text.size() < (3u << 20)) text += "Markets were calm on Tuesday and traders waited for the data. ";
    SendAll(fd, Ok("text/html", "<html><body><article><p>" + text + "</p></article></body></html>"));
  } else {
    SendAll(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }
}

struct Output {
  int code = -1;
  std::string text;  // stdout and stderr
};

Output RunBinary(const std::string& args) {
  std::string cmd = testing::Binary() + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  Output out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.text.append(buf.data(), n);
  int status = ::pclose(p);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::map<std::string, std::string> Errors(const std::filesystem::path& db_path) {
  std::map<std::string, std::string> out;  // url -> message
  auto db = Database::Open(db_path.string(), true);
  REQUIRE(db.ok());
  auto st = db->Prepare("SELECT coalesce(url, ''), message FROM run_errors");
  REQUIRE(st.ok());
  while (true) {
    auto row = st->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    out[st->Text(0)] = st->Text(1);
  }
  return out;
}

std::string Column(const std::filesystem::path& db_path, const std::string& sql) {
  auto db = Database::Open(db_path.string(), true);
  REQUIRE(db.ok());
  auto st = db->Prepare(sql);
  REQUIRE(st.ok());
  std::string all;
  while (true) {
    auto row = st->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    all += st->Text(0) + "\n";
  }
  return all;
}

TEST_CASE("A nightly run against a hostile site records each bad page and finishes, bounded", "[hostile]") {
  testing::TempDir dir;
  std::string base;
  RawServer server([&base](int fd, const std::string& path, const std::atomic<bool>& stopping) {
    Serve(fd, path, stopping, base);
  });
  base = server.Url("");
  const std::filesystem::path config = dir.path() / "config.toml";
  {
    std::ofstream out(config);
    out << "db = \"deals.db\"\nreport = \"report.html\"\nrules = \"" << testing::RulesDir().string() << "\"\n"
        << "[crawl]\nuser_agent = \"dealwatch/0.1 (+mailto:ops@example.invalid)\"\ntimeout_s = 4\n"
        << "low_speed_s = 1\nmax_retries = 0\nmax_bytes = 4000000\n"
        << "[[source]]\nname = \"hostile\"\nkind = \"rss\"\nurl = \"" << base << "/feed.xml?token=" << kSecret
        << "\"\nallow_private = true\ndelay_ms = 0\nrobots = false\n";
  }
  auto start = Clock::now();
  Output run = RunBinary("run --log-level info --config " + config.string());
  double seconds = testing::SecondsSince(start);
  rusage children{};
  ::getrusage(RUSAGE_CHILDREN, &children);
  INFO(run.text);
  CHECK(run.code == 0);
  CHECK(seconds < 30 * kSlow);
  CHECK(children.ru_maxrss / 1024 < 600 * kSlow);  // MiB, the largest child so far

  const std::filesystem::path db = dir.path() / "deals.db";
  REQUIRE(std::filesystem::exists(db));
  CHECK(Column(db, "SELECT status FROM runs") == "done\n");
  std::map<std::string, std::string> errors = Errors(db);
  const std::map<std::string, std::string> expected = {
      {"/endless.html", "too large"}, {"/drip.html", "timeout"},   {"/bomb.html", "too large"},
      {"/cl-lie.html", "network"},    {"/chunk-cut.html", "network"}, {"/to-file.html", "scheme"},
      {"/missing.html", "http 404"},  {"/long.html", "text cut for extraction"},
  };
  for (const auto& [path, reason] : expected) {
    INFO(path);
    auto it = errors.find(base + path);
    REQUIRE(it != errors.end());
    CHECK(it->second.find(reason) != std::string::npos);
  }
  std::string urls = Column(db, "SELECT url FROM articles ORDER BY url");
  for (const char* stored : {"/good.html", "/nul.html", "/mixed.html", "/deep.html", "/long.html"}) {
    INFO(stored);
    CHECK(urls.find(base + stored + "\n") != std::string::npos);
  }
  CHECK(Column(db, "SELECT count(*) FROM v_deals") == "1\n");

  auto report = ReadFile(dir.path() / "report.html");
  REQUIRE(report.ok());
  // The article's markup shows as text.
  // The only script is the report's own table sorter.
  CHECK(report->find("<script") == report->rfind("<script"));
  CHECK(report->find("<script>\n(function () {") != std::string::npos);
  CHECK(report->find("<img") == std::string::npos);
  CHECK(report->find("&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
  CHECK((report->find("onerror=alert(3)") == std::string::npos ||
         report->find("&lt;img src=x onerror=alert(3)&gt;") != std::string::npos));
  // The secret in the feed URL is in no log, report or stored config.
  CHECK(run.text.find(kSecret) == std::string::npos);
  CHECK(report->find(kSecret) == std::string::npos);
  CHECK(Column(db, "SELECT config FROM runs").find(kSecret) == std::string::npos);
  CHECK(Column(db, "SELECT coalesce(url, '') || ' ' || message FROM run_errors").find(kSecret) == std::string::npos);
}

}  // namespace
}  // namespace dealwatch
