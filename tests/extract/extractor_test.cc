#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "test_paths.h"

namespace dealwatch {
namespace {

std::vector<Deal> Extract(const std::string& text, const std::string& market = "") {
  return testing::RealExtractor().Extract(text, ExtractContext{market, ""}, nullptr);
}

const DealLender* FindLender(const Deal& d, const std::string& canonical) {
  auto it = std::find_if(d.lenders.begin(), d.lenders.end(), [&](const DealLender& l) { return l.canonical == canonical; });
  return it == d.lenders.end() ? nullptr : &*it;
}

TEST_CASE("A Taiwanese syndicated loan story gives one deal with every field", "[extract]") {
  auto deals = Extract(
      "台灣高鐵公司（2633）委由臺灣銀行、兆豐銀行及第一銀行統籌主辦新台幣400億元七年期聯貸案，今（5）日完成簽約。\n"
      "本聯貸案由臺灣銀行擔任管理銀行，資金用途為償還既有借款及充實中期營運資金。\n");
  REQUIRE(deals.size() == 1);
  const Deal& d = deals[0];
  CHECK(d.borrower.find("台灣高鐵") != std::string::npos);
  REQUIRE(d.amount);
  CHECK(d.amount->value == Approx(40e9));
  CHECK(d.amount->currency == "TWD");
  CHECK(d.type == "syndicated_loan");
  CHECK(d.status == "signed");
  REQUIRE(d.tenor_years);
  CHECK(*d.tenor_years == 7);
  CHECK(d.project.find("償還既有借款") != std::string::npos);
  CHECK(d.lenders.size() == 3);
  for (const DealLender& l : d.lenders) CHECK(l.role == "lead_arranger");
}

TEST_CASE("An amount written as an equivalent is the deal's own unless it restates the figure before", "[extract]") {
  // "等值N元" after another figure gives that figure in another currency;
  // alone, it is how the loan's amount is stated.
  auto own = Extract("去年12月中國銀行牽頭的華潤置地等值3億美元的銀團貸款已完成簽約。", "HK");
  REQUIRE(own.size() == 1);
  REQUIRE(own[0].amount);
  CHECK(own[0].amount->value == Approx(3e8));
  CHECK(own[0].amount->currency == "USD");
  CHECK(own[0].borrower == "華潤置地");
  REQUIRE(own[0].lenders.size() == 1);
  CHECK(own[0].lenders[0].role == "lead_arranger");
  auto restated = Extract("華潤置地取得5000萬美元（約等值新台幣15億元）聯貸。", "TW");
  REQUIRE(restated.size() == 1);
  REQUIRE(restated[0].amount);
  CHECK(restated[0].amount->value == Approx(5e7));
  CHECK(restated[0].amount->currency == "USD");
}

TEST_CASE("HIBOR in Chinese names no lender and its term is no tenor", "[extract]") {
  // 香港銀行同業拆息 is HIBOR: "香港銀行" there is banks in general; 一個月期
  // is HIBOR's term, not the loan's.
  auto deals = Extract(
      "恒昌集團與大新銀行簽署15億港元銀團貸款。"
      "市場方面，香港銀行同業拆息（HIBOR）近期走勢平穩，一個月期HIBOR維持在3.5%左右。", "HK");
  REQUIRE(deals.size() == 1);
  for (const DealLender& l : deals[0].lenders) CHECK(l.name.find("香港") == std::string::npos);
  CHECK_FALSE(deals[0].tenor_years);
}

TEST_CASE("A finance company that also lends can be the borrower, and is then no lender of its loan", "[extract]") {
  // 中租迪和 is in the lender lexicon (it lends too); here a bank completes
  // its loan. Its name ends like a clause cut before "和".
  auto deals = Extract("台新銀昨日完成中租迪和五年期、60億元的聯貸案，尚包括合庫、一銀及彰銀。", "TW");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].borrower == "中租迪和");
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(6e9));
  for (const DealLender& l : deals[0].lenders) CHECK(l.name != "中租迪和");
  CHECK(FindLender(deals[0], "Taishin International Bank"));
}

TEST_CASE("A borrower no lexicon knows is read after 完成, and a count of banks is no bank", "[extract]") {
  auto deals = Extract("玉山銀昨日完成宏運國際租賃三年期、30億元的聯貸案。本案尚包括合庫及一銀，共三家銀行參與。", "TW");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].borrower == "宏運國際租賃");
  CHECK(deals[0].lenders.size() == 3);
  for (const DealLender& l : deals[0].lenders) CHECK(l.name.find("家") == std::string::npos);
}

TEST_CASE("An English project-finance story gives lenders with their roles", "[extract]") {
  auto deals = Extract(
      "Harbor Point Energy has secured a $650 million construction loan to fund the Blue Mesa solar project. "
      "The financing was led by Sumitomo Mitsui Banking Corporation, with KeyBank National Association acting as "
      "administrative agent.");
  REQUIRE(deals.size() == 1);
  const Deal& d = deals[0];
  CHECK(d.borrower == "Harbor Point Energy");
  REQUIRE(d.amount);
  CHECK(d.amount->value == Approx(650e6));
  CHECK(d.amount->currency == "USD");
  CHECK(d.type == "construction_loan");
  CHECK(d.status == "signed");  // "has secured": committed; "closed"/"financial close" say closed
  CHECK(d.project.find("Blue Mesa solar project") != std::string::npos);
  REQUIRE(d.lenders.size() == 2);
  CHECK(d.lenders[0].role == "lead_arranger");
  CHECK(d.lenders[1].role == "agent");
}

TEST_CASE("A signing still to come is in_talks, a loan obtained or financially closed is done", "[extract]") {
  struct Case {
    const char* text;
    const char* status;
  };
  const Case cases[] = {
      {"遠泰建設旗下商辦大樓獲土地銀行籌組新台幣60億元聯貸案，該案預計最快可望在下月簽約。", "in_talks"},
      {"Harbor Point Energy is expected to sign a $400 million term loan with MUFG next week.", "in_talks"},
      {"遠泰建設今年初取得新台幣60億元聯貸案，由土地銀行統籌主辦。", "signed"},
      {"Harbor Point Energy announced the successful financial closing of a $400 million construction loan "
       "with MUFG for its Blue Mesa solar project.",
       "closed"},
      {"遠泰建設今（3）日與土地銀行簽約新台幣60億元聯貸案。", "signed"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto deals = Extract(c.text);
    REQUIRE(deals.size() == 1);
    CHECK(deals[0].status == c.status);
  }
}

TEST_CASE("A tax equity investor is no lender, a fund named ... Energy Capital is the borrower", "[extract]") {
  auto deals = Extract(
      "Solar investor Redwood Energy Capital has closed a $700 million financing package for its Coyote Flats "
      "solar project in Nevada.\n"
      "Redwood said the package includes a $200 million commitment of tax equity by Wells Fargo.\n"
      "A $500 million construction loan was arranged by MUFG and Nord/LB as coordinating lead arrangers.\n");
  REQUIRE(!deals.empty());
  CHECK(deals[0].borrower == "Redwood Energy Capital");
  CHECK(FindLender(deals[0], "Wells Fargo & Company") == nullptr);
  CHECK(FindLender(deals[0], "Mitsubishi UFJ Financial Group") != nullptr);
}

TEST_CASE("The clause after the company's is not the borrower: '已與17家銀行簽訂' names no one", "[extract]") {
  auto deals = Extract(
      "本地發展商海順置業集團有限公司昨日公布，已與12家銀行簽訂一筆總額80億港元的五年期銀團貸款，由恒生銀行擔任代理行。\n",
      "HK");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].borrower.find("海順置業集團") == 0);
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->currency == "HKD");
}

TEST_CASE("The lenders of a co-borrower told in a later paragraph join the deal", "[extract]") {
  auto deals = Extract(
      "國籍航空公司遠航航空股份有限公司正籌組一筆3億美元、五年期聯合授信案，由遠航航空與旗下子公司遠航地勤股份有限公司擔任共同借款人，資金用於購置新機。\n"
      "遠航航空指出，今年旅客人數可望創新高，貨運量也持續成長。\n"
      "遠航地勤股份有限公司的聯貸由三井住友銀行及花旗銀行擔任統籌主辦行。\n",
      "TW");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].borrower.find("遠航航空") == 0);
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(300e6));
  CHECK(deals[0].lenders.size() == 2);
  for (const DealLender& l : deals[0].lenders) CHECK(l.role == "lead_arranger");
}

TEST_CASE("An IPO story's use of proceeds and a company's usual banks are no deal", "[extract]") {
  auto deals = Extract(
      "電源供應器廠宏毅電子股份有限公司將於下月掛牌上市，今日起展開上市前公開承銷，主辦承銷商為凱基證券。\n"
      "依公開說明書，募得資金將用於興建新竹新廠、購置自動化產線及償還銀行借款。\n"
      "截至去年底，宏毅銀行借款餘額約8億元，主要往來銀行為華南銀行與台北富邦銀行。\n",
      "TW");
  CHECK(deals.empty());
}

TEST_CASE("A price per share and a take-private price are no loan amounts", "[extract]") {
  auto deals = Extract(
      "Apollo and Sixth Street have committed a $2.1 billion private credit loan to back Northgate Partners' "
      "$4.5 billion take-private of Corvel Health Inc, people familiar with the matter said.\n"
      "Northgate agreed to pay $38 a share in cash for Corvel Health.\n");
  REQUIRE(deals.size() == 1);
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(2.1e9));
}

TEST_CASE("A sentence about a bank's league-table rank still gives the deal it refers to its lenders", "[extract]") {
  auto deals = Extract(
      "聯華精機股份有限公司昨日與台新銀完成1.5億美元聯貸案簽約。\n"
      "台新銀去年主辦42件聯貸案，市占率6.2%，聯貸排名第四，該案由台新銀、彰銀及星展銀行共同主辦，資金用途為充實中期營運周轉金。\n",
      "TW");
  REQUIRE(deals.size() == 1);
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(150e6));
  CHECK(deals[0].lenders.size() >= 3);
  CHECK(deals[0].project.find("充實中期營運周轉金") != std::string::npos);
}

TEST_CASE("A package listed facility by facility is those facilities, each with the package's purpose", "[extract]") {
  auto deals = Extract(
      "Solar investor Redwood Energy Capital has closed a $900 million financing package for its Coyote Flats solar "
      "project in Nevada.\n"
      "A $420m construction loan, a $260m tax equity bridge loan, and $120m in ancillary facilities were provided by "
      "MUFG and KeyBank acting as coordinating lead arrangers.\n");
  REQUIRE(deals.size() == 3);
  const double want[] = {420e6, 260e6, 120e6};
  for (size_t i = 0; i < 3; ++i) {
    REQUIRE(deals[i].amount);
    CHECK(deals[i].amount->value == Approx(want[i]));
    CHECK(deals[i].project.find("Coyote Flats solar") != std::string::npos);
    CHECK(deals[i].status == "closed");
    CHECK(deals[i].lenders.size() == 2);
  }
  CHECK(deals[1].type == "bridge_loan");
}

TEST_CASE("Two companies borrowing the same amount in one roundup are two deals, a facility's old size is none", "[extract]") {
  auto deals = Extract(
      "LONDON, June 5 (Dealwatch Wire) - Dutch packaging maker Vermeer Verpakking has signed a 600 million euro "
      "five-year revolving credit facility, increased from 450 million euros after strong demand, bankers said.\n"
      "ING and Rabobank acted as coordinators on the facility.\n"
      "In Austria, cable maker Steinhof Kabel plans to raise 600 million euros through a seven-year term loan to "
      "refinance existing debt, two bankers said.\n");
  REQUIRE(deals.size() == 2);
  CHECK(deals[0].borrower == "Vermeer Verpakking");
  CHECK(deals[1].borrower == "Steinhof Kabel");
  for (const Deal& d : deals) {
    REQUIRE(d.amount);
    CHECK(d.amount->value == Approx(600e6));
  }
  CHECK(deals[1].status == "planned");
}

TEST_CASE("Two facilities listed as 一為…；二為… are two deals of one borrower", "[extract]") {
  auto deals = Extract(
      "光學鏡頭廠明晶光電股份有限公司今日公告，已與台北富邦銀行主辦的銀行團分別簽訂兩項融資合約：一為新台幣50億元、5年期定期貸款，"
      "用於台中新廠擴建；二為美金1億元、為期三年的循環貸款，用於充實營運周轉金。\n",
      "TW");
  REQUIRE(deals.size() == 2);
  for (const Deal& d : deals) CHECK(d.borrower == "明晶光電股份有限公司");
  REQUIRE(deals[0].amount);
  REQUIRE(deals[1].amount);
  CHECK(deals[0].amount->currency == "TWD");
  CHECK(deals[1].amount->value == Approx(100e6));
  CHECK(deals[1].amount->currency == "USD");
  CHECK(deals[1].type == "revolving_credit_facility");
}

TEST_CASE("A subsidiary named with its city in brackets borrows, the parent's guarantee ceiling is no deal", "[extract]") {
  auto deals = Extract(
      "10月8日晚，華景材料股份有限公司公告，全資子公司華景新材（常州）有限公司與中國銀行常州分行簽訂《綜合授信協議》，"
      "中國銀行常州分行向華景新材提供人民幣12億元綜合授信額度，授信期限3年。\n"
      "華景材料今年3月曾獲董事會授權，為子公司提供背書保證上限人民幣20億元，此次授信在授權範圍內。\n",
      "CN");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].borrower == "華景新材（常州）有限公司");
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(1.2e9));
}

TEST_CASE("Coordinators and bookrunners lead, mandated lead arrangers in apposition lead, bad bank names go", "[extract]") {
  auto deals = Extract(
      "Dutch packaging maker Vermeer Verpakking has signed a 600 million euro five-year revolving credit facility.\n"
      "ING and Rabobank acted as coordinators and bookrunners on the facility.\n"
      "Societe Generale and Natixis, the mandated lead arrangers, joined later.\n");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].lenders.size() == 4);
  for (const DealLender& l : deals[0].lenders) CHECK(l.role == "lead_arranger");
  auto zh = Extract("港順物流今日與12家銀行簽訂一筆40億港元的五年期銀團貸款，利率按香港銀行同業拆息加1.1厘計算，由恒生銀行擔任代理行。\n", "HK");
  REQUIRE(zh.size() == 1);
  REQUIRE(zh[0].lenders.size() == 1);
  CHECK(zh[0].lenders[0].role == "agent");
}

TEST_CASE("The purpose written before the loan it refinances belongs to the new loan", "[extract]") {
  auto deals = Extract(
      "據知情人士透露，東嶺集團旗下香港子公司東嶺國際控股有限公司近日啟動一筆6億美元、3年期境外銀團貸款的籌組，由中國銀行（香港）擔任牽頭行。\n"
      "資金將用於償還現有債務及越南煉鋼廠二期建設，其中包括東嶺國際2021年簽署的一筆3億美元銀團貸款。\n",
      "HK");
  REQUIRE(deals.size() >= 1);
  REQUIRE(deals[0].amount);
  CHECK(deals[0].amount->value == Approx(600e6));
  CHECK(deals[0].project.find("越南煉鋼廠二期建設") != std::string::npos);
}

TEST_CASE("The bond code in an announcement's header does not make a loan a bond", "[extract]") {
  auto deals = Extract(
      "證券代碼：600111 股票簡稱：閩東高速 編號：臨2025-014 債券代碼：136222 債券簡稱：19閩東債 "
      "福建閩東高速公路股份有限公司關於簽訂《銀團貸款合同》的公告\n"
      "福建閩東高速公路股份有限公司與國家開發銀行福建省分行等8家銀行簽訂《銀團貸款合同》，貸款金額為人民幣30億元。\n",
      "CN");
  REQUIRE(deals.size() == 1);
  CHECK(deals[0].type == "syndicated_loan");
}

TEST_CASE("Two deals in one Chinese sentence are read as two deals", "[extract]") {
  auto deals = Extract(
      "摩根大通與三菱日聯正主導一筆規模約220億美元的聯合貸款，用於支持Vantage Data Centers興建德州的資料中心園區；"
      "另外，Meta也從私募信貸市場籌得290億美元，用以興建路易斯安那州的AI資料中心。");
  REQUIRE(deals.size() == 2);
  CHECK(deals[0].borrower == "Vantage Data Centers");
  CHECK(deals[0].amount->value == Approx(22e9));
  CHECK(deals[0].status == "in_talks");
  CHECK(FindLender(deals[0], "JPMorgan Chase & Co.") != nullptr);
  CHECK(deals[1].borrower == "Meta");
  CHECK(deals[1].amount->value == Approx(29e9));
  CHECK(deals[1].lenders.empty());
}

TEST_CASE("League tables and market statistics are not deals", "[extract]") {
  CHECK(Extract("兆豐銀行上半年聯貸主辦金額達新台幣1,200億元，市占率排名第一，臺灣銀行以980億元居次。").empty());
  CHECK(Extract("Syndicated lending in Asia fell 12% to $180 billion in the first half, and JPMorgan kept the top "
                "spot in the league table.")
            .empty());
}

TEST_CASE("A bare 元 takes the market of the source", "[extract]") {
  auto hk = Extract("港灣物流獲滙豐銀行提供35億元定期貸款，為期四年。", "HK");
  REQUIRE(hk.size() == 1);
  CHECK(hk[0].amount->currency == "HKD");
  auto tw = Extract("港灣物流獲滙豐銀行提供35億元定期貸款，為期四年。", "TW");
  REQUIRE(tw.size() == 1);
  CHECK(tw[0].amount->currency == "TWD");
}

}  // namespace
}  // namespace dealwatch
