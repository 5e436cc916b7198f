#include "normalize/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <memory>

#include "common/utf8.h"

namespace dealwatch {

// ---------------------------------------------------------------- OffsetMap

void OffsetMap::Finish(size_t norm_size, size_t orig_size) {
  norm_size_ = norm_size;
  orig_size_ = orig_size;
}

const OffsetMap::Piece* OffsetMap::Find(size_t norm_pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), norm_pos,
                             [](size_t pos, const Piece& p) { return pos < p.norm; });
  if (it == pieces_.begin()) return nullptr;
  return &*(it - 1);
}

size_t OffsetMap::ToOriginalBegin(size_t norm_pos) const {
  if (norm_pos >= norm_size_) return orig_size_;
  const Piece* p = Find(norm_pos);
  if (!p) return 0;
  size_t delta = norm_pos - p->norm;
  if (delta < p->lin_len) return p->orig + delta;
  if (delta < p->lin_len + p->tail_norm) return p->orig + p->lin_len;
  return p->orig + p->lin_len + p->tail_orig;  // in a gap: next source byte
}

size_t OffsetMap::ToOriginalEnd(size_t norm_end) const {
  if (norm_end == 0) return 0;
  const Piece* p = Find(norm_end - 1);
  if (!p) return 0;
  size_t delta = norm_end - 1 - p->norm;
  if (delta < p->lin_len) return p->orig + delta + 1;
  return p->orig + p->lin_len + p->tail_orig;
}

Span OffsetMap::ToOriginal(Span span) const {
  if (span.empty()) {
    size_t b = ToOriginalBegin(span.begin);
    return {b, b};
  }
  return {ToOriginalBegin(span.begin), ToOriginalEnd(span.end)};
}

// ------------------------------------------------------------ table building

namespace {

enum Flag : uint8_t {
  kIdentity = 1,  // replacement equals the input bytes
  kSpace = 2,     // folds to a space
  kNewline = 4,   // folds to a paragraph break
  kBoundary = 8,  // NFKC never composes this character with the one before
  kTrad = 16,     // Traditional-only character
  kSimp = 32,     // Simplified-only character
  kCjk = 64,      // replacement is a CJK character or CJK punctuation
};

// In run_ entries: the replacement is the one ASCII byte in bits 0-7.
constexpr uint32_t kOneByte = 0x80u << 24;

// Characters whose ICU Simplified->Traditional mapping differs but that
// Taiwanese and Hong Kong text uses all the time; they say nothing about script.
constexpr std::u32string_view kSharedChars = U"台里面干后只余松准才系范朴卷志制谷冲凶游布斗折周丑签";

bool IsCjkOutput(char32_t cp) {
  return IsHan(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0xFE30 && cp <= 0xFE4F);
}

// Folds typographic characters that NFKC leaves alone.
char32_t FoldPunct(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: return '-';
    case 0x2028: case 0x2029: case 0x0B: case 0x0C: case 0x85: return '\n';
    default: return cp;
  }
}

bool IsDropped(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0x0B && cp != 0x0C) ||
         (cp >= 0x7F && cp < 0xA0 && cp != 0x85) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// Runs an ICU transliterator over every Han character of the BMP at once
// (one call is ~100x faster than one per character) and returns the result
// per character, indexed by code point.
std::vector<char32_t> TransliterateHan(const char* id) {
  std::vector<char32_t> result(0x10000, 0);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) return result;
  icu::UnicodeString all;
  std::vector<char32_t> order;
  for (char32_t cp = 0x3400; cp < 0x10000; ++cp) {
    if (!IsHan(cp)) continue;
    all.append(static_cast<UChar32>(cp));
    all.append(static_cast<UChar>('\n'));
    order.push_back(cp);
  }
  t->transliterate(all);
  size_t k = 0;
  int32_t start = 0;
  for (int32_t i = 0; i < all.length() && k < order.size(); ++i) {
    if (all.charAt(i) != '\n') continue;
    icu::UnicodeString piece(all, start, i - start);
    if (piece.countChar32() == 1) result[order[k]] = piece.char32At(0);
    ++k;
    start = i + 1;
  }
  return result;
}

}  // namespace

struct TextNormalizer::Builder {
  static void Build(TextNormalizer* tn) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    std::vector<char32_t> t2s = TransliterateHan("Traditional-Simplified");
    std::vector<char32_t> s2t = TransliterateHan("Simplified-Traditional");
    tn->table_.assign(0x10000, Entry{0, 0, 0});
    tn->pool_.reserve(0x10000 * 3);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      Entry& e = tn->table_[cp];
      if (cp >= 0xD800 && cp <= 0xDFFF) {  // lone surrogates never reach here
        e = {0, 0, kBoundary};
        continue;
      }
      std::string in;
      AppendUtf8(cp, &in);
      uint8_t flags = 0;
      if (U_SUCCESS(status) && nfkc->hasBoundaryBefore(static_cast<UChar32>(cp))) flags |= kBoundary;
      std::string out;
      if (!IsDropped(cp)) {
        icu::UnicodeString u(static_cast<UChar32>(cp));
        if (U_SUCCESS(status)) {
          UErrorCode st = U_ZERO_ERROR;
          icu::UnicodeString n = nfkc->normalize(u, st);
          if (U_SUCCESS(st)) u = n;
        }
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
          char32_t c = FoldPunct(static_cast<char32_t>(u.char32At(i)));
          if (c < 0x10000 && t2s[c] && IsHan(c)) c = t2s[c];
          if (IsDropped(c)) continue;
          AppendUtf8(c, &out);
        }
      }
      if (out == " " || out == "\t") flags |= kSpace;
      if (out == "\n" || out == "\r") flags |= kNewline;
      if (out == in) flags |= kIdentity;
      if (!out.empty()) {
        size_t len;
        if (IsCjkOutput(DecodeUtf8(out, 0, &len))) flags |= kCjk;
      }
      if (IsHan(cp) && t2s[cp] && t2s[cp] != cp) flags |= kTrad;
      if (IsHan(cp) && s2t[cp] && s2t[cp] != cp && !(t2s[cp] && t2s[cp] != cp) &&
          kSharedChars.find(cp) == std::u32string_view::npos)
        flags |= kSimp;
      e.flags = flags;
      e.len = static_cast<uint8_t>(std::min<size_t>(out.size(), 255));
      e.pool = static_cast<uint32_t>(tn->pool_.size());
      tn->pool_.append(out, 0, e.len);
    }
    tn->run_.assign(0x10000, 0);
    for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
      const Entry& e = tn->table_[cp];
      if ((e.len != 3 && e.len != 1) || (e.flags & (kSpace | kNewline))) continue;
      const auto* r = reinterpret_cast<const unsigned char*>(tn->pool_.data() + e.pool);
      uint32_t flags = static_cast<uint32_t>(e.flags) << 24;
      if (e.len == 1) {
        // Full-width punctuation, digits and letters (，→ ",") join the run
        // as one ASCII byte, unless they are control or whitespace bytes.
        if (r[0] <= 0x20 || r[0] >= 0x7F) continue;
        tn->run_[cp] = r[0] | flags | kOneByte;
      } else {
        tn->run_[cp] = r[0] | (r[1] << 8) | (r[2] << 16) | flags;
      }
    }
  }
};

TextNormalizer::TextNormalizer() { Builder::Build(this); }

const TextNormalizer& TextNormalizer::Get() {
  static const TextNormalizer* instance = new TextNormalizer();  // never deleted
  return *instance;
}

char32_t TextNormalizer::ToSimplified(char32_t cp) const {
  if (cp >= 0x10000 || !IsHan(cp)) return cp;
  const Entry& e = table_[cp];
  if (e.len == 0) return cp;
  size_t len;
  char32_t out = DecodeUtf8(std::string_view(pool_).substr(e.pool, e.len), 0, &len);
  return len == e.len ? out : cp;
}

bool TextNormalizer::IsTraditionalOnly(char32_t cp) const {
  return cp < 0x10000 && (table_[cp].flags & kTrad);
}

bool TextNormalizer::IsSimplifiedOnly(char32_t cp) const {
  return cp < 0x10000 && (table_[cp].flags & kSimp);
}

std::string TextNormalizer::FoldHan(std::string_view s) const {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (IsHan(cp)) {
      AppendUtf8(ToSimplified(cp), &out);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace dealwatch

// ------------------------------------------------------------------ Emit

namespace dealwatch {
namespace {

// Buffers of WrapJoins, kept between calls on one thread so that
// normalising a short article allocates nothing for them.
struct WrapScratch {
  std::vector<size_t> lengths;     // code points per line
  std::vector<size_t> long_lines;  // lengths of the lines of 20 or more
  std::vector<uint8_t> joins;      // the result
};

// Hard-wrapped text (EDGAR plain text, copied PDF) breaks paragraphs into
// lines of nearly equal length. Sets scratch->joins to say, for each '\n'
// of `in`, whether it is such a wrap (to be joined) rather than a paragraph
// break.
void WrapJoins(std::string_view in, WrapScratch* scratch) {
  std::vector<size_t>& lengths = scratch->lengths;
  std::vector<uint8_t>& joins = scratch->joins;
  std::vector<size_t>& long_lines = scratch->long_lines;
  lengths.clear();
  long_lines.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  for (size_t begin = 0; begin <= n;) {
    const void* nl = std::memchr(p + begin, '\n', n - begin);
    size_t end = nl ? static_cast<size_t>(static_cast<const unsigned char*>(nl) - p) : n;
    size_t count = 0;  // lead bytes, '\r' not counted (a loop the compiler vectorises)
    for (size_t k = begin; k < end; ++k) count += ((p[k] & 0xC0) != 0x80) - (p[k] == '\r');
    lengths.push_back(count);
    begin = end + 1;
  }
  joins.assign(lengths.size() - 1, 0);
  size_t nonblank = 0;
  for (size_t len : lengths) {
    if (len > 0) ++nonblank;
    if (len >= 20) long_lines.push_back(len);
  }
  if (long_lines.size() < 3) return;
  // The 90th percentile of the long lines' lengths.
  auto at = long_lines.begin() + static_cast<std::ptrdiff_t>(long_lines.size() * 9 / 10);
  std::nth_element(long_lines.begin(), at, long_lines.end());
  size_t width = *at;
  auto full = [&](size_t len) { return len * 4 >= width * 3 && len <= width + 2; };
  size_t full_lines = 0;
  for (size_t len : lengths) full_lines += full(len) && len >= 20;
  if (full_lines < 3 || full_lines * 10 < nonblank * 4) return;
  // Paragraph-per-line text has a few long lines of any length; wrapped text
  // has most of its lines within a few characters of the width.
  size_t near = 0;
  for (size_t len : lengths) near += len + 8 >= width && len <= width + 2;
  if (near * 10 < full_lines * 6) return;
  for (size_t k = 0; k + 1 < lengths.size(); ++k)
    joins[k] = full(lengths[k]) && lengths[k] >= 20 && lengths[k + 1] > 0;
}

// The end of the run of printable ASCII with single spaces from `j`: the
// first byte outside 0x20-0x7E, or a space followed by one of those or by
// another space, checked 16 bytes at a time; the last bytes, fewer than
// 16, are left to the caller's byte loop. Without SSE2, `j` itself.
size_t SkipAsciiText(std::string_view in, size_t j) {
#ifdef __SSE2__
  const char* p = in.data();
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i below = _mm_set1_epi8(0x20);  // signed: bytes >= 0x80 are below too
  const __m128i above = _mm_set1_epi8(0x7E);
  while (j + 16 <= in.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
    unsigned bad = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, below), _mm_cmpgt_epi8(v, above))));
    unsigned sp = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
    // A space whose next byte is a space or not printable (for the last
    // byte, the next block's first).
    unsigned stop = bad | (sp & ((sp | bad) >> 1));
    if (sp & 0x8000u) {
      unsigned char next = j + 16 < in.size() ? static_cast<unsigned char>(p[j + 16]) : 0;
      if (next <= 0x20 || next >= 0x7F) stop |= 0x8000u;
    }
    if (stop) return j + static_cast<size_t>(__builtin_ctz(stop));
    j += 16;
  }
#else
  (void)in;
#endif
  return j;
}

enum class Cls : uint8_t { kNone, kCjk, kDigit, kLetter, kPunct };

Cls AsciiCls(char c) {
  if (c >= '0' && c <= '9') return Cls::kDigit;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLetter;
  return Cls::kPunct;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The emitter's state between two visible characters.
struct EmitState {
  std::string* out;
  OffsetMap* map;
  Cls last = Cls::kNone;
  char last_c = 0, last_c2 = 0;  // last two ASCII bytes emitted (0 otherwise)
  int newlines = 0;              // pending line breaks
  bool joinable = true;          // every pending line break is a wrap
  bool space = false;            // pending space
  size_t ws_orig = 0;            // original offset of the pending whitespace
  size_t ws_count = 0;           // characters of pending whitespace

  void Whitespace(size_t orig) {
    if (!space && newlines == 0) ws_orig = orig;
    space = true;
    ++ws_count;
  }
  void Newline(size_t orig, bool wrap) {
    if (!space && newlines == 0) ws_orig = orig;
    ++ws_count;
    ++newlines;
    joinable = joinable && wrap;
  }
  void Put(char c) {
    // One ASCII whitespace byte for one byte out maps linearly, which keeps
    // English text in a single piece of the map.
    map->Add(out->size(), ws_orig, 1, 1, ws_count == 1);
    out->push_back(c);
  }
  // Resolves pending whitespace before a visible character of class `next`.
  void Flush(Cls next, char next_c) {
    if (newlines > 0) {
      bool at_start = out->empty() || out->back() == '\n';
      if (!(joinable && newlines == 1)) {
        if (!at_start) Put('\n');
      } else if (at_start || last == Cls::kCjk || next == Cls::kCjk) {
      } else if (next == Cls::kDigit &&
                 (last == Cls::kDigit || ((last_c == ',' || last_c == '.') && IsDigit(last_c2)))) {
      } else if (last_c == '-' && next_c >= 'a' && next_c <= 'z') {
      } else {
        Put(' ');
      }
    } else if (space) {
      bool at_start = out->empty() || out->back() == '\n';
      if (!at_start && last != Cls::kCjk && next != Cls::kCjk) Put(' ');
    }
    newlines = 0;
    ws_count = 0;
    joinable = true;
    space = false;
  }
  void Visible(Cls cls, std::string_view bytes) {
    last = cls;
    if (bytes.size() == 1) {
      last_c2 = last_c;
      last_c = bytes[0];
    } else {
      last_c2 = last_c = 0;
    }
  }
};

}  // namespace

void TextNormalizer::Emit(std::string_view in, NormalizedText* result, bool join_wrapped) const {
  // The offset map is 32-bit and NFKC can make a text up to 11 times longer
  // (U+FDFA); inputs are capped far below this (64 MiB), so a longer text
  // can only come from a caller that skipped those caps: it is cut.
  constexpr size_t kMaxText = size_t{256} << 20;
  if (in.size() > kMaxText) in = Utf8Truncate(in, kMaxText);
  std::string& out = result->text;
  out.reserve(in.size());
  thread_local WrapScratch scratch;
  scratch.joins.clear();
  if (join_wrapped) WrapJoins(in, &scratch);
  const std::vector<uint8_t>& joins = scratch.joins;
  size_t newline_index = 0;
  EmitState st{&out, &result->map};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const size_t n = in.size();
  // End of the segment starting before `pos` that NFKC must see as a whole
  // (a character plus combining marks that follow it).
  auto SegmentEnd = [&](size_t pos) {
    while (pos < n && static_cast<unsigned char>(in[pos]) >= 0x80) {
      size_t l2;
      char32_t next = DecodeUtf8(in, pos, &l2);
      bool boundary = next < 0x10000 ? (table_[next].flags & kBoundary) != 0 : nfkc->hasBoundaryBefore(next);
      if (boundary) break;
      pos += l2;
    }
    return pos;
  };
  // Characters outside the BMP, and composing sequences, go through ICU.
  auto emit_segment = [&](size_t begin, size_t end) {
    UErrorCode st2 = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data() + begin, end - begin));
    icu::UnicodeString norm = nfkc->normalize(u, st2);
    std::string bytes = FoldHan(ToUtf8(U_SUCCESS(st2) ? norm : u));
    if (bytes.empty()) return;
    size_t l3;
    Cls cls = IsCjkOutput(DecodeUtf8(bytes, 0, &l3)) ? Cls::kCjk : Cls::kLetter;
    st.Flush(cls, 0);
    result->map.Add(out.size(), begin, bytes.size(), end - begin, false);
    out += bytes;
    st.Visible(cls, bytes);
  };
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c > 0x20 && c < 0x7F) {  // a run of printable ASCII is copied as is
        // Single spaces between printable ASCII stay as they are: English
        // text is mostly one run.
        auto printable = [&](size_t k) {
          return static_cast<unsigned char>(in[k]) > 0x20 && static_cast<unsigned char>(in[k]) < 0x7F;
        };
        size_t j = SkipAsciiText(in, i + 1);
        while (j < n && (printable(j) || (in[j] == ' ' && j + 1 < n && printable(j + 1)))) ++j;
        size_t seg_end = SegmentEnd(j);
        if (seg_end > j) {  // the last letter carries a combining mark
          if (j - 1 > i) {
            st.Flush(AsciiCls(in[i]), in[i]);
            result->map.Add(out.size(), i, j - 1 - i, j - 1 - i, true);
            out.append(in.substr(i, j - 1 - i));
            st.Visible(AsciiCls(in[j - 2]), in.substr(j - 2, 1));
          }
          emit_segment(j - 1, seg_end);
          i = seg_end;
          continue;
        }
        st.Flush(AsciiCls(in[i]), in[i]);
        result->map.Add(out.size(), i, j - i, j - i, true);
        out.append(in.substr(i, j - i));
        st.Visible(AsciiCls(in[j - 1]), in.substr(j - 1, 1));
        if (j - i >= 2) st.last_c2 = in[j - 2];
        i = j;
      } else if (c == '\n') {
        bool wrap = newline_index < joins.size() && joins[newline_index];
        ++newline_index;
        st.Newline(i++, wrap);
      } else if (c == '\r') {
        if (i + 1 < n && in[i + 1] == '\n') {
          ++i;
        } else {
          st.Newline(i++, false);
        }
      } else if (c == ' ' || c == '\t') {
        st.Whitespace(i++);
        while (i < n && (in[i] == ' ' || in[i] == '\t')) {  // the rest of a run of blanks at once
          ++st.ws_count;
          ++i;
        }
      } else {
        ++i;  // other control characters are dropped
      }
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(in, i, &len);
    size_t seg_end = SegmentEnd(i + len);
    if (cp >= 0x10000 || seg_end > i + len) {
      emit_segment(i, seg_end);
      i = seg_end;
      continue;
    }
    const Entry& e = table_[cp];
    if (len == 3 && e.len == 3 && !(e.flags & (kSpace | kNewline))) {
      i = EmitCjkRun(in, i, &st, result);
      continue;
    }
    if (e.flags & kNewline) {
      st.Newline(i, false);
    } else if (e.flags & kSpace) {
      st.Whitespace(i);
      ++st.ws_count;  // a multi-byte space never maps linearly
    } else if (e.len > 0) {
      std::string_view rep(pool_.data() + e.pool, e.len);
      Cls cls = (e.flags & kCjk) ? Cls::kCjk : e.len == 1 ? AsciiCls(rep[0]) : Cls::kLetter;
      st.Flush(cls, e.len == 1 ? rep[0] : 0);
      result->map.Add(out.size(), i, e.len, len, e.len == len);
      out.append(rep);
      st.Visible(cls, rep);
    }
    i += len;
  }
  result->map.Finish(out.size(), in.size());
}

// A run of three-byte characters that fold to three bytes (Chinese text,
// Traditional or Simplified) is copied through the table in one go and
// mapped as one linear piece. Stops before a character that composes with
// the one after it, so NFKC still sees such pairs whole.
size_t TextNormalizer::EmitCjkRun(std::string_view in, size_t i, void* state, NormalizedText* result) const {
  auto* st = static_cast<EmitState*>(state);
  std::string& out = result->text;
  const size_t n = in.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(in.data());
  const uint32_t* run = run_.data();
  constexpr uint32_t kBoundaryBit = static_cast<uint32_t>(kBoundary) << 24;
  // Printable ASCII inside a run (digits in 220億, Latin names) is copied as
  // is: one byte in, one out, mapped linearly with the Chinese around it.
  constexpr uint32_t kAsciiIn = static_cast<uint32_t>(kSpace) << 24;  // no run_ entry has kSpace
  // The run_ entry of the character at `k` (0: cannot join) and its length.
  auto run_entry = [&](size_t k, size_t* width) -> uint32_t {
    unsigned char b0 = bytes[k];
    if (b0 < 0x80) {
      *width = 1;
      return b0 > 0x20 && b0 < 0x7F ? b0 | kOneByte | kAsciiIn | kBoundaryBit : 0;
    }
    *width = 3;
    if (k + 3 > n) return 0;
    unsigned char b1 = bytes[k + 1], b2 = bytes[k + 2];
    if (b0 < 0xE0 || b0 > 0xEF || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    char32_t cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    if (cp < 0x800) return 0;
    return run[cp];  // 0 for surrogates too
  };
  // Pass 1: the run's end, at most kChunk characters (their entries kept
  // for pass 2; a longer run continues in the next call). A character that
  // composes with the one before (no NFKC boundary) ends the run one
  // character early, so NFKC sees the pair whole.
  constexpr size_t kChunk = 256;
  uint32_t entries[kChunk];
  size_t count = 0, end = i, last_width = 0;
  while (count < kChunk && end < n) {
    size_t width;
    uint32_t e = run_entry(end, &width);
    if (!e) break;
    if (!(e & kBoundaryBit)) {
      if (count > 0) {
        --count;
        end -= last_width;
      }
      break;
    }
    entries[count++] = e;
    end += width;
    last_width = width;
  }
  if (count > 0 && end < n && bytes[end] >= 0x80) {  // does the next character compose with the last?
    size_t width;
    uint32_t e = run_entry(end, &width);
    bool composes;
    if (e) {
      composes = !(e & kBoundaryBit);
    } else {
      size_t l;
      char32_t next = DecodeUtf8(in, end, &l);
      composes = next < 0x10000 && !(table_[next].flags & kBoundary);
    }
    if (composes) {
      --count;
      end -= last_width;
    }
  }
  if (end == i) {  // nothing taken: let the general path handle this character
    size_t len;
    const Entry& e = table_[DecodeUtf8(in, i, &len)];
    Cls cls = (e.flags & kCjk) ? Cls::kCjk : Cls::kLetter;
    st->Flush(cls, 0);
    result->map.Add(out.size(), i, e.len, len, e.len == len);
    out.append(pool_.data() + e.pool, e.len);
    st->Visible(cls, std::string_view(pool_.data() + e.pool, e.len));
    return i + len;
  }
  // Pass 2: copy through the table. Three-byte replacements and ASCII map
  // linearly; a full-width character folded to one ASCII byte gets a piece
  // of its own.
  const uint32_t first = entries[0];
  if (first & kOneByte) {
    char c = static_cast<char>(first & 0xFF);
    st->Flush(AsciiCls(c), c);
  } else {
    st->Flush(((first >> 24) & kCjk) ? Cls::kCjk : Cls::kLetter, 0);
  }
  const size_t start_out = out.size();
  out.resize(start_out + (end - i));
  auto* const base = reinterpret_cast<unsigned char*>(out.data());
  size_t w = start_out, seg_in = i, seg_out = start_out;
  uint32_t r = 0;
  char last_one = 0, prev_one = 0;  // the last two one-byte outputs, 0 after a Chinese character
  for (size_t c = 0, k = i; c < count; ++c) {
    r = entries[c];
    if (r & kAsciiIn) {
      base[w++] = static_cast<unsigned char>(r);
      k += 1;
      prev_one = last_one;
      last_one = static_cast<char>(r & 0xFF);
    } else if (r & kOneByte) {
      if (k > seg_in) result->map.Add(seg_out, seg_in, w - seg_out, k - seg_in, true);
      result->map.Add(w, k, 1, 3, false);
      base[w++] = static_cast<unsigned char>(r);
      k += 3;
      seg_in = k;
      seg_out = w;
      prev_one = last_one;
      last_one = static_cast<char>(r & 0xFF);
    } else {
      base[w] = static_cast<unsigned char>(r);
      base[w + 1] = static_cast<unsigned char>(r >> 8);
      base[w + 2] = static_cast<unsigned char>(r >> 16);
      w += 3;
      k += 3;
      prev_one = last_one = 0;
    }
  }
  if (end > seg_in) result->map.Add(seg_out, seg_in, w - seg_out, end - seg_in, true);
  out.resize(w);
  if (r & kOneByte) {
    st->Visible(AsciiCls(last_one), std::string_view(&last_one, 1));
    st->last_c2 = prev_one;
  } else {
    st->Visible(((r >> 24) & kCjk) ? Cls::kCjk : Cls::kLetter, "xx");
  }
  return end;
}

NormalizedText TextNormalizer::Normalize(std::string_view original) const {
  NormalizedText result;
  Emit(original, &result, true);
  return result;
}

std::string TextNormalizer::Fold(std::string_view s) const {
  NormalizedText result;
  Emit(s, &result, false);
  return std::move(result.text);
}

}  // namespace dealwatch
