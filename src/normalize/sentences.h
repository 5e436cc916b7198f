// Sentence segmentation of normalised text (Chinese and English): ICU's
// sentence BreakIterator, plus repairs for what it gets wrong in deal news:
// no break after "Co.", "Inc.", "Corp.", "Ltd.", "U.S.", "No.", "N.A.", initials
// and month abbreviations; no break inside numbers; a line break always ends
// a sentence. Thread-safe (each call uses its own iterator clone).
#ifndef DEALWATCH_NORMALIZE_SENTENCES_H_
#define DEALWATCH_NORMALIZE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {

// Sentence spans of `text` in order, trimmed of surrounding spaces; empty
// sentences are skipped. REQUIRES: `text` is valid UTF-8.
std::vector<Span> SplitSentences(std::string_view text);

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_SENTENCES_H_
