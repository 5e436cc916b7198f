// Tests parse/lang_detect.cc: the lang attribute when plausible, else the
// script of the text, Traditional vs Simplified by characters used only one way.
#include "parse/lang_detect.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

const char kHant[] = "中國銀行與多家銀行簽署銀團貸款協議，總額為五十億港元，參與銀行包括匯豐。";
const char kHans[] = "中国银行与多家银行签署银团贷款协议，总额为五十亿元，参与银行包括汇丰。";
const char kEnglish[] = "The borrower signed a syndicated loan with twelve banks on Friday.";

TEST_CASE("Map lang attributes to en, zh-Hant and zh-Hans", "[parse]") {
  struct Case {
    const char* lang;
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"zh-TW", kHant, "zh-Hant"}, {"zh-HK", kHant, "zh-Hant"}, {"zh-Hant-TW", kHant, "zh-Hant"},
      {"zh-CN", kHans, "zh-Hans"}, {"zh_SG", kHans, "zh-Hans"}, {"zh-Hans", kHans, "zh-Hans"},
      {"zh", kHant, "zh-Hant"},    {"zh", kHans, "zh-Hans"},    {"en-US", kEnglish, "en"},
      {"EN", kEnglish, "en"},      {"ru", kEnglish, "ru"},      {"zh-CN", "", "zh-Hans"},
  };
  for (const Case& c : cases) {
    INFO(c.lang);
    CHECK(DecideLang(c.lang, c.text) == c.want);
  }
}

TEST_CASE("Overrule a lang attribute that the script contradicts", "[parse]") {
  CHECK(DecideLang("en", kHant) == "zh-Hant");
  CHECK(DecideLang("zh-CN", kEnglish) == "en");
  CHECK(DecideLang("fr", kHans) == "zh-Hans");
}

TEST_CASE("Detect the language from the script without an attribute", "[parse]") {
  CHECK(DecideLang("", kHant) == "zh-Hant");
  CHECK(DecideLang("", kHans) == "zh-Hans");
  CHECK(DecideLang("", kEnglish) == "en");
  CHECK(DecideLang("", "三菱UFJ銀行はシンジケートローン契約を締結しました。総額は五百億円です。") ==
        "ja");
  CHECK(DecideLang("", "").empty());
  CHECK(DecideLang("", "12 34").empty());
}

TEST_CASE("Count Traditional-only and Simplified-only characters", "[parse]") {
  ScriptCounts hant = CountScripts(kHant);
  CHECK(hant.traditional > 0);
  CHECK(hant.simplified == 0);
  ScriptCounts hans = CountScripts(kHans);
  CHECK(hans.simplified > 0);
  CHECK(hans.traditional == 0);
}

}  // namespace
}  // namespace dealwatch
