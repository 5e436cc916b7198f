#include "normalize/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <array>
#include <memory>
#include <string>

namespace dealwatch {

namespace {

// Tokens that end with a period but rarely end a sentence in deal news.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "Co.",   "Cos.",  "Inc.",  "Corp.", "Ltd.",  "Bhd.",  "Plc.",  "L.P.",  "LLC.",  "N.A.",  "S.A.",
    "U.S.",  "U.K.",  "No.",   "Nos.",  "Mr.",   "Mrs.",  "Ms.",   "Dr.",   "St.",   "Jr.",   "Sr.",
    "vs.",   "e.g.",  "i.e.",  "approx.", "Jan.", "Feb.",  "Mar.",  "Apr.",  "Jun.",  "Jul.",  "Aug.",
    "Sep.",  "Sept.", "Oct.",  "Nov.",  "Dec.",  "Bros.", "Intl.", "Hldgs.", "Mt.",  "Ave.",  "etc.,"};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// A line that ends in a comma or "and" goes on in the next one, as the party
// blocks of a credit agreement's cover page do ("WELLS FARGO SECURITIES,
// LLC,\nGOLDMAN SACHS BANK USA and\n...\nas Joint Lead Arrangers").
bool LineContinues(std::string_view text, size_t line_begin, size_t nl) {
  size_t e = nl;
  while (e > line_begin && IsSpace(text[e - 1])) --e;
  if (e == line_begin) return false;
  if (text[e - 1] == ',') return true;
  return e - line_begin >= 4 && text.substr(e - 4, 4) == " and";
}

// True when the sentence [begin, end) ends in a way that must not split.
bool EndsWithoutBreak(std::string_view text, size_t begin, size_t end) {
  size_t e = end;
  while (e > begin && IsSpace(text[e - 1])) --e;
  if (e == begin || text[e - 1] != '.') return false;
  size_t w = e - 1;
  while (w > begin && !IsSpace(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
  std::string_view word = text.substr(w, e - w);
  for (std::string_view a : kAbbreviations)
    if (word == a) return true;
  // A single capital initial ("J. Smith", "Morgan J.").
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return true;
  // Dotted acronyms ("S.p.A.", "J.P.").
  if (word.size() >= 4 && word[word.size() - 3] == '.') {
    bool dotted = true;
    for (size_t i = 1; i < word.size(); i += 2) dotted = dotted && word[i] == '.';
    if (dotted) return true;
  }
  return false;
}

// The period was not a sentence end when the next sentence starts with a
// lower-case letter, or when an ASCII end mark is glued to the next
// character ("Co.)和三菱": Chinese text around an English name).
bool NotASentenceEnd(std::string_view text, size_t start, size_t pos) {
  if (pos == 0 || pos >= text.size()) return false;
  size_t p = pos;
  while (p > start && (text[p - 1] == ')' || text[p - 1] == ']' || text[p - 1] == '"' || text[p - 1] == '\'')) --p;
  if (p > start && text[p - 1] == '.' && !IsSpace(text[pos])) return true;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  return pos < text.size() && ((text[pos] >= 'a' && text[pos] <= 'z'));
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<icu::BreakIterator> NewIterator() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* it = icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status);
    if (U_FAILURE(status)) {
      delete it;
      status = U_ZERO_ERROR;
      it = icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status);
    }
    return it;
  }();
  if (!prototype) return nullptr;
  return std::unique_ptr<icu::BreakIterator>(prototype->clone());
}

void AddTrimmed(std::string_view text, size_t b, size_t e, std::vector<Span>* out) {
  while (b < e && (IsSpace(text[b]) || text[b] == '\n')) ++b;
  while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
  if (e > b) out->push_back({b, e});
}

void SplitParagraph(std::string_view text, size_t begin, size_t end, icu::BreakIterator* it,
                    std::vector<Span>* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status));
  if (U_FAILURE(status) || !it) {
    AddTrimmed(text, begin, end, out);
    return;
  }
  it->setText(ut.get(), status);
  size_t start = begin;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    size_t pos = begin + static_cast<size_t>(b);
    if (pos < end && (EndsWithoutBreak(text, start, pos) || NotASentenceEnd(text, start, pos))) continue;
    if (pos < end && pos > begin && text[pos - 1] == '\n' && LineContinues(text, begin, pos - 1)) continue;
    AddTrimmed(text, start, pos, out);
    start = pos;
  }
  if (start < end) AddTrimmed(text, start, end, out);
}

}  // namespace


std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  std::unique_ptr<icu::BreakIterator> it = NewIterator();
  size_t start = 0;
  while (start < text.size()) {
    size_t line = start;
    size_t nl = text.find('\n', line);
    while (nl != std::string_view::npos && nl + 1 < text.size() && LineContinues(text, line, nl)) {
      line = nl + 1;
      nl = text.find('\n', line);
    }
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end > start) SplitParagraph(text, start, end, it.get(), &out);
    start = end + 1;
  }
  return out;
}

}  // namespace dealwatch
