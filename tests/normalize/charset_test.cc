// Tests normalize/charset.cc: where the charset comes from, legacy Chinese,
// Japanese and Western encodings, pages that lie about their charset, and
// bytes that are not text at all. Byte strings were made with iconv.
#include "normalize/charset.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

namespace dealwatch {
namespace {

// "银团贷款协议" in GBK.
const std::string kGbkShort = "\xD2\xF8\xCD\xC5\xB4\xFB\xBF\xEE\xD0\xAD\xD2\xE9";
// "中国银行与多家银行签署银团贷款协议，总额为五十亿元人民币，期限三年。" in GBK.
const std::string kGbkSentence =
    "\xD6\xD0\xB9\xFA\xD2\xF8\xD0\xD0\xD3\xEB\xB6\xE0\xBC\xD2\xD2\xF8\xD0\xD0\xC7\xA9\xCA\xF0"
    "\xD2\xF8\xCD\xC5\xB4\xFB\xBF\xEE\xD0\xAD\xD2\xE9\xA3\xAC\xD7\xDC\xB6\xEE\xCE\xAA\xCE\xE5"
    "\xCA\xAE\xD2\xDA\xD4\xAA\xC8\xCB\xC3\xF1\xB1\xD2\xA3\xAC\xC6\xDA\xCF\xDE\xC8\xFD\xC4\xEA"
    "\xA1\xA3";
const char kGbkSentenceUtf8[] =
    "中国银行与多家银行签署银团贷款协议，总额为五十亿元人民币，期限三年。";
// "中國銀行與多家銀行簽署銀團貸款協議，總額為五十億港元，期限三年。" in Big5.
const std::string kBig5Sentence =
    "\xA4\xA4\xB0\xEA\xBB\xC8\xA6\xE6\xBB\x50\xA6\x68\xAE\x61\xBB\xC8\xA6\xE6\xC3\xB1\xB8\x70"
    "\xBB\xC8\xB9\xCE\xB6\x55\xB4\xDA\xA8\xF3\xC4\xB3\xA1\x41\xC1\x60\xC3\x42\xAC\xB0\xA4\xAD"
    "\xA4\x51\xBB\xF5\xB4\xE4\xA4\xB8\xA1\x41\xB4\xC1\xAD\xAD\xA4\x54\xA6\x7E\xA1\x43";
const char kBig5SentenceUtf8[] = "中國銀行與多家銀行簽署銀團貸款協議，總額為五十億港元，期限三年。";
// "三菱UFJ銀行はシンジケートローン契約を締結しました。総額は五百億円です。" in Shift_JIS.
const std::string kSjisSentence =
    "\x8E\x4F\x95\x48\x55\x46\x4A\x8B\xE2\x8D\x73\x82\xCD\x83\x56\x83\x93\x83\x57\x83\x50\x81"
    "\x5B\x83\x67\x83\x8D\x81\x5B\x83\x93\x8C\x5F\x96\xF1\x82\xF0\x92\xF7\x8C\x8B\x82\xB5\x82"
    "\xDC\x82\xB5\x82\xBD\x81\x42\x91\x8D\x8A\x7A\x82\xCD\x8C\xDC\x95\x53\x89\xAD\x89\x7E\x82"
    "\xC5\x82\xB7\x81\x42";
const char kSjisSentenceUtf8[] =
    "三菱UFJ銀行はシンジケートローン契約を締結しました。総額は五百億円です。";
// "café – “loan”" in windows-1252.
const std::string kCp1252 = "caf\xE9 \x96 \x93loan\x94";

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string Page(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>";
}

TEST_CASE("Decode GBK declared by meta charset as GB18030", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8(Page("<meta charset=\"gb2312\">", kGbkShort), "", "");
  REQUIRE(d.ok());
  CHECK(d->charset == "GB18030");
  CHECK(d->how == "meta");
  CHECK(d->utf8.find("银团贷款协议") != std::string::npos);
  CHECK(d->replaced == 0);
}

TEST_CASE("Read the charset of a meta http-equiv content type", "[normalize]") {
  std::string head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">";
  Result<DecodedText> d = DecodeToUtf8(Page(head, kGbkShort), "", "");
  REQUIRE(d.ok());
  CHECK(d->how == "meta");
  CHECK(d->utf8.find("银团贷款协议") != std::string::npos);
}

TEST_CASE("Prefer the HTTP charset to the meta tag", "[normalize]") {
  std::string page = Page("<meta charset=\"windows-1252\">", kGbkShort);
  Result<DecodedText> d = DecodeToUtf8(page, "text/html; charset=gbk", "");
  REQUIRE(d.ok());
  CHECK(d->how == "http");
  CHECK(d->utf8.find("银团贷款协议") != std::string::npos);
}

TEST_CASE("An override charset wins over every label", "[normalize]") {
  std::string page = Page("<meta charset=\"utf-8\">", kGbkShort);
  Result<DecodedText> d = DecodeToUtf8(page, "text/html; charset=utf-8", "gbk");
  REQUIRE(d.ok());
  CHECK(d->how == "override");
  CHECK(d->utf8.find("银团贷款协议") != std::string::npos);
}

TEST_CASE("An unknown override charset is an invalid argument", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8("abc", "", "no-such-charset");
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().code() == Code::kInvalidArgument);
  CHECK(d.status().message().find("no-such-charset") != std::string::npos);
}

TEST_CASE("Decode Big5 with the HKSCS superset", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8(Page("<meta charset=big5>", kBig5Sentence), "", "");
  REQUIRE(d.ok());
  CHECK(d->utf8.find(kBig5SentenceUtf8) != std::string::npos);
  CHECK(d->replaced == 0);
}

TEST_CASE("Decode Shift_JIS labelled x-sjis", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8(Page("<meta charset=x-sjis>", kSjisSentence), "", "");
  REQUIRE(d.ok());
  CHECK(d->utf8.find(kSjisSentenceUtf8) != std::string::npos);
}

TEST_CASE("Decode latin1 labels as windows-1252", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8(Page("", kCp1252), "text/html; charset=ISO-8859-1", "");
  REQUIRE(d.ok());
  CHECK(d->utf8.find("café – “loan”") != std::string::npos);
}

TEST_CASE("Detect unlabelled pages: GBK, Big5, Shift_JIS, UTF-8", "[normalize]") {
  struct Case {
    std::string bytes;
    const char* utf8;
  };
  const Case cases[] = {
      {kGbkSentence, kGbkSentenceUtf8},
      {kBig5Sentence, kBig5SentenceUtf8},
      {kSjisSentence, kSjisSentenceUtf8},
      {kGbkSentenceUtf8, kGbkSentenceUtf8},
  };
  for (const Case& c : cases) {
    Result<DecodedText> d = DecodeToUtf8(Page("", Repeat(c.bytes, 8)), "", "");
    REQUIRE(d.ok());
    INFO(d->charset);
    CHECK(d->how == "detected");
    CHECK(d->utf8.find(c.utf8) != std::string::npos);
  }
}

TEST_CASE("A page labelled UTF-8 that is GBK is detected as GBK", "[normalize]") {
  std::string page = Page("<meta charset=\"utf-8\">", Repeat(kGbkSentence, 8));
  Result<DecodedText> d = DecodeToUtf8(page, "", "");
  REQUIRE(d.ok());
  CHECK(d->how == "detected");
  CHECK(d->charset == "GB18030");
  CHECK(d->utf8.find(kGbkSentenceUtf8) != std::string::npos);
}

TEST_CASE("A page labelled GBK that is valid UTF-8 is read as UTF-8", "[normalize]") {
  std::string page = Page("<meta charset=\"gb2312\">", kGbkSentenceUtf8);
  Result<DecodedText> d = DecodeToUtf8(page, "", "");
  REQUIRE(d.ok());
  CHECK(d->charset == "UTF-8");
  CHECK(d->utf8.find(kGbkSentenceUtf8) != std::string::npos);
}

TEST_CASE("A few bad bytes in a UTF-8 page become U+FFFD and are counted", "[normalize]") {
  std::string body = Repeat(kGbkSentenceUtf8, 4) + "\xFF" + Repeat(kGbkSentenceUtf8, 4);
  Result<DecodedText> d = DecodeToUtf8(Page("<meta charset=utf-8>", body), "", "");
  REQUIRE(d.ok());
  CHECK(d->charset == "UTF-8");
  CHECK(d->replaced == 1);
  CHECK(d->utf8.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("Undecodable GBK bytes become U+FFFD and are counted", "[normalize]") {
  std::string body = kGbkShort + "\x81\x20" + kGbkShort;
  Result<DecodedText> d = DecodeToUtf8(Page("<meta charset=gbk>", body), "", "");
  REQUIRE(d.ok());
  CHECK(d->replaced >= 1);
  CHECK(d->utf8.find("银团贷款协议") != std::string::npos);
}

TEST_CASE("A byte order mark sets the charset and is dropped", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8("\xEF\xBB\xBFhello", "", "");
  REQUIRE(d.ok());
  CHECK(d->how == "bom");
  CHECK(d->utf8 == "hello");
  Result<DecodedText> le = DecodeToUtf8(std::string("\xFF\xFEh\0i\0", 6), "", "");
  REQUIRE(le.ok());
  CHECK(le->utf8 == "hi");
}

TEST_CASE("Refuse labels browsers refuse, such as UTF-7", "[normalize]") {
  std::string page = "<meta charset=utf-7><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>";
  Result<DecodedText> d = DecodeToUtf8(page, "", "");
  REQUIRE(d.ok());
  CHECK(d->charset == "UTF-8");
  CHECK(d->utf8 == page);
  CHECK_FALSE(DecodeToUtf8("x", "", "utf-7").ok());
  Result<DecodedText> utf32 = DecodeToUtf8("<p>x</p>", "text/html; charset=utf-32", "");
  REQUIRE(utf32.ok());
  CHECK(utf32->utf8 == "<p>x</p>");
}

TEST_CASE("Plain ASCII is UTF-8 by default", "[normalize]") {
  Result<DecodedText> d = DecodeToUtf8("<p>Hello</p>", "", "");
  REQUIRE(d.ok());
  CHECK(d->charset == "UTF-8");
  CHECK(d->how == "default");
}

TEST_CASE("Binary data and empty input decode without failing", "[normalize]") {
  std::mt19937 rng(5);
  std::string noise(1 << 16, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  for (const std::string& bytes : {noise, std::string(), std::string(1000, '\0')}) {
    Result<DecodedText> d = DecodeToUtf8(bytes, "", "");
    REQUIRE(d.ok());
    CHECK(d->utf8.size() >= bytes.size() / 2);
  }
}

}  // namespace
}  // namespace dealwatch
