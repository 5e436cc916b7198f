#include "crawl/address_guard.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("IsPrivateAddressText refuses internal ranges and allows public ones", "[crawl]") {
  struct Case {
    const char* ip;
    bool is_private;
  };
  const Case cases[] = {
      {"127.0.0.1", true},        {"127.255.0.9", true},      {"10.1.2.3", true},
      {"172.16.0.1", true},       {"172.31.255.255", true},   {"172.32.0.1", false},
      {"192.168.1.1", true},      {"169.254.169.254", true},  {"100.64.0.1", true},
      {"100.127.255.255", true},  {"100.128.0.1", false},     {"0.0.0.0", true},
      {"224.0.0.1", true},        {"255.255.255.255", true},  {"198.18.0.1", true},
      {"8.8.8.8", false},         {"93.184.216.34", false},   {"::1", true},
      {"::", true},               {"fd00::1", true},          {"fc00::1", true},
      {"fe80::1", true},          {"ff02::1", true},          {"::ffff:127.0.0.1", true},
      {"::ffff:10.0.0.1", true},  {"::ffff:8.8.8.8", false},  {"64:ff9b::a9fe:a9fe", true},
      {"2001:db8::1", true},      {"2606:4700:4700::1111", false},
      {"not an ip", true},        {"", true},
  };
  for (const Case& c : cases) {
    INFO(c.ip);
    CHECK(IsPrivateAddressText(c.ip) == c.is_private);
  }
}

}  // namespace
}  // namespace dealwatch
