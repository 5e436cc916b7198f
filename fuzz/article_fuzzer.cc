// HTML to article (parse/article_extractor.h): any UTF-8 text as an HTML
// page under each extraction mode, or as a plain-text file (EDGAR SGML
// included). Input bytes are made valid UTF-8 first, as the decode step
// does before parsing. Checks that every output field is valid UTF-8.
#include <iterator>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "fuzz_targets.h"
#include "parse/article_extractor.h"

namespace dealwatch::fuzz {
namespace {

constexpr std::string_view kUrls[] = {
    "",
    "https://www.example.com/news/2025/08/23/loan.html",
    "https://www.sec.gov/Archives/edgar/data/1/000000000025000001/x8k.htm",
    "file:///corpus/site/zh-Hant/0001.html",
};

void CheckArticle(const Article& a) {
  for (const std::string* s : {&a.title, &a.published, &a.updated, &a.author, &a.site_name,
                               &a.canonical_url, &a.lang, &a.text, &a.empty_reason}) {
    DEALWATCH_FUZZ_CHECK(IsValidUtf8(*s));
  }
  DEALWATCH_FUZZ_CHECK(!a.text.empty() || !a.empty_reason.empty());
}

}  // namespace

void FuzzArticle(std::string_view data) {
  size_t how = TakeChoice(&data, 4);
  std::string_view url = kUrls[TakeChoice(&data, std::size(kUrls))];
  std::string text = SanitizeUtf8(data);
  switch (how) {
    case 0: CheckArticle(ExtractArticle(text, url)); break;
    case 1: CheckArticle(ExtractArticle(text, url, ExtractMode::kMainContent)); break;
    case 2: CheckArticle(ExtractArticle(text, url, ExtractMode::kWholeDocument)); break;
    default: CheckArticle(ExtractPlainText(text, url)); break;
  }
  (void)LooksBinary(text);
}

}  // namespace dealwatch::fuzz

DEALWATCH_FUZZ_ENTRY(dealwatch::fuzz::FuzzArticle)
