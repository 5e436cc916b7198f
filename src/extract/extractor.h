// Extractor: the extract stage's entry point. Loads rules/ once (lexicon
// tables and rule files), then turns a normalised article into deals through
// three layers: mentions (mention_finder.h), clause frames (clause_reader.h)
// and deals (assembler.h). Immutable after Load(); Extract() is thread-safe.
#ifndef DEALWATCH_EXTRACT_EXTRACTOR_H_
#define DEALWATCH_EXTRACT_EXTRACTOR_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/deal.h"
#include "extract/frame.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/rule_set.h"
#include "extract/tagged_text.h"
#include "normalize/text_normalizer.h"

namespace dealwatch {

// Where the article was published; decides bare 元 / ¥ and unlabelled amounts.
struct ExtractContext {
  std::string market;  // "TW", "CN", "HK", "JP", "US", ... or "" (then inferred from the text)
  std::string lang;    // "en", "zh-Hant", "zh-Hans" or "" (then detected)
};

// Everything an analyst needs to see why a deal was or was not found.
// With keep_details false only the first block is filled (what a nightly
// run stores of an article), which costs nothing.
struct ExtractionTrace {
  bool keep_details = true;
  std::string market, lang;
  size_t text_bytes = 0;  // the normalised article
  size_t read_bytes = 0;  // how much of it extraction read (< text_bytes: cut)
  bool cut() const { return read_bytes < text_bytes; }
  std::vector<Span> sentences;
  ArticleMentions mentions;
  struct Clause {
    int sentence;
    Span span;
    TaggedText tagged;
    std::vector<RuleHit> hits;
    std::vector<Frame> frames;
  };
  std::vector<Clause> clauses;
};

// "text cut for extraction: read 1048000 of 3500000 bytes (the cap is
// 1048576)", for a trace whose text was cut.
std::string ExtractionCutReason(const ExtractionTrace& trace);

class Extractor {
 public:
  // Extraction reads at most this many bytes of normalised text, ending at
  // the last sentence end within it (or, for one longer sentence, at a
  // character boundary). Real articles are far shorter (the longest of
  // corpus/ and the dev set: 7.4 KB); the cap bounds what a hostile page costs
  // (about 0.8 s and 80 MiB for 1 MiB of dense deal phrases).
  static constexpr size_t kMaxTextBytes = size_t{1} << 20;

  // Loads rules/lexicon/*.tsv and every rules/**/*.rules under `rules_dir`.
  static Result<std::unique_ptr<Extractor>> Load(const std::filesystem::path& rules_dir);

  // Deals in `original` (UTF-8 article text). `trace` may be null.
  std::vector<Deal> Extract(std::string_view original, const ExtractContext& context,
                            ExtractionTrace* trace = nullptr) const;
  // The same on text already normalised from `original`.
  std::vector<Deal> Extract(std::string_view original, const NormalizedText& normalized,
                            const ExtractContext& context, ExtractionTrace* trace) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const RuleSet& rules() const { return rules_; }

 private:
  Extractor(Lexicon lexicon, RuleSet rules) : lexicon_(std::move(lexicon)), rules_(std::move(rules)) {}
  Lexicon lexicon_;
  RuleSet rules_;  // patterns expanded from lexicon_ tables
};

// The market an article reports on when its source does not say: the
// place and institution words of rules/lexicon/markets.tsv vote (新台币,
// 金管会 -> TW; 港元, 立法会 -> HK; 人民币, 证监会 -> CN); without a clear
// winner the script decides (zh-Hant -> TW, zh-Hans -> CN), else "US".
std::string InferMarket(std::string_view normalized_text, const std::string& lang, const Lexicon* lexicon);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_EXTRACTOR_H_
