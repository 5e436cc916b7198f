#include "extract/extractor.h"

#include <algorithm>
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

// The work of reading a clause grows faster than its length (each deal a
// clause states is weighed against every lender and organisation in it), so
// a longer clause is read in pieces of at most this many bytes. Real
// sentences are far shorter (the longest of corpus/ and of the shared dev
// set: about 700 bytes); a page that is one 64 KiB sentence of deals took
// seconds and hundreds of MiB before (fuzz/regressions/extractor/).
constexpr size_t kMaxClauseBytes = 4096;

// No real clause states more than three deals (corpus/, dev set); one that
// yields more frames is a list or junk, and only its first ones are kept.
// Every frame carries every lender of its clause, so without this the
// frames of a long run of deals grow with text length times clause length.
constexpr size_t kMaxFramesPerClause = 8;

// The mention with begin < pos < end, or null.
const Mention* MentionAround(const ArticleMentions& mentions, size_t pos) {
  auto it = std::upper_bound(mentions.items.begin(), mentions.items.end(), pos,
                             [](size_t p, const Mention& m) { return p < m.span.begin; });
  if (it == mentions.items.begin()) return nullptr;
  --it;
  return it->span.begin < pos && pos < it->span.end ? &*it : nullptr;
}

// Where to end a piece of an over-long clause that starts at `begin`: after
// the last comma, space or 、 in the second half of the allowed length that
// is in no mention; else at the allowed length, moved off any mention and
// onto a character boundary.
size_t PieceEnd(std::string_view text, size_t begin, const ArticleMentions& mentions) {
  size_t limit = begin + kMaxClauseBytes;
  if (const Mention* m = MentionAround(mentions, limit)) limit = m->span.begin > begin ? m->span.begin : m->span.end;
  for (size_t i = limit; i > begin + kMaxClauseBytes / 2; --i) {
    bool separator = text[i - 1] == ',' || text[i - 1] == ' ' || (i >= 3 && text.substr(i - 3, 3) == "\xE3\x80\x81");
    if (separator && !MentionAround(mentions, i)) return i;
  }
  while (limit > begin + 1 && limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

// Splits a Chinese sentence into clauses at semicolons: "A主導B的聯貸;C從市場
// 獲得資金" carries two deals. English semicolons mostly separate list items
// ("Other lenders included; Bank of America, ..."), so they do not split.
// A clause over kMaxClauseBytes is cut into pieces between mentions.
std::vector<Span> Clauses(std::string_view text, Span sentence, const ArticleMentions& mentions) {
  std::vector<Span> out;
  auto add = [&](size_t begin, size_t end) {
    while (end - begin > kMaxClauseBytes) {
      size_t cut = std::min(PieceEnd(text, begin, mentions), end);
      out.push_back({begin, cut});
      begin = cut;
    }
    out.push_back({begin, end});
  };
  size_t start = sentence.begin;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (text[i] != ';' || !CjkAround(text, i, sentence.begin, sentence.end)) continue;
    if (i > start) add(start, i + 1);
    start = i + 1;
  }
  if (start < sentence.end) add(start, sentence.end);
  return out;
}

// The end of what extraction reads of `text`: all of it up to
// kMaxTextBytes, else the cap moved back to a UTF-8 character boundary.
size_t ReadLimit(std::string_view text) {
  if (text.size() <= Extractor::kMaxTextBytes) return text.size();
  size_t end = Extractor::kMaxTextBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

// The sentences of text[0, limit): a cut text loses its last, partial
// sentence unless it is the only one.
std::vector<Span> SentencesToRead(std::string_view text, size_t limit) {
  std::vector<Span> sentences = SplitSentences(text.substr(0, limit));
  if (limit < text.size() && sentences.size() > 1) sentences.pop_back();
  return sentences;
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

std::string ExtractionCutReason(const ExtractionTrace& trace) {
  return "text cut for extraction: read " + std::to_string(trace.read_bytes) + " of " +
         std::to_string(trace.text_bytes) + " bytes of normalised text (the cap is " +
         std::to_string(Extractor::kMaxTextBytes) + ")";
}

std::vector<Deal> Extractor::Extract(std::string_view original, const ExtractContext& context,
                                     ExtractionTrace* trace) const {
  NormalizedText normalized = TextNormalizer::Get().Normalize(original);
  return Extract(original, normalized, context, trace);
}

std::vector<Deal> Extractor::Extract(std::string_view original, const NormalizedText& normalized,
                                     const ExtractContext& context, ExtractionTrace* trace) const {
  std::string_view full = normalized.text;
  const size_t limit = ReadLimit(full);
  const bool cut = limit < full.size();
  std::vector<Span> sentences = SentencesToRead(full, limit);
  std::string_view text = cut ? full.substr(0, sentences.empty() ? 0 : sentences.back().end) : full;
  std::string_view read_original = cut ? original.substr(0, normalized.map.ToOriginalEnd(text.size())) : original;
  std::string lang = context.lang.empty() ? DetectLanguage(read_original) : context.lang;
  std::string market = context.market.empty() ? InferMarket(text, lang, &lexicon_) : context.market;
  ArticleMentions mentions = FindMentions(text, sentences, lexicon_, rules_, MoneyContext{market, lang});
  ClauseContext cc{text, &mentions, &lexicon_, &rules_};
  std::vector<Frame> frames;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (Span clause : Clauses(text, sentences[s], mentions)) {
      TaggedText tagged(text, clause, mentions);
      std::vector<RuleHit> hits;
      std::vector<Frame> read =
          ReadClause(cc, tagged, static_cast<int>(s), trace && trace->keep_details ? &hits : nullptr);
      if (read.size() > kMaxFramesPerClause) read.erase(read.begin() + kMaxFramesPerClause, read.end());
      if (trace && trace->keep_details) trace->clauses.push_back({static_cast<int>(s), clause, tagged, std::move(hits), read});
      for (Frame& f : read) frames.push_back(std::move(f));
    }
  }
  AssemblyInput in{text, &normalized, original, &sentences, &mentions, &lexicon_};
  std::vector<Deal> deals = AssembleDeals(in, frames);
  if (trace) {
    trace->market = market;
    trace->lang = lang;
    trace->text_bytes = full.size();
    trace->read_bytes = text.size();
    if (trace->keep_details) {
      trace->sentences = std::move(sentences);
      trace->mentions = std::move(mentions);
    }
  }
  return deals;
}

}  // namespace dealwatch
