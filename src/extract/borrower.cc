#include "extract/borrower.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/mention_finder.h"

namespace dealwatch {

namespace {

std::string KeyOf(const Mention* m, std::string_view name) {
  if (m && m->kind == MentionKind::kOrg && m->ref >= 0) {
    std::string key = "#c";  // GCC 12 warns falsely on "#c" + to_string()
    key += std::to_string(m->ref);
    return key;
  }
  return AsciiLower(CleanName(name));
}

// The organisation mention covering most of `span`, or null.
const Mention* OrgIn(const ArticleMentions& mentions, Span span) {
  for (int idx : mentions.Within(span)) {
    const Mention& m = mentions.items[idx];
    if (m.kind == MentionKind::kOrg) return &m;
  }
  return nullptr;
}

int OriginScore(const Mention& m) {
  // A subsidiary named as such borrows rather than its parent.
  if (m.rule_id.find("after_subsidiary") != std::string::npos) return 8;
  if (m.rule_id == "gazetteer") return 6;
  if (m.rule_id == "coref") return 5;
  return 5;
}

// A single capitalised word that a rule took for a name ("Drugmakers",
// "March") must also appear capitalised inside a sentence somewhere, as
// names do; a word capitalised only at sentence starts is not one.
bool UsedAsName(const std::string& name, std::string_view text) {
  bool single_latin = !name.empty() && name.find(' ') == std::string::npos &&
                      std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!single_latin) return true;
  for (size_t pos = text.find(name); pos != std::string_view::npos; pos = text.find(name, pos + 1)) {
    size_t p = pos;
    while (p > 0 && text[p - 1] == ' ') --p;
    if (p == 0) continue;
    char before = text[p - 1];
    if (before != '.' && before != '!' && before != '?' && before != '\n' && before != '"') return true;
  }
  return false;
}

}  // namespace

bool PlausibleBorrower(std::string_view name, const Lexicon& lexicon) {
  size_t len = Utf8Length(name);
  if (len < 2 || len > 40) return false;
  if (IsGenericName(name, lexicon)) return false;
  // A whole name of the lender lexicon is a name, whatever it ends with: a
  // finance company that also lends may borrow ("中租迪和" ends like a
  // clause "X和" cut before its partner).
  if (lexicon.lender_matcher().LongestAt(name, 0).span.end == name.size()) return true;
  static const RE2 kJunk(
      "推动|响应|实践|协助|随着|掌握|根据|公告|表示|指出|透过|通过|如果|由于|因为|为了|其中|以及|包括|近年|目前|"
      "分析|预计|认为|报导|报道|记者|消息|获得|取得|完成|签署|签约|同意|视|若|分别|将用于|\\d{4}年|\\d+年$|"
      "^(?:贷款|资金|借款|融资|联贷|本次|此次|其他|另|具体)|"
      "^(?:以|据|对|在|于|是|将|把|让|使|向|为|与|和|及|但|而|其|此|该|这|那|本|各|上述|有关|相关)|"
      "^(?:已|并|也|亦|再|曾|正|均|皆|都|还|则|又|更|仍|即|就|才|共|等)|(?:\\d+|[一二两三四五六七八九十]+)家|"
      "^(?:The|This|That|These|Those|Its|Their|Our|It|In|On|At|For|But|And|As|By|With|From|A|An)\\b|"
      "^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday)\\.?$|"
      "^(?:January|February|March|April|June|July|August|September|October|November|December|U\\.S\\.|US|UK|EU|"
      "Europe|Asia|America|China|Japan|Taiwan|Hong Kong|India)$|"
      "(?i:\\b(?:company|companies|group|firm|borrower|lenders?|banks?)$)");
  if (RE2::PartialMatch(name, kJunk) || !PlausibleOrgName(name)) return false;
  // Nothing left once the legal form, a place and generic words are gone
  // ("有限公司", "全資附屬公司", "香港子公司", "集團").
  static const RE2 kGeneric(
      "股份有限公司|有限责任公司|有限公司|公司|集团|控股|全资|附属|子|孙|母|旗下|本地|当地|海外|境外|"
      "香港|中国|台湾|大陆|内地|越南|美国|日本|新加坡|上海|北京|深圳|广州|(?i:the|company|group|holdings?|inc|corp|ltd|llc)|[\\s.,()]");
  std::string core(name);
  RE2::GlobalReplace(&core, kGeneric, "");
  if (core.empty()) return false;
  // A second 公司 inside means a phrase ("公司全资子公司"), not a name.
  size_t first = name.find("公司");
  if (first != std::string_view::npos && name.find("公司", first + 1) != std::string_view::npos) return false;
  return true;
}

std::vector<BorrowerCandidate> BorrowerCandidates(const Frame& f, std::string_view text,
                                                  const ArticleMentions& mentions, const Lexicon& lexicon) {
  std::vector<BorrowerCandidate> out;
  auto add = [&](Span span, const Mention* m, int score, const std::string& rule) {
    // A coreference ("the Company", 鴻海) stands for its full name.
    if (m && !m->antecedent.empty() && span == m->span) span = m->antecedent;
    std::string name = CleanName(text.substr(span.begin, span.size()));
    if (!PlausibleBorrower(name, lexicon)) return;
    if (!m && !UsedAsName(name, text)) return;
    out.push_back({span, KeyOf(m, name), score, rule});
  };
  if (f.borrower.set()) {
    const Mention* m = OrgIn(mentions, f.borrower.span);
    bool deal_rule = f.borrower.rule.find(".deal.") != std::string::npos;
    // A rule group holding exactly a known organisation names it; a wider
    // group (with time words, brackets) is cleaned to its name.
    add(m && m->span.size() * 2 >= f.borrower.span.size() ? m->span : f.borrower.span, m, deal_rule ? 10 : 8,
        f.borrower.rule);
  }
  size_t money_at = f.money ? mentions.items[*f.money].span.begin : f.clause.end;
  bool first = true;
  for (int idx : mentions.Within(f.clause)) {
    const Mention& m = mentions.items[idx];
    if (m.kind != MentionKind::kOrg) continue;
    int score = OriginScore(m) + (m.span.end <= money_at ? 2 : 0) + (first ? 1 : 0);
    add(m.span, &m, score, m.rule_id + "+in_clause");
    first = false;
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const BorrowerCandidate& a, const BorrowerCandidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace dealwatch
