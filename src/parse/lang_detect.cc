#include "parse/lang_detect.h"

#include "common/strings.h"
#include "common/utf8.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {
namespace {

constexpr size_t kMinLetters = 20;  // fewer letters than this decide nothing

enum class Script { kUnknown, kHan, kLatin, kKana, kHangul, kCyrillic };

Script Dominant(const ScriptCounts& c) {
  size_t letters = c.han + c.latin + c.kana + c.hangul + c.cyrillic;
  if (letters < kMinLetters) return Script::kUnknown;
  if (c.kana * 10 >= c.han + c.kana && c.kana >= 10) return Script::kKana;
  if (c.hangul > c.han && c.hangul * 3 >= c.latin) return Script::kHangul;
  // A Han character carries about as much as a word of four letters.
  if (c.han * 4 >= c.latin + c.cyrillic) return Script::kHan;
  return c.cyrillic > c.latin ? Script::kCyrillic : Script::kLatin;
}

std::string HanVariant(const ScriptCounts& c, std::string_view fallback) {
  if (c.traditional > c.simplified) return "zh-Hant";
  if (c.simplified > c.traditional) return "zh-Hans";
  return std::string(fallback);
}

std::string FromScript(const ScriptCounts& c) {
  switch (Dominant(c)) {
    case Script::kHan:
      return HanVariant(c, "zh-Hans");
    case Script::kKana:
      return "ja";
    case Script::kHangul:
      return "ko";
    case Script::kCyrillic:
      return "ru";
    case Script::kLatin:
      return "en";
    default:
      return "";
  }
}

}  // namespace

ScriptCounts CountScripts(std::string_view text, size_t max_bytes) {
  ScriptCounts c;
  text = Utf8Truncate(text, max_bytes);
  const TextNormalizer& norm = TextNormalizer::Get();
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      c.latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if (IsHan(cp)) {
      ++c.han;
      c.traditional += norm.IsTraditionalOnly(cp);
      c.simplified += norm.IsSimplifiedOnly(cp);
    } else if (cp >= 0x3040 && cp <= 0x30FF) {
      ++c.kana;
    } else if (cp >= 0xAC00 && cp <= 0xD7AF) {
      ++c.hangul;
    } else if (cp >= 0x0400 && cp <= 0x04FF) {
      ++c.cyrillic;
    } else if (cp >= 0xC0 && cp <= 0x24F) {
      ++c.latin;
    }
  }
  return c;
}

std::string DecideLang(std::string_view html_lang, std::string_view text) {
  std::string lang = AsciiLower(Trim(html_lang));
  for (char& ch : lang) ch = ch == '_' ? '-' : ch;
  ScriptCounts counts = CountScripts(text);
  Script script = Dominant(counts);
  std::string primary = lang.substr(0, lang.find('-'));
  bool han_text = script == Script::kHan;
  if (primary == "zh" && (han_text || script == Script::kUnknown)) {
    if (lang.find("hant") != std::string::npos || lang == "zh-tw" || lang == "zh-hk" ||
        lang == "zh-mo") {
      return "zh-Hant";
    }
    if (lang.find("hans") != std::string::npos || lang == "zh-cn" || lang == "zh-sg") {
      return "zh-Hans";
    }
    return HanVariant(counts, script == Script::kUnknown ? "" : "zh-Hans");
  }
  if (primary == "en" && script != Script::kHan && script != Script::kKana) return "en";
  bool plausible =
      primary.size() >= 2 && primary.size() <= 3 && primary != "zh" && primary != "en" && !han_text;
  if (plausible) return primary;
  return FromScript(counts);
}

}  // namespace dealwatch
