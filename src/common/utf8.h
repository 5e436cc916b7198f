// Small UTF-8 helpers shared by every stage. No allocation unless a string
// is returned. Invalid sequences decode as U+FFFD one byte at a time, so a
// loop over DecodeUtf8 always advances and never reads past the end.
#ifndef DEALWATCH_COMMON_UTF8_H_
#define DEALWATCH_COMMON_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dealwatch {

// Decodes the code point starting at s[pos]; sets *len to the bytes used
// (1..4). REQUIRES: pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Replaces every invalid sequence with U+FFFD; *replaced (may be null)
// receives how many were replaced.
std::string SanitizeUtf8(std::string_view s, size_t* replaced = nullptr);

// Number of code points.
size_t Utf8Length(std::string_view s);

// True for CJK unified ideographs (incl. ext A and compatibility ideographs).
bool IsHan(char32_t cp);

// Returns the largest index <= pos that starts a code point.
size_t Utf8Floor(std::string_view s, size_t pos);

// Cuts `s` to at most `max_bytes` without splitting a code point.
std::string_view Utf8Truncate(std::string_view s, size_t max_bytes);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_UTF8_H_
