// Tests parse/byline.cc: names read from visible bylines.
#include "parse/byline.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("Read names from English and Chinese bylines", "[parse]") {
  struct Case {
    const char* text;
    const char* names;
  };
  const Case cases[] = {
      {"By Jane Doe", "Jane Doe"},
      {"By Justine Coleman - 11/18/19 11:04 PM EST", "Justine Coleman"},
      {"BY JERUSALEM POST STAFF", "JERUSALEM POST STAFF"},
      {"By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"},
      {"作者：张三", "张三"},
      {"作者：宋怡 杨志华", "宋怡 杨志华"},
      {"本报记者 葛灵丹", "葛灵丹"},
      {"□ 本报记者 葛灵丹", "葛灵丹"},
      {"（记者 李四）", "李四"},
      {"文／陈六", "陈六"},
      {"执笔人：闵乐夫 赵兰波", "闵乐夫 赵兰波"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ParseByline(c.text) == c.names);
  }
}

TEST_CASE("Prose that mentions reporters is no byline", "[parse]") {
  for (const char* text : {"by the way, the loan closed", "记者经历了近十年的采访工作", "By 2025",
                           "The reporter said", ""}) {
    INFO(text);
    CHECK(ParseByline(text).empty());
  }
}

}  // namespace
}  // namespace dealwatch
