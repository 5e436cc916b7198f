// String helpers that the standard library lacks. ASCII-only case handling:
// Unicode case folding lives in normalize/.
#ifndef DEALWATCH_COMMON_STRINGS_H_
#define DEALWATCH_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

std::string_view Trim(std::string_view s);  // ASCII whitespace
std::vector<std::string_view> Split(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
std::string AsciiLower(std::string_view s);
bool IEquals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool EndsWithI(std::string_view s, std::string_view suffix);
// Replaces every occurrence of `from` (non-empty) with `to`.
std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to);
// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);
// Collapses runs of ASCII whitespace to one space and trims.
std::string CollapseSpaces(std::string_view s);

}  // namespace dealwatch

#endif  // DEALWATCH_COMMON_STRINGS_H_
