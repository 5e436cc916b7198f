// Reads an author's name from a visible byline: "By Jane Doe and John Roe",
// "作者：张三", "本报记者 李四 王五", "文／陈六", "执笔人：赵七". Pure functions;
// thread-safe.
#ifndef DEALWATCH_PARSE_BYLINE_H_
#define DEALWATCH_PARSE_BYLINE_H_

#include <string>
#include <string_view>

namespace dealwatch {

// The name(s) in `text` when it holds a byline (names separated by one
// space), else "". Only the first 300 bytes are read.
std::string ParseByline(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_BYLINE_H_
