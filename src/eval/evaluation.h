// Scoring of predicted deals against gold, per ../shared/eval/README.md
// ("How it scores"): deals match one-to-one per article (borrowers match and
// amounts agree within 0.5 %), then fields are compared over matched pairs.
// Also runs the extractor over a gold set (our corpus/ or the shared dev
// set). Pure functions apart from reading the article files.
#ifndef DEALWATCH_EVAL_EVALUATION_H_
#define DEALWATCH_EVAL_EVALUATION_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "extract/deal.h"
#include "extract/extractor.h"

namespace dealwatch {

struct Prf {
  int gold = 0, predicted = 0, matched = 0;
  double precision() const { return predicted ? double(matched) / predicted : 0; }
  double recall() const { return gold ? double(matched) / gold : 0; }
  double f1() const { return gold + predicted ? 2.0 * matched / (gold + predicted) : 0; }
};

struct Rate {
  int hits = 0, total = 0;
  double value() const { return total ? double(hits) / total : 0; }
};

struct EvalScores {
  Prf deals;
  std::map<std::string, Prf> by_lang, by_kind;
  Prf lenders;
  Rate roles, amount_exact, currency, type, project, tenor, status;
  int false_deals_on_negatives = 0;
  int negative_articles = 0;
  std::vector<std::string> misses;  // one line per missed or false deal
};

// `predicted[i]` are the deals predicted for `gold[i]`.
EvalScores ScoreDeals(const std::vector<GoldArticle>& gold, const std::vector<std::vector<EvalDeal>>& predicted);

// A deal as the scorer sees it.
EvalDeal ToEvalDeal(const Deal& deal);

// Runs `extractor` over every article of the gold file (paths relative to
// its folder) and scores the result.
Result<EvalScores> EvaluateGoldSet(const std::filesystem::path& gold_path, const Extractor& extractor);

// The report printed by `dealwatch eval`.
std::string FormatScores(const EvalScores& s, bool with_misses);

// Named figures ("deal_f1", "lender_f1", "role_accuracy", "amount_exact",
// "type_accuracy", "project_hit", "tenor_accuracy", "status_accuracy",
// "deal_f1_en", ...) for floors and JSON output.
std::map<std::string, double> Figures(const EvalScores& s);

}  // namespace dealwatch

#endif  // DEALWATCH_EVAL_EVALUATION_H_
