// The private-address guard: which resolved addresses a crawl may connect to.
// A feed must not be able to make the crawler read internal services, so
// loopback, RFC 1918, CGNAT, link-local (incl. the 169.254.169.254 cloud
// metadata service), IPv6 ULA/link-local, multicast and reserved addresses
// are refused unless the source sets allow_private. The fetcher applies it
// to every address it connects to and to every reused connection, so a
// redirect or a DNS answer cannot get around it. Pure functions; thread-safe.
#ifndef DEALWATCH_CRAWL_ADDRESS_GUARD_H_
#define DEALWATCH_CRAWL_ADDRESS_GUARD_H_

#include <sys/socket.h>

#include <string_view>

namespace dealwatch {

// True when `addr` (AF_INET or AF_INET6; IPv4-mapped and NAT64 IPv6 are
// judged by their IPv4 part) is not a public unicast address. Other address
// families count as private.
bool IsPrivateAddress(const sockaddr* addr);

// The same for a numeric address ("10.0.0.1", "::1"). Text that is not a
// numeric address counts as private.
bool IsPrivateAddressText(std::string_view ip);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_ADDRESS_GUARD_H_
