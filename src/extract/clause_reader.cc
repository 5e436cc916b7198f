#include "extract/clause_reader.h"

#include <re2/re2.h>

#include <algorithm>

namespace dealwatch {

namespace {

std::string Slice(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.size())); }

// Cue-table matches inside `span` of the text.
std::vector<PhraseMatch> CuesIn(const PhraseTable& table, std::string_view text, Span span) {
  std::vector<PhraseMatch> out = table.matcher.FindAll(text.substr(span.begin, span.size()));
  for (PhraseMatch& m : out) {
    m.span.begin += span.begin;
    m.span.end += span.begin;
  }
  return out;
}

int AmountCueScore(const std::string& cue) {
  if (cue == "final") return 3;
  if (cue == "total") return 2;
  if (cue == "target") return -1;
  if (cue == "tranche") return -2;
  if (cue == "commitment") return -4;
  if (cue == "previous") return 0;  // a previous loan is a deal too (MoneyRating::previous)
  if (cue == "another") return 1;   // "二為…", "另一筆為…": the next facility of a list
  if (cue == "accordion") return -5;
  return -6;  // nondeal, equity
}

void AddLenders(const ClauseContext& ctx, const TaggedText& tagged, std::pair<size_t, size_t> group,
                const std::string& role, const std::string& rule, Frame* f) {
  for (int idx : tagged.MentionsIn(group.first, group.second)) {
    if (ctx.mentions->items[idx].kind != MentionKind::kLender) continue;
    auto it = std::find_if(f->lenders.begin(), f->lenders.end(), [&](const FrameLender& l) { return l.mention == idx; });
    if (it == f->lenders.end()) {
      f->lenders.push_back({idx, role, rule});
    } else if (it->role == "lender" || (role == "lead_arranger" && it->role != "lead_arranger")) {
      it->role = role;
      it->rule = rule;
    }
  }
}

std::string RoleOf(const ClauseContext& ctx, const RuleHit& hit, const TaggedText& tagged) {
  std::string fixed = hit.rule->value("role");
  if (!fixed.empty()) return fixed;
  auto g = hit.groups.find("role");
  if (g == hit.groups.end()) return "lender";
  Span s = tagged.ToText(g->second.first, g->second.second);
  const PhraseTable& roles = ctx.lexicon->table_or_empty("roles");
  std::vector<PhraseMatch> m = CuesIn(roles, ctx.text, s);
  return m.empty() ? "lender" : roles.ValueOf(m.front());
}

void SetSlot(Slot* slot, const std::string& value, Span span, const std::string& rule) {
  if (slot->set() || value.empty()) return;
  *slot = {value, span, rule};
}

// Applies the named groups of one rule hit to the frame.
void ApplyHit(const ClauseContext& ctx, const TaggedText& tagged, const RuleHit& hit, Frame* f) {
  const std::string& id = hit.rule->id();
  f->rules_fired.push_back(id);
  for (const auto& [name, range] : hit.groups) {
    Span s = tagged.ToText(range.first, range.second);
    if (name == "lenders") {
      AddLenders(ctx, tagged, range, RoleOf(ctx, hit, tagged), id, f);
    } else if (name == "borrower") {
      SetSlot(&f->borrower, Slice(ctx.text, s), s, id);
    } else if (name == "project") {
      SetSlot(&f->project, Slice(ctx.text, s), s, id);
    } else if (name == "amount") {
      for (int idx : tagged.MentionsIn(range.first, range.second)) {
        if (ctx.mentions->items[idx].kind == MentionKind::kMoney && !f->money) {
          f->money = idx;
          f->money_rule = id;
          if (!hit.rule->value("replaces").empty()) f->money_replaces = f->money_is_part = true;
        }
      }
    } else if (name == "type") {
      const PhraseTable& types = ctx.lexicon->table_or_empty("deal_types");
      std::vector<PhraseMatch> m = CuesIn(types, ctx.text, s);
      if (!m.empty()) SetSlot(&f->type, types.ValueOf(m.front()), s, id);
    } else if (name == "status") {
      const PhraseTable& st = ctx.lexicon->table_or_empty("status");
      std::vector<PhraseMatch> m = CuesIn(st, ctx.text, s);
      if (!m.empty()) SetSlot(&f->status, st.ValueOf(m.front()), s, id);
    }
  }
  for (const char* key : {"status", "type"}) {
    std::string fixed = hit.rule->value(key);
    if (fixed.empty()) continue;
    SetSlot(std::string(key) == "status" ? &f->status : &f->type, fixed, {}, id);
  }
}

std::vector<int> MoneyIn(const ClauseContext& ctx, Span clause) {
  std::vector<int> out;
  for (int idx : ctx.mentions->Within(clause))
    if (ctx.mentions->items[idx].kind == MentionKind::kMoney) out.push_back(idx);
  return out;
}

// "数百亿美元", "hundreds of millions of dollars": a size, not an amount.
bool IsVague(std::string_view money_text) {
  static const RE2 kVague("数|几|上百|上千|上万|(?i:hundreds of|tens of|several|billions of|millions of)");
  return RE2::PartialMatch(money_text, kVague);
}

// No single loan is ten trillion in a major currency: such figures are
// market statistics (社會融資規模, 貸款餘額).
bool IsImplausiblySized(const MoneyMention& m) {
  std::optional<double> v = m.value ? m.value : m.low;
  if (!v) return false;
  // The largest loans ever made are tens of billions of dollars.
  const std::string& c = m.currency;
  double limit = 5e11;  // USD, EUR, GBP, CHF, CAD, AUD, SGD, ...
  if (c == "CNY" || c == "HKD" || c == "TWD") limit = 5e12;
  if (c == "JPY" || c == "INR" || c == "THB" || c == "PHP") limit = 5e13;
  if (c == "KRW" || c == "IDR" || c == "VND") limit = 1e15;
  return *v >= limit;
}

// True when a project word follows the amount before any loan word does:
// "$1.2 billion, 332 MW Nordsee One offshore wind farm project".
bool IsProjectSize(const ClauseContext& ctx, size_t from, size_t limit) {
  Span after{from, std::min(limit, from + 90)};
  const PhraseTable& types = ctx.lexicon->table_or_empty("deal_types");
  const PhraseTable& nouns = ctx.lexicon->table_or_empty("project_nouns");
  std::vector<PhraseMatch> t = CuesIn(types, ctx.text, after);
  std::vector<PhraseMatch> p = CuesIn(nouns, ctx.text, after);
  if (p.empty()) return false;
  for (const PhraseMatch& pm : p) {
    bool inside_type = std::any_of(t.begin(), t.end(), [&](const PhraseMatch& tm) {
      return tm.span.begin <= pm.span.begin && pm.span.end <= tm.span.end;
    });
    if (inside_type) continue;
    return t.empty() || pm.span.begin < t.front().span.begin;
  }
  return false;
}

// How the words around money mention `idx` (the k-th of the clause's
// `money`) rate it as the deal amount, and whether they rule it out
// (equity, revenue, capex: never a loan).
struct MoneyRating {
  int score = 0;
  bool ruled_out = false;
  bool part = false;      // a tranche cue precedes it
  bool previous = false;  // a previous-loan cue precedes it
};

MoneyRating RateMoney(const ClauseContext& ctx, Span clause, const std::vector<int>& money, size_t k) {
  const PhraseTable& cues = ctx.lexicon->table_or_empty("amount_cues");
  const PhraseTable& types = ctx.lexicon->table_or_empty("deal_types");
  const Mention& m = ctx.mentions->items[money[k]];
  size_t prev_end = k > 0 ? ctx.mentions->items[money[k - 1]].span.end : clause.begin;
  size_t next_begin = k + 1 < money.size() ? ctx.mentions->items[money[k + 1]].span.begin : clause.end;
  Span before{std::max({prev_end, clause.begin, m.span.begin > 45 ? m.span.begin - 45 : 0}), m.span.begin};
  Span after{m.span.end, std::min({next_begin, clause.end, m.span.end + 40})};
  MoneyRating r;
  r.ruled_out = IsVague(ctx.text.substr(m.span.begin, m.span.size())) ||
                IsImplausiblySized(ctx.mentions->money[m.ref]);
  for (const PhraseMatch& c : CuesIn(types, ctx.text, after))
    r.score = std::max(r.score, TypePriority(types.ValueOf(c)) > 0 ? 3 : 1);
  // A cue inside a loan word ("tax equity" in "tax equity bridge loan")
  // names that loan, not this amount.
  const std::vector<PhraseMatch> before_types = CuesIn(types, ctx.text, before);
  for (const PhraseMatch& c : CuesIn(cues, ctx.text, before)) {
    if (std::any_of(before_types.begin(), before_types.end(), [&](const PhraseMatch& t) {
          return t.span.begin <= c.span.begin && c.span.end <= t.span.end && t.span.size() > c.span.size();
        }))
      continue;
    const std::string& v = cues.ValueOf(c);
    r.score += AmountCueScore(v);
    if ((v == "nondeal" || v == "equity") && c.span.end + 15 >= m.span.begin) r.ruled_out = true;
    if (v == "tranche") r.part = true;
    // A further facility of the same borrower ("已簽訂兩項融資合約：一為…；二為
    // 美金1.5億元…") is, like a previous loan, a deal of its own whose
    // borrower is the deal's before it.
    if (v == "previous" || (v == "another" && c.span.end + 15 >= m.span.begin)) r.previous = true;
  }
  std::vector<PhraseMatch> after_types = CuesIn(types, ctx.text, after);
  for (const PhraseMatch& c : CuesIn(cues, ctx.text, {m.span.end, std::min(after.end, m.span.end + 24)})) {
    // "tax equity" inside "tax equity bridge loan" names a loan.
    bool in_type = std::any_of(after_types.begin(), after_types.end(), [&](const PhraseMatch& t) {
      return t.span.begin <= c.span.begin && c.span.end <= t.span.end;
    });
    if (in_type) continue;
    const std::string& v = cues.ValueOf(c);
    if (v == "accordion" || v == "nondeal" || v == "equity") r.score += AmountCueScore(v);
    if (v == "nondeal" || v == "equity") r.ruled_out = true;
  }
  // "1.5億美元(約等值新台幣45億元)": the figure before in another currency.
  // Without a figure just before, "等值5000萬美元的貸款" states the amount.
  for (const PhraseMatch& c : CuesIn(cues, ctx.text, {m.span.begin > 12 ? m.span.begin - 12 : 0, m.span.begin}))
    if (cues.ValueOf(c) == "equivalent" && k > 0 && prev_end + 24 >= c.span.begin) r.ruled_out = true;
  if (r.previous) r.part = false;  // "including the $390 million loan it signed in 2021"
  if (!ctx.mentions->money[m.ref].value) r.score -= 2;  // a bound is weaker than an exact amount
  if (IsProjectSize(ctx, m.span.end, std::min(next_begin, clause.end))) r.score -= 4;
  return r;
}

// The loan word that names the facility of money mention `k`: the first one
// after it before the next amount, else the last one before it since the
// previous amount ("a revolving credit facility with commitments of $200
// million"). Empty when none is near.
std::optional<PhraseMatch> FacilityOf(const ClauseContext& ctx, Span clause, const std::vector<int>& money,
                                      size_t k) {
  const PhraseTable& types = ctx.lexicon->table_or_empty("deal_types");
  const Mention& m = ctx.mentions->items[money[k]];
  size_t prev_end = k > 0 ? ctx.mentions->items[money[k - 1]].span.end : clause.begin;
  size_t next_begin = k + 1 < money.size() ? ctx.mentions->items[money[k + 1]].span.begin : clause.end;
  // Only a loan word right after the amount names it ("$460m loan", "$300m
  // tax equity bridge loan"); one further on belongs to the next facility.
  size_t after_end = std::min(next_begin, m.span.end + 30);
  for (std::string_view stop : {" and ", ",", "、", "及", "和", ";"}) {
    size_t at = ctx.text.substr(m.span.end, after_end - m.span.end).find(stop);
    if (at != std::string_view::npos) after_end = m.span.end + at;
  }
  for (const PhraseMatch& c : CuesIn(types, ctx.text, {m.span.end, after_end}))
    if (TypePriority(types.ValueOf(c)) >= 1) return c;
  std::vector<PhraseMatch> before =
      CuesIn(types, ctx.text, {std::max(prev_end, m.span.begin > 70 ? m.span.begin - 70 : 0), m.span.begin});
  for (auto it = before.rbegin(); it != before.rend(); ++it)
    if (TypePriority(types.ValueOf(*it)) >= 1) return *it;
  return std::nullopt;
}

// "a revolving credit facility of $200 million and a term loan facility of
// $150 million", "a $460m loan, a $300m bridge loan and $250m in ancillary
// facilities": separate facilities with no total are separate deals. Empty
// unless the clause lists two or more amounts, each with its own loan word,
// and no word says one contains the others ("including", "其中").
std::vector<Frame> SplitTranches(const ClauseContext& ctx, const Frame& base) {
  std::vector<int> money = MoneyIn(ctx, base.clause);
  if (money.size() < 2 || !base.trigger) return {};
  const PhraseTable& cues = ctx.lexicon->table_or_empty("amount_cues");
  for (const PhraseMatch& c : CuesIn(cues, ctx.text, base.clause)) {
    const std::string& v = cues.ValueOf(c);
    if (v == "tranche" || v == "total" || v == "accordion" || v == "previous") return {};
  }
  std::vector<Frame> out;
  std::vector<size_t> facility_at;
  for (size_t k = 0; k < money.size(); ++k) {
    MoneyRating r = RateMoney(ctx, base.clause, money, k);
    if (r.score < 0) return {};  // a cue word says it is a target, a commitment, ...
    std::optional<PhraseMatch> facility = FacilityOf(ctx, base.clause, money, k);
    if (r.ruled_out || !facility || !ctx.mentions->money[ctx.mentions->items[money[k]].ref].value) return {};
    if (std::find(facility_at.begin(), facility_at.end(), facility->span.begin) != facility_at.end()) return {};
    facility_at.push_back(facility->span.begin);
    Frame f = base;
    f.money = money[k];
    f.money_rule = "tranches";
    f.type = {ctx.lexicon->table_or_empty("deal_types").ValueOf(*facility), facility->span, "tranches"};
    f.confidence = 0.7;  // each tranche is a deal of its own
    out.push_back(std::move(f));
  }
  return out;
}

// True when a rule's amount group holds money that the words around it rule
// out; such a hit is not a deal.
bool AmountRuledOut(const ClauseContext& ctx, const TaggedText& tagged, const RuleHit& hit) {
  auto g = hit.groups.find("amount");
  if (g == hit.groups.end()) return false;
  std::vector<int> money = MoneyIn(ctx, tagged.clause());
  for (int idx : tagged.MentionsIn(g->second.first, g->second.second)) {
    auto k = std::find(money.begin(), money.end(), idx);
    if (k != money.end()) return RateMoney(ctx, tagged.clause(), money, k - money.begin()).ruled_out;
  }
  return false;
}

// Picks the deal amount among the clause's money mentions by the words
// around each: "最终以360亿元" beats "超额认购...785亿元".
void ChooseMoney(const ClauseContext& ctx, Frame* f) {
  if (f->money) return;
  std::vector<int> money = MoneyIn(ctx, f->clause);
  int best = -1, best_score = -1000;
  MoneyRating best_rating;
  for (size_t k = 0; k < money.size(); ++k) {
    MoneyRating r = RateMoney(ctx, f->clause, money, k);
    if (r.ruled_out) continue;
    // A previous loan ("replace the Company's $600 million credit
    // agreement") is a deal too, when it is the only figure.
    // With other figures around, the previous loan is not the one reported.
    int score = r.previous && money.size() > 1 ? r.score - 3 : r.score;
    if (score > best_score) {
      best_score = score;
      best = money[k];
      best_rating = r;
    }
  }
  if (best >= 0 && best_score >= -2) {
    f->money = best;
    f->money_rule = "amount_cues";
    f->money_is_part = best_rating.part;
    f->money_previous = best_rating.previous;
  }
}

// The clause's first status cue. A signing or closing that is still to come
// ("預計最快可望在10月簽約", "expected to sign next week": a `future` cue
// shortly before it) means the deal is being arranged: in_talks.
void ReadStatus(const ClauseContext& ctx, Frame* f) {
  constexpr size_t kFutureReach = 24;  // bytes between a future cue and the cue it qualifies
  const PhraseTable& status = ctx.lexicon->table_or_empty("status");
  size_t future_end = std::string_view::npos;
  for (const PhraseMatch& m : CuesIn(status, ctx.text, f->clause)) {
    const std::string& value = status.ValueOf(m);
    if (value == "future") {
      future_end = m.span.end;
      continue;
    }
    std::string rule = "status:" + Slice(ctx.text, m.span);
    bool future = future_end != std::string_view::npos && m.span.begin >= future_end &&
                  m.span.begin - future_end <= kFutureReach;
    if (future && (value == "signed" || value == "closed")) {
      SetSlot(&f->status, "in_talks", m.span, rule + "+future");
    } else {
      SetSlot(&f->status, value, m.span, rule);
    }
    return;
  }
}

void ReadCues(const ClauseContext& ctx, Frame* f) {
  const PhraseTable& types = ctx.lexicon->table_or_empty("deal_types");
  Slot best;
  int best_priority = -1;
  for (const PhraseMatch& m : CuesIn(types, ctx.text, f->clause)) {
    const std::string& t = types.ValueOf(m);
    int p = TypePriority(t);
    if (t == "not_loan") continue;
    f->trigger = true;
    if (p >= 1) f->strong_trigger = true;
    if (p > best_priority) {  // the most specific type word of the clause
      best_priority = p;
      best = {t, m.span, "deal_types:" + Slice(ctx.text, m.span)};
    }
  }
  if (!f->type.set()) f->type = best;  // a rule's type wins
  ReadStatus(ctx, f);
  f->anaphoric = !CuesIn(ctx.lexicon->table_or_empty("anaphora"), ctx.text, f->clause).empty();
  const PhraseTable& not_deal = ctx.lexicon->table_or_empty("not_deal");
  for (const PhraseMatch& m : CuesIn(not_deal, ctx.text, f->clause)) {
    f->blocked = true;
    f->blocked_by = not_deal.ValueOf(m);
  }
}

void ReadTerms(const ClauseContext& ctx, Frame* f) {
  for (int idx : ctx.mentions->Within(f->clause)) {
    const Mention& m = ctx.mentions->items[idx];
    if (m.kind == MentionKind::kTenor && !f->tenor_years) {
      f->tenor_years = ctx.mentions->tenors[m.ref].years;
      f->tenor_rule = "tenor";
    } else if (m.kind == MentionKind::kPricing && !f->pricing.set()) {
      f->pricing = {Slice(ctx.text, m.span), m.span, "pricing"};
    } else if (m.kind == MentionKind::kLender) {
      AddLenders(ctx, TaggedText(ctx.text, m.span, *ctx.mentions), {0, std::string::npos}, "lender", "default", f);
    }
  }
}

}  // namespace

int TypePriority(const std::string& type) {
  if (type == "green_loan" || type == "sustainability_linked_loan") return 3;
  if (type == "loan") return 1;
  if (type == "financing" || type == "not_loan") return 0;
  return 2;
}

namespace {

// One deal a clause states: the deal-rule hits about it and, for a hit
// naming several borrowers ("台塑及台化均為320億元"), which one.
struct DealUnit {
  std::vector<const RuleHit*> hits;
  std::optional<int> money;     // mention index
  std::optional<Span> borrower;  // one borrower of a `borrowers` group
};

// "力積電、耐斯廣場及茂迪" -> the three names.
std::vector<Span> SplitNameList(std::string_view text, Span list) {
  static const RE2 kSep("\\s*(?:、|以及|及|和|与|,|and)\\s*");
  std::vector<Span> out;
  size_t pos = list.begin;
  re2::StringPiece sep;
  while (pos < list.end) {
    size_t end = list.end;
    size_t next = list.end;
    if (kSep.Match(text, pos, list.end, RE2::UNANCHORED, &sep, 1)) {
      end = sep.data() - text.data();
      next = end + sep.size();
    }
    if (end > pos) out.push_back({pos, end});
    pos = next;
  }
  return out;
}

std::optional<int> HitMoney(const ClauseContext& ctx, const TaggedText& tagged, const RuleHit& hit) {
  auto g = hit.groups.find("amount");
  if (g == hit.groups.end()) return std::nullopt;
  for (int idx : tagged.MentionsIn(g->second.first, g->second.second))
    if (ctx.mentions->items[idx].kind == MentionKind::kMoney) return idx;
  return std::nullopt;
}

// Splits the deal-rule hits of a clause into the deals they state: hits
// with the same amount are one deal; a `borrowers` group gives one deal per
// organisation in it.
std::vector<DealUnit> DealUnits(const ClauseContext& ctx, const TaggedText& tagged, const std::vector<RuleHit>& hits) {
  std::vector<DealUnit> units;
  for (const RuleHit& hit : hits) {
    std::optional<int> money = HitMoney(ctx, tagged, hit);
    auto many = hit.groups.find("borrowers");
    if (many != hit.groups.end()) {
      for (Span name : SplitNameList(ctx.text, tagged.ToText(many->second.first, many->second.second)))
        units.push_back({{&hit}, money, name});
      continue;
    }
    auto same = std::find_if(units.begin(), units.end(), [&](const DealUnit& u) {
      return !u.borrower && (!money || !u.money || *u.money == *money);
    });
    if (same == units.end()) {
      units.push_back({{&hit}, money, std::nullopt});
    } else {
      same->hits.push_back(&hit);
      if (!same->money) same->money = money;
    }
  }
  return units;
}

}  // namespace

std::vector<Frame> ReadClause(const ClauseContext& ctx, const TaggedText& tagged, int sentence,
                              std::vector<RuleHit>* trace_hits) {
  Frame base;
  base.sentence = sentence;
  base.clause = tagged.clause();
  std::vector<RuleHit> deal_hits;
  // Amount rules first: "from $400 million to $750 million" decides the
  // amount before a deal rule takes the first figure it sees.
  const RuleCandidates candidates = ctx.rules->Candidates(tagged.str());
  for (const char* field : {"not_deal", "amount", "deal", "lenders", "borrower", "project"}) {
    for (RuleHit& hit : ctx.rules->Match(tagged.str(), field, &candidates)) {
      if (AmountRuledOut(ctx, tagged, hit)) continue;
      if (trace_hits) trace_hits->push_back(hit);
      if (std::string_view(field) == "not_deal") {
        base.blocked = true;
        base.blocked_by = "rule";
        base.rules_fired.push_back(hit.rule->id());
      } else if (std::string_view(field) == "deal") {
        deal_hits.push_back(std::move(hit));
      } else {
        ApplyHit(ctx, tagged, hit, &base);
      }
    }
  }
  ReadCues(ctx, &base);
  ReadTerms(ctx, &base);
  std::vector<DealUnit> units = DealUnits(ctx, tagged, deal_hits);
  std::vector<Frame> frames;
  size_t rules_end = tagged.clause().begin;  // where the last deal-rule hit ends
  for (const RuleHit& h : deal_hits) rules_end = std::max(rules_end, tagged.ToText(h.begin, h.end).end);
  for (const DealUnit& unit : units) {
    Frame f = base;
    if (unit.borrower) f.borrower = {std::string(ctx.text.substr(unit.borrower->begin, unit.borrower->size())),
                                     *unit.borrower, unit.hits.front()->rule->id()};
    std::optional<int> amount_rule_money = f.money;
    // The deal this clause states holds the debt part itself; it is not a
    // part of an earlier deal.
    f.money_is_part = f.money_replaces = false;
    for (const RuleHit* hit : unit.hits) {
      ApplyHit(ctx, tagged, *hit, &f);
      if (amount_rule_money) f.money = amount_rule_money;
      f.trigger = true;
      f.confidence = std::max(f.confidence, hit->rule->confidence);
    }
    if (unit.money && !f.money) {  // an amount rule's figure stands
      f.money = unit.money;
      f.money_rule = unit.hits.front()->rule->id();
    }
    // A ranking or statistics clause yields a deal only from a rule that
    // names its borrower ("包括台泥500億元聯貸").
    if (f.blocked && f.blocked_by == "ranking" && f.borrower.set()) f.blocked = false;
    // A rule that gave no amount leaves the clause's other figures alone.
    frames.push_back(std::move(f));
  }
  if (frames.empty()) {
    std::vector<Frame> tranches = SplitTranches(ctx, base);
    if (!tranches.empty()) return tranches;
    if (base.trigger) ChooseMoney(ctx, &base);
    frames.push_back(std::move(base));
  } else if (rules_end < tagged.clause().end) {
    // After the last deal rule the clause may state one more deal with cue
    // words only ("…簽訂聯貸合約後，今日再度搶下茂迪16.8億元聯貸案").
    Frame rest = base;
    rest.clause = {rules_end, tagged.clause().end};
    rest.trigger = rest.strong_trigger = false;
    rest.type = Slot{};
    ReadCues(ctx, &rest);
    rest.money.reset();
    rest.money_is_part = rest.money_replaces = false;
    if (rest.trigger) ChooseMoney(ctx, &rest);
    bool used = std::any_of(frames.begin(), frames.end(), [&](const Frame& u) { return u.money == rest.money; });
    if (rest.money && !used) {
      // "... a $310 million construction loan and a $145 million tax equity
      // bridge loan": a second facility named right after its own amount is
      // a deal of its own.
      std::vector<int> money = MoneyIn(ctx, rest.clause);
      auto k = std::find(money.begin(), money.end(), *rest.money);
      std::optional<PhraseMatch> facility = FacilityOf(ctx, rest.clause, money, k - money.begin());
      if (facility && facility->span.begin > ctx.mentions->items[*rest.money].span.begin && !rest.money_is_part) {
        rest.confidence = 0.7;
        rest.type = {ctx.lexicon->table_or_empty("deal_types").ValueOf(*facility), facility->span, "tranches"};
        rest.borrower = frames.front().borrower;  // the same borrower's other facility
        rest.clause.begin = tagged.clause().begin;
      }
      frames.push_back(std::move(rest));
    }
  }
  return frames;
}

}  // namespace dealwatch
