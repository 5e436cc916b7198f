// PhraseMatcher finds dictionary phrases (lender aliases, role words, deal
// types, ...) in normalised text: leftmost-longest, non-overlapping, ASCII
// case-insensitive, and for Latin phrases only at word boundaries (so "ING"
// never matches inside "financing"). Short all-capital acronyms ("ING",
// "ABC", "MLA") match only in capitals. Chinese phrases match anywhere.
// Built once, then immutable and safe to share between threads.
#ifndef DEALWATCH_EXTRACT_PHRASE_MATCHER_H_
#define DEALWATCH_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normalize/text_normalizer.h"

namespace dealwatch {

struct PhraseMatch {
  Span span;      // bytes in the searched text
  int value = 0;  // the value given to Add()
};

class PhraseMatcher {
 public:
  // Adds `phrase` (already normalised with TextNormalizer::Fold). Adding the
  // same phrase twice keeps the first value. Empty phrases are ignored.
  void Add(std::string_view phrase, int value);

  // All matches in `text`, in order, non-overlapping.
  std::vector<PhraseMatch> FindAll(std::string_view text) const;
  // The longest phrase starting exactly at `pos`, or value -1.
  PhraseMatch LongestAt(std::string_view text, size_t pos) const;

  size_t size() const { return count_; }

 private:
  struct Node {
    int value = -1;         // phrase ending here, or -1
    bool latin_end = false;  // that phrase ends with an ASCII letter or digit
    bool exact_case = false;  // an acronym: the text must match its case
  };
  int Child(int node, unsigned char byte) const;
  void SetChild(int node, unsigned char byte, int child);

  std::vector<Node> nodes_ = {Node{}};
  // The trie's edges, (node << 8 | byte) + 1 -> child, in an open-addressing
  // table (linear probing, at most half full, key 0 = empty): a lookup is
  // one or two cache lines, and FindAll makes one at almost every byte.
  std::vector<uint64_t> edge_keys_;
  std::vector<int> edge_children_;
  size_t edge_count_ = 0;
  // One bit per BMP code point: does a phrase start with it (ASCII letters
  // in both cases)? Most positions of Chinese text start none, and are
  // passed over without a walk down the trie.
  std::vector<uint64_t> first_chars_ = std::vector<uint64_t>(0x10000 / 64, 0);
  // One bit per pair of first bytes (ASCII lower-cased) of a phrase of two
  // bytes or more: English words pass the first-character test nearly
  // always, their first two letters much less often.
  std::vector<uint64_t> first_pairs_ = std::vector<uint64_t>(0x10000 / 64, 0);
  bool has_one_byte_phrase_ = false;
  std::unordered_map<int, std::string> exact_;  // node -> acronym as written
  size_t count_ = 0;
};

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_PHRASE_MATCHER_H_
