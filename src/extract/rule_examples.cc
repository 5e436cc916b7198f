#include "extract/rule_examples.h"

#include <algorithm>
#include <memory>
#include <cstdio>
#include <set>

#include "common/strings.h"
#include "extract/mention_finder.h"
#include "extract/tagged_text.h"
#include "normalize/language.h"
#include "normalize/sentences.h"

namespace dealwatch {

namespace {

std::string FoldValue(std::string_view s) { return AsciiLower(TextNormalizer::Get().Fold(Trim(s))); }

std::string RenderMoney(const MoneyMention& m) {
  std::optional<double> v = m.value ? m.value : (m.low ? m.low : m.high);
  if (!v) return m.currency;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f %s", *v, m.currency.c_str());
  return buf;
}

// Splits "text => a=1; b=2" into the text and the expected values.
std::pair<std::string, std::vector<std::pair<std::string, std::string>>> ParseExample(const std::string& line) {
  size_t arrow = line.find("=>");
  std::string text(Trim(std::string_view(line).substr(0, arrow)));
  std::vector<std::pair<std::string, std::string>> want;
  if (arrow == std::string::npos) return {text, want};
  for (std::string_view part : Split(std::string_view(line).substr(arrow + 2), ';')) {
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    want.emplace_back(std::string(Trim(part.substr(0, eq))), std::string(Trim(part.substr(eq + 1))));
  }
  return {text, want};
}

// Lenders compare as sets; everything else as folded text.
bool SameValue(const std::string& key, const std::string& got, const std::string& want) {
  if (key != "lenders") return FoldValue(got) == FoldValue(want);
  auto set_of = [](const std::string& s) {
    std::set<std::string> out;
    for (std::string_view p : Split(s, ',')) out.insert(FoldValue(p));
    return out;
  };
  return set_of(got) == set_of(want);
}

struct ExampleRun {
  std::string text;
  ArticleMentions mentions;
  std::unique_ptr<TaggedText> tagged;
  std::vector<RuleHit> hits;
};

// Name rules (org, lender) run in the first layer, before their own
// mentions exist; deal rules see every mention.
bool IsNameRule(const Rule& rule) { return rule.field() == "org" || rule.field() == "lender"; }

ExampleRun RunExample(const Extractor& ex, const Rule& rule, const std::string& raw) {
  ExampleRun run;
  run.text = TextNormalizer::Get().Normalize(raw).text;
  std::string lang = DetectLanguage(raw);
  std::vector<Span> whole = {{0, run.text.size()}};
  MoneyContext money{InferMarket(run.text, lang, &ex.lexicon()), lang};
  run.mentions = IsNameRule(rule) ? FindBaseMentions(run.text, ex.lexicon(), money)
                                  : FindMentions(run.text, whole, ex.lexicon(), ex.rules(), money);
  run.tagged = std::make_unique<TaggedText>(run.text, Span{0, run.text.size()}, run.mentions);
  run.hits = ex.rules().MatchRule(rule, run.tagged->str());
  if (IsNameRule(rule)) {
    // The mention layer drops generic names (lexicon/not_names.tsv).
    std::erase_if(run.hits, [&](const RuleHit& h) {
      auto g = h.groups.find("name");
      if (g == h.groups.end()) return false;
      Span s = run.tagged->ToText(g->second.first, g->second.second);
      return IsGenericName(run.text.substr(s.begin, s.size()), ex.lexicon());
    });
  }
  return run;
}

// "" when some hit gives every wanted value, else what the best hit got.
std::string Compare(const ExampleRun& run, const std::vector<std::pair<std::string, std::string>>& want) {
  std::string best_problem = "no match";
  for (const RuleHit& hit : run.hits) {
    auto groups = RenderHitGroups(hit, *run.tagged, run.text, run.mentions);
    std::string problem;
    for (const auto& [key, value] : want) {
      auto it = std::find_if(groups.begin(), groups.end(), [&key = key](const auto& g) { return g.first == key; });
      std::string got = it == groups.end() ? "(none)" : it->second;
      if (!SameValue(key, got, value)) problem += (problem.empty() ? "" : "; ") + key + ": got '" + got + "', want '" + value + "'";
    }
    if (problem.empty()) return "";
    best_problem = problem;
  }
  return best_problem;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RenderHitGroups(const RuleHit& hit, const TaggedText& tagged,
                                                                 std::string_view text,
                                                                 const ArticleMentions& mentions) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, range] : hit.groups) {
    std::string_view piece = std::string_view(tagged.str()).substr(range.first, range.second - range.first);
    std::string value;
    if (name == "lenders" || name == "amount") {
      size_t pos = 0;
      while ((pos = piece.find("\xEE\x80\x80", pos)) != std::string_view::npos) {
        char kind = piece[pos + 3];
        size_t close = piece.find("\xEE\x80\x81", pos);
        int idx = std::stoi(std::string(piece.substr(pos + 4, close - pos - 4)));
        const Mention& m = mentions.items[idx];
        if (name == "lenders" && kind == 'L') {
          if (!value.empty()) value += ',';
          value.append(text.substr(m.span.begin, m.span.size()));
        }
        if (name == "amount" && kind == 'M' && value.empty()) value = RenderMoney(mentions.money[m.ref]);
        pos = close;
      }
    } else {
      Span s = tagged.ToText(range.first, range.second);
      value = std::string(text.substr(s.begin, s.size()));
    }
    out.emplace_back(name, value);
  }
  return out;
}

ExampleReport CheckRuleExamples(const Extractor& extractor) {
  ExampleReport report;
  for (const auto& rule : extractor.rules().rules()) {
    ++report.rules;
    std::string where = rule->block.file + ":" + std::to_string(rule->block.line) + ": " + rule->id();
    for (const std::string& line : rule->block.examples) {
      ++report.examples;
      auto [text, want] = ParseExample(line);
      ExampleRun run = RunExample(extractor, *rule, text);
      std::string problem = Compare(run, want);
      if (!problem.empty()) report.failures.push_back({where, line, problem});
    }
    for (const std::string& line : rule->block.negatives) {
      ++report.negatives;
      ExampleRun run = RunExample(extractor, *rule, line);
      if (!run.hits.empty()) report.failures.push_back({where, line, "matched a not: line"});
    }
  }
  return report;
}

}  // namespace dealwatch
