#include "extract/phrase_matcher.h"

#include <algorithm>

#include "common/utf8.h"

namespace dealwatch {

namespace {

unsigned char Lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
// "ING", "ABC", "MLAs": short acronyms that are also words in lower case.
bool IsAcronym(std::string_view p) {
  if (p.size() > 5 || p.size() < 2) return false;
  size_t upper = 0;
  for (unsigned char c : p) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) return false;
  }
  return upper >= 2 && upper + 1 >= p.size();
}

bool IsAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

namespace {

uint64_t EdgeKey(int node, unsigned char byte) { return ((static_cast<uint64_t>(node) << 8) | byte) + 1; }
size_t EdgeSlot(uint64_t key, size_t mask) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask; }

}  // namespace

int PhraseMatcher::Child(int node, unsigned char byte) const {
  if (edge_keys_.empty()) return -1;
  const uint64_t key = EdgeKey(node, byte);
  const size_t mask = edge_keys_.size() - 1;
  for (size_t i = EdgeSlot(key, mask);; i = (i + 1) & mask) {
    if (edge_keys_[i] == key) return edge_children_[i];
    if (edge_keys_[i] == 0) return -1;
  }
}

void PhraseMatcher::SetChild(int node, unsigned char byte, int child) {
  if ((edge_count_ + 1) * 2 > edge_keys_.size()) {  // grow to keep the table at most half full
    std::vector<uint64_t> keys(std::max<size_t>(64, edge_keys_.size() * 2), 0);
    std::vector<int> children(keys.size(), -1);
    const size_t mask = keys.size() - 1;
    for (size_t k = 0; k < edge_keys_.size(); ++k) {
      if (!edge_keys_[k]) continue;
      size_t i = EdgeSlot(edge_keys_[k], mask);
      while (keys[i]) i = (i + 1) & mask;
      keys[i] = edge_keys_[k];
      children[i] = edge_children_[k];
    }
    edge_keys_ = std::move(keys);
    edge_children_ = std::move(children);
  }
  const uint64_t key = EdgeKey(node, byte);
  const size_t mask = edge_keys_.size() - 1;
  size_t i = EdgeSlot(key, mask);
  while (edge_keys_[i] && edge_keys_[i] != key) i = (i + 1) & mask;
  if (!edge_keys_[i]) ++edge_count_;
  edge_keys_[i] = key;
  edge_children_[i] = child;
}

void PhraseMatcher::Add(std::string_view phrase, int value) {
  if (phrase.empty()) return;
  size_t len;
  char32_t first = DecodeUtf8(phrase, 0, &len);
  auto mark = [&](char32_t cp) {
    if (cp < 0x10000) first_chars_[cp / 64] |= uint64_t{1} << (cp % 64);
  };
  if (first >= 0x10000) {
    mark(0xFFFF);  // astral first characters: no quick skip for them
  } else if (first < 0x80) {
    mark(Lower(static_cast<unsigned char>(first)));
    mark(first >= 'a' && first <= 'z' ? first - 32 : first);
  } else {
    mark(first);
  }
  if (phrase.size() == 1) {
    has_one_byte_phrase_ = true;
  } else {
    const unsigned pair = Lower(static_cast<unsigned char>(phrase[0])) << 8 | Lower(static_cast<unsigned char>(phrase[1]));
    first_pairs_[pair / 64] |= uint64_t{1} << (pair % 64);
  }
  int node = 0;
  for (unsigned char c : phrase) {
    c = Lower(c);
    int next = Child(node, c);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.push_back(Node{});
      SetChild(node, c, next);
    }
    node = next;
  }
  if (nodes_[node].value >= 0) return;
  nodes_[node].value = value;
  nodes_[node].latin_end = IsAlnum(static_cast<unsigned char>(phrase.back()));
  if (IsAcronym(phrase)) {
    nodes_[node].exact_case = true;
    exact_[node] = std::string(phrase);
  }
  ++count_;
}

PhraseMatch PhraseMatcher::LongestAt(std::string_view text, size_t pos) const {
  PhraseMatch best{{pos, pos}, -1};
  const bool latin_start = IsAlnum(static_cast<unsigned char>(text[pos]));
  if (latin_start && pos > 0 && IsAlnum(static_cast<unsigned char>(text[pos - 1]))) return best;
  size_t len;
  char32_t first = DecodeUtf8(text, pos, &len);
  if (first >= 0x10000) first = 0xFFFF;
  if (!(first_chars_[first / 64] >> (first % 64) & 1)) return best;
  if (!has_one_byte_phrase_ && pos + 1 < text.size()) {
    const unsigned pair = Lower(static_cast<unsigned char>(text[pos])) << 8 | Lower(static_cast<unsigned char>(text[pos + 1]));
    if (!(first_pairs_[pair / 64] >> (pair % 64) & 1)) return best;
  }
  int node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = Child(node, Lower(static_cast<unsigned char>(text[i])));
    if (node < 0) break;
    const Node& n = nodes_[node];
    if (n.value < 0) continue;
    bool boundary_ok = !n.latin_end || i + 1 >= text.size() ||
                       !IsAlnum(static_cast<unsigned char>(text[i + 1]));
    if (n.exact_case && text.substr(pos, i + 1 - pos) != exact_.at(node)) continue;
    if (boundary_ok) best = {{pos, i + 1}, n.value};
  }
  return best;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<PhraseMatch> out;
  size_t i = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {  // inside a character
      ++i;
      continue;
    }
    PhraseMatch m = LongestAt(text, i);
    if (m.value >= 0) {
      out.push_back(m);
      i = m.span.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace dealwatch
