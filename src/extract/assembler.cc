#include "extract/assembler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/borrower.h"
#include "extract/clause_reader.h"
#include "extract/mention_finder.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

namespace {

constexpr int kAttachWindow = 3;  // sentences a clause without an amount may look back

struct Builder {
  std::vector<const Frame*> frames;
  std::optional<int> money;  // mention index
  std::string money_rule;
  std::string key;           // borrower identity, "" while unknown
  int last_sentence = 0;
};

// The original text of a normalised span.
std::string Original(const AssemblyInput& in, Span s) {
  Span o = in.normalized->map.ToOriginal(s);
  return std::string(Trim(in.original.substr(o.begin, o.size())));
}

const MoneyMention& MoneyOf(const AssemblyInput& in, int mention) {
  return in.mentions->money[in.mentions->items[mention].ref];
}

// An amount given only as a bound ("逾百億元") that an exact one satisfies.
bool Satisfies(const AssemblyInput& in, int bound, int exact) {
  const MoneyMention& b = MoneyOf(in, bound);
  const MoneyMention& e = MoneyOf(in, exact);
  if (b.value || !e.value || b.currency != e.currency) return false;
  if (b.low && *e.value < *b.low * 0.995) return false;
  if (b.high && *e.value > *b.high * 1.005) return false;
  return b.low || b.high;
}

bool SameAmount(const AssemblyInput& in, int a, int b) {
  const MoneyMention& x = MoneyOf(in, a);
  const MoneyMention& y = MoneyOf(in, b);
  std::optional<double> xv = x.value ? x.value : (x.low ? x.low : x.high);
  std::optional<double> yv = y.value ? y.value : (y.low ? y.low : y.high);
  if (x.currency != y.currency || !xv || !yv) return false;
  return std::fabs(*xv - *yv) <= 0.005 * std::max(*xv, *yv);
}

// The debt part of a package read before: same currency and smaller.
bool ReplacesPackage(const AssemblyInput& in, const Frame& f, int package) {
  if (!f.money_replaces || !f.money) return false;
  const MoneyMention& p = MoneyOf(in, package);
  const MoneyMention& d = MoneyOf(in, *f.money);
  std::optional<double> pv = p.value ? p.value : (p.low ? p.low : p.high);
  return pv && d.value && p.currency == d.currency && *d.value < *pv;
}

int SignificantDigits(const AssemblyInput& in, int mention) {
  const MoneyMention& m = MoneyOf(in, mention);
  std::optional<double> v = m.value ? m.value : m.low;
  if (!v || *v <= 0) return 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", *v);
  std::string digits(buf);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return static_cast<int>(digits.size());
}

// True when the clause's amounts add up to the amount of mention `total`.
bool IsPartOf(const AssemblyInput& in, const Frame& f, int total) {
  const MoneyMention& t = MoneyOf(in, total);
  std::optional<double> tv = t.value ? t.value : t.low;
  if (!tv) return false;
  double sum = 0;
  int parts = 0;
  for (int idx : in.mentions->Within(f.clause)) {
    const Mention& m = in.mentions->items[idx];
    if (m.kind != MentionKind::kMoney) continue;
    const MoneyMention& mm = in.mentions->money[m.ref];
    if (mm.currency != t.currency || !mm.value) continue;
    sum += *mm.value;
    ++parts;
  }
  return parts >= 2 && std::fabs(sum - *tv) <= 0.005 * *tv;
}

// A cover page or a long filing names the borrower in one place and the
// facility's size far away: when the article has exactly one deal that
// lacks an amount and exactly one that lacks a borrower, they are halves of
// one deal.
void MergeHalves(std::vector<Builder>* builders) {
  int no_money = -1, no_key = -1, count_no_money = 0, count_no_key = 0;
  for (size_t i = 0; i < builders->size(); ++i) {
    const Builder& b = (*builders)[i];
    if (!b.money && !b.key.empty()) {
      no_money = static_cast<int>(i);
      ++count_no_money;
    }
    if (b.money && b.key.empty()) {
      no_key = static_cast<int>(i);
      ++count_no_key;
    }
  }
  if (count_no_money != 1 || count_no_key != 1) return;
  Builder& keep = (*builders)[no_money];
  Builder& half = (*builders)[no_key];
  keep.money = half.money;
  keep.money_rule = half.money_rule;
  keep.frames.insert(keep.frames.end(), half.frames.begin(), half.frames.end());
  std::stable_sort(keep.frames.begin(), keep.frames.end(),
                   [](const Frame* a, const Frame* b) { return a->sentence < b->sentence; });
  builders->erase(builders->begin() + no_key);
}

// The borrower a frame names with some certainty (a rule's group, or an
// organisation before the amount), as an identity key; "" when none.
std::string FrameKey(const AssemblyInput& in, const Frame& f) {
  std::vector<BorrowerCandidate> c = BorrowerCandidates(f, in.text, *in.mentions, *in.lexicon);
  return !c.empty() && c.front().score >= 7 ? c.front().key : "";
}

// Where a frame goes: an existing deal's index, -1 for a new deal, -2 to
// drop it.
// The opening of an SEC current report or of an agreement's execution copy.
bool IsSignedFiling(std::string_view text) {
  static const RE2 kMark("(?:FORM 8-K|EXECUTION VERSION|EXECUTION COPY|Exhibit 10\\.\\d+)");
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), 4000));
  return RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), kMark);
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// True when the characters of `short_name` appear in order in `long_name`
// (ASCII letters compared without case, spaces and punctuation skipped):
// 新地 in 新鸿基地产, MUFG in Mitsubishi UFJ Financial Group.
bool IsAbbreviationOf(std::string_view short_name, std::string_view long_name) {
  auto next = [](std::string_view s, size_t* i) -> char32_t {
    while (*i < s.size()) {
      size_t len;
      char32_t cp = DecodeUtf8(s, *i, &len);
      *i += len;
      if (cp < 0x80 && !std::isalnum(static_cast<int>(cp))) continue;
      return cp < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(cp))) : cp;
    }
    return 0;
  };
  size_t i = 0, j = 0;
  for (char32_t want = next(short_name, &i); want; want = next(short_name, &i)) {
    char32_t got;
    do {
      got = next(long_name, &j);
    } while (got && got != want);
    if (!got) return false;
  }
  return true;
}

int Target(const AssemblyInput& in, const std::vector<Builder>& deals, int last, const Frame& f,
           const std::string& key) {
  auto by_key = [&](bool need_no_money) {
    for (int i = static_cast<int>(deals.size()) - 1; i >= 0; --i)
      if (!key.empty() && deals[i].key == key && (!need_no_money || !deals[i].money)) return i;
    return -1;
  };
  bool near = last >= 0 && f.sentence - deals[last].last_sentence <= kAttachWindow;
  bool same_or_unknown = key.empty() || (last >= 0 && (deals[last].key.empty() || deals[last].key == key));
  if (f.money) {
    // The same amount is the same deal, unless the borrowers differ
    // ("台塑及台化均為320億元": two deals of one size).
    auto compatible = [&](const Builder& b) {
      if (key.empty() || b.key.empty() || b.key == key) return true;
      // Different names for one company across sentences (新地, 新鴻基地產;
      // 威京集團 and its 中華工程) still share the amount; within one
      // sentence they are two deals, and so are two Latin names neither of
      // which abbreviates the other (Kessler Chemie, Venturi Autostrade).
      bool latin = IsAscii(key) && IsAscii(b.key) && key[0] != '#' && b.key[0] != '#';  // "#c12": a gazetteer company
      if (latin && !IsAbbreviationOf(key, b.key) && !IsAbbreviationOf(b.key, key)) return false;
      return std::none_of(b.frames.begin(), b.frames.end(), [&](const Frame* o) { return o->sentence == f.sentence; });
    };
    for (size_t i = 0; i < deals.size(); ++i)
      if (deals[i].money && SameAmount(in, *deals[i].money, *f.money) && compatible(deals[i]))
        return static_cast<int>(i);
    for (size_t i = 0; i < deals.size(); ++i)
      if (deals[i].money && Satisfies(in, *deals[i].money, *f.money) &&
          (key.empty() || deals[i].key.empty() || deals[i].key == key))
        return static_cast<int>(i);
    // Tranches of a deal already read ("甲項1,000億元…乙項500億元") belong to it.
    for (size_t i = 0; i < deals.size(); ++i)
      if (deals[i].money && IsPartOf(in, f, *deals[i].money)) return static_cast<int>(i);
    if (f.money_is_part && near && deals[last].money) return last;
    if (int i = by_key(true); i >= 0) return i;
    if (near && !deals[last].money && same_or_unknown) return last;
    if (!f.trigger) return -2;
    // A second amount makes a second deal only on real evidence: a deal
    // rule, or a borrower no deal has yet. Otherwise it is a distractor
    // (the price of an acquisition, a rejected offer, a market figure).
    bool known_key = !key.empty() && std::any_of(deals.begin(), deals.end(),
                                                  [&](const Builder& b) { return b.key == key; });
    if (deals.empty() || f.confidence > 0 || f.money_previous || (!key.empty() && !known_key)) return -1;
    return near ? last : -2;
  }
  if (int i = by_key(false); i >= 0) return i;
  if (near && (f.anaphoric || same_or_unknown)) return last;
  if (!f.trigger || (!f.strong_trigger && f.confidence == 0)) return -2;
  if (f.lenders.empty() && key.empty()) return -2;
  return -1;
}

std::string LenderKey(const Mention& m) {
  if (m.ref < 0) return AsciiLower(m.name);
  std::string key = "#";  // GCC 12 warns falsely (-Wrestrict) on "#" + to_string()
  key += std::to_string(m.ref);
  return key;
}

// "closed a $1.3bn financing package for its Faraday solar project ... A
// $460m loan, a $300m bridge loan and $250m in ancillary facilities": a
// package whose facilities the article lists one by one is those facilities
// (the package may hold equity too). The facilities take the package's
// purpose and status; the package goes.
void SplitPackage(std::vector<Deal>* deals) {
  auto is_package = [](const Deal& d) {
    auto t = d.rule_ids.find("type");
    return d.amount && t != d.rule_ids.end() && t->second.find("package") != std::string::npos;
  };
  for (size_t i = 0; i < deals->size(); ++i) {
    const Deal& package = (*deals)[i];
    if (!is_package(package)) continue;
    std::vector<size_t> parts;
    for (size_t j = 0; j < deals->size(); ++j) {
      const Deal& d = (*deals)[j];
      auto rule = d.rule_ids.find("amount");
      if (j != i && d.amount && rule != d.rule_ids.end() && rule->second == "tranches" &&
          d.borrower == package.borrower && d.amount->currency == package.amount->currency &&
          d.amount->value && package.amount->value && *d.amount->value < *package.amount->value)
        parts.push_back(j);
    }
    if (parts.size() < 2) continue;
    for (size_t j : parts) {
      Deal& d = (*deals)[j];
      if (d.project.empty() && !package.project.empty()) {
        d.project = package.project;
        auto r = package.rule_ids.find("project");
        d.rule_ids["project"] = (r == package.rule_ids.end() ? std::string("package") : r->second + "+package");
      }
      if (package.status != "unknown" && d.rule_ids["status"].rfind("default", 0) == 0) {
        d.status = package.status;
        d.rule_ids["status"] = package.rule_ids.count("status") ? package.rule_ids.at("status") + "+package" : "package";
      }
    }
    deals->erase(deals->begin() + static_cast<long>(i));
    return;
  }
}

int RoleRank(const std::string& role) {
  if (role == "lead_arranger") return 3;
  if (role == "agent") return 2;
  if (role == "participant") return 1;
  return 0;
}

// "花旗" and "花旗銀行", "MUFG" and "MUFG Bank" in one deal are one lender
// written short and long: keep the long name and the stronger role.
void MergeSameBrand(const AssemblyInput& in, Deal* d) {
  auto fold = [](const std::string& s) { return AsciiLower(TextNormalizer::Get().Fold(s)); };
  for (size_t i = 0; i < d->lenders.size(); ++i) {
    for (size_t j = 0; j < d->lenders.size(); ++j) {
      if (i == j) continue;
      std::string a = fold(d->lenders[i].name), b = fold(d->lenders[j].name);
      bool short_in_long = a.size() < b.size() && b.rfind(a, 0) == 0 && Utf8Length(a) >= 2 &&
                           (static_cast<unsigned char>(a[0]) >= 0x80 || a.size() >= 4);
      if (!short_in_long) continue;
      DealLender& keep = d->lenders[j];
      if (RoleRank(d->lenders[i].role) > RoleRank(keep.role)) {
        keep.role = d->lenders[i].role;
        keep.rule_id = d->lenders[i].rule_id;
      }
      d->lenders.erase(d->lenders.begin() + i);
      --i;
      break;
    }
  }
  (void)in;
}

void FillLenders(const AssemblyInput& in, const Builder& b, Deal* d) {
  std::map<std::string, size_t> index;
  for (const Frame* f : b.frames) {
    for (const FrameLender& fl : f->lenders) {
      if (fl.role == "not_lender") continue;  // an adviser or guarantor named near the deal
      const Mention& m = in.mentions->items[fl.mention];
      std::string key = LenderKey(m);
      std::string surface = Original(in, m.span);
      auto [it, fresh] = index.emplace(key, d->lenders.size());
      if (fresh) {
        std::string canonical = m.ref >= 0 ? in.lexicon->lenders()[m.ref].canonical : surface;
        d->lenders.push_back({surface, canonical, fl.role, fl.rule});
        continue;
      }
      DealLender& l = d->lenders[it->second];
      if (RoleRank(fl.role) > RoleRank(l.role)) {
        l.role = fl.role;
        l.rule_id = fl.rule;
      }
      if (Utf8Length(surface) > Utf8Length(l.name)) l.name = surface;
    }
  }
  MergeSameBrand(in, d);
}

// The best-scored borrower over the deal's frames; else an organisation of
// the headline; else the borrower of the deal before (a later clause about
// the same company, "是繼去年取得…275億元以來").
void FillBorrower(const AssemblyInput& in, const Builder& b, const Deal* previous, Deal* d) {
  const BorrowerCandidate* best = nullptr;
  std::vector<BorrowerCandidate> all;
  for (const Frame* f : b.frames)
    for (BorrowerCandidate& c : BorrowerCandidates(*f, in.text, *in.mentions, *in.lexicon)) all.push_back(c);
  for (const BorrowerCandidate& c : all)
    if (!best || c.score > best->score) best = &c;
  if (best) {
    d->borrower = CleanName(Original(in, best->span));
    d->rule_ids["borrower"] = best->rule;
    return;
  }
  if (!in.sentences->empty()) {
    for (int idx : in.mentions->Within((*in.sentences)[0])) {
      const Mention& m = in.mentions->items[idx];
      std::string name = CleanName(in.text.substr(m.span.begin, m.span.size()));
      if (m.kind != MentionKind::kOrg || !PlausibleBorrower(name, *in.lexicon)) continue;
      d->borrower = CleanName(Original(in, m.span));
      d->rule_ids["borrower"] = m.rule_id + "+headline";
      return;
    }
  }
  // Only a figure read as a previous loan ("繼去年取得…275億元") inherits.
  bool previous_loan = std::any_of(b.frames.begin(), b.frames.end(), [](const Frame* f) { return f->money_previous; });
  if (previous && !previous->borrower.empty() && previous_loan) {
    d->borrower = previous->borrower;
    d->rule_ids["borrower"] = "previous_deal";
  }
}

// A deal without an amount whose borrower is the borrower of a deal with one
// in the same article, or is named as a co-borrower in that deal's sentences
// ("由長翔航空與旗下子公司長翔航勤擔任共同借款人"), is the rest of that deal told
// in a later paragraph: its lenders and sentences join the deal.
void MergeFragments(const AssemblyInput& in, std::vector<Deal>* deals) {
  const TextNormalizer& tn = TextNormalizer::Get();
  static const RE2 kCoBorrower("共同借款|联合借款|(?i:co-?borrower)");
  auto names = [&](const Deal& whole, const std::string& folded) {
    if (tn.Fold(whole.borrower) == folded) return true;
    for (Span s : whole.evidence) {
      std::string_view sentence = in.text.substr(s.begin, s.size());
      if (sentence.find(folded) != std::string_view::npos &&
          RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kCoBorrower))
        return true;
    }
    return false;
  };
  for (size_t i = 0; i < deals->size();) {
    Deal& part = (*deals)[i];
    std::string folded = tn.Fold(part.borrower);
    Deal* whole = nullptr;
    if (!part.amount && !folded.empty()) {
      for (Deal& d : *deals)
        if (&d != &part && d.amount && names(d, folded)) {
          whole = &d;
          break;
        }
    }
    if (!whole) {
      ++i;
      continue;
    }
    for (const DealLender& l : part.lenders) {
      auto same = std::find_if(whole->lenders.begin(), whole->lenders.end(),
                               [&](const DealLender& w) { return w.canonical == l.canonical; });
      if (same == whole->lenders.end()) {
        whole->lenders.push_back(l);
      } else if (RoleRank(l.role) > RoleRank(same->role)) {
        *same = l;
      }
    }
    for (Span s : part.evidence)
      if (std::find(whole->evidence.begin(), whole->evidence.end(), s) == whole->evidence.end())
        whole->evidence.push_back(s);
    std::sort(whole->evidence.begin(), whole->evidence.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
    if (whole->status == "unknown" && part.status != "unknown") whole->status = part.status;
    deals->erase(deals->begin() + static_cast<long>(i));
  }
}

void FillSlots(const AssemblyInput& in, const Builder& b, Deal* d) {
  int type_priority = -1;
  for (const Frame* f : b.frames) {
    if (f->type.set() && TypePriority(f->type.value) > type_priority && f->type.value != "financing") {
      type_priority = TypePriority(f->type.value);
      d->type = f->type.value;
      d->rule_ids["type"] = f->type.rule;
    }
    if (f->status.set() && d->status == "unknown") {
      d->status = f->status.value;
      d->rule_ids["status"] = f->status.rule;
    }
    if (f->project.set() && d->project.empty()) {
      d->project = Original(in, f->project.span);
      d->rule_ids["project"] = f->project.rule;
    }
    if (f->tenor_years && !d->tenor_years) {
      d->tenor_years = f->tenor_years;
      d->rule_ids["tenor"] = f->tenor_rule;
    }
    if (f->pricing.set() && d->pricing.empty()) {
      d->pricing = Original(in, f->pricing.span);
      d->rule_ids["pricing"] = f->pricing.rule;
    }
    if (d->evidence.empty() || d->evidence.back() != (*in.sentences)[f->sentence])
      d->evidence.push_back((*in.sentences)[f->sentence]);
  }
  if (b.money) {
    d->amount = MoneyOf(in, *b.money);
    d->rule_ids["amount"] = b.money_rule;
  }
}

double Confidence(const Builder& b, const Deal& d) {
  double c = 0.3;
  for (const Frame* f : b.frames) c = std::max(c, f->confidence);
  if (!d.borrower.empty()) c += 0.15;
  if (d.amount && d.amount->value) c += 0.15;
  if (!d.lenders.empty()) c += 0.1;
  if (d.type != "loan") c += 0.05;
  return std::min(0.99, c);
}

}  // namespace

std::vector<Deal> AssembleDeals(const AssemblyInput& in, const std::vector<Frame>& frames) {
  std::vector<Builder> builders;
  int last = -1;
  // A clause naming the borrower before any deal is read ("Northland Power
  // and RWE, the borrowers on the project, ...") waits for the next deal.
  std::vector<const Frame*> pending;
  // A clause blocked by a ranking cue that refers back to the deal ("兆豐銀
  // 去年聯貸排名第二…該案由兆豐、台銀主辦") still gives the deal its lenders
  // and purpose, never an amount or a deal of its own.
  std::deque<Frame> referring;
  for (const Frame& read : frames) {
    const Frame* fp = &read;
    if (read.blocked) {
      if (read.blocked_by != "ranking" || !read.anaphoric || last < 0) continue;
      Frame& copy = referring.emplace_back(read);
      copy.blocked = false;
      copy.money.reset();
      copy.money_previous = false;
      fp = &copy;
    }
    const Frame& f = *fp;
    bool names_borrower = f.borrower.set() && f.borrower.rule.find(".borrower.") != std::string::npos;
    if (!f.trigger && f.lenders.empty() && !f.anaphoric && !names_borrower) continue;
    std::string key = FrameKey(in, f);
    int target = Target(in, builders, last, f, key);
    if (fp != &read && target != last) continue;
    // "資金將用於X，其中包括2022年簽署的一筆4億美元銀團貸款": the purpose
    // before a previous loan's figure is the purpose of the deal being read.
    static const RE2 kRefinanced("其中包括|其中包含|并对|以及对|(?i:including|as well as)");
    auto refinanced_after = [&] {
      size_t from = f.project.span.end, to = in.mentions->items[*f.money].span.begin;
      std::string_view between = in.text.substr(from, to - from);
      return RE2::PartialMatch(re2::StringPiece(between.data(), between.size()), kRefinanced);
    };
    if (f.money && f.project.set() && last >= 0 && target != last && !builders[last].frames.empty() &&
        f.project.span.end <= in.mentions->items[*f.money].span.begin &&
        (f.money_previous || refinanced_after())) {
      bool has_project = std::any_of(builders[last].frames.begin(), builders[last].frames.end(),
                                     [](const Frame* o) { return o->project.set(); });
      if (!has_project) {
        Frame& purpose = referring.emplace_back();
        purpose.sentence = f.sentence;
        purpose.clause = f.clause;
        purpose.project = f.project;
        builders[last].frames.push_back(&purpose);
      }
    }
    if (target == -2 && names_borrower && !f.trigger) pending.push_back(&f);
    if (target == -2) continue;
    if (target == -1) {
      builders.emplace_back();
      target = static_cast<int>(builders.size()) - 1;
      for (const Frame* p : pending)
        if (f.sentence - p->sentence <= kAttachWindow && !f.borrower.set()) builders.back().frames.push_back(p);
      pending.clear();
    }
    Builder& b = builders[target];
    if (b.key.empty()) b.key = key;
    b.frames.push_back(&f);
    b.last_sentence = f.sentence;
    if (f.money && (!b.money || Satisfies(in, *b.money, *f.money) || ReplacesPackage(in, f, *b.money) ||
                    (SameAmount(in, *b.money, *f.money) &&
                     SignificantDigits(in, *f.money) > SignificantDigits(in, *b.money)))) {
      // "1,693.34億元" in the body beats "1,693億" in the headline.
      b.money = f.money;
      b.money_rule = f.money_rule;
    }
    last = target;
  }
  MergeHalves(&builders);
  // Figures a blocked clause explains (an acquisition price, a market
  // total) are not loans anywhere in the article, unless a deal rule says so.
  std::vector<int> blocked_money;
  for (const Frame& f : frames)
    if (f.blocked && f.blocked_by != "ranking")
      for (int idx : in.mentions->Within(f.clause))
        if (in.mentions->items[idx].kind == MentionKind::kMoney) blocked_money.push_back(idx);
  std::vector<Deal> deals;
  for (const Builder& b : builders) {
    bool by_rule = std::any_of(b.frames.begin(), b.frames.end(), [](const Frame* f) { return f->confidence > 0; });
    if (b.money && !by_rule &&
        std::any_of(blocked_money.begin(), blocked_money.end(),
                    [&](int idx) { return idx != *b.money && SameAmount(in, idx, *b.money); }))
      continue;
    Deal d;
    FillSlots(in, b, &d);
    FillLenders(in, b, &d);
    FillBorrower(in, b, deals.empty() ? nullptr : &deals.back(), &d);
    // A deal is who borrowed: without a borrower the figures are not one
    // (a market total, a table row).
    if (d.borrower.empty()) continue;
    // The borrower is not its own lender: a finance company that also lends
    // ("兆豐銀完成中租迪和…聯貸案") is tagged as a lender where it is named.
    const std::string borrower_key = TextNormalizer::Get().Fold(d.borrower);
    std::erase_if(d.lenders, [&](const DealLender& l) { return TextNormalizer::Get().Fold(l.name) == borrower_key; });
    if (!d.amount && d.lenders.empty()) continue;
    // Without a status word, a deal with named arrangers or agents has been
    // put together: news reports them once signed.
    if (d.status == "unknown" &&
        std::any_of(d.lenders.begin(), d.lenders.end(),
                    [](const DealLender& l) { return l.role == "lead_arranger" || l.role == "agent"; })) {
      d.status = "signed";
      d.rule_ids["status"] = "default:arranged";
    }
    // A further facility of a list, or a previous loan, of the deal's
    // borrower ("已分別簽訂兩項融資協議：一筆為…；另一筆為…") shares its status.
    bool listed = std::any_of(b.frames.begin(), b.frames.end(), [](const Frame* f) { return f->money_previous; });
    if (d.status == "unknown" && listed && !deals.empty() && deals.back().borrower == d.borrower &&
        deals.back().status != "unknown") {
      d.status = deals.back().status;
      d.rule_ids["status"] = "previous_deal";
    }
    // An 8-K or the execution copy of a credit agreement reports a signed
    // agreement, whatever words its sentences use.
    if (d.status == "unknown" && IsSignedFiling(in.text)) {
      d.status = "signed";
      d.rule_ids["status"] = "default:filing";
    }
    d.confidence = Confidence(b, d);
    deals.push_back(std::move(d));
  }
  MergeFragments(in, &deals);
  SplitPackage(&deals);
  return deals;
}

}  // namespace dealwatch
