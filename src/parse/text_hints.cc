#include "parse/text_hints.h"

#include <string>

#include "common/strings.h"

namespace dealwatch {
namespace {

constexpr size_t kMaxCreditBytes = 500;  // longer closing lines are paragraphs

template <size_t N>
bool ContainsAny(std::string_view s, const std::string_view (&parts)[N]) {
  for (std::string_view p : parts) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

// Phrases that open boilerplate blocks; matched in lower-cased text.
constexpr std::string_view kHeadingPhrases[] = {
    "related",
    "recommended",
    "most popular",
    "most read",
    "most viewed",
    "trending",
    "more from",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "you may like",
    "read more",
    "read next",
    "also read",
    "see also",
    "popular",
    "share this",
    "comments",
    "leave a reply",
    "leave a comment",
    "about the author",
    "sign up",
    "newsletter",
    "advertisement",
    "recent posts",
    "latest news",
    "top stories",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "further reading",
    "相关新闻",
    "相關新聞",
    "热门",
    "熱門",
    "推荐阅读",
    "推薦閱讀",
    "延伸阅读",
    "延伸閱讀",
    "相关阅读",
    "相關閱讀",
    "相关文章",
    "相關文章",
    "相关报道",
    "相關報導",
    "更多新闻",
    "更多新聞",
    "猜你喜欢",
    "猜你喜歡",
    "精彩推荐",
    "精彩推薦",
    "网友评论",
    "網友評論",
    "热点",
    "熱點",
    "排行",
    "最新文章",
    "分享到",
    "相关链接",
    "相關連結",
    "看了本文的人还看了",
    "反侵权公告",
    "版权声明",
    "版權聲明",
    "免责声明",
    "免責聲明",
    "发表评论",
    "發表評論",
};

// Labels after which a page holds no more of the article, lower-cased.
constexpr std::string_view kClosingPhrases[] = {
    "related articles", "related stories",   "related posts",
    "related news",     "you may also like", "you might also like",
    "leave a reply",    "leave a comment",   "相关新闻",
    "相關新聞",         "推荐阅读",          "推薦閱讀",
    "延伸阅读",         "延伸閱讀",          "相关阅读",
    "相關閱讀",         "相关文章",          "相關文章",
    "相关报道",         "相關報導",          "猜你喜欢",
    "猜你喜歡",         "反侵权公告",        "版权声明",
    "版權聲明",         "免责声明",          "免責聲明",
    "发表评论",         "發表評論",          "网友评论",
    "網友評論",
};

// Openings of lines that are furniture.
constexpr std::string_view kLineStarts[] = {
    "this slideshow requires javascript",
    "please enable javascript",
    "advertisement",
    "advertisment",
    "sponsored content",
    "share this",
    "share on ",
    "share:",
    "follow us",
    "click here to",
    "sign up for",
    "subscribe to",
    "read more:",
    "related:",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "责任编辑",
    "責任編輯",
    "版权所有",
    "版權所有",
    "免责声明",
    "免責聲明",
    "本文来源",
    "分享到",
    "打印本页",
    "关闭窗口",
    "關閉窗口",
    "返回顶部",
    "返回頂部",
    "【纠错】",
    "[责任编辑",
    "（责任编辑",
    "(责任编辑",
    "点击进入",
    "更多精彩",
    "声明：本文",
    "聲明：本文",
};

// Closing credits and calls to action, lower-cased, as sentence openings:
// "email" or "subscribe" inside a sentence is prose.
constexpr std::string_view kTrailingStarts[] = {
    "reporting by",
    "additional reporting",
    "editing by",
    "contributing:",
    "follow us",
    "follow me on",
    "follow ap",
    "follow @",
    "email ",
    "e-mail ",
    "reach the reporter",
    "join our",
    "share your thoughts",
    "tell us what you think",
    "filed under",
    "tags:",
    "sign up",
    "subscribe",
    "have a tip",
    "if you enjoyed this",
    "more ap ",
    "click here",
    "write to ",
    "contact the author",
    "原标题",
    "原標題",
    "本文来自",
    "来源：",
    "来源:",
    "來源：",
    "作者：",
    "(完)",
    "（完）",
};

// Credits that close articles wherever they stand in the line.
constexpr std::string_view kTrailingPhrases[] = {
    "contributed to this report",
    "contributed reporting",
    "编辑：",
    "编辑:",
    "編輯：",
    "转载",
    "轉載",
    "版权",
    "版權",
    "侵权",
    "侵權",
};

constexpr std::string_view kLeadingStarts[] = {
    "by ",          "staff reports",    "staff report", "written by", "posted by",
    "published by", "tempo de leitura", "reading time", "min read",   "作者：",
    "作者:",        "记者：",           "記者：",       "文／",       "文/",
    "来源：",       "來源：",
};

// True when a sentence of `lower` opens with one of kTrailingStarts.
bool SentenceOpensWithCredit(std::string_view lower) {
  size_t start = 0;
  while (start < lower.size()) {
    std::string_view sentence = lower.substr(start);
    for (std::string_view p : kTrailingStarts) {
      if (sentence.rfind(p, 0) == 0) return true;
    }
    size_t end = lower.find_first_of(".?!", start);
    if (end == std::string_view::npos) break;
    start = end + 1;
    while (start < lower.size() && lower[start] == ' ') ++start;
  }
  return false;
}

}  // namespace

bool IsBoilerplateHeading(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 60) return false;
  return ContainsAny(AsciiLower(text), kHeadingPhrases);
}

bool IsClosingLabel(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 60) return false;
  return ContainsAny(AsciiLower(text), kClosingPhrases);
}

bool IsBoilerplateLine(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 200) return false;
  std::string lower = AsciiLower(line.substr(0, 40));
  for (std::string_view start : kLineStarts) {
    if (lower.rfind(start, 0) == 0) return true;
  }
  return AsciiLower(line).find("all rights reserved") != std::string::npos;
}

bool IsTrailingFurniture(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxCreditBytes) return false;
  std::string lower = AsciiLower(line);
  if (lower.front() == '(' || lower.front() == '[') lower.erase(0, 1);
  if (SentenceOpensWithCredit(lower)) return true;
  for (std::string_view p : kTrailingPhrases) {
    if (lower.find(p) != std::string::npos) return true;
  }
  return IsBoilerplateLine(line);
}

bool IsLeadingFurniture(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 120) return false;
  std::string lower = AsciiLower(line);
  for (std::string_view p : kLeadingStarts) {
    if (lower.rfind(p, 0) == 0) return true;
  }
  return lower.find("min read") != std::string::npos;
}

}  // namespace dealwatch
