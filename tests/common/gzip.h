// Gzip: test helper that compresses bytes the way a server would send
// them (Content-Encoding: gzip, .xml.gz sitemaps, gzip bombs).
#ifndef DEALWATCH_TESTS_COMMON_GZIP_H_
#define DEALWATCH_TESTS_COMMON_GZIP_H_

#include <zlib.h>

#include <string>

namespace dealwatch::testing {

// gzip-compresses `data` at zlib `level` (Z_BEST_COMPRESSION makes the
// smallest bomb).
inline std::string Gzip(const std::string& data, int level = Z_DEFAULT_COMPRESSION) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, level == Z_BEST_COMPRESSION ? 9 : 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace dealwatch::testing

#endif  // DEALWATCH_TESTS_COMMON_GZIP_H_
