#include "crawl/http_fetcher.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/strings.h"
#include "crawl/address_guard.h"
#include "crawl/url.h"

namespace dealwatch {

namespace {
struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
}  // namespace

struct HttpFetcher::Transfer {
  uint64_t id = 0;
  CurlEasyPtr easy;
  CurlSlistPtr headers;
  HttpResponse response;
  int64_t max_bytes = 0;
  int64_t keep_bytes = -1;  // -1: keep the whole body
  int64_t received = 0;     // decoded body bytes, kept or not
  bool allow_private = false;
  bool too_large = false;
  bool private_refused = false;
};

namespace {

using Transfer = HttpFetcher::Transfer;

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  t->received += static_cast<int64_t>(n);
  if (t->received > t->max_bytes) {
    t->too_large = true;  // cut the transfer: a wrong count makes libcurl abort
    return CURL_WRITEFUNC_ERROR;
  }
  size_t keep = n;
  if (t->keep_bytes >= 0) {
    int64_t room = std::max<int64_t>(0, t->keep_bytes - static_cast<int64_t>(t->response.body.size()));
    keep = static_cast<size_t>(std::min<int64_t>(room, static_cast<int64_t>(n)));
  }
  t->response.body.append(data, keep);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 100 or a followed redirect)
    t->response.content_type.clear();
    t->response.etag.clear();
    t->response.last_modified.clear();
    t->response.retry_after.clear();
    return size * count;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name = AsciiLower(Trim(line.substr(0, colon)));
  std::string value(Trim(line.substr(colon + 1)));
  if (name == "content-type") t->response.content_type = value;
  if (name == "etag") t->response.etag = value;
  if (name == "last-modified") t->response.last_modified = value;
  if (name == "retry-after") t->response.retry_after = value;
  return size * count;
}

// Runs before libcurl connects to each resolved address.
curl_socket_t OnOpenSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private && IsPrivateAddress(&address->addr)) {
    t->private_refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

// Runs before every request, on new and reused connections alike.
int OnPrereq(void* user, char* primary_ip, char*, int, int) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private && IsPrivateAddressText(primary_ip)) {
    t->private_refused = true;
    return CURL_PREREQFUNC_ABORT;
  }
  return CURL_PREREQFUNC_OK;
}

// True when `url` is there and its scheme is neither http nor https.
bool HasOtherScheme(std::string_view url) {
  if (url.empty()) return false;
  std::string lower = AsciiLower(url.substr(0, 8));
  return lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0;
}

std::string InfoString(CURL* easy, CURLINFO info) {
  char* value = nullptr;
  if (curl_easy_getinfo(easy, info, &value) != CURLE_OK || value == nullptr) return "";
  return value;
}

std::string ErrorReason(const Transfer& t, CURL* easy, CURLcode code) {
  if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) return "too large";
  if (t.private_refused) return "private address";
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    case CURLE_COULDNT_RESOLVE_HOST: return "dns";
    case CURLE_COULDNT_CONNECT: return "connect";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE: return "tls";
    case CURLE_BAD_CONTENT_ENCODING: return "bad encoding";
    case CURLE_UNSUPPORTED_PROTOCOL:
      // Also what libcurl says of an answer without a valid status line
      // (HTTP/0.9 is not allowed): the server's fault, not the URL's.
      // "scheme" only when a URL (a followed redirect) left http(s).
      return HasOtherScheme(InfoString(easy, CURLINFO_EFFECTIVE_URL)) ||
                     HasOtherScheme(InfoString(easy, CURLINFO_REDIRECT_URL))
                 ? "scheme"
                 : "network";
    case CURLE_TOO_MANY_REDIRECTS: return "too many redirects";
    default: return "network";
  }
}

void SetTransferOptions(CURL* e, const FetchOptions& o, Transfer* t, const HttpRequest& r) {
  curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, r.follow_redirects ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(e, CURLOPT_HTTP09_ALLOWED, 0L);  // an answer must start with a status line
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(e, CURLOPT_PROXY, "");  // no proxy from the environment: the guard checks peers
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, static_cast<long>(o.connect_timeout_s));
  curl_easy_setopt(e, CURLOPT_TIMEOUT, static_cast<long>(o.timeout_s));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_s));
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(r.max_bytes));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
  curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, OnPrereq);
  curl_easy_setopt(e, CURLOPT_PREREQDATA, t);
}

}  // namespace

Result<std::unique_ptr<HttpFetcher>> HttpFetcher::Create(const FetchOptions& options) {
  std::unique_ptr<HttpFetcher> f(new HttpFetcher(options));
  f->multi_.reset(curl_multi_init());
  if (!f->multi_) return Internal("curl_multi_init failed");
  curl_multi_setopt(f->multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  return f;
}

HttpFetcher::HttpFetcher(const FetchOptions& options) : options_(options) {}

HttpFetcher::~HttpFetcher() { AbortAll(); }

void HttpFetcher::AbortAll() {
  for (auto& [id, t] : transfers_) curl_multi_remove_handle(multi_.get(), t->easy.get());
  transfers_.clear();
}

Status HttpFetcher::Start(uint64_t id, const HttpRequest& request) {
  auto t = std::make_unique<Transfer>();
  t->id = id;
  t->max_bytes = request.max_bytes;
  t->keep_bytes = request.keep_bytes;
  t->allow_private = request.allow_private;
  t->easy.reset(curl_easy_init());
  if (!t->easy) return Internal("curl_easy_init failed");
  SetTransferOptions(t->easy.get(), options_, t.get(), request);
  curl_slist* list = nullptr;
  if (!request.if_none_match.empty()) {
    list = curl_slist_append(list, ("If-None-Match: " + request.if_none_match).c_str());
  }
  if (!request.if_modified_since.empty()) {
    list = curl_slist_append(list, ("If-Modified-Since: " + request.if_modified_since).c_str());
  }
  t->headers.reset(list);
  if (list) curl_easy_setopt(t->easy.get(), CURLOPT_HTTPHEADER, list);
  CURLMcode rc = curl_multi_add_handle(multi_.get(), t->easy.get());
  if (rc != CURLM_OK) return Internal(request.url + ": " + curl_multi_strerror(rc));
  transfers_[id] = std::move(t);
  return Status::Ok();
}

void HttpFetcher::Poll(int timeout_ms, std::vector<std::pair<uint64_t, HttpResponse>>* done) {
  int running = 0;
  size_t before = done->size();
  curl_multi_perform(multi_.get(), &running);
  ReadDone(done);
  if (done->size() > before) return;  // don't sleep on news
  curl_multi_poll(multi_.get(), nullptr, 0, timeout_ms, nullptr);
  curl_multi_perform(multi_.get(), &running);
  ReadDone(done);
}

void HttpFetcher::ReadDone(std::vector<std::pair<uint64_t, HttpResponse>>* done) {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
    if (msg->msg == CURLMSG_DONE) Finish(msg->easy_handle, msg->data.result, done);
  }
}

void HttpFetcher::Finish(CURL* easy, CURLcode code,
                         std::vector<std::pair<uint64_t, HttpResponse>>* done) {
  Transfer* raw = nullptr;
  curl_easy_getinfo(easy, CURLINFO_PRIVATE, &raw);
  auto it = transfers_.find(raw->id);
  std::unique_ptr<Transfer> t = std::move(it->second);
  transfers_.erase(it);
  curl_multi_remove_handle(multi_.get(), easy);
  HttpResponse& r = t->response;
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME, &r.seconds);
  r.final_url = InfoString(easy, CURLINFO_EFFECTIVE_URL);
  if (code != CURLE_OK) {
    r.error = ErrorReason(*t, easy, code);
    r.error_detail = curl_easy_strerror(code);
    r.status = 0;
    r.body.clear();
  } else {
    r.status = static_cast<int>(status);
    r.redirect_url = InfoString(easy, CURLINFO_REDIRECT_URL);
  }
  done->emplace_back(t->id, std::move(r));
}

HttpResponse ReadLocalUrl(const std::string& url, int64_t max_bytes) {
  HttpResponse r;
  r.final_url = url;
  Result<std::filesystem::path> path = PathFromFileUrl(url);
  if (!path.ok()) {
    r.error = "scheme";
    return r;
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(*path, ec);
  if (ec || !std::filesystem::is_regular_file(*path, ec)) {
    r.error = "not found";
    r.error_detail = ec ? ec.message() : "not a regular file";
    return r;
  }
  if (static_cast<int64_t>(size) > max_bytes) {
    r.error = "too large";
    return r;
  }
  std::unique_ptr<FILE, FileCloser> f(std::fopen(path->c_str(), "rb"));
  if (!f) {
    r.error = "io";
    r.error_detail = std::strerror(errno);
    return r;
  }
  r.body.resize(static_cast<size_t>(size));
  size_t got = std::fread(r.body.data(), 1, r.body.size(), f.get());
  r.body.resize(got);
  r.status = 200;
  return r;
}

}  // namespace dealwatch
