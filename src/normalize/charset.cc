#include "normalize/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>

#include "common/strings.h"
#include "common/utf8.h"

namespace dealwatch {
namespace {

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorDeleter {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterDeleter>;
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorDeleter>;

constexpr size_t kMetaWindow = 4096;  // bytes searched for <meta charset>
constexpr size_t kDetectWindow = 4
                                 << 10;  // bytes given to ICU detection (enough text, bounded cost)
constexpr int32_t kMinConfidence = 10;   // ICU confidence (0-100) worth trusting

// Detection runs only on bytes that are not UTF-8, so 7-bit and 32-bit
// encodings are impossible, and EBCDIC pages are not on the web: skipping
// their recognizers halves the cost of detection.
constexpr const char* kUndetected[] = {
    "UTF-32BE",   "UTF-32LE",   "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN",
    "IBM424_rtl", "IBM424_ltr", "IBM420_rtl",  "IBM420_ltr",
};

// Labels (space-separated) and the ICU converter that decodes them; legacy
// labels decode with the superset browsers use (WHATWG Encoding).
struct Alias {
  const char* icu_name;
  std::string_view labels;
};
constexpr Alias kAliases[] = {
    {"GB18030",
     "gb2312 gbk x-gbk gb_2312-80 gb_2312 csgb2312 cp936 ms936 windows-936 euc-cn chinese "
     "iso-ir-58 gb18030"},
    {"Big5-HKSCS", "big5 big-5 x-x-big5 cn-big5 csbig5 x-big5 big5-hkscs cp950 windows-950"},
    {"windows-31j", "shift_jis shift-jis sjis x-sjis ms_kanji csshiftjis windows-31j cp932 ms932"},
    {"windows-1252",
     "iso-8859-1 iso8859-1 latin1 latin-1 l1 iso_8859-1 us-ascii ascii cp1252 x-cp1252 cp819 "
     "ibm819 windows-1252"},
    {"windows-949", "euc-kr ks_c_5601-1987 windows-949"},
    {"UTF-8", "utf-8 utf8 unicode-1-1-utf-8"},
};

// True when `label` is one of the space-separated `labels`.
bool HasLabel(std::string_view labels, std::string_view label) {
  size_t pos = 0;
  while ((pos = labels.find(label, pos)) != std::string_view::npos) {
    size_t end = pos + label.size();
    if ((pos == 0 || labels[pos - 1] == ' ') && (end == labels.size() || labels[end] == ' ')) {
      return true;
    }
    pos = end;
  }
  return false;
}

// Encodings browsers refuse (WHATWG Encoding): UTF-7 turns "+ADw-" into "<"
// after any filter ran, and the others are never legitimately used by pages.
bool IsRefused(UConverter* converter) {
  switch (ucnv_getType(converter)) {
    case UCNV_UTF7:
    case UCNV_UTF32:
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian:
    case UCNV_CESU8:
    case UCNV_SCSU:
    case UCNV_BOCU1:
    case UCNV_IMAP_MAILBOX:
    case UCNV_EBCDIC_STATEFUL:
    case UCNV_HZ:
      return true;
    case UCNV_ISO_2022: {
      UErrorCode err = U_ZERO_ERROR;
      return std::string_view(ucnv_getName(converter, &err)).find("locale=ja") ==
             std::string_view::npos;
    }
    default:
      return false;
  }
}

// Returns the ICU name to open for `label`, or "" when ICU knows no such
// charset or it is refused.
std::string ResolveCharset(std::string_view label) {
  std::string lower = AsciiLower(Trim(label));
  if (lower.empty()) return "";
  for (const Alias& a : kAliases) {
    if (HasLabel(a.labels, lower)) {
      if (std::string_view(a.icu_name) != "Big5-HKSCS") return a.icu_name;
      UErrorCode err = U_ZERO_ERROR;
      ConverterPtr probe(ucnv_open("Big5-HKSCS", &err));
      return U_SUCCESS(err) ? "Big5-HKSCS" : "Big5";
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr probe(ucnv_open(lower.c_str(), &err));
  if (U_FAILURE(err) || IsRefused(probe.get())) return "";
  return lower;
}

bool IsUtf8Name(std::string_view icu_name) { return icu_name == "UTF-8"; }

bool IsUtf16Name(std::string_view icu_name) { return AsciiLower(icu_name).rfind("utf-16", 0) == 0; }

// The value after `key` = (spaces and quotes allowed) in `s`, or "".
std::string_view ValueAfter(std::string_view s, std::string_view key) {
  size_t pos = AsciiLower(s).find(key);
  if (pos == std::string::npos) return {};
  pos += key.size();
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) ||
                            std::string_view("-_.:").find(s[end]) != std::string_view::npos)) {
    ++end;
  }
  return s.substr(pos, end - pos);
}

std::string_view CharsetParam(std::string_view s) { return ValueAfter(s, "charset"); }

// The charset declared by an XML declaration, <meta charset> or <meta
// http-equiv content> within the first kMetaWindow bytes, or "".
std::string_view CharsetFromMeta(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kMetaWindow);
  if (head.rfind("<?xml", 0) == 0) {
    std::string_view decl = head.substr(0, head.find("?>"));
    std::string_view value = ValueAfter(decl, "encoding");
    if (!value.empty()) return value;
  }
  std::string lower = AsciiLower(head);
  for (size_t pos = lower.find("<meta"); pos != std::string::npos;
       pos = lower.find("<meta", pos + 5)) {
    size_t end = lower.find('>', pos);
    if (end == std::string::npos) end = lower.size();
    std::string_view value = CharsetParam(head.substr(pos, end - pos));
    if (!value.empty()) return value;
  }
  return {};
}

// The encoding named by a byte order mark, with its length in *bom_len.
std::string_view CharsetFromBom(std::string_view b, size_t* bom_len) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return *bom_len = 3, "UTF-8";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return *bom_len = 2, "UTF-16LE";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return *bom_len = 2, "UTF-16BE";
  return *bom_len = 0, std::string_view();
}

struct Utf8Scan {
  size_t multibyte = 0;  // well-formed sequences of 2-4 bytes
  size_t invalid = 0;    // bytes that start no well-formed sequence
};

// Index of the first byte >= 0x80 at or after `i`, eight bytes at a time.
size_t SkipAscii(std::string_view s, size_t i) {
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Counts sequences until the verdict of MostlyUtf8 cannot change: a GBK or
// Big5 page is settled after its first few hundred bytes of text.
Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  size_t i = 0;
  while ((i = SkipAscii(s, i)) < s.size()) {
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == 0xFFFD && len == 1) {
      ++scan.invalid;
      // Each sequence still to come takes two bytes or more.
      if (scan.invalid * 50 > scan.multibyte + (s.size() - i) / 2) break;
    } else {
      ++scan.multibyte;
    }
    i += len;
  }
  return scan;
}

// A few stray bytes in a long UTF-8 page are damage, not another charset.
bool MostlyUtf8(const Utf8Scan& scan) {
  return scan.invalid == 0 || (scan.multibyte >= 20 && scan.invalid * 50 <= scan.multibyte);
}

// ICU's best guess for `bytes` (markup ignored), or "" when unsure.
std::string DetectCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  DetectorPtr det(ucsdet_open(&err));
  if (U_FAILURE(err)) return "";
  // Markup and scripts tell nothing: start a little before the first non-ASCII byte.
  size_t first = 0;
  while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80) ++first;
  size_t start = first > 256 ? first - 256 : 0;
  std::string_view sample = bytes.substr(start, kDetectWindow);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  ucsdet_enableInputFilter(det.get(), true);
  for (const char* name : kUndetected) {
    UErrorCode ignored = U_ZERO_ERROR;  // a charset this ICU lacks is simply not detected
    ucsdet_setDetectableCharset(det.get(), name, false, &ignored);
  }
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &err);
  int32_t confidence = ucsdet_getConfidence(match, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < kMinConfidence) return "";
  return ResolveCharset(name);
}

// Writes U+FFFD for each illegal or unmappable input sequence and counts it.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  ++*static_cast<size_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Converts `bytes` from ICU charset `icu_name` to UTF-8.
Status ConvertToUtf8(std::string_view bytes, const std::string& icu_name, DecodedText* out) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(icu_name.c_str(), &err));
  ConverterPtr target(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return Internal(icu_name + ": cannot open converter: " + u_errorName(err));
  ucnv_setToUCallBack(source.get(), CountingSubstitute, &out->replaced, nullptr, nullptr, &err);
  std::string& utf8 = out->utf8;
  utf8.resize(bytes.size() * 3 / 2 + 64);
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* in = bytes.data();
  char* dest = utf8.data();
  bool reset = true;
  while (true) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &dest, utf8.data() + utf8.size(), &in,
                   bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target, pivot + 4096,
                   reset, true, &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    size_t used = dest - utf8.data();
    utf8.resize(utf8.size() * 2);
    dest = utf8.data() + used;
  }
  if (U_FAILURE(err)) return DataError(icu_name + ": conversion failed: " + u_errorName(err));
  utf8.resize(dest - utf8.data());
  return Status::Ok();
}

// The name reported in DecodedText::charset: the MIME or IANA name.
std::string DisplayName(const std::string& icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  for (const char* standard : {"MIME", "IANA"}) {
    const char* name = ucnv_getStandardName(icu_name.c_str(), standard, &err);
    if (U_SUCCESS(err) && name != nullptr) return name;
    err = U_ZERO_ERROR;
  }
  return icu_name;
}

Result<DecodedText> Decode(std::string_view bytes, const std::string& icu_name, const char* how,
                           const Utf8Scan* scan = nullptr) {
  DecodedText out;
  out.how = how;
  if (IsUtf8Name(icu_name)) {
    out.charset = "UTF-8";
    if (scan != nullptr && scan->invalid == 0) {
      out.utf8.assign(bytes);
    } else {
      out.utf8 = SanitizeUtf8(bytes, &out.replaced);
    }
    return out;
  }
  out.charset = DisplayName(icu_name);
  Status s = ConvertToUtf8(bytes, icu_name, &out);
  if (!s.ok()) return s;
  return out;
}

// No usable label: valid UTF-8 wins, then ICU detection, then windows-1252.
Result<DecodedText> DecodeUndeclared(std::string_view bytes, const Utf8Scan& scan) {
  if (scan.invalid == 0)
    return Decode(bytes, "UTF-8", scan.multibyte ? "detected" : "default", &scan);
  std::string detected = DetectCharset(bytes);
  if (!detected.empty() && !(IsUtf8Name(detected) && !MostlyUtf8(scan))) {
    return Decode(bytes, detected, "detected");
  }
  if (MostlyUtf8(scan)) return Decode(bytes, "UTF-8", "detected");
  return Decode(bytes, "windows-1252", "default");
}

// A declared charset, checked against the bytes: pages that say UTF-8 but
// are not, and pages that say GBK but are valid UTF-8, are both common.
Result<DecodedText> DecodeDeclared(std::string_view bytes, const std::string& icu_name,
                                   const char* how, const Utf8Scan& scan) {
  if (IsUtf8Name(icu_name)) {
    if (MostlyUtf8(scan)) return Decode(bytes, icu_name, how, &scan);
    return DecodeUndeclared(bytes, scan);
  }
  if (scan.invalid == 0 && scan.multibyte > 0) return Decode(bytes, "UTF-8", "detected", &scan);
  return Decode(bytes, icu_name, how);
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type,
                                 std::string_view override_charset) {
  if (!Trim(override_charset).empty()) {
    std::string name = ResolveCharset(override_charset);
    if (name.empty()) {
      return InvalidArgument("unknown charset \"" + std::string(override_charset) + "\"");
    }
    return Decode(bytes, name, "override");
  }
  size_t bom_len = 0;
  std::string_view bom = CharsetFromBom(bytes, &bom_len);
  if (!bom.empty()) return Decode(bytes.substr(bom_len), std::string(bom), "bom");
  Utf8Scan scan = ScanUtf8(bytes);
  std::string http = ResolveCharset(CharsetParam(content_type));
  if (!http.empty()) return DecodeDeclared(bytes, http, "http", scan);
  std::string meta = ResolveCharset(CharsetFromMeta(bytes));
  // A page that could read its own <meta> in ASCII is not UTF-16 (HTML spec).
  if (IsUtf16Name(meta)) meta = "UTF-8";
  if (!meta.empty()) return DecodeDeclared(bytes, meta, "meta", scan);
  return DecodeUndeclared(bytes, scan);
}

}  // namespace dealwatch
