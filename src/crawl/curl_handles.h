// RAII owners for libcurl handles, and CurlGlobal, the process-wide
// curl_global_init/curl_global_cleanup guard. Only the crawl stage includes
// <curl/curl.h>; other stages see Page and CrawlReport.
// Thread-safety: a handle is used by one thread at a time. Create one
// CurlGlobal in main() (and in tests) before any other curl call, while no
// other thread runs; it must outlive every handle.
#ifndef DEALWATCH_CRAWL_CURL_HANDLES_H_
#define DEALWATCH_CRAWL_CURL_HANDLES_H_

#include <curl/curl.h>

#include <memory>

#include "common/status.h"

namespace dealwatch {

struct CurlEasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* h) const { curl_multi_cleanup(h); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct CurlUrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlFreeDeleter {
  void operator()(char* p) const { curl_free(p); }
};

using CurlEasyPtr = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMultiPtr = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlistPtr = std::unique_ptr<curl_slist, CurlSlistDeleter>;
using CurlUrlPtr = std::unique_ptr<CURLU, CurlUrlDeleter>;
using CurlStringPtr = std::unique_ptr<char, CurlFreeDeleter>;  // strings libcurl allocates

// Calls curl_global_init on construction and curl_global_cleanup on
// destruction. Not copyable or movable: it marks a scope.
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;

  // OK unless curl_global_init failed; then no curl call may be made.
  Status status() const { return status_; }

 private:
  Status status_;
};

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_CURL_HANDLES_H_
