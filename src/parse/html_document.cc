#include "parse/html_document.h"

#include <cctype>
#include <cstdint>
#include <cstring>

#include "common/utf8.h"

namespace dealwatch {
namespace {

constexpr size_t kMaxAttributes = 128;  // start tags with more are dropped

// Elements whose start tag does not open a nesting level: void elements and
// those whose end tag is optional and implied by a sibling (p, li, td, ...).
bool IsFlatTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_A:
    case GUMBO_TAG_NOBR:
      return true;
    default:
      return false;
  }
}

// Elements whose content is raw text up to their own end tag.
bool IsRawTextTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_PLAINTEXT:
      return true;
    default:
      return false;
  }
}

bool IsTagNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

// End of the tag starting at html[start] ('<'): one past its '>', honouring
// quoted attribute values; html.size() when unterminated.
// *attrs receives the number of attributes (names, roughly) in the tag.
size_t TagEnd(std::string_view html, size_t pos, size_t* attrs) {
  bool after_equals = false, in_token = false;
  *attrs = 0;
  for (; pos < html.size(); ++pos) {
    char c = html[pos];
    if (c == '>') return pos + 1;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if ((c == '"' || c == '\'') && after_equals) {
      size_t close = html.find(c, pos + 1);
      if (close == std::string_view::npos) return html.size();
      pos = close;
      after_equals = false;
      in_token = true;
    } else if (c == '=') {
      after_equals = true;
    } else if (!space) {
      if (!in_token && !after_equals && c != '/') ++*attrs;
      after_equals = false;
      in_token = true;
    } else {
      in_token = false;
    }
  }
  return html.size();
}

// Position of the "</name" that ends raw text begun at `pos`, or html.size().
size_t RawTextEnd(std::string_view html, size_t pos, std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    if (html.size() - pos - 2 >= name.size() &&
        strncasecmp(html.data() + pos + 2, name.data(), name.size()) == 0) {
      return pos;
    }
    pos += 2;
  }
  return html.size();
}

// Tracks nesting while LimitNesting() walks the tags.
class NestingGuard {
 public:
  NestingGuard(std::string_view html, const HtmlLimits& limits)
      : html_(html), max_depth_(limits.max_depth), max_tags_(limits.max_tags) {}

  GuardResult Run(std::string* out);

 private:
  size_t SkipMarkup(size_t pos) const;
  size_t OnTag(size_t pos);
  size_t OnEndTag(size_t pos, size_t end, GumboTag tag);
  size_t OnRawText(size_t pos, size_t end, std::string_view name);
  bool Keep(size_t pos);  // counts a tag gumbo will see; false (and cut) past max_tags
  void Drop(size_t begin, size_t end);

  std::string_view html_;
  int max_depth_;
  size_t max_tags_;
  size_t kept_ = 0;                      // tags left for gumbo
  size_t end_ = std::string_view::npos;  // where the input is cut, npos if not
  int depth_ = 0;
  int excess_ = 0;     // dropped start tags still open
  size_t copied_ = 0;  // html_[0, copied_) has gone to out_
  size_t dropped_ = 0;
  std::string out_;
};

GuardResult NestingGuard::Run(std::string* out) {
  size_t pos = 0;
  while (pos < html_.size() && end_ == std::string_view::npos) {
    const void* lt = std::memchr(html_.data() + pos, '<', html_.size() - pos);
    if (lt == nullptr) break;
    pos = static_cast<const char*>(lt) - html_.data();
    if (pos + 1 >= html_.size()) break;
    char next = html_[pos + 1];
    if (next == '!' || next == '?') {
      pos = SkipMarkup(pos);
    } else if (next == '/' || std::isalpha(static_cast<unsigned char>(next))) {
      pos = OnTag(pos);
    } else {
      ++pos;
    }
  }
  GuardResult result{dropped_, end_ != std::string_view::npos};
  if (!result.cut && dropped_ == 0) return result;
  size_t end = result.cut ? end_ : html_.size();
  out_.append(html_.substr(copied_, end - copied_));
  *out = std::move(out_);
  return result;
}

size_t NestingGuard::SkipMarkup(size_t pos) const {
  if (html_.substr(pos, 4) == "<!--") {
    size_t end = html_.find("-->", pos + 4);
    return end == std::string_view::npos ? html_.size() : end + 3;
  }
  size_t end = html_.find('>', pos);
  return end == std::string_view::npos ? html_.size() : end + 1;
}

size_t NestingGuard::OnTag(size_t pos) {
  bool closing = html_[pos + 1] == '/';
  size_t name_begin = pos + (closing ? 2 : 1);
  size_t name_end = name_begin;
  while (name_end < html_.size() && IsTagNameChar(html_[name_end])) ++name_end;
  std::string_view name = html_.substr(name_begin, name_end - name_begin);
  GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
  size_t attrs;
  size_t end = TagEnd(html_, name_end, &attrs);
  if (closing) return OnEndTag(pos, end, tag);
  if (IsRawTextTag(tag)) return OnRawText(pos, end, name);
  bool flat = IsFlatTag(tag) || (end >= 2 && html_[end - 2] == '/' && tag == GUMBO_TAG_UNKNOWN);
  // Beyond the depth limit every tag goes and only text is left. gumbo also
  // checks each attribute against all earlier ones of its tag: thousands of
  // attributes cost seconds, so such a tag goes too.
  if (excess_ > 0 || attrs > kMaxAttributes || (!flat && depth_ >= max_depth_)) {
    excess_ += !flat;
    Drop(pos, end);
    return end;
  }
  if (!Keep(pos)) return end;
  depth_ += !flat;
  return end;
}

size_t NestingGuard::OnEndTag(size_t pos, size_t end, GumboTag tag) {
  bool flat = IsFlatTag(tag);
  if (excess_ > 0) {
    excess_ -= !flat;
    Drop(pos, end);
    return end;
  }
  if (!Keep(pos)) return end;
  if (!flat && depth_ > 0) --depth_;
  return end;
}

// Script, style, textarea ...: skipped whole, or dropped whole (tags and
// content) beyond the depth limit.
size_t NestingGuard::OnRawText(size_t pos, size_t end, std::string_view name) {
  size_t close = RawTextEnd(html_, end, name);
  size_t attrs;
  size_t close_end = close < html_.size() ? TagEnd(html_, close, &attrs) : close;
  if (excess_ > 0) {
    Drop(pos, close_end);
    return close_end;
  }
  if (!Keep(pos)) return end;
  return close;
}

bool NestingGuard::Keep(size_t pos) {
  if (++kept_ <= max_tags_) return true;
  end_ = pos;
  return false;
}

void NestingGuard::Drop(size_t begin, size_t end) {
  out_.append(html_.substr(copied_, begin - copied_));
  copied_ = end;
  ++dropped_;
}

// IsValidUtf8 with ASCII runs skipped eight bytes at a time: every page
// passes through here.
bool FastValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    if (DecodeUtf8(s, i, &len) == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

}  // namespace

GuardResult GuardHtml(std::string_view html, const HtmlLimits& limits, std::string* out) {
  NestingGuard guard(html, limits);
  return guard.Run(out);
}

size_t SafeCutLength(std::string_view html, size_t max_bytes) {
  if (html.size() <= max_bytes) return html.size();
  size_t lt = html.rfind('<', max_bytes);
  size_t cut = lt == std::string_view::npos || lt == 0 ? max_bytes : lt;
  return Utf8Floor(html, cut);
}

HtmlDocument HtmlDocument::Parse(std::string_view html, const HtmlLimits& limits) {
  HtmlDocument doc;
  size_t cut = SafeCutLength(html, limits.max_bytes);
  doc.truncated_ = cut < html.size();
  html = html.substr(0, cut);
  auto buffer = std::make_unique<std::string>();
  if (FastValidUtf8(html)) {
    buffer->assign(html);
  } else {
    *buffer = SanitizeUtf8(html, &doc.replaced_bytes_);
  }
  std::string guarded;
  GuardResult guard = GuardHtml(*buffer, limits, &guarded);
  if (guard.cut || guard.dropped_tags > 0) *buffer = std::move(guarded);
  doc.dropped_tags_ = guard.dropped_tags;
  doc.truncated_ = doc.truncated_ || guard.cut;
  doc.buffer_ = std::move(buffer);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not used; recording them costs time and memory
  doc.output_.reset(gumbo_parse_with_options(&options, doc.buffer_->data(), doc.buffer_->size()));
  return doc;
}

}  // namespace dealwatch
