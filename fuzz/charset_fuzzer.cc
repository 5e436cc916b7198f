// Charset decoding (normalize/charset.h): arbitrary bytes under a chosen
// Content-Type and override. Checks that the result is valid UTF-8 and that
// only an unknown override name fails.
#include <iterator>
#include <string_view>

#include "common/utf8.h"
#include "fuzz_targets.h"
#include "normalize/charset.h"

namespace dealwatch::fuzz {
namespace {

constexpr std::string_view kContentTypes[] = {
    "",
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=Big5",
    "text/html; charset=\"gbk\"",
    "text/html; charset=shift_jis",
    "text/html; charset=windows-1252",
    "text/html; charset=utf-16",
    "text/html; charset=iso-2022-jp",
    "text/html; charset=x-no-such-charset",
    "application/xml; charset=",
    "text/html; charset=gb18030; boundary=\"x\"",
};
// The first two are known-good empties: decoding must then succeed.
constexpr std::string_view kOverrides[] = {
    "", "", "Big5", "GBK", "UTF-8", "Shift_JIS", "windows-1252", "UTF-16LE", "x-no-such-charset",
};

}  // namespace

void FuzzCharset(std::string_view data) {
  std::string_view content_type = kContentTypes[TakeChoice(&data, std::size(kContentTypes))];
  std::string_view override_charset = kOverrides[TakeChoice(&data, std::size(kOverrides))];
  Result<DecodedText> decoded = DecodeToUtf8(data, content_type, override_charset);
  if (override_charset.empty()) DEALWATCH_FUZZ_CHECK(decoded.ok());
  if (!decoded.ok()) return;
  DEALWATCH_FUZZ_CHECK(IsValidUtf8(decoded->utf8));
  DEALWATCH_FUZZ_CHECK(!decoded->charset.empty());
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzCharset)
