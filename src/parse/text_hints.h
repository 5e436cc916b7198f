// Verdicts on short texts that are page furniture: the labels of
// boilerplate blocks ("Related stories", "相关阅读"), lines such as
// "Advertisement" or "责任编辑：...", bylines and closing credits. English
// and Chinese (Traditional and Simplified). Pure functions over static
// tables; thread-safe.
#ifndef DEALWATCH_PARSE_TEXT_HINTS_H_
#define DEALWATCH_PARSE_TEXT_HINTS_H_

#include <string_view>

namespace dealwatch {

// True for a short heading or label that introduces boilerplate:
// "Related articles", "Most popular", "推荐阅读", "相關新聞", "热门".
bool IsBoilerplateHeading(std::string_view text);

// True for a label after which pages hold no more article: "Related
// articles", "Leave a reply", "相关阅读", "反侵权公告".
bool IsClosingLabel(std::string_view text);

// True for a line that is page furniture whatever its container:
// "Advertisement", "Share this article", "责任编辑：张三", "版權所有 ©".
bool IsBoilerplateLine(std::string_view line);

// True for a line that closes articles without being part of them:
// credits ("Reporting by ...", "Contributing: ..."), calls to follow,
// subscribe or comment, "Filed under", "（责任编辑：...）", "来源：...".
bool IsTrailingFurniture(std::string_view line);

// True for a line that opens articles without being part of them: bylines
// ("By Jane Doe", "Staff Reports", "作者：..."), reading times.
bool IsLeadingFurniture(std::string_view line);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_TEXT_HINTS_H_
