// Gold annotations (the format of ../shared/eval/README.md, which our own
// corpus/gold.jsonl also uses) and the comparison of predicted deals with
// them, following that README's "How it scores". Pure functions.
#ifndef DEALWATCH_EVAL_GOLD_H_
#define DEALWATCH_EVAL_GOLD_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace dealwatch {

struct EvalLender {
  std::vector<std::string> names;  // first = canonical
  std::string role;
};

// A deal as the scorer sees it (gold or predicted).
struct EvalDeal {
  std::vector<std::string> borrower;  // acceptable names
  std::vector<EvalLender> lenders;
  std::optional<double> amount;
  std::string currency;
  std::string type;
  std::vector<std::string> project;  // gold: key phrases; predicted: one
  std::optional<double> tenor_years;
  std::string status = "unknown";
};

struct GoldArticle {
  std::string id, file, lang, kind, url, published;
  std::vector<EvalDeal> deals;
};

// Reads a gold.jsonl file. Errors name the file and line.
Result<std::vector<GoldArticle>> LoadGold(const std::filesystem::path& path);

// The scorer's name folding: NFKC, case, Traditional->Simplified, corporate
// suffixes and punctuation dropped.
std::string FoldForScoring(const std::string& name);

// 2 = equal after folding, 1 = one contains the other (>= 2 CJK or >= 4
// Latin letters), 0 = different.
int NameMatch(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

}  // namespace dealwatch

#endif  // DEALWATCH_EVAL_GOLD_H_
