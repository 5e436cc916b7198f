#include "extract/assembler.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/clause_reader.h"
#include "extract/mention_finder.h"

namespace dealwatch {

namespace {

constexpr int kAttachWindow = 3;  // sentences a clause without an amount may look back

struct Builder {
  std::vector<const Frame*> frames;
  std::optional<int> money;  // mention index
  std::string money_rule;
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

bool SameAmount(const AssemblyInput& in, int a, int b) {
  const MoneyMention& x = MoneyOf(in, a);
  const MoneyMention& y = MoneyOf(in, b);
  if (x.currency != y.currency || !x.value || !y.value) return false;
  return std::fabs(*x.value - *y.value) <= 0.005 * std::max(*x.value, *y.value);
}

std::string BorrowerKey(const Frame& f) { return f.borrower.set() ? AsciiLower(CleanName(f.borrower.value)) : ""; }

std::string DealBorrowerKey(const Builder& b) {
  for (const Frame* f : b.frames)
    if (f->borrower.set()) return BorrowerKey(*f);
  return "";
}

// Where a frame goes: an existing deal's index, or -1 for a new deal, or -2
// to drop it.
int Target(const AssemblyInput& in, const std::vector<Builder>& deals, int last, const Frame& f) {
  if (f.money) {
    for (size_t i = 0; i < deals.size(); ++i)
      if (deals[i].money && SameAmount(in, *deals[i].money, *f.money)) return static_cast<int>(i);
    if (last >= 0 && !deals[last].money && f.sentence - deals[last].last_sentence <= kAttachWindow) {
      std::string key = BorrowerKey(f);
      if (key.empty() || key == DealBorrowerKey(deals[last]) || DealBorrowerKey(deals[last]).empty()) return last;
    }
    return f.trigger ? -1 : -2;
  }
  bool near = last >= 0 && f.sentence - deals[last].last_sentence <= kAttachWindow;
  std::string key = BorrowerKey(f);
  if (near && (f.anaphoric || key.empty() || key == DealBorrowerKey(deals[last]))) return last;
  if (!f.trigger || !f.strong_trigger) return -2;
  if (f.lenders.empty() && !f.borrower.set()) return -2;
  return -1;
}

std::string LenderKey(const Mention& m) {
  if (m.ref < 0) return AsciiLower(m.name);
  std::string key = "#";  // GCC 12 warns falsely (-Wrestrict) on "#" + to_string()
  key += std::to_string(m.ref);
  return key;
}

int RoleRank(const std::string& role) {
  if (role == "lead_arranger") return 3;
  if (role == "agent") return 2;
  if (role == "participant") return 1;
  return 0;
}

void FillLenders(const AssemblyInput& in, const Builder& b, Deal* d) {
  std::map<std::string, size_t> index;
  for (const Frame* f : b.frames) {
    for (const FrameLender& fl : f->lenders) {
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
}

void FillBorrower(const AssemblyInput& in, const Builder& b, Deal* d) {
  for (const Frame* f : b.frames) {
    if (!f->borrower.set()) continue;
    d->borrower = CleanName(Original(in, f->borrower.span));
    d->rule_ids["borrower"] = f->borrower.rule;
    return;
  }
  // No rule named the borrower: take the first organisation in the deal's
  // clauses.
  for (const Frame* f : b.frames) {
    for (int idx : in.mentions->Within(f->clause)) {
      const Mention& m = in.mentions->items[idx];
      if (m.kind != MentionKind::kOrg) continue;
      d->borrower = CleanName(Original(in, m.span));
      d->rule_ids["borrower"] = m.rule_id + "+nearest_org";
      return;
    }
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
  for (const Frame& f : frames) {
    if (f.blocked) continue;
    if (!f.trigger && f.lenders.empty() && !f.anaphoric) continue;
    int target = Target(in, builders, last, f);
    if (target == -2) continue;
    if (target == -1) {
      builders.emplace_back();
      target = static_cast<int>(builders.size()) - 1;
    }
    Builder& b = builders[target];
    b.frames.push_back(&f);
    b.last_sentence = f.sentence;
    if (!b.money && f.money) {
      b.money = f.money;
      b.money_rule = f.money_rule;
    }
    last = target;
  }
  std::vector<Deal> deals;
  for (const Builder& b : builders) {
    Deal d;
    FillSlots(in, b, &d);
    FillLenders(in, b, &d);
    FillBorrower(in, b, &d);
    if (d.borrower.empty() && !(d.amount && d.amount->value && !d.lenders.empty())) continue;
    if (!d.amount && d.lenders.empty()) continue;
    d.confidence = Confidence(b, d);
    deals.push_back(std::move(d));
  }
  return deals;
}

}  // namespace dealwatch
