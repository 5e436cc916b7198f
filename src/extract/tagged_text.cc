#include "extract/tagged_text.h"

#include <algorithm>

namespace dealwatch {

namespace {
constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001
}  // namespace

TaggedText::TaggedText(std::string_view text, Span clause, const ArticleMentions& mentions) : clause_(clause) {
  size_t pos = clause.begin;
  auto plain = [&](size_t end) {
    if (end <= pos) return;
    pieces_.push_back({tagged_.size(), pos, end - pos, end - pos, -1});
    tagged_.append(text.substr(pos, end - pos));
    pos = end;
  };
  for (int idx : mentions.Within(clause)) {
    const Mention& m = mentions.items[idx];
    plain(m.span.begin);
    std::string ph = std::string(kOpen) + static_cast<char>(m.kind) + std::to_string(idx) + std::string(kClose);
    pieces_.push_back({tagged_.size(), m.span.begin, ph.size(), m.span.size(), idx});
    tagged_ += ph;
    pos = m.span.end;
  }
  plain(clause.end);
}

Span TaggedText::ToText(size_t begin, size_t end) const {
  if (pieces_.empty() || begin >= end) return {clause_.begin, clause_.begin};
  auto find = [&](size_t t) {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t,
                               [](size_t v, const Piece& p) { return v < p.tagged; });
    return it == pieces_.begin() ? pieces_.begin() : it - 1;
  };
  auto b = find(begin);
  auto e = find(end - 1);
  size_t tb = b->mention >= 0 ? b->text : b->text + std::min(begin - b->tagged, b->text_len);
  size_t te = e->mention >= 0 ? e->text + e->text_len : e->text + std::min(end - e->tagged, e->text_len);
  return {tb, te};
}

std::vector<int> TaggedText::MentionsIn(size_t begin, size_t end) const {
  std::vector<int> out;
  for (const Piece& p : pieces_)
    if (p.mention >= 0 && p.tagged >= begin && p.tagged + p.tagged_len <= end) out.push_back(p.mention);
  return out;
}

std::string RenderTagged(std::string_view tagged, std::string_view text, const ArticleMentions& mentions) {
  std::string out;
  size_t i = 0;
  while (i < tagged.size()) {
    size_t open = tagged.find(kOpen, i);
    if (open == std::string_view::npos) break;
    size_t close = tagged.find(kClose, open);
    if (close == std::string_view::npos) break;
    out.append(tagged.substr(i, open - i));
    char kind = tagged[open + kOpen.size()];
    int idx = std::stoi(std::string(tagged.substr(open + kOpen.size() + 1, close - open - kOpen.size() - 1)));
    const Mention& m = mentions.items[idx];
    out += "\xC2\xAB";  // «
    out += kind;
    out += ':';
    out.append(text.substr(m.span.begin, m.span.size()));
    out += "\xC2\xBB";  // »
    i = close + kClose.size();
  }
  out.append(tagged.substr(i));
  return out;
}

}  // namespace dealwatch
