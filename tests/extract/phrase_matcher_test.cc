#include "extract/phrase_matcher.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

std::vector<std::string> Found(const PhraseMatcher& m, const std::string& text) {
  std::vector<std::string> out;
  for (const PhraseMatch& p : m.FindAll(text)) out.push_back(text.substr(p.span.begin, p.span.size()));
  return out;
}

TEST_CASE("Phrases match leftmost-longest and Latin phrases only on word boundaries", "[extract]") {
  PhraseMatcher m;
  m.Add("兴业银行", 0);
  m.Add("法国兴业银行", 1);
  m.Add("ING", 2);
  m.Add("Bank of America", 3);
  m.Add("Bank of America, N.A.", 4);
  m.Add("mufg", 5);
  CHECK(Found(m, "由法国兴业银行与兴业银行主办") == std::vector<std::string>{"法国兴业银行", "兴业银行"});
  CHECK(Found(m, "financing from ING and Bank of America, N.A. today") ==
        std::vector<std::string>{"ING", "Bank of America, N.A."});
  CHECK(Found(m, "Bank of Americas") == std::vector<std::string>{});
  CHECK(Found(m, "led by MUFG.") == std::vector<std::string>{"MUFG"});
}

TEST_CASE("Short capital acronyms match only in capitals", "[extract]") {
  PhraseMatcher m;
  m.Add("ING", 0);
  m.Add("ABC", 1);
  CHECK(Found(m, "ING led; ing is a suffix; abc is not ABC") == std::vector<std::string>{"ING", "ABC"});
}

TEST_CASE("The first-character and first-pair tests pass every phrase's start, in any case", "[extract]") {
  // Positions are passed over when no phrase starts with their first
  // character or first two bytes; case and script must not fool that.
  PhraseMatcher m;
  m.Add("Bank of Taiwan", 0);
  m.Add("brookfield", 1);
  m.Add("合作金庫", 2);
  m.Add("SMBC", 3);
  CHECK(Found(m, "BANK OF TAIWAN, bank of taiwan and Bank Of Taiwan") ==
        std::vector<std::string>{"BANK OF TAIWAN", "bank of taiwan", "Bank Of Taiwan"});
  CHECK(Found(m, "Brookfield and BROOKFIELD, not Bring or Bank") == std::vector<std::string>{"Brookfield", "BROOKFIELD"});
  CHECK(Found(m, "由合作金庫與合作社主辦，SMBC參貸") == std::vector<std::string>{"合作金庫", "SMBC"});
  // A one-byte phrase turns the pair test off: it must still be found.
  m.Add("&", 4);
  CHECK(Found(m, "A & B") == std::vector<std::string>{"&"});
}

}  // namespace
}  // namespace dealwatch
