#include "extract/mention_finder.h"

#include <re2/re2.h>

#include <map>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/tagged_text.h"

namespace dealwatch {

namespace {

// A lexicon bank followed by its legal form and branch ("中国银行" +
// "股份有限公司上海市闸北支行") is one lender named in full.
size_t ExtendLenderName(std::string_view text, size_t end) {
  static const RE2 kTail(
      "(?:股份有限公司|有限责任公司|有限公司)?(?:\\((?:中国|香港|台湾|亚洲)\\)(?:有限公司)?)?"
      "(?:[\\p{Han}]{1,10}?(?:分行|支行|分公司|营业部))?");
  re2::StringPiece match;
  if (kTail.Match(text, end, text.size(), RE2::ANCHOR_START, &match, 1)) end += match.size();
  // Taiwanese short forms add 銀 to a bank's name: 國泰世華銀, 玉山銀.
  std::string_view rest = text.substr(end);
  if (rest.substr(0, 3) == "银" && rest.substr(3, 3) != "行" && rest.substr(3, 3) != "团") end += 3;
  return end;
}

void AddLexiconLenders(std::string_view text, const Lexicon& lexicon, ArticleMentions* m) {
  std::vector<Mention> batch;
  for (const PhraseMatch& pm : lexicon.lender_matcher().FindAll(text)) {
    if (pm.value >= static_cast<int>(lexicon.lenders().size())) continue;  // a blocker
    Span span{pm.span.begin, ExtendLenderName(text, pm.span.end)};
    batch.push_back({MentionKind::kLender, span, pm.value, std::string(text.substr(span.begin, span.size())), "lexicon"});
  }
  m->InsertAll(std::move(batch));
}

// The gazetteer company a rule-found name is ("台灣水泥公司" is 台泥), or -1.
int GazetteerRef(std::string_view name, const Lexicon& lexicon) {
  static const RE2 kSuffix("^(?:股份有限公司|有限责任公司|有限公司|公司|集团|(?:,?\\s*(?:Inc|Corp|Co|Ltd|LLC|plc)\\.?))?$");
  PhraseMatch m = lexicon.company_matcher().LongestAt(name, 0);
  if (m.value < 0 || m.value >= static_cast<int>(lexicon.companies().size())) return -1;
  return RE2::FullMatch(name.substr(m.span.end), kSuffix) ? m.value : -1;
}

// Companies of the borrower gazetteer (after lenders, which win overlaps).
void AddGazetteerCompanies(std::string_view text, const Lexicon& lexicon, ArticleMentions* m) {
  std::vector<Mention> batch;
  for (const PhraseMatch& pm : lexicon.company_matcher().FindAll(text)) {
    if (pm.value >= static_cast<int>(lexicon.companies().size())) continue;  // a blocker
    batch.push_back({MentionKind::kOrg, pm.span, pm.value, std::string(text.substr(pm.span.begin, pm.span.size())),
                     "gazetteer"});
  }
  m->InsertAll(std::move(batch));
}

void AddTerms(std::string_view text, const MoneyContext& context, ArticleMentions* m) {
  m->money = FindMoney(text, context);
  // A bare "$" is the local dollar where the story is from (a Canadian
  // issuer's "$750 million" is CAD).
  static const std::map<std::string, std::string> kDollar = {
      {"CA", "CAD"}, {"AU", "AUD"}, {"SG", "SGD"}, {"HK", "HKD"}, {"NZ", "NZD"}};
  if (auto it = kDollar.find(context.market); it != kDollar.end()) {
    for (MoneyMention& mm : m->money) {
      std::string_view t = text.substr(mm.span.begin, mm.span.size());
      size_t dollar = t.find('$');
      bool bare = dollar != std::string_view::npos && (dollar == 0 || !((t[dollar - 1] >= 'A' && t[dollar - 1] <= 'Z')));
      if (mm.currency == "USD" && bare) {
        mm.currency = it->second;
        mm.currency_from_context = true;
      }
    }
  }
  std::vector<Mention> batch;
  for (size_t i = 0; i < m->money.size(); ++i)
    batch.push_back({MentionKind::kMoney, m->money[i].span, static_cast<int>(i), "", "money"});
  m->InsertAll(std::move(batch));
  m->tenors = FindTenors(text);
  batch.clear();
  for (size_t i = 0; i < m->tenors.size(); ++i)
    batch.push_back({MentionKind::kTenor, m->tenors[i].span, static_cast<int>(i), "", "tenor"});
  m->InsertAll(std::move(batch));
  m->pricing = FindPricing(text);
  batch.clear();
  for (size_t i = 0; i < m->pricing.size(); ++i)
    batch.push_back({MentionKind::kPricing, m->pricing[i].span, static_cast<int>(i), "", "pricing"});
  m->InsertAll(std::move(batch));
}

struct KnownName {
  std::string alias;  // as it may appear later
  std::string full;   // the name it stands for
  Span where;         // the full name's first mention
};

// Runs the rules of `field` ("lender" or "org") over every sentence and adds
// what their `name` groups capture. An `alias` group (a short name in
// brackets) is remembered for coreference. (Names are added after the last
// sentence: one lies inside its sentence, so it changes no other sentence's
// tagging.)
void AddRuleMentions(std::string_view text, const std::vector<Span>& sentences, const RuleSet& rules,
                     const Lexicon& lexicon, std::string_view field, MentionKind kind, ArticleMentions* m,
                     std::vector<KnownName>* names) {
  std::vector<Mention> batch;
  for (Span sentence : sentences) {
    TaggedText tagged(text, sentence, *m);
    const RuleCandidates candidates = rules.Candidates(tagged.str());
    for (const RuleHit& hit : rules.Match(tagged.str(), field, &candidates)) {
      auto g = hit.groups.find("name");
      if (g == hit.groups.end()) continue;
      Span span = tagged.ToText(g->second.first, g->second.second);
      std::string name = CleanName(text.substr(span.begin, span.size()));
      if (name.empty() || IsGenericName(name, lexicon)) continue;
      if (kind == MentionKind::kLender && !PlausibleBankName(name, lexicon)) continue;
      if (kind == MentionKind::kOrg && !PlausibleOrgName(name)) continue;
      // Re-anchor the span on the cleaned name.
      size_t at = text.substr(span.begin, span.size()).find(name);
      if (at != std::string_view::npos) span = {span.begin + at, span.begin + at + name.size()};
      batch.push_back({kind, span, kind == MentionKind::kOrg ? GazetteerRef(name, lexicon) : -1, name, hit.rule->id()});
      if (!names) continue;
      names->push_back({name, name, span});
      auto a = hit.groups.find("alias");
      if (a != hit.groups.end()) {
        Span as = tagged.ToText(a->second.first, a->second.second);
        std::string alias = CleanName(text.substr(as.begin, as.size()));
        // "the Company": the antecedent, unless generic words would spread
        // it over every other company ("Borrower" in a credit agreement).
        if (!alias.empty() && alias != name) names->push_back({alias, name, span});
      }
    }
  }
  m->InsertAll(std::move(batch));
}


// Short names news uses for an organisation found in full: the name without
// its legal and sector suffixes (鴻海精密工業股份有限公司 -> 鴻海精密工業 ->
// 鴻海; Vantage Data Centers -> Vantage).
std::vector<std::string> DerivedAliases(const std::string& name) {
  static const RE2 kZhSuffix(
      "(?:股份有限公司|有限责任公司|有限公司|股份公司|公司|集团|控股|金控|企业|半导体|科技|电子|电力|能源|航运|海运|"
      "地产|置业|实业|光电|工业|精密|化学|钢铁|建设|开发|发展|投资|国际|物流|汽车|汽配|智能|材料|电机)$");
  static const RE2 kEnSuffix(
      ",?\\s+(?:Inc\\.?|Incorporated|Corp\\.?|Corporation|Co\\.|Company|LLC|Ltd\\.?|Limited|plc|PLC|LP|L\\.P\\.|Holdings|"
      "Group|Partners|Data Centers|Data Centres|Energy|Power|Solar|Renewables|Wind|Infrastructure|Realty|REIT|"
      "Properties|Technologies|Terminals|Logistics|Semiconductor|Software|Midstream)$");
  static const RE2 kEnStop("^(?:Capital|Energy|Global|International|American|National|First|New|United|General|"
                           "Pacific|Asia|China|Power|Solar|Green|Clean|Data|Digital|Group|The)$");
  std::vector<std::string> out;
  std::string cur = name;
  bool latin = !cur.empty() && static_cast<unsigned char>(cur[0]) < 0x80;
  for (int i = 0; i < 4; ++i) {
    if (!RE2::Replace(&cur, latin ? kEnSuffix : kZhSuffix, "")) break;
    cur = std::string(Trim(cur));
    bool long_enough = latin ? cur.size() >= 5 && !RE2::FullMatch(cur, kEnStop) : Utf8Length(cur) >= 2;
    if (!long_enough) break;
    out.push_back(cur);
  }
  return out;
}

// Later plain occurrences of known organisation names and their aliases.
void AddCoreferences(std::string_view text, const std::vector<KnownName>& names, ArticleMentions* m) {
  if (names.empty()) return;
  std::vector<KnownName> all = names;
  for (const KnownName& n : names)
    for (std::string& d : DerivedAliases(n.alias)) all.push_back({std::move(d), n.full, n.where});
  PhraseMatcher matcher;
  for (size_t i = 0; i < all.size(); ++i)
    if (Utf8Length(all[i].alias) >= 2) matcher.Add(all[i].alias, static_cast<int>(i));
  std::vector<Mention> batch;
  for (const PhraseMatch& pm : matcher.FindAll(text))
    batch.push_back({MentionKind::kOrg, pm.span, -1, all[pm.value].full, "coref", all[pm.value].where});
  m->InsertAll(std::move(batch));
}

// In an exchange announcement ("上海耀皮玻璃集團股份有限公司 關於…的公告"),
// 本公司 / 公司 stand for the issuer named at the top.
void AddIssuerReferences(std::string_view text, ArticleMentions* m) {
  static const RE2 kRef("(?:^|[,。;:!?、\\s(「]|由|向|为|与|于|以|提请授权|授权|同意|董事会认为)(本公司|该公司|公司)(?:[^司]|$)");
  if (text.substr(0, 600).find("公告") == std::string_view::npos) return;
  const Mention* issuer = nullptr;
  for (const Mention& x : m->items) {
    if (x.span.begin > 400) break;
    if (x.kind == MentionKind::kOrg && x.antecedent.empty()) {
      issuer = &x;
      break;
    }
  }
  if (!issuer) return;
  const Span target = issuer->span;
  const std::string name = issuer->name;
  const int ref = issuer->ref;
  re2::StringPiece groups[2];
  size_t pos = 0;
  std::vector<Mention> batch;
  while (pos < text.size() && kRef.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 2)) {
    size_t b = groups[1].data() - text.data();
    size_t e = b + groups[1].size();
    pos = e;
    // "公司全資子公司X": the subsidiary borrows, not the issuer.
    static const RE2 kSubsidiary("^(?:的)?(?:全资|控股)?(?:子公司|附属公司|孙公司)");
    if (RE2::PartialMatch(text.substr(e, 24), kSubsidiary)) continue;
    batch.push_back({MentionKind::kOrg, {b, e}, ref, name, "issuer", target});
  }
  m->InsertAll(std::move(batch));
}

}  // namespace

std::string CleanName(std::string_view raw) {
  static const RE2 kLead(
      "^(?:(?:今日|昨日|今天|昨天|日前|近日|近期|稍早|今年|去年|今|昨|已|并|且|也|亦|则|而|另外|此外|同时|其中|包括|协助|"
      "借款人为|借款人是|借款方为|借款主体为|(?i:the borrower,? )|"
      "旗下|子公司|母公司|"
      "(?:\\(\\d{1,2}\\))?日|\\d{1,2}月\\d{1,2}日|\\d{1,2}日|[\"'「『《]|the |The |and |with |by )\\s*)+");
  static const RE2 kTail(
      "(?:\\s*(?:\\([^()]{0,30}\\)|[\"'」』》]|'s|,|今日?|昨日?|日前|近日|已|将|也|正|\\s))+$");
  // A final period goes unless it ends an abbreviation ("Acme Inc.").
  static const RE2 kAbbrevEnd("(?:\\b(?i:Inc|Co|Corp|Ltd|Bhd|Cos|Bros|Hldgs)|\\b[A-Z]\\.[A-Z])\\.$");
  // What the company is, written before its full name: 記憶體大廠華芯記憶體股份
  // 有限公司, AI伺服器散熱模組廠雲翔智能股份有限公司. The name after it must
  // itself be a full company name of at least two characters before the suffix.
  static const RE2 kDescribed(
      "^[\\p{Han}A-Za-z0-9]{0,12}?(?:大[廠厂]|龍頭|龙头|[廠厂]商|業者|业者|製造商|制造商|供應商|供应商|發展商|发展商|"
      "開發商|开发商|營運商|营运商|運營商|运营商|物流商|航運商|航运商|建商|電信商|电信商|通路商|零售商|代理商|經銷商|经销商|"
      "營造商|营造商|承包商|設備商|设备商|材料商|晶片商|芯片商|(?:模組|模组|零件|設備|设备|面板|封測|封测|代工|晶圓|晶圆|電池|电池|"
      "材料|機殼|机壳|車|车|鋼鐵|钢铁|化工|光電|光电|電子|电子|半導體|半导体)[廠厂]商?)"
      "(.{2,}?(?:股份有限公司|有限公司|有限責任公司|有限责任公司|公司|集團|集团|控股))$");
  // Any "…廠" (光學鏡頭廠) before a name with its full legal suffix.
  static const RE2 kDescribedPlant("^[\\p{Han}A-Za-z0-9]{2,12}?[廠厂](.{2,}?(?:股份有限公司|有限公司))$");
  std::string s(Trim(raw));
  std::string named;
  auto plausible = [&] { return named.rfind("有限", 0) != 0 && named.rfind("股份", 0) != 0; };
  if ((RE2::FullMatch(s, kDescribed, &named) && plausible()) ||
      (RE2::FullMatch(s, kDescribedPlant, &named) && plausible()))
    s = named;
  for (int i = 0; i < 3; ++i) {
    std::string before = s;
    RE2::Replace(&s, kLead, "");
    RE2::Replace(&s, kTail, "");
    if (!s.empty() && s.back() == '.' && !RE2::PartialMatch(s, kAbbrevEnd)) s.pop_back();
    s = std::string(Trim(s));
    if (s == before) break;
  }
  return s;
}

bool PlausibleOrgName(std::string_view name) {
  // "用于偿还集团", "能有效降低集团": a clause ending in a company word.
  static const RE2 kVerbs(
      "偿还|降低|扩充|进一步|有效|用于|对于|由于|关于|提高|增加|减少|支持|推动|认为|表示|指出|成为|属于|透过|通过|"
      "包括|以及|并且|为了|根据|按照|作为|其他|相关|有关|所有|全部|整个|该|此|本次|上述|下属|旗下|集团的|公司的|"
      "下半年|上半年|今年|去年|明年|前三季|第[一二三四]季|昨晚|今晚|昨日|今日|主要|持续|聚焦|共同借款人|身份|"
      "计画|计划|预计|来自|成长|^公司|公司[于及和与]|[于及和与]$|^[0-9]|^(?:上市|上柜|兴柜|挂牌)");
  return !RE2::PartialMatch(name, kVerbs);
}

bool PlausibleBankName(std::string_view name, const Lexicon& lexicon) {
  // "擔任額度管理銀行", "有效降低參貸銀行": a role word or a verb inside means a
  // phrase ending in 銀行, not a bank's name.
  const PhraseTable& roles = lexicon.table_or_empty("roles");
  for (const PhraseMatch& m : roles.matcher.FindAll(name))
    if (m.span.size() < name.size()) return false;
  static const RE2 kNotName(
      "担任|降低|披露|因应|批评|据|透过|通过|包括|包含|以及|表示|指出|加入|参与|协助|等|各|多|数|偿还|归还|清偿|"
      "利率|吸引|反映|序号|\\t|"
      "官股|公股|民营|外商|外资|本国|国内|国际银行$|大银行|^[一二两三四五六七八九十几数多]+");
  return !RE2::PartialMatch(name, kNotName);
}

bool IsGenericName(std::string_view name, const Lexicon& lexicon) {
  // "多家银行", "13家银行", "共六家银行", "该公司": a generic phrase, maybe after
  // a count or a determiner.
  static const RE2 kCount("^(?:共计|合计|总共|总计|共|计|逾|近|约|超过)?(?:[0-9]+|[一二两三四五六七八九十百多数几各该本此这其])+");
  std::string rest(name);
  RE2::Replace(&rest, kCount, "");
  const PhraseMatcher& generic = lexicon.table_or_empty("not_names").matcher;
  for (std::string_view s : {std::string_view(name), std::string_view(rest)}) {
    if (s.empty()) return true;
    PhraseMatch m = generic.LongestAt(s, 0);
    if (m.value >= 0 && m.span.end == s.size()) return true;
  }
  return false;
}

ArticleMentions FindBaseMentions(std::string_view text, const Lexicon& lexicon, const MoneyContext& context) {
  ArticleMentions m;
  AddLexiconLenders(text, lexicon, &m);
  AddTerms(text, context, &m);
  return m;
}

ArticleMentions FindMentions(std::string_view text, const std::vector<Span>& sentences, const Lexicon& lexicon,
                             const RuleSet& rules, const MoneyContext& context) {
  ArticleMentions m = FindBaseMentions(text, lexicon, context);
  AddRuleMentions(text, sentences, rules, lexicon, "lender", MentionKind::kLender, &m, nullptr);
  std::vector<KnownName> names;
  // Org rules before the gazetteer, so "T-Mobile USA, Inc." stays whole.
  AddRuleMentions(text, sentences, rules, lexicon, "org", MentionKind::kOrg, &m, &names);
  AddGazetteerCompanies(text, lexicon, &m);
  AddCoreferences(text, names, &m);
  AddIssuerReferences(text, &m);
  return m;
}

}  // namespace dealwatch
