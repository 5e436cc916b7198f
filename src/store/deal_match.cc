#include "store/deal_match.h"

#include <algorithm>
#include <cmath>

namespace dealwatch {

namespace {

bool Intersect(const std::set<int64_t>& a, const std::set<int64_t>& b) {
  for (int64_t x : a)
    if (b.count(x)) return true;
  return false;
}

// Long enough to stand for a company on its own: two Han characters (three
// UTF-8 bytes each) or four Latin letters or digits.
bool NameLongEnough(std::string_view folded) {
  size_t non_ascii = 0;
  for (unsigned char c : folded) non_ascii += c >= 0x80;
  return non_ascii >= 6 || folded.size() - non_ascii >= 4;
}

bool InProgress(const std::string& status) { return status == "planned" || status == "in_talks"; }

// Folded names are ASCII letters and digits, or hold Han characters.
bool HasHan(std::string_view folded) {
  for (unsigned char c : folded)
    if (c >= 0x80) return true;
  return false;
}

Identity IdentityOf(const DealFacts& read, const DealFacts& stored) {
  if (read.borrower_id != 0 && read.borrower_id == stored.borrower_id) return Identity::kSameBorrower;
  bool comparable = false;  // two names in one script that could have agreed
  for (const std::string& a : read.borrower_folded)
    for (const std::string& b : stored.borrower_folded) {
      if (NamesCompatible(a, b)) return Identity::kSimilarName;
      comparable |= HasHan(a) == HasHan(b);
    }
  // Lenders stand in for the borrower only where the names cannot be
  // compared: one in Chinese and one in English, or one side naming nobody.
  // Two different Chinese (or two different English) names are two
  // borrowers, however many banks they share.
  if (comparable) return Identity::kNone;
  bool named = !read.borrower_folded.empty() && !stored.borrower_folded.empty();
  bool leads_agree = named ? read.leads.empty() || stored.leads.empty() || Intersect(read.leads, stored.leads)
                           : Intersect(read.leads, stored.leads);
  if (Intersect(read.lenders, stored.lenders) && leads_agree) return Identity::kLenders;
  return Identity::kNone;
}

AmountFit AmountFitOf(const DealFacts& read, const DealFacts& stored, double* gap) {
  if (!read.amount || !stored.amount) return AmountFit::kAbsent;
  double a, b;
  bool same_currency = read.currency == stored.currency;
  if (same_currency) {
    a = *read.amount;
    b = *stored.amount;
  } else if (read.amount_usd && stored.amount_usd) {
    a = *read.amount_usd;
    b = *stored.amount_usd;
  } else {
    return AmountFit::kDifferent;
  }
  double high = std::max(a, b), low = std::min(a, b);
  if (high <= 0) return AmountFit::kDifferent;
  *gap = (high - low) / high;
  if (*gap <= (same_currency ? kSameCurrencyTolerance : kCrossCurrencyTolerance)) return AmountFit::kEqual;
  if (same_currency && low > 0 && high / low <= kRevisionFactor) return AmountFit::kRevised;
  return AmountFit::kDifferent;
}

}  // namespace

bool NamesCompatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  std::string_view shorter = a.size() < b.size() ? a : b;
  std::string_view longer = a.size() < b.size() ? b : a;
  return longer.substr(0, shorter.size()) == shorter && NameLongEnough(shorter);
}

bool TypesCompatible(const std::string& a, const std::string& b) {
  return (a == "bond") == (b == "bond") || a.empty() || b.empty() || a == "loan" || b == "loan";
}

int StatusRank(const std::string& status) {
  if (status == "closed") return 4;
  if (status == "signed") return 3;
  if (status == "in_talks") return 2;
  if (status == "planned") return 1;
  return 0;
}

int RoleRank(const std::string& role) {
  if (role == "lead_arranger") return 3;
  if (role == "agent") return 2;
  if (role == "participant") return 1;
  return 0;
}

DealMatch MatchDeals(const DealFacts& read, const DealFacts& stored) {
  DealMatch m;
  if (!TypesCompatible(read.type, stored.type)) return m;
  m.identity = IdentityOf(read, stored);
  m.amount = AmountFitOf(read, stored, &m.amount_gap);
  bool shared_lenders = Intersect(read.lenders, stored.lenders);
  bool lenders_agree = read.lenders.empty() || stored.lenders.empty() || shared_lenders;
  // A resized amount is the same deal only while it was being arranged.
  bool resizable = InProgress(read.status) || InProgress(stored.status);
  switch (m.identity) {
    case Identity::kSameBorrower:
      if (m.amount == AmountFit::kEqual) m.score = 60;
      if (m.amount == AmountFit::kRevised && lenders_agree && resizable) m.score = 40;
      if (m.amount == AmountFit::kAbsent && lenders_agree) m.score = 30;
      break;
    case Identity::kSimilarName:
      if (m.amount == AmountFit::kEqual) m.score = 50;
      if (m.amount == AmountFit::kRevised && shared_lenders && resizable) m.score = 35;
      if (m.amount == AmountFit::kAbsent && shared_lenders) m.score = 25;
      break;
    case Identity::kLenders:
      if (m.amount == AmountFit::kEqual) m.score = 45;
      break;
    case Identity::kNone:
      break;
  }
  return m;
}

}  // namespace dealwatch
