// Tests parse/filing_text.cc and plain_text.cc: page furniture of filings,
// EDGAR SGML submissions and plain-text files.
#include "parse/filing_text.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/article_extractor.h"

namespace dealwatch {
namespace {

TEST_CASE("Recognise page headers and footers of filings", "[parse]") {
  for (const char* line : {"3", "- 3 -", "-3-", "Page 3", "Page 3 of 40", "F-12",
                           "Table of Contents", "TABLE OF CONTENTS"}) {
    INFO(line);
    CHECK(IsPageFurnitureLine(line));
  }
  for (const char* line : {"3.1 Definitions", "(a) The Borrower", "Page Two of the Agreement"}) {
    INFO(line);
    CHECK_FALSE(IsPageFurnitureLine(line));
  }
}

TEST_CASE("Recognise filings by their cover page, not by news about them", "[parse]") {
  CHECK(
      LooksLikeFiling("UNITED STATES SECURITIES AND EXCHANGE COMMISSION Washington FORM 8-K", ""));
  CHECK(LooksLikeFiling("anything", "https://www.sec.gov/Archives/edgar/data/1/x.htm"));
  CHECK(LooksLikeFiling(
      "Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong "
      "Limited take no responsibility for the contents of this announcement",
      ""));
  CHECK_FALSE(LooksLikeFiling("The Securities and Exchange Commission said on Monday that", ""));
}

const char kSubmission[] =
    "<SEC-DOCUMENT>0001-25-000001.txt : 20250823\n<SEC-HEADER>\n"
    "FILED AS OF DATE:\t\t20250823\nCOMPANY CONFORMED NAME:\t\t\tACME HOLDINGS INC\n</SEC-HEADER>\n"
    "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d8k.txt\n<DESCRIPTION>FORM 8-K\n<TEXT>\n"
    "Item 1.01   Entry into a Material Definitive Agreement.\n\n"
    "On August 23, 2025, Acme Holdings Inc. entered into a credit agreement\n"
    "with the lenders party thereto, providing for a $500 million revolving\nfacility.\n\n"
    "                                   - 2 -\n<PAGE>\n"
    "Lender                      Commitment\nBank A                      $250,000,000\n"
    "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<TEXT>\nbegin 644 "
    "logo.jpg\nM_]C_X\n"
    "end\n</TEXT>\n</DOCUMENT>\n"
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>3\n<TEXT>\n<html><body><p>Acme announces a new loan.</p>"
    "<p>Page 1 of 2</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";

TEST_CASE("Read the documents and header of an EDGAR submission", "[parse]") {
  REQUIRE(IsSgmlSubmission(kSubmission));
  std::vector<SgmlDocument> docs = ReadSgmlDocuments(kSubmission);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].type == "8-K");
  CHECK(docs[0].description == "FORM 8-K");
  CHECK(docs[1].type == "EX-99.1");
  SgmlHeader h = ReadSgmlHeader(kSubmission);
  CHECK(h.company == "ACME HOLDINGS INC");
  CHECK(h.filed == "2025-08-23");
}

TEST_CASE("Turn an EDGAR text submission into an article", "[parse]") {
  Article a = ExtractPlainText(kSubmission, "d8k.txt");
  CHECK(a.title == "FORM 8-K");
  CHECK(a.author == "ACME HOLDINGS INC");
  CHECK(a.published == "2025-08-23");
  CHECK(
      a.text.find("On August 23, 2025, Acme Holdings Inc. entered into a credit agreement with the "
                  "lenders party thereto, providing for a $500 million revolving facility.") !=
      std::string::npos);
  CHECK(a.text.find("Bank A\t$250,000,000") != std::string::npos);
  CHECK(a.text.find("Acme announces a new loan.") != std::string::npos);
  CHECK(a.text.find("- 2 -") == std::string::npos);
  CHECK(a.text.find("Page 1 of 2") == std::string::npos);
  CHECK(a.text.find("begin 644") == std::string::npos);
}

TEST_CASE("Plain text keeps paragraphs and detects the language", "[parse]") {
  Article a =
      ExtractPlainText("第一段文字，银行签署贷款协议。\n\n第二段文字，总额五十亿元。\n", "a.txt");
  CHECK(a.text == "第一段文字，银行签署贷款协议。\n第二段文字，总额五十亿元。");
  CHECK(a.lang == "zh-Hans");
  CHECK(ExtractPlainText("", "e.txt").empty_reason == "empty input");
  CHECK(ExtractPlainText(std::string(100, '\0'), "b.txt").empty_reason == "binary data");
}

}  // namespace
}  // namespace dealwatch
