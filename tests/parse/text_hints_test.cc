// Tests parse/text_hints.cc: verdicts on labels and lines, in English and
// Chinese.
#include "parse/text_hints.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

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
  for (const char* label :
       {"Related articles", "Leave a Reply", "相关阅读", "反侵权公告：", "免责声明"}) {
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
  for (const char* line :
       {"Reporting by Jane Doe; Editing by John Smith", "(Additional reporting by Tom Lee)",
        "Contributing: Kim Park", "Follow us on Twitter", "Sign up for our newsletter",
        "（责任编辑：王五）", "来源：新华网", "Filed under: Banking"}) {
    INFO(line);
    CHECK(IsTrailingFurniture(line));
  }
  CHECK_FALSE(IsTrailingFurniture("The facility matures in 2030."));
  CHECK_FALSE(IsTrailingFurniture("The company did not respond to an email seeking comment."));
  CHECK_FALSE(IsTrailingFurniture("Investors who subscribe to the notes get a coupon of 5%."));
}

TEST_CASE("Bylines and reading times open articles", "[parse]") {
  for (const char* line :
       {"By Jane Doe", "Staff Reports", "5 min read", "作者：张三", "记者：李四"}) {
    INFO(line);
    CHECK(IsLeadingFurniture(line));
  }
  CHECK_FALSE(IsLeadingFurniture("Bylaws of the company were amended."));
}

}  // namespace
}  // namespace dealwatch
