#include "crawl/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace dealwatch {

namespace {

struct V4Range {
  uint32_t base;
  int prefix;
};

// Everything that is not public unicast IPv4.
constexpr V4Range kPrivateV4[] = {
    {0x00000000, 8},   // "this network"
    {0x0a000000, 8},   // RFC 1918
    {0x64400000, 10},  // CGNAT 100.64/10
    {0x7f000000, 8},   // loopback
    {0xa9fe0000, 16},  // link-local, incl. 169.254.169.254 metadata
    {0xac100000, 12},  // RFC 1918
    {0xc0000000, 24},  // IETF protocol assignments
    {0xc0000200, 24},  // TEST-NET-1
    {0xc0a80000, 16},  // RFC 1918
    {0xc6120000, 15},  // benchmarking 198.18/15
    {0xc6336400, 24},  // TEST-NET-2
    {0xcb007100, 24},  // TEST-NET-3
    {0xe0000000, 4},   // multicast
    {0xf0000000, 4},   // reserved and broadcast
};

bool IsPrivateV4(uint32_t ip) {
  for (const V4Range& r : kPrivateV4) {
    uint32_t mask = r.prefix == 0 ? 0 : ~uint32_t{0} << (32 - r.prefix);
    if ((ip & mask) == r.base) return true;
  }
  return false;
}

uint32_t V4At(const uint8_t* b) {
  return uint32_t{b[0]} << 24 | uint32_t{b[1]} << 16 | uint32_t{b[2]} << 8 | uint32_t{b[3]};
}

bool IsPrivateV6(const uint8_t* b) {
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kNat64, 12) == 0) {
    return IsPrivateV4(V4At(b + 12));
  }
  bool zero_prefix = true;  // ::, ::1 and the deprecated IPv4-compatible form
  for (int i = 0; i < 12; ++i) zero_prefix = zero_prefix && b[i] == 0;
  if (zero_prefix) return true;
  if ((b[0] & 0xfe) == 0xfc) return true;                    // ULA fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;    // link-local fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;    // site-local fec0::/10
  if (b[0] == 0xff) return true;                             // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return true;  // doc
  return false;
}

}  // namespace

bool IsPrivateAddress(const sockaddr* addr) {
  if (addr == nullptr) return true;
  if (addr->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    return IsPrivateV4(ntohl(in->sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    return IsPrivateV6(in6->sin6_addr.s6_addr);
  }
  return true;
}

bool IsPrivateAddressText(std::string_view ip) {
  std::string text(ip);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return IsPrivateV4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IsPrivateV6(v6.s6_addr);
  return true;
}

}  // namespace dealwatch
