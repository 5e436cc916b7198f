#include "eval/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "common/files.h"
#include "normalize/money.h"
#include "pipeline/document.h"

namespace dealwatch {

namespace {

bool AmountOk(const EvalDeal& p, const EvalDeal& g) {
  if (!g.amount) return true;
  if (!p.amount || p.currency != g.currency) return false;
  if (*g.amount == 0) return *p.amount == 0;
  return std::fabs(*p.amount - *g.amount) / std::fabs(*g.amount) <= 0.005 + 1e-12;
}

bool AmountExact(const EvalDeal& p, const EvalDeal& g) {
  if (!p.amount || !g.amount) return !p.amount && !g.amount;
  return p.currency == g.currency && std::fabs(*p.amount - *g.amount) <= 1e-9 * std::max(1.0, std::fabs(*g.amount));
}

// Greedy one-to-one lender matching: equal names first, then same role.
std::vector<std::pair<size_t, size_t>> MatchLenders(const EvalDeal& p, const EvalDeal& g) {
  std::vector<std::tuple<int, bool, size_t, size_t>> cands;
  for (size_t i = 0; i < p.lenders.size(); ++i)
    for (size_t j = 0; j < g.lenders.size(); ++j)
      if (int q = NameMatch(p.lenders[i].names, g.lenders[j].names))
        cands.emplace_back(-q, p.lenders[i].role != g.lenders[j].role, i, j);
  std::sort(cands.begin(), cands.end());
  std::vector<bool> used_p(p.lenders.size()), used_g(g.lenders.size());
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [q, role, i, j] : cands) {
    if (used_p[i] || used_g[j]) continue;
    used_p[i] = used_g[j] = true;
    out.emplace_back(i, j);
  }
  return out;
}

bool ProjectHit(const EvalDeal& p, const EvalDeal& g) {
  for (const std::string& gp : g.project) {
    std::string gn = FoldForScoring(gp);
    if (gn.empty()) continue;
    for (const std::string& pp : p.project)
      if (FoldForScoring(pp).find(gn) != std::string::npos) return true;
  }
  return false;
}

int Agreement(const EvalDeal& p, const EvalDeal& g, int borrower_q) {
  return (borrower_q == 2) + AmountExact(p, g) + (p.currency == g.currency) + (p.type == g.type) +
         ProjectHit(p, g) + (p.tenor_years.has_value() == g.tenor_years.has_value()) + (p.status == g.status) +
         !MatchLenders(p, g).empty();
}

void CompareFields(const EvalDeal& p, const EvalDeal& g, EvalScores* s) {
  auto pairs = MatchLenders(p, g);
  s->lenders.matched += static_cast<int>(pairs.size());
  s->lenders.predicted += static_cast<int>(p.lenders.size());
  s->lenders.gold += static_cast<int>(g.lenders.size());
  for (auto [i, j] : pairs) {
    ++s->roles.total;
    s->roles.hits += p.lenders[i].role == g.lenders[j].role;
  }
  ++s->amount_exact.total;
  s->amount_exact.hits += AmountExact(p, g);
  ++s->currency.total;
  s->currency.hits += (p.amount ? p.currency : "") == (g.amount ? g.currency : "");
  ++s->type.total;
  s->type.hits += p.type == g.type;
  if (!g.project.empty()) {
    ++s->project.total;
    s->project.hits += ProjectHit(p, g);
  }
  ++s->tenor.total;
  s->tenor.hits += (!p.tenor_years && !g.tenor_years) ||
                   (p.tenor_years && g.tenor_years && std::fabs(*p.tenor_years - *g.tenor_years) <= 0.01 + 1e-12);
  ++s->status.total;
  s->status.hits += p.status == g.status;
}

std::string Describe(const EvalDeal& d) {
  char buf[64] = "no amount";
  if (d.amount) std::snprintf(buf, sizeof buf, "%.0f %s", *d.amount, d.currency.c_str());
  return (d.borrower.empty() ? std::string("(no borrower)") : d.borrower.front()) + " (" + buf + ")";
}

}  // namespace

EvalScores ScoreDeals(const std::vector<GoldArticle>& gold, const std::vector<std::vector<EvalDeal>>& predicted) {
  EvalScores s;
  for (size_t a = 0; a < gold.size(); ++a) {
    const GoldArticle& g = gold[a];
    const std::vector<EvalDeal>& preds = predicted[a];
    Prf& lang = s.by_lang[g.lang];
    Prf& kind = s.by_kind[g.kind];
    for (Prf* prf : {&s.deals, &lang, &kind}) {
      prf->gold += static_cast<int>(g.deals.size());
      prf->predicted += static_cast<int>(preds.size());
    }
    if (g.deals.empty()) {
      ++s.negative_articles;
      s.false_deals_on_negatives += static_cast<int>(preds.size());
    }
    std::vector<std::tuple<int, size_t, size_t>> cands;  // (-agreement, pred, gold)
    for (size_t i = 0; i < preds.size(); ++i)
      for (size_t j = 0; j < g.deals.size(); ++j) {
        int q = NameMatch(preds[i].borrower, g.deals[j].borrower);
        if (q && AmountOk(preds[i], g.deals[j])) cands.emplace_back(-Agreement(preds[i], g.deals[j], q), i, j);
      }
    std::sort(cands.begin(), cands.end());
    std::vector<bool> used_p(preds.size()), used_g(g.deals.size());
    for (const auto& [q, i, j] : cands) {
      if (used_p[i] || used_g[j]) continue;
      used_p[i] = used_g[j] = true;
      for (Prf* prf : {&s.deals, &lang, &kind}) ++prf->matched;
      CompareFields(preds[i], g.deals[j], &s);
    }
    for (size_t j = 0; j < g.deals.size(); ++j)
      if (!used_g[j]) s.misses.push_back(g.id + " missed: " + Describe(g.deals[j]));
    for (size_t i = 0; i < preds.size(); ++i)
      if (!used_p[i]) s.misses.push_back(g.id + " false:  " + Describe(preds[i]));
  }
  return s;
}

EvalDeal ToEvalDeal(const Deal& deal) {
  EvalDeal e;
  if (!deal.borrower.empty()) e.borrower.push_back(deal.borrower);
  for (const DealLender& l : deal.lenders) e.lenders.push_back({{l.name, l.canonical}, l.role});
  if (deal.amount) {
    const MoneyMention& m = *deal.amount;
    e.amount = m.value ? m.value : (m.low ? m.low : m.high);
    e.currency = m.currency;
  }
  e.type = deal.type;
  if (!deal.project.empty()) e.project.push_back(deal.project);
  e.tenor_years = deal.tenor_years;
  e.status = deal.status;
  return e;
}

Result<EvalScores> EvaluateGoldSet(const std::filesystem::path& gold_path, const Extractor& extractor) {
  Result<std::vector<GoldArticle>> gold = LoadGold(gold_path);
  if (!gold.ok()) return gold.status();
  std::vector<std::vector<EvalDeal>> predicted;
  for (const GoldArticle& g : *gold) {
    std::filesystem::path file = gold_path.parent_path() / g.file;
    Result<std::string> bytes = ReadInputFile(file.string());
    if (!bytes.ok()) return bytes.status();
    Result<Article> article = LoadDocument(*bytes, {file.string(), "", ""});
    if (!article.ok()) return article.status();
    std::vector<EvalDeal> deals;
    for (const Deal& d : extractor.Extract(article->text, ExtractContext{}, nullptr)) deals.push_back(ToEvalDeal(d));
    predicted.push_back(std::move(deals));
  }
  return ScoreDeals(*gold, predicted);
}

std::map<std::string, double> Figures(const EvalScores& s) {
  std::map<std::string, double> f = {
      {"deal_precision", s.deals.precision()}, {"deal_recall", s.deals.recall()}, {"deal_f1", s.deals.f1()},
      {"lender_f1", s.lenders.f1()},           {"role_accuracy", s.roles.value()},
      {"amount_exact", s.amount_exact.value()}, {"type_accuracy", s.type.value()},
      {"project_hit", s.project.value()},       {"tenor_accuracy", s.tenor.value()},
      {"status_accuracy", s.status.value()},    {"false_deals_on_negatives", s.false_deals_on_negatives}};
  for (const auto& [lang, prf] : s.by_lang) f["deal_f1_" + lang] = prf.f1();
  return f;
}

std::string FormatScores(const EvalScores& s, bool with_misses) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "  %-10s %5s %5s %5s %7s %7s %7s\n", "deals", "gold", "pred", "match", "P", "R", "F1");
  out += line;
  auto row = [&](const std::string& name, const Prf& p) {
    std::snprintf(line, sizeof line, "  %-10s %5d %5d %5d %7.3f %7.3f %7.3f\n", name.c_str(), p.gold, p.predicted,
                  p.matched, p.precision(), p.recall(), p.f1());
    out += line;
  };
  row("overall", s.deals);
  for (const auto& [lang, p] : s.by_lang) row("  " + lang, p);
  for (const auto& [kind, p] : s.by_kind) row("  " + kind, p);
  std::snprintf(line, sizeof line, "  fields over %d matched deals:\n", s.deals.matched);
  out += line;
  std::snprintf(line, sizeof line, "    lenders      P %.3f  R %.3f  F1 %.3f\n", s.lenders.precision(),
                s.lenders.recall(), s.lenders.f1());
  out += line;
  auto rate = [&](const char* name, const Rate& r) {
    std::snprintf(line, sizeof line, "    %-12s %.3f  (%d/%d)\n", name, r.value(), r.hits, r.total);
    out += line;
  };
  rate("lender role", s.roles);
  rate("amount exact", s.amount_exact);
  rate("currency", s.currency);
  rate("type", s.type);
  rate("project hit", s.project);
  rate("tenor", s.tenor);
  rate("status", s.status);
  std::snprintf(line, sizeof line, "  negatives: %d false deal(s) over %d negative article(s)\n",
                s.false_deals_on_negatives, s.negative_articles);
  out += line;
  if (with_misses)
    for (const std::string& m : s.misses) out += "  " + m + "\n";
  return out;
}

}  // namespace dealwatch
