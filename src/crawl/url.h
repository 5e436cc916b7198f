// URL handling for the crawl stage, on libcurl's URL API (RFC 3986):
// parsing, resolving links against a base, and the canonical form that keys
// UrlState. Only http, https and file URLs are accepted. Pure functions;
// thread-safe.
//
// Canonical form: scheme and host lower-case, default ports (80, 443)
// dropped, an empty path becomes "/", "." and ".." segments removed,
// percent escapes upper-case, the fragment dropped, user:password dropped,
// and tracking parameters (utm_*, fbclid, gclid, ...) removed from the query
// with the order of the others kept:
//   CanonicalUrl("HTTP://Example.COM:80/a?utm_source=x&id=7#top")
//     == "http://example.com/a?id=7"
#ifndef DEALWATCH_CRAWL_URL_H_
#define DEALWATCH_CRAWL_URL_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dealwatch {

struct UrlParts {
  std::string scheme;  // "http", "https" or "file"
  std::string host;    // lower-case; IPv6 literals keep their brackets; "" for file
  std::string port;    // "" when it is the scheme's default
  std::string path;    // starts with "/"
  std::string query;   // without the "?"; "" when absent
};

// Splits an absolute URL. Fails with kInvalidArgument for malformed URLs,
// relative references and schemes other than http, https and file.
Result<UrlParts> ParseUrl(std::string_view url);

// The canonical form (see above) of an absolute URL.
Result<std::string> CanonicalUrl(std::string_view url);

// Resolves `ref` (a link as written: absolute, "//host/x", "/x", "x", "?q",
// "#f", "") against the absolute URL `base` and returns it canonical.
// Fails for unsupported schemes (mailto:, javascript:) and malformed links.
Result<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// The key for per-host politeness and robots.txt: "host" or "host:port".
std::string HostKey(const UrlParts& parts);

// True for query parameter names that only track campaigns and clicks.
bool IsTrackingParam(std::string_view name);

// "file:///abs/path" with bytes outside [A-Za-z0-9-._~/] percent-encoded.
// REQUIRES: `path` is absolute.
std::string FileUrlFromPath(const std::filesystem::path& path);

// The decoded local path of a file:// URL.
Result<std::filesystem::path> PathFromFileUrl(std::string_view url);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_URL_H_
