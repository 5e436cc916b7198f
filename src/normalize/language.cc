#include "normalize/language.h"

#include "common/utf8.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

ScriptCounts CountScripts(std::string_view text) {
  const TextNormalizer& tn = TextNormalizer::Get();
  ScriptCounts c;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++c.latin;
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if (!IsHan(cp)) continue;
    ++c.han;
    if (tn.IsTraditionalOnly(cp)) ++c.traditional;
    if (tn.IsSimplifiedOnly(cp)) ++c.simplified;
  }
  return c;
}

std::string LanguageOf(const ScriptCounts& c) {
  // A Han character carries about as much as a short English word.
  if (c.han == 0 || c.han * 8 < c.latin) return "en";
  return c.simplified > c.traditional ? "zh-Hans" : "zh-Hant";
}

std::string DetectLanguage(std::string_view text) { return LanguageOf(CountScripts(text)); }

}  // namespace dealwatch
