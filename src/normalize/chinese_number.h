// Numerals in normalised text, the way Chinese and English news write them:
// Arabic digits with thousands commas and a decimal point ("1,693.34"),
// Chinese digits and multipliers ("二百二十", "一千五百", "十二", "两", "〇"),
// financial capitals ("贰佰", "叁仟"), mixtures with the big scales 万, 亿
// and 兆 ("1,693.34亿", "12亿5千万", "23亿4,000万", "3.5万亿", "千亿"), and
// English number words ("two hundred", "twenty-five"). Vague numerals
// ("数十", "上百", "900多", "百余") are read with no exact value.
// Used by the money and loan-term parsers. Stateless and thread-safe.
#ifndef DEALWATCH_NORMALIZE_CHINESE_NUMBER_H_
#define DEALWATCH_NORMALIZE_CHINESE_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace dealwatch {

// One numeral read from text. Examples (value, last_scale):
//   "15"          15, 1          "15亿"      1.5e9, 1e8
//   "12亿5千万"    1.25e9, 1e4     "3.5万亿"   3.5e12, 1e12
//   "900多亿"      -, 1e8 (low 9e10, more_than)
struct Numeral {
  size_t begin = 0;              // byte offsets in the searched text
  size_t end = 0;
  std::optional<double> value;   // empty when vague or open-ended
  double low = 0;                // least value meant; equals value when exact
  double last_scale = 1;         // multiplier of the last group written
  bool has_big_scale = false;    // 万, 亿 or 兆 written
  bool has_arabic = false;       // contains an ASCII digit
  bool starts_with_multiplier = false;  // "千亿", "百亿", "十二"
  bool more_than = false;        // 多 / 余 ("900多亿") or vague (数十, 上百)
};

// Reads the Arabic or Chinese numeral that starts at text[pos]; nullopt when
// none starts there. 兆 counts as 10^12 unless it plainly begins another word
// (兆丰, 兆瓦). REQUIRES: pos < text.size() or nullopt is returned.
std::optional<Numeral> ReadNumeral(std::string_view text, size_t pos);

// Reads English number words at text[pos] ("two hundred", "twenty-five",
// "seven"); nullopt when text[pos] does not begin such a word. The caller
// checks the word boundary before pos.
std::optional<Numeral> ReadNumberWords(std::string_view text, size_t pos);

// The value of `s` when all of it is one exact numeral ("二百二十" -> 220,
// "1,693.34亿" -> 169334000000); nullopt otherwise.
std::optional<double> ParseChineseNumber(std::string_view s);

// Rounds `v` to the nearest integer when it is within floating-point noise
// of one, so that 1693.34 * 1e8 prints as 169334000000.
double SnapToInteger(double v);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_CHINESE_NUMBER_H_
