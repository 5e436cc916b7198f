#include "parse/class_hints.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"

namespace dealwatch {
namespace {

// Furniture that is never the article, however much text it holds.
constexpr std::string_view kStrongParts[] = {
    "comment", "disqus", "reply", "replies", "related", "recommend", "share", "sharing",
    "social", "cookie", "consent", "gdpr", "newsletter", "subscri", "outbrain", "taboola",
    "breadcrumb", "footer", "copyright", "advert", "sponsor", "promo", "popular", "trending",
    "mostread", "jiathis", "bdshare", "xgyd", "xgxw", "hotnews",
};

// Names that may wrap the article even when they also name furniture
// (Readability's "maybe candidate" words).
constexpr std::string_view kMaybeContentParts[] = {
    "article", "body", "column", "content", "main", "shadow",
};

// Embedded posts (tweets, Instagram) quoted by the article are part of it.
constexpr std::string_view kEmbedParts[] = {"embed", "tweet", "instagram"};

// Words that mark page furniture anywhere inside a class or id name.
constexpr std::string_view kBoilerplateParts[] = {
    "comment",  "share",     "sharing",   "social",   "related",  "recommend", "newsletter",
    "subscri",  "cookie",    "consent",   "gdpr",     "breadcrumb", "sidebar", "advert",
    "sponsor",  "outbrain",  "taboola",   "disqus",   "popular",  "trending",  "mostread",
    "footer",   "masthead",  "navbar",    "navigation", "paginat", "pager",    "signup",
    "promo",    "toolbar",   "dropdown",  "modal",    "popup",    "banner",    "login",
    "topbar",   "menu",      "skiplink",  "byline",   "dateline", "timestamp", "caption",
    "copyright", "disclaimer", "author",  "breaking", "ticker",   "paywall",   "onetrust",
    "tagcloud", "taglist",   "hotnews",   "jiathis",  "bdshare",  "xgyd",      "xgxw",
    "rightbar", "leftbar",   "rightcol",  "leftcol",  "sitemap",  "adsense",   "adslot",
    "adunit",   "dfp",       "googlead",  "morestories", "readmore", "readnext", "recirc",
    "editsection",
};

// Whole words (between - _ or spaces) that mark page furniture.
constexpr std::string_view kBoilerplateWords[] = {
    "ad", "ads", "adv", "nav", "hot", "tags", "tag", "rss", "print", "skip", "aside",
    "follow", "ranking", "rank", "top10", "pswp", "lightbox", "sns",
};

// Whole words that make an element unlikely to be the article.
constexpr std::string_view kUnlikelyWords[] = {
    "meta", "credit", "credits", "date", "time", "foot", "header", "hd", "ft", "more",
    "links", "next", "prev", "widget", "extra", "tools", "tool", "utility", "actions",
};

// Names that mark the article itself.
constexpr std::string_view kContentParts[] = {
    "article", "content", "entry", "main", "body", "story", "post", "text", "blog",
    "prose", "richtext", "paragraph", "detail", "zhengwen",
};

constexpr std::string_view kHiddenWords[] = {
    "hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    "screenreader", "offscreen", "d-none", "invisible",
};

template <size_t N>
bool ContainsAny(std::string_view s, const std::string_view (&parts)[N]) {
  for (std::string_view p : parts) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

template <size_t N>
bool IsAny(std::string_view s, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

// Kinds of class-name parts, as bits.
enum PartKind : unsigned {
  kMaybeContent = 1, kEmbed = 2, kStrong = 4, kBoilerplate = 8, kContent = 16,
};

// Every class-name part list, indexed by first byte: every class and id of
// every element is searched, so one pass over the name finds all kinds.
class PartIndex {
 public:
  PartIndex() {
    Add(kMaybeContentParts, kMaybeContent);
    Add(kEmbedParts, kEmbed);
    Add(kStrongParts, kStrong);
    Add(kBoilerplateParts, kBoilerplate);
    Add(kContentParts, kContent);
  }
  // The kinds of all parts found in `s`.
  unsigned Find(std::string_view s) const {
    unsigned kinds = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      for (const Part& p : by_first_[static_cast<unsigned char>(s[i])]) {
        if (s.compare(i, p.text.size(), p.text) == 0) kinds |= p.kind;
      }
    }
    return kinds;
  }

 private:
  struct Part {
    std::string_view text;
    unsigned kind;
  };
  template <size_t N>
  void Add(const std::string_view (&parts)[N], unsigned kind) {
    for (std::string_view p : parts) by_first_[static_cast<unsigned char>(p[0])].push_back({p, kind});
  }
  std::array<std::vector<Part>, 256> by_first_;
};

// Calls f(word) for each run of letters and digits.
template <typename F>
void ForEachWord(std::string_view s, F f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) f(s.substr(b, i - b));
  }
}

// Phrases that open boilerplate blocks; matched in lower-cased text.
constexpr std::string_view kHeadingPhrases[] = {
    "related", "recommended", "most popular", "most read", "most viewed", "trending",
    "more from", "more stories", "more news", "you may also like", "you might also like",
    "you may like", "read more", "read next", "also read", "see also", "popular",
    "share this", "comments", "leave a reply", "leave a comment", "about the author",
    "sign up", "newsletter", "advertisement", "recent posts", "latest news", "top stories",
    "editor's picks", "editors' picks", "don't miss", "further reading",
    "相关新闻", "相關新聞", "热门", "熱門", "推荐阅读", "推薦閱讀", "延伸阅读", "延伸閱讀",
    "相关阅读", "相關閱讀", "相关文章", "相關文章", "相关报道", "相關報導", "更多新闻",
    "更多新聞", "猜你喜欢", "猜你喜歡", "精彩推荐", "精彩推薦", "网友评论", "網友評論",
    "热点", "熱點", "排行", "最新文章", "分享到", "相关链接", "相關連結", "看了本文的人还看了",
    "反侵权公告", "版权声明", "版權聲明", "免责声明", "免責聲明", "发表评论", "發表評論",
};

// Labels after which a page holds no more of the article, lower-cased.
constexpr std::string_view kClosingPhrases[] = {
    "related articles", "related stories", "related posts", "related news",
    "you may also like", "you might also like", "leave a reply", "leave a comment",
    "相关新闻", "相關新聞", "推荐阅读", "推薦閱讀", "延伸阅读", "延伸閱讀", "相关阅读",
    "相關閱讀", "相关文章", "相關文章", "相关报道", "相關報導", "猜你喜欢", "猜你喜歡",
    "反侵权公告", "版权声明", "版權聲明", "免责声明", "免責聲明", "发表评论", "發表評論",
    "网友评论", "網友評論",
};

// Openings of lines that are furniture.
constexpr std::string_view kLineStarts[] = {
    "advertisement", "advertisment", "sponsored content", "share this", "share on ",
    "share:", "follow us", "click here to", "sign up for", "subscribe to", "read more:",
    "related:", "copyright", "©", "(c) ", "all rights reserved", "责任编辑", "責任編輯",
    "版权所有", "版權所有", "免责声明", "免責聲明", "本文来源", "分享到", "打印本页", "关闭窗口",
    "關閉窗口", "返回顶部", "返回頂部", "【纠错】", "[责任编辑", "（责任编辑", "(责任编辑",
    "点击进入", "更多精彩", "声明：本文", "聲明：本文",
};

// Phrases of closing credits and calls to action, lower-cased.
constexpr std::string_view kTrailingPhrases[] = {
    "reporting by", "additional reporting", "contributed to this report",
    "contributed reporting", "contributing:", "editing by", "follow us", "follow me on",
    "follow ap", "email ", "e-mail ", "reach the reporter", "join our", "share your thoughts",
    "tell us what you think", "filed under", "tags:", "sign up", "subscribe", "have a tip",
    "if you enjoyed this", "more ap ", "click here", "write to ", "contact the author",
    "编辑：", "编辑:", "來源：", "来源：", "来源:", "作者：", "原标题", "原標題", "记者",
    "本文来自", "(完)", "（完）", "转载", "轉載", "版权", "版權", "侵权", "侵權",
};

constexpr std::string_view kLeadingStarts[] = {
    "by ", "staff reports", "staff report", "written by", "posted by", "published by",
    "tempo de leitura", "reading time", "min read", "作者：", "作者:", "记者：", "記者：",
    "文／", "文/", "来源：", "來源：",
};

}  // namespace

ClassVerdict ClassIdVerdict(std::string_view s) {
  static const PartIndex kIndex;
  ClassVerdict v;
  if (s.empty()) return v;
  unsigned kinds = kIndex.Find(s);
  v.content_word = (kinds & (kMaybeContent | kEmbed)) != 0;
  if (kinds & kEmbed) return v;
  v.strong = (kinds & kStrong) != 0;
  if (kinds & (kStrong | kBoilerplate)) {
    v.hint = kHintBoilerplate;
    return v;
  }
  ForEachWord(s, [&](std::string_view w) {
    if (IsAny(w, kBoilerplateWords)) {
      v.hint = kHintBoilerplate;
    } else if (v.hint == 0 && IsAny(w, kUnlikelyWords)) {
      v.hint = kHintUnlikely;
    }
  });
  if (v.hint == 0 && (kinds & kContent)) v.hint = kHintContent;
  return v;
}

bool HasHiddenClass(std::string_view s) {
  bool hit = false;
  size_t i = 0;
  while (i < s.size() && !hit) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    hit = IsAny(s.substr(b, i - b), kHiddenWords);
  }
  return hit;
}

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

}  // namespace dealwatch

namespace dealwatch {

bool IsTrailingFurniture(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 300) return false;
  std::string lower = AsciiLower(line);
  if (lower.front() == '(' || lower.front() == '[') lower.erase(0, 1);
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
