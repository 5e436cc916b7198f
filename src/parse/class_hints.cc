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
    "comment",    "disqus",  "reply",    "replies", "related",    "recommend",
    "share",      "sharing", "social",   "cookie",  "consent",    "gdpr",
    "newsletter", "subscri", "outbrain", "taboola", "breadcrumb", "footer",
    "copyright",  "advert",  "sponsor",  "promo",   "popular",    "trending",
    "mostread",   "jiathis", "bdshare",  "xgyd",    "xgxw",       "hotnews",
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
    "comment",    "share",      "sharing",  "social",      "related",   "recommend",
    "newsletter", "subscri",    "cookie",   "consent",     "gdpr",      "breadcrumb",
    "sidebar",    "advert",     "sponsor",  "outbrain",    "taboola",   "disqus",
    "popular",    "trending",   "mostread", "footer",      "masthead",  "navbar",
    "navigation", "paginat",    "pager",    "signup",      "promo",     "toolbar",
    "dropdown",   "modal",      "popup",    "banner",      "login",     "topbar",
    "menu",       "skiplink",   "byline",   "dateline",    "timestamp", "caption",
    "copyright",  "disclaimer", "author",   "ticker",      "paywall",   "onetrust",
    "tagcloud",   "taglist",    "hotnews",  "jiathis",     "bdshare",   "xgyd",
    "xgxw",       "rightbar",   "leftbar",  "rightcol",    "leftcol",   "sitemap",
    "adsense",    "adslot",     "adunit",   "dfp",         "googlead",  "morestories",
    "readmore",   "readnext",   "recirc",   "editsection",
};

// Whole words (between - _ or spaces) that mark page furniture.
constexpr std::string_view kBoilerplateWords[] = {
    "ad",   "ads",   "adv",    "nav",     "hot",  "tags",  "tag",  "rss",      "print",
    "skip", "aside", "follow", "ranking", "rank", "top10", "pswp", "lightbox", "sns",
};

// Whole words that make an element unlikely to be the article.
constexpr std::string_view kUnlikelyWords[] = {
    "meta",  "credit", "credits", "date",    "time",    "foot", "header",
    "hd",    "ft",     "more",    "links",   "next",    "prev", "widget",
    "extra", "tools",  "tool",    "utility", "actions",
};

// Names that mark the article itself.
constexpr std::string_view kContentParts[] = {
    "article", "content", "entry", "main",     "body",      "story",  "post",
    "text",    "blog",    "prose", "richtext", "paragraph", "detail", "zhengwen",
};

constexpr std::string_view kHiddenWords[] = {
    "hidden",          "hide",           "sr-only",
    "visually-hidden", "visuallyhidden", "screen-reader-text",
    "screenreader",    "offscreen",      "d-none",
    "invisible",
};

template <size_t N>
bool IsAny(std::string_view s, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

// Kinds of class-name parts, as bits.
enum PartKind : unsigned {
  kMaybeContent = 1,
  kEmbed = 2,
  kStrong = 4,
  kBoilerplate = 8,
  kContent = 16,
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
    for (std::string_view p : parts)
      by_first_[static_cast<unsigned char>(p[0])].push_back({p, kind});
  }
  std::array<std::vector<Part>, 256> by_first_;
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// Calls f(word) for each run of letters and digits.
template <typename F>
void ForEachWord(std::string_view s, F f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAsciiAlnum(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && IsAsciiAlnum(s[i])) ++i;
    if (i > b) f(s.substr(b, i - b));
  }
}

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

}  // namespace dealwatch
