// The rules that decide whether a deal read from one article is a deal the
// database already holds (docs/database.md, "Merge rules"). Pure functions
// over plain values: the SQL that gathers the candidates lives in
// deal_store_match.cc. Thread-safe.
#ifndef DEALWATCH_STORE_DEAL_MATCH_H_
#define DEALWATCH_STORE_DEAL_MATCH_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// How long after (or before) the reports of a deal another report can still
// be about it.
inline constexpr int kMergeWindowDays = 120;
// Amounts in one currency within this fraction are the same amount.
inline constexpr double kSameCurrencyTolerance = 0.005;
// Amounts in two currencies, both converted to USD with the dated rates
// (yearly averages), within this fraction are the same amount.
inline constexpr double kCrossCurrencyTolerance = 0.02;
// A report of the same borrower's deal in progress may show the amount
// resized (upsized or cut) by up to this factor either way.
inline constexpr double kRevisionFactor = 1.5;

// One side of a comparison: the deal as one article reads it, or a stored
// deal with its current values.
struct DealFacts {
  int64_t borrower_id = 0;                   // entity; 0 when none is known
  std::vector<std::string> borrower_folded;  // FoldEntityName of the names (a stored deal: every alias)
  std::optional<double> amount;
  std::string currency;
  std::optional<double> amount_usd;
  std::string type;
  std::string status;
  std::set<int64_t> lenders;  // lender entities, any role
  std::set<int64_t> leads;    // lender entities that are lead arrangers
};

// How the two deals are tied to one real-world party.
enum class Identity {
  kNone,
  kLenders,       // names in two scripts (萬海 / Wan Hai), or one missing, and the lenders agree
  kSimilarName,   // one borrower name is a short form of the other (鴻海 / 鴻海精密工業)
  kSameBorrower,  // the same borrower entity
};

// How the amounts compare.
enum class AmountFit {
  kDifferent,
  kAbsent,   // one side has no amount
  kRevised,  // same currency, resized within kRevisionFactor
  kEqual,    // within kSameCurrencyTolerance, or kCrossCurrencyTolerance in USD
};

struct DealMatch {
  Identity identity = Identity::kNone;
  AmountFit amount = AmountFit::kDifferent;
  int score = 0;            // 0: not the same deal; higher is a better match
  double amount_gap = 1.0;  // relative difference of the amounts (1 when unknown)
};

// Decides whether `read` (one article) and `stored` (a candidate deal whose
// reports lie within kMergeWindowDays and that no mention of the same article
// supports yet) are one deal. REQUIRES: the caller checked the date window.
DealMatch MatchDeals(const DealFacts& read, const DealFacts& stored);

// True when one folded name is the other or begins it and the shorter one is
// long enough to name a company (two Han characters or four Latin letters).
bool NamesCompatible(std::string_view a, std::string_view b);

// Loan types describe one loan from several sides (a syndicated green term
// loan), so any two loan types are compatible; a bond is only a bond.
bool TypesCompatible(const std::string& a, const std::string& b);

// planned 1 < in_talks 2 < signed 3 < closed 4; unknown and others 0.
int StatusRank(const std::string& status);
// lead_arranger 3 > agent 2 > participant 1 > lender 0.
int RoleRank(const std::string& role);

}  // namespace dealwatch

#endif  // DEALWATCH_STORE_DEAL_MATCH_H_
