#include "crawl/curl_handles.h"

#include <string>

namespace dealwatch {

CurlGlobal::CurlGlobal() {
  CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) status_ = Internal(std::string("curl_global_init: ") + curl_easy_strerror(rc));
}

CurlGlobal::~CurlGlobal() {
  if (status_.ok()) curl_global_cleanup();
}

}  // namespace dealwatch
