#include "parse/byline.h"

#include <cctype>
#include <vector>

#include "common/strings.h"
#include "common/utf8.h"

namespace dealwatch {
namespace {

constexpr size_t kMaxBylineBytes = 300;
constexpr size_t kMaxNames = 4;
constexpr size_t kMaxHanNameChars = 5;

constexpr size_t kMaxHanBylineBytes = 120;  // longer text is prose that mentions 记者

// Markers after which Chinese bylines give names, wherever they stand.
constexpr std::string_view kHanMarkers[] = {
    "执笔人：", "執筆人：", "作者：", "作者:", "记者：", "記者：", "撰文：",
};
// Markers that start a byline only at the start of the text.
constexpr std::string_view kHanOpeners[] = {
    "本报记者", "本報記者", "记者", "記者", "文／", "文/", "作者",
};

bool IsNameByte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '.' || c == '\'';
}

// Up to kMaxNames runs of Han characters after `pos`, separated by spaces.
std::string HanNames(std::string_view s, size_t pos) {
  std::vector<std::string> names;
  while (pos < s.size() && names.size() < kMaxNames) {
    while (pos < s.size() &&
           (s[pos] == ' ' || s[pos] == ':' || s.compare(pos, 2, "\xC2\xA0") == 0 ||
            s.compare(pos, 3, "\xE3\x80\x80") == 0)) {
      pos += s[pos] == ' ' || s[pos] == ':' ? 1 : (s[pos] == '\xC2' ? 2 : 3);
    }
    size_t start = pos, chars = 0, len = 0;
    while (pos < s.size() && IsHan(DecodeUtf8(s, pos, &len))) pos += len, ++chars;
    if (chars < 2 || chars > kMaxHanNameChars) break;
    names.emplace_back(s.substr(start, pos - start));
  }
  return Join(names, " ");
}

// "Jane Doe and John Roe" after an English "By ", up to a comma (which
// starts an affiliation: "By Jane Doe, Reuters").
std::string LatinNames(std::string_view s) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < s.size() && words.size() < 8) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    size_t start = pos;
    while (pos < s.size() && (IsNameByte(s[pos]) || s[pos] == '-')) ++pos;
    std::string_view w = s.substr(start, pos - start);
    if (w.empty()) break;
    bool capital = std::isupper(static_cast<unsigned char>(w[0]));
    if (!capital && w != "and") break;
    words.emplace_back(w);
  }
  while (!words.empty() && words.back() == "and") words.pop_back();
  return words.size() >= 2 ? Join(words, " ") : "";
}

}  // namespace

std::string ParseByline(std::string_view text) {
  text = Trim(Utf8Truncate(text, kMaxBylineBytes));
  if (text.size() > 3 && (text.substr(0, 3) == "By " || text.substr(0, 3) == "BY ")) {
    return LatinNames(text.substr(3));
  }
  if (text.size() > kMaxHanBylineBytes) return "";
  for (std::string_view marker : kHanMarkers) {
    size_t at = text.find(marker);
    if (at == std::string_view::npos) continue;
    std::string names = HanNames(text, at + marker.size());
    if (!names.empty()) return names;
  }
  // Brackets and boxes that open bylines: "（记者 张三）", "□ 本报记者 李四".
  for (std::string_view open : {"\xEF\xBC\x88", "(", "[", "\xE2\x96\xA1", "\xE3\x80\x90"}) {
    if (text.substr(0, open.size()) == open) text = Trim(text.substr(open.size()));
  }
  for (std::string_view marker : kHanOpeners) {
    if (text.substr(0, marker.size()) != marker) continue;
    std::string names = HanNames(text, marker.size());
    if (!names.empty()) return names;
  }
  return "";
}

}  // namespace dealwatch
