// Script and language of a text: "en", "zh-Hant" or "zh-Hans", from the share
// of Han characters and of Traditional-only versus Simplified-only ones.
// Thread-safe.
#ifndef DEALWATCH_NORMALIZE_LANGUAGE_H_
#define DEALWATCH_NORMALIZE_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dealwatch {

struct ScriptCounts {
  size_t han = 0;          // Han characters
  size_t latin = 0;        // ASCII letters
  size_t traditional = 0;  // Traditional-only characters (們, 國, 貸)
  size_t simplified = 0;   // Simplified-only characters (们, 国, 贷)
};

// Counts over original (not normalised) text.
ScriptCounts CountScripts(std::string_view text);

// "zh-Hant", "zh-Hans" or "en". Text with few Han characters (under a fifth
// per eight ASCII letters) is "en"; otherwise the more frequent script class wins,
// ties going to "zh-Hant".
std::string DetectLanguage(std::string_view text);
std::string LanguageOf(const ScriptCounts& counts);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_LANGUAGE_H_
