// Lexicon holds the plain tables under rules/lexicon/ that analysts edit:
//   lenders.tsv   canonical <TAB> country <TAB> kind <TAB> alias|alias|...
//   companies.tsv the same, for borrowers (the borrower gazetteer)
//   <name>.tsv    phrase <TAB> value        (roles, deal_types, status, ...)
// Every phrase and alias is folded like article text (so 聯貸 in a table
// matches 联贷 and 聯貸 in an article). Immutable after Load(); thread-safe.
#ifndef DEALWATCH_EXTRACT_LEXICON_H_
#define DEALWATCH_EXTRACT_LEXICON_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/phrase_matcher.h"

namespace dealwatch {

// One row of lenders.tsv or companies.tsv.
struct LenderEntry {
  std::string canonical;             // "JPMorgan Chase & Co."
  std::string country;               // "US"
  std::string kind;                  // bank, private_credit, export_credit_agency, ...
  std::vector<std::string> aliases;  // as written in the table
};

// A phrase table: each folded phrase maps to a value ("统筹主办" -> "lead_arranger").
struct PhraseTable {
  std::string name;                                         // file stem: "roles"
  std::vector<std::pair<std::string, std::string>> entries;  // (folded phrase, value)
  PhraseMatcher matcher;                                    // value = index into entries

  // Folded phrases whose value is `value` (all phrases when `value` is empty).
  std::vector<std::string> PhrasesFor(std::string_view value) const;
  // The value of the entry a match points at.
  const std::string& ValueOf(const PhraseMatch& m) const { return entries[m.value].second; }
};

class Lexicon {
 public:
  // Loads every *.tsv in `dir`. Errors name file and line:
  // "rules/lexicon/roles.tsv:12: expected 2 tab-separated fields, found 1".
  static Result<Lexicon> Load(const std::filesystem::path& dir);

  const std::vector<LenderEntry>& lenders() const { return lenders_; }
  // Value of a match = index into lenders(); a value >= lenders().size() is
  // a blocker from not_lenders.tsv and names no lender.
  const PhraseMatcher& lender_matcher() const { return lender_matcher_; }
  // The borrower gazetteer (companies.tsv); match value = index into companies().
  const std::vector<LenderEntry>& companies() const { return companies_; }
  const PhraseMatcher& company_matcher() const { return company_matcher_; }
  // The table loaded from <name>.tsv, or null.
  const PhraseTable* table(std::string_view name) const;
  // An empty table when <name>.tsv does not exist.
  const PhraseTable& table_or_empty(std::string_view name) const;

 private:
  static Status LoadEntities(const std::filesystem::path& path, std::vector<LenderEntry>* entries,
                             PhraseMatcher* matcher);
  Status LoadTable(const std::filesystem::path& path);

  std::vector<LenderEntry> lenders_;
  PhraseMatcher lender_matcher_;
  std::vector<LenderEntry> companies_;
  PhraseMatcher company_matcher_;
  std::map<std::string, PhraseTable, std::less<>> tables_;
};

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_LEXICON_H_
