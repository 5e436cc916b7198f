#include "extract/extractor.h"

#include <map>

#include "extract/assembler.h"
#include "extract/clause_reader.h"
#include "extract/mention_finder.h"
#include "extract/tagged_text.h"
#include "normalize/language.h"
#include "normalize/sentences.h"

namespace dealwatch {

namespace {

bool CjkAround(std::string_view text, size_t i, size_t begin, size_t end) {
  auto cjk_at = [&](size_t p) { return static_cast<unsigned char>(text[p]) >= 0xE3; };
  size_t b = i;
  while (b > begin && text[b - 1] == ' ') --b;
  size_t a = i + 1;
  while (a < end && text[a] == ' ') ++a;
  return (b > begin && (static_cast<unsigned char>(text[b - 1]) & 0xC0) == 0x80 && b >= begin + 3 && cjk_at(b - 3)) ||
         (a < end && cjk_at(a));
}

// Splits a Chinese sentence into clauses at semicolons: "A主導B的聯貸;C從市場
// 獲得資金" carries two deals. English semicolons mostly separate list items
// ("Other lenders included; Bank of America, ..."), so they do not split.
std::vector<Span> Clauses(std::string_view text, Span sentence) {
  std::vector<Span> out;
  size_t start = sentence.begin;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (text[i] != ';' || !CjkAround(text, i, sentence.begin, sentence.end)) continue;
    if (i > start) out.push_back({start, i + 1});
    start = i + 1;
  }
  if (start < sentence.end) out.push_back({start, sentence.end});
  return out;
}

}  // namespace

std::string InferMarket(std::string_view text, const std::string& lang, const Lexicon* lexicon) {
  std::map<std::string, int> votes;
  if (lexicon) {
    const PhraseTable& cues = lexicon->table_or_empty("markets");
    for (const PhraseMatch& m : cues.matcher.FindAll(text)) ++votes[cues.ValueOf(m)];
  }
  std::string best;
  int best_votes = 0, second = 0;
  for (const auto& [market, n] : votes) {
    if (n > best_votes) {
      second = best_votes;
      best_votes = n;
      best = market;
    } else if (n > second) {
      second = n;
    }
  }
  if (best_votes > second && (lang != "en" || best_votes >= 2)) return best;
  if (lang == "zh-Hant") return "TW";
  if (lang == "zh-Hans") return "CN";
  return "US";
}

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::filesystem::path& rules_dir) {
  Result<Lexicon> lexicon = Lexicon::Load(rules_dir / "lexicon");
  if (!lexicon.ok()) return lexicon.status();
  Result<RuleSet> rules = RuleSet::Load(rules_dir, *lexicon);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(*lexicon), std::move(*rules)));
}

std::vector<Deal> Extractor::Extract(std::string_view original, const ExtractContext& context,
                                     ExtractionTrace* trace) const {
  NormalizedText normalized = TextNormalizer::Get().Normalize(original);
  return Extract(original, normalized, context, trace);
}

std::vector<Deal> Extractor::Extract(std::string_view original, const NormalizedText& normalized,
                                     const ExtractContext& context, ExtractionTrace* trace) const {
  const std::string& text = normalized.text;
  std::string lang = context.lang.empty() ? DetectLanguage(original) : context.lang;
  std::string market = context.market.empty() ? InferMarket(text, lang, &lexicon_) : context.market;
  std::vector<Span> sentences = SplitSentences(text);
  ArticleMentions mentions = FindMentions(text, sentences, lexicon_, rules_, MoneyContext{market, lang});
  ClauseContext cc{text, &mentions, &lexicon_, &rules_};
  std::vector<Frame> frames;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (Span clause : Clauses(text, sentences[s])) {
      TaggedText tagged(text, clause, mentions);
      std::vector<RuleHit> hits;
      std::vector<Frame> read = ReadClause(cc, tagged, static_cast<int>(s), trace ? &hits : nullptr);
      if (trace) trace->clauses.push_back({static_cast<int>(s), clause, tagged, std::move(hits), read});
      for (Frame& f : read) frames.push_back(std::move(f));
    }
  }
  AssemblyInput in{text, &normalized, original, &sentences, &mentions, &lexicon_};
  std::vector<Deal> deals = AssembleDeals(in, frames);
  if (trace) {
    trace->market = market;
    trace->lang = lang;
    trace->sentences = std::move(sentences);
    trace->mentions = std::move(mentions);
  }
  return deals;
}

}  // namespace dealwatch
