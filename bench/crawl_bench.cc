// The crawl stage over loopback (issue 6): Crawler::Run, configured through
// ParseCrawlConfig as `dealwatch run` configures it, fetches
// Options::crawl_pages generated pages (page_generator.h; 2,000) from
// cpp-httplib servers on 127.0.0.1 with delays off (delay_ms = 0,
// allow_private = true, robots.txt obeyed, [crawl] defaults: concurrency 8).
// Each server is one "host" (its own port, so its own politeness lane: the
// crawler sends one request at a time per host) with its own robots.txt and
// RSS feed listing its share of the pages, i % hosts. Pages are served from
// memory with a Content-Length and no compression on the fly (cpp-httplib
// would otherwise brotli-compress every text/html answer); the gzip variants
// serve pages gzipped once before the run, with Content-Encoding: gzip.
// Variants, named crawl/<handler>/<encoding>/hosts:<n>:
//   noop     the page handler does nothing: the crawl alone
//   article  the handler runs the article stage (DecodeToUtf8 +
//            ExtractArticle), on the crawler's thread as the nightly run does
// One iteration is one crawl of every page with a fresh MemoryUrlStateStore,
// timed by the wall clock around Run (manual time). Figures:
// items_per_second (pages/s), bytes_per_second (page bytes/s, decoded),
// cpu_ms_per_page (user + sys CPU of the thread that ran Crawler::Run: the
// crawler and its handler), proc_cpu_ms_per_page (the whole process, i.e.
// also the servers' threads), cores (process CPU seconds per wall second),
// wire_MB (bytes of page bodies on the wire per crawl), pages (per crawl).
#include <benchmark/benchmark.h>
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "bench_support.h"
#include "common/gzip.h"
#include "common/strings.h"
#include "crawl/crawl_config.h"
#include "crawl/crawler.h"
#include "crawl/url_state_store.h"
#include "normalize/charset.h"
#include "parse/article_extractor.h"

namespace dealwatch::bench {
namespace {

struct ServedPage {
  std::string path;  // "/en/000/000123-slug.html"
  std::string content_type;
  std::string title;
  std::string body;
  std::string gzipped;  // filled by SitePages(true)
};

// Pages [0, crawl_pages) of the generated corpus, built once per process
// (gzipped once more on the first call that asks for it).
const std::vector<ServedPage>& SitePages(bool gzip) {
  static std::vector<ServedPage> pages;
  static std::once_flag made, zipped;
  std::call_once(made, [] {
    for (int64_t i = 0; i < GetOptions().crawl_pages; ++i) {
      GeneratedPage g = Generator().Generate(i);
      pages.push_back({"/" + g.path, "text/html; charset=" + g.charset, g.title, std::move(g.bytes), ""});
    }
  });
  if (gzip) {
    std::call_once(zipped, [] {
      for (ServedPage& p : pages) p.gzipped = testing::Gzip(p.body);
    });
  }
  return pages;
}

// One loopback site: a cpp-httplib server on 127.0.0.1 serving robots.txt,
// feed.xml and its pages from memory. Register with Add(), then Start().
// Handlers run on httplib's pool and only read.
class LoopbackHost {
 public:
  LoopbackHost() {
    // As nginx's tcp_nodelay: without it every answer on a reused
    // connection waits ~40 ms for the client's delayed ACK (Nagle). Set
    // before binding: accepted sockets inherit it from the listening one.
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(1000);  // as nginx's keepalive_requests
    port_ = server_.bind_to_any_port("127.0.0.1");
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      auto it = entries_.find(req.path);
      if (it == entries_.end()) return httplib::Server::HandlerResponse::Unhandled;  // 404
      const Entry& e = it->second;
      if (e.gzip) res.set_header("Content-Encoding", "gzip");
      // A sized content provider: httplib compresses only plain bodies.
      res.set_content_provider(e.body->size(), e.content_type,
                               [body = e.body](size_t offset, size_t length, httplib::DataSink& sink) {
                                 return sink.write(body->data() + offset, length);
                               });
      return httplib::Server::HandlerResponse::Handled;
    });
  }
  ~LoopbackHost() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  LoopbackHost(const LoopbackHost&) = delete;
  LoopbackHost& operator=(const LoopbackHost&) = delete;

  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  bool ok() const { return port_ > 0; }

  // `page` is borrowed and must outlive the host.
  void Add(const ServedPage& page, bool gzip) {
    entries_[page.path] = {gzip ? &page.gzipped : &page.body, page.content_type, gzip};
    feed_ += "<item><title>" + HtmlEscape(page.title) + "</title><link>" + Url(page.path) + "</link></item>\n";
  }
  // Serves the feed and robots.txt, and returns once the server accepts.
  void Start() {
    feed_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>loopback</title>\n" +
            feed_ + "</channel></rss>\n";
    robots_ = "User-agent: *\nDisallow: /private/\n";
    entries_["/feed.xml"] = {&feed_, "application/rss+xml", false};
    entries_["/robots.txt"] = {&robots_, "text/plain", false};
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

 private:
  struct Entry {
    const std::string* body;
    std::string content_type;
    bool gzip = false;
  };
  std::unordered_map<std::string, Entry> entries_;  // before server_: its handlers read it
  std::string feed_, robots_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// The config text `dealwatch run` would read: one rss source per host.
std::string ConfigToml(const std::vector<std::unique_ptr<LoopbackHost>>& hosts, size_t pages) {
  std::string toml = "[crawl]\nuser_agent = \"dealwatch-bench/0.1 (+mailto:bench@example.invalid)\"\n";
  for (size_t h = 0; h < hosts.size(); ++h) {
    toml += "\n[[source]]\nname = \"loopback-" + std::to_string(h) + "\"\nkind = \"rss\"\nurl = \"" +
            hosts[h]->Url("/feed.xml") + "\"\ndelay_ms = 0\nallow_private = true\nmax_pages = " +
            std::to_string(pages) + "\n";
  }
  return toml;
}

struct CpuClock {
  double wall, thread, process;  // seconds
  static double Seconds(const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  static CpuClock Now() {
    rusage t{}, p{};
    getrusage(RUSAGE_THREAD, &t);
    getrusage(RUSAGE_SELF, &p);
    return {std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(), Seconds(t),
            Seconds(p)};
  }
};

enum class Handler { kNoop, kArticle };

struct Variant {
  Handler handler;
  bool gzip;
  int hosts;
};

// "" when every page was handed on, else what went wrong.
std::string CheckReport(const CrawlReport& report, size_t pages) {
  size_t handed_on = 0;
  std::string failures;
  for (const SourceReport& s : report.sources) {
    handed_on += static_cast<size_t>(s.handed_on);
    for (const auto& [reason, n] : s.failures) failures += " " + s.source + ": " + reason + " x" + std::to_string(n);
  }
  if (handed_on == pages) return "";
  return std::to_string(handed_on) + " of " + std::to_string(pages) + " pages handed on;" + failures;
}

void Crawl(benchmark::State& state, Variant v) {
  const std::vector<ServedPage>& pages = SitePages(v.gzip);
  std::vector<std::unique_ptr<LoopbackHost>> hosts;
  for (int h = 0; h < v.hosts; ++h) hosts.push_back(std::make_unique<LoopbackHost>());
  int64_t wire = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    hosts[i % hosts.size()]->Add(pages[i], v.gzip);
    wire += static_cast<int64_t>(v.gzip ? pages[i].gzipped.size() : pages[i].body.size());
  }
  for (auto& h : hosts) {
    if (!h->ok()) return state.SkipWithError("cannot bind a port on 127.0.0.1");
    h->Start();
  }
  Result<CrawlConfig> config = ParseCrawlConfig(ConfigToml(hosts, pages.size()), "crawl_bench.toml");
  if (!config.ok()) return state.SkipWithError(config.status().message().c_str());

  int64_t handed_on = 0, bytes = 0;
  std::function<void(Page&&)> on_page = [&](Page&& page) {
    ++handed_on;
    bytes += static_cast<int64_t>(page.body.size());
  };
  if (v.handler == Handler::kArticle) {
    on_page = [&](Page&& page) {
      ++handed_on;
      bytes += static_cast<int64_t>(page.body.size());
      Result<DecodedText> text = DecodeToUtf8(page.body, page.content_type, page.charset);
      if (!text.ok()) return;
      Article article = ExtractArticle(text->utf8, page.final_url);
      benchmark::DoNotOptimize(article.text.data());
    };
  }
  double wall = 0, thread_cpu = 0, process_cpu = 0;
  for (auto _ : state) {
    MemoryUrlStateStore store;  // nothing known: every page is fetched and handed on
    Crawler crawler(*config, &store);
    CpuClock start = CpuClock::Now();
    CrawlReport report = crawler.Run(on_page, nullptr);
    CpuClock end = CpuClock::Now();
    state.SetIterationTime(end.wall - start.wall);
    wall += end.wall - start.wall;
    thread_cpu += end.thread - start.thread;
    process_cpu += end.process - start.process;
    std::string error = CheckReport(report, pages.size());
    if (!error.empty()) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
  double n = static_cast<double>(std::max<int64_t>(handed_on, 1));
  state.SetItemsProcessed(handed_on);
  state.SetBytesProcessed(bytes);
  state.counters["pages"] = static_cast<double>(pages.size());
  state.counters["wire_MB"] = static_cast<double>(wire) / 1e6;
  state.counters["cpu_ms_per_page"] = 1e3 * thread_cpu / n;
  state.counters["proc_cpu_ms_per_page"] = 1e3 * process_cpu / n;
  state.counters["cores"] = wall > 0 ? process_cpu / wall : 0;
}

}  // namespace

void RegisterCrawlBenchmarks() {
  const Variant kVariants[] = {{Handler::kNoop, false, 1},    {Handler::kNoop, false, 4},
                               {Handler::kNoop, true, 4},     {Handler::kArticle, false, 1},
                               {Handler::kArticle, false, 4}};
  for (const Variant& v : kVariants) {
    std::string name = std::string("crawl/") + (v.handler == Handler::kNoop ? "noop" : "article") + "/" +
                       (v.gzip ? "gzip" : "identity") + "/hosts:" + std::to_string(v.hosts);
    benchmark::RegisterBenchmark(name.c_str(), Crawl, v)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
  }
}

}  // namespace dealwatch::bench
