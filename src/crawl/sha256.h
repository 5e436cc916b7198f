// SHA-256 of a byte string, as lower-case hex. Used for page content hashes
// (UrlState::content_hash): unchanged and duplicate bodies are found by it.
// Pure function; thread-safe.
#ifndef DEALWATCH_CRAWL_SHA256_H_
#define DEALWATCH_CRAWL_SHA256_H_

#include <string>
#include <string_view>

namespace dealwatch {

// Returns 64 lower-case hex digits (FIPS 180-4 SHA-256).
std::string Sha256Hex(std::string_view data);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_SHA256_H_
