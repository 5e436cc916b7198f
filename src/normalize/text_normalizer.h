// TextNormalizer turns article text into the single form that rules match:
// NFKC (full-width digits, letters and punctuation become ASCII), Traditional
// Chinese folded to Simplified, typographic quotes and dashes folded to ASCII,
// invisible characters dropped, spaces collapsed (and dropped next to Chinese
// characters), and hard-wrapped lines joined. Paragraphs stay separated by
// one '\n'. Every byte of the result maps back to the original text through
// an OffsetMap, so evidence and matches can point at the text as published.
//
// The character table is built once from ICU data on first use (about 40 ms);
// after that Normalize() is a table walk. Thread-safe: Get() returns a shared
// immutable instance.
#ifndef DEALWATCH_NORMALIZE_TEXT_NORMALIZER_H_
#define DEALWATCH_NORMALIZE_TEXT_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dealwatch {

// A half-open byte range [begin, end) in some text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// Maps byte offsets of a normalised text to byte offsets of its original.
// Texts are under 4 GiB (offsets are 32-bit; Normalize takes at most 256 MiB).
class OffsetMap {
 public:
  // Records that normalised bytes [norm, norm+norm_len) came from original
  // bytes [orig, orig+orig_len). When `linear`, byte i of the one is byte i
  // of the other (same lengths). Pieces must be added in increasing order.
  // (Inline: the normaliser calls it for every piece of Chinese text.)
  void Add(size_t norm, size_t orig, size_t norm_len, size_t orig_len, bool linear) {
    if (norm_len == 0) return;
    if (!pieces_.empty()) {
      Piece& p = pieces_.back();
      if (p.tail_norm == 0 && p.norm + p.lin_len == norm && p.orig + p.lin_len == orig) {
        if (linear) {
          p.lin_len += static_cast<uint32_t>(norm_len);
        } else {
          p.tail_norm = static_cast<uint32_t>(norm_len);
          p.tail_orig = static_cast<uint32_t>(orig_len);
        }
        return;
      }
    }
    const auto n = static_cast<uint32_t>(norm), o = static_cast<uint32_t>(orig);
    if (linear) {
      pieces_.push_back({n, o, static_cast<uint32_t>(norm_len), 0, 0});
    } else {
      pieces_.push_back({n, o, 0, static_cast<uint32_t>(norm_len), static_cast<uint32_t>(orig_len)});
    }
  }
  // Sets the lengths of both texts (offsets at the very end map to the end).
  void Finish(size_t norm_size, size_t orig_size);

  // The original span that produced normalised `span` (covering whole
  // source characters).
  Span ToOriginal(Span span) const;
  size_t ToOriginalBegin(size_t norm_pos) const;
  size_t ToOriginalEnd(size_t norm_end) const;

 private:
  // A linear stretch (lin_len bytes, the same in both texts) followed by an
  // optional tail that maps as a whole (tail_norm bytes from tail_orig
  // bytes: a full-width comma folded to ",", a composed character). One
  // piece per full-width punctuation mark keeps Chinese text's map small.
  struct Piece {
    uint32_t norm, orig;
    uint32_t lin_len;
    uint32_t tail_norm, tail_orig;
  };
  const Piece* Find(size_t norm_pos) const;
  std::vector<Piece> pieces_;
  size_t norm_size_ = 0, orig_size_ = 0;
};

struct NormalizedText {
  std::string text;  // UTF-8, folded; paragraphs separated by '\n'
  OffsetMap map;     // text offsets -> original offsets
};

class TextNormalizer {
 public:
  static const TextNormalizer& Get();

  // REQUIRES: `original` is valid UTF-8 (invalid bytes are kept as U+FFFD).
  // Text past 256 MiB is cut (inputs are capped at 64 MiB before this).
  NormalizedText Normalize(std::string_view original) const;

  // The same folding for short strings such as lexicon aliases and rule
  // examples: no line joining, spaces next to Chinese characters dropped.
  std::string Fold(std::string_view s) const;

  // Traditional -> Simplified for Han characters only; everything else,
  // including regex syntax, is left alone. Used on rule patterns.
  std::string FoldHan(std::string_view s) const;

  // Simplified form of one character (itself when not Traditional).
  char32_t ToSimplified(char32_t cp) const;
  // True for characters written only in Traditional (們, 國) and only in
  // Simplified (们, 国) text; used by script detection.
  bool IsTraditionalOnly(char32_t cp) const;
  bool IsSimplifiedOnly(char32_t cp) const;

  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

 private:
  TextNormalizer();
  struct Entry {
    uint32_t pool;   // offset of the replacement in pool_
    uint8_t len;     // replacement length in bytes (0 = drop the character)
    uint8_t flags;   // kIdentity, kSpace, kNewline, kBoundary, kTrad, kSimp
  };
  struct Builder;
  friend struct Builder;
  void Emit(std::string_view original, NormalizedText* out, bool join_wrapped) const;
  // `state` is the emitter's internal state (text_normalizer.cc).
  size_t EmitCjkRun(std::string_view in, size_t i, void* state, NormalizedText* result) const;

  std::vector<Entry> table_;  // one per BMP code point
  std::string pool_;          // replacement strings
  // The hot table of Chinese runs, one per BMP code point: the three bytes
  // of a three-byte replacement of a three-byte character in bytes 0-2 and
  // its flags in byte 3; 0 when the character cannot join a run.
  std::vector<uint32_t> run_;
};

}  // namespace dealwatch

#endif  // DEALWATCH_NORMALIZE_TEXT_NORMALIZER_H_
