// Tests parse/class_hints.cc: verdicts on class/id names and on short
// labels and lines, in English and Chinese.
#include <catch2/catch.hpp>

#include "parse/class_hints.h"

namespace dealwatch {
namespace {

TEST_CASE("Class and id names give boilerplate, unlikely or content verdicts", "[parse]") {
  struct Case {
    const char* names;
    int hint;
    bool strong;
  };
  const Case cases[] = {
      {"article-body", kHintContent, false},
      {"story-content main", kHintContent, false},
      {"post-body entry", kHintContent, false},
      {"share-bar", kHintBoilerplate, true},
      {"comments-area", kHintBoilerplate, true},
      {"related-stories", kHintBoilerplate, true},
      {"cookie-banner", kHintBoilerplate, true},
      {"newsletter-signup", kHintBoilerplate, true},
      {"site-footer", kHintBoilerplate, true},
      {"breadcrumb", kHintBoilerplate, true},
      {"recommend-list", kHintBoilerplate, true},
      {"most-popular", kHintBoilerplate, true},
      {"sidebar", kHintBoilerplate, false},
      {"main-menu", kHintBoilerplate, false},
      {"ad-slot", kHintBoilerplate, false},
      {"nav top", kHintBoilerplate, false},
      {"hot list", kHintBoilerplate, false},
      {"xgyd", kHintBoilerplate, true},
      {"article-meta", kHintUnlikely, false},
      {"entry-date", kHintUnlikely, false},
      {"header", kHintUnlikely, false},
      {"lead-image", 0, false},
      {"shadow load", 0, false},
      {"", 0, false},
  };
  for (const Case& c : cases) {
    INFO(c.names);
    ClassVerdict v = ClassIdVerdict(c.names);
    CHECK(v.hint == c.hint);
    CHECK(v.strong == c.strong);
  }
}

TEST_CASE("Names of wrappers keep a content word beside furniture words", "[parse]") {
  CHECK(ClassIdVerdict("content-with-sidebar-wrap").content_word);
  CHECK(ClassIdVerdict("box article modal-enabled").content_word);
  CHECK_FALSE(ClassIdVerdict("sidebar").content_word);
}

TEST_CASE("Embedded posts are never boilerplate", "[parse]") {
  ClassVerdict v = ClassIdVerdict("social-media-embed");
  CHECK(v.hint == 0);
  CHECK(v.content_word);
  CHECK(ClassIdVerdict("twitter-tweet").hint == 0);
}

TEST_CASE("Hidden classes are whole words", "[parse]") {
  CHECK(HasHiddenClass("hidden"));
  CHECK(HasHiddenClass("foo sr-only"));
  CHECK(HasHiddenClass("visually-hidden bar"));
  CHECK_FALSE(HasHiddenClass("hidden-xs"));
  CHECK_FALSE(HasHiddenClass("unhidden"));
}

TEST_CASE("Labels that open boilerplate blocks", "[parse]") {
  for (const char* label : {"Related Articles", "Most Popular", "You may also like", "Read more",
                            "推荐阅读", "相關新聞", "热门", "延伸閱讀", "相关阅读", "猜你喜欢"}) {
    INFO(label);
    CHECK(IsBoilerplateHeading(label));
  }
  for (const char* text : {"The loan was signed", "银团贷款签约", ""}) {
    INFO(text);
    CHECK_FALSE(IsBoilerplateHeading(text));
  }
}

TEST_CASE("Closing labels end the article", "[parse]") {
  for (const char* label : {"Related articles", "Leave a Reply", "相关阅读", "反侵权公告：", "免责声明"}) {
    INFO(label);
    CHECK(IsClosingLabel(label));
  }
  CHECK_FALSE(IsClosingLabel("Most popular"));
  CHECK_FALSE(IsClosingLabel("The deal"));
}

TEST_CASE("Furniture lines in English and Chinese", "[parse]") {
  for (const char* line : {"Advertisement", "Share this article", "Copyright © 2025 Example Media",
                           "© 2025 Reuters. All rights reserved.", "责任编辑：张三",
                           "責任編輯：李四", "版權所有 © 2025", "免责声明：本文仅供参考"}) {
    INFO(line);
    CHECK(IsBoilerplateLine(line));
  }
  for (const char* line : {"The copyright holders agreed to the loan.", "银行签署了协议。"}) {
    INFO(line);
    CHECK_FALSE(IsBoilerplateLine(line));
  }
}

TEST_CASE("Credits and calls to action close articles", "[parse]") {
  for (const char* line : {"Reporting by Jane Doe; Editing by John Smith",
                           "(Additional reporting by Tom Lee)", "Contributing: Kim Park",
                           "Follow us on Twitter", "Sign up for our newsletter",
                           "（责任编辑：王五）", "来源：新华网", "Filed under: Banking"}) {
    INFO(line);
    CHECK(IsTrailingFurniture(line));
  }
  CHECK_FALSE(IsTrailingFurniture("The facility matures in 2030."));
}

TEST_CASE("Bylines and reading times open articles", "[parse]") {
  for (const char* line : {"By Jane Doe", "Staff Reports", "5 min read", "作者：张三", "记者：李四"}) {
    INFO(line);
    CHECK(IsLeadingFurniture(line));
  }
  CHECK_FALSE(IsLeadingFurniture("Bylaws of the company were amended."));
}

}  // namespace
}  // namespace dealwatch
