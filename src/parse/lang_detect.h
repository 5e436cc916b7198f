// Decides an article's language from its <html lang> and the script of its
// text: "en", "zh-Hant", "zh-Hans", or another language's primary subtag
// ("ru", "ja") when the page declares it or its script shows it. Han text is
// split into Traditional and Simplified by counting characters written only
// one way (TextNormalizer::IsTraditionalOnly / IsSimplifiedOnly).
// Thread-safe (the normalizer is a shared immutable instance).
#ifndef DEALWATCH_PARSE_LANG_DETECT_H_
#define DEALWATCH_PARSE_LANG_DETECT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dealwatch {

struct ScriptCounts {
  size_t han = 0, traditional = 0, simplified = 0;
  size_t latin = 0, kana = 0, hangul = 0, cyrillic = 0;
};

// Counts the scripts of the first `max_bytes` of `text`.
ScriptCounts CountScripts(std::string_view text, size_t max_bytes = 32768);

// `html_lang` is the attribute as written ("" when absent). Returns "" when
// there is neither a usable attribute nor enough text to tell.
std::string DecideLang(std::string_view html_lang, std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_LANG_DETECT_H_
