// Bytes to UTF-8, before parsing. The charset is taken from, in order: an
// explicit override (source config), a BOM (which, as in browsers, beats any
// label), the HTTP Content-Type charset, <meta charset> / http-equiv (or an
// XML declaration) in the first 4 KiB, then ICU detection with valid UTF-8
// preferred. A declared charset that the bytes contradict (labelled UTF-8 but
// invalid as UTF-8 and plausible as GBK/Big5; labelled GBK but valid UTF-8)
// is overruled. Labels decode with the superset browsers use: gb2312/gbk as
// GB18030, big5 as Big5-HKSCS, shift_jis as windows-31j, latin1 as
// windows-1252. Undecodable bytes become U+FFFD and are counted. Uses ICU.
// Thread-safe.
#ifndef DEALWATCH_NORMALIZE_CHARSET_H_
#define DEALWATCH_NORMALIZE_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dealwatch {

struct DecodedText {
  std::string utf8;       // valid UTF-8
  std::string charset;    // the charset used, canonical ICU name ("UTF-8", "GBK", "Big5")
  std::string how;        // "override", "http", "bom", "meta", "detected", "default"
  size_t replaced = 0;    // bytes or sequences that became U+FFFD
};

// `content_type` is the HTTP header value or ""; `override_charset` is the
// source's `charset` setting or "". Fails only for an unknown override name.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type,
                                 std::string_view override_charset);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_CHARSET_H_
