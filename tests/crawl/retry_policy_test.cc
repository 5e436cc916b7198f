#include "crawl/retry_policy.h"

#include <catch2/catch.hpp>

#include "crawl/sha256.h"

namespace dealwatch {
namespace {

TEST_CASE("IsRetryable retries transient failures only", "[crawl]") {
  auto answer = [](int status, const char* error) {
    HttpResponse r;
    r.status = status;
    r.error = error;
    return r;
  };
  CHECK(IsRetryable(answer(0, "timeout")));
  CHECK(IsRetryable(answer(0, "connect")));
  CHECK(IsRetryable(answer(0, "network")));
  CHECK(IsRetryable(answer(429, "")));
  CHECK(IsRetryable(answer(503, "")));
  CHECK(!IsRetryable(answer(404, "")));
  CHECK(!IsRetryable(answer(0, "dns")));
  CHECK(!IsRetryable(answer(0, "too large")));
  CHECK(!IsRetryable(answer(0, "private address")));
  CHECK(FailureReason(answer(404, "")) == "http 404");
  CHECK(FailureReason(answer(0, "timeout")) == "timeout");
}

TEST_CASE("ParseRetryAfter reads seconds and HTTP dates", "[crawl]") {
  CHECK(ParseRetryAfter("1", 0) == 1);
  CHECK(ParseRetryAfter(" 120 ", 0) == 120);
  CHECK(ParseRetryAfter("", 0) == -1);
  CHECK(ParseRetryAfter("soon", 0) == -1);
  // Thu, 01 Jan 1970 00:01:40 GMT is unix 100.
  CHECK(ParseRetryAfter("Thu, 01 Jan 1970 00:01:40 GMT", 40) == 60);
  CHECK(ParseRetryAfter("Thu, 01 Jan 1970 00:01:40 GMT", 400) == 0);
}

TEST_CASE("RetryDelayMs backs off exponentially with bounded jitter and honours Retry-After", "[crawl]") {
  RetryPolicy p{3, 100, 30};
  std::mt19937 rng(42);
  for (int i = 0; i < 50; ++i) {
    int64_t first = RetryDelayMs(p, 1, -1, &rng);
    int64_t third = RetryDelayMs(p, 3, -1, &rng);
    CHECK((first >= 100 && first <= 150));
    CHECK((third >= 400 && third <= 600));
  }
  CHECK(RetryDelayMs(p, 1, 2, &rng) == 2000);
  CHECK(RetryDelayMs(p, 1, 31, &rng) == -1);
}

TEST_CASE("NextRetryAt waits an hour, doubling per failure, at most a week", "[crawl]") {
  CHECK(NextRetryAt(1000, 1, -1) == 1000 + 3600);
  CHECK(NextRetryAt(1000, 3, -1) == 1000 + 4 * 3600);
  CHECK(NextRetryAt(1000, 30, -1) == 1000 + 7 * 24 * 3600);
  CHECK(NextRetryAt(1000, 1, 7200) == 1000 + 7200);
}

TEST_CASE("Sha256Hex matches the FIPS 180-4 test vectors", "[crawl]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace dealwatch
