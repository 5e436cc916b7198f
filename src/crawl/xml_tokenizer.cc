#include "crawl/xml_tokenizer.h"

#include <cstdint>

#include "common/strings.h"
#include "common/utf8.h"

namespace dealwatch {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) {
  return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

std::string LocalName(std::string_view qname) {
  size_t colon = qname.rfind(':');
  return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
}

bool StartsWithAt(std::string_view s, size_t pos, std::string_view prefix, bool ignore_case) {
  if (s.size() - pos < prefix.size()) return false;
  std::string_view part = s.substr(pos, prefix.size());
  return ignore_case ? IEquals(part, prefix) : part == prefix;
}

// Decodes "#NN" / "#xNN" (without & and ;). Invalid code points become U+FFFD.
bool DecodeNumeric(std::string_view body, std::string* out) {
  bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  uint32_t cp = 0;
  for (char c : digits) {
    int d = (c >= '0' && c <= '9') ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (d < 0) return false;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  bool valid = cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
  AppendUtf8(valid ? static_cast<char32_t>(cp) : U'\uFFFD', out);
  return true;
}

bool DecodeNamed(std::string_view name, std::string* out) {
  static const struct {
    std::string_view name;
    char value;
  } kPredefined[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& e : kPredefined) {
    if (name == e.name) {
      out->push_back(e.value);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string DecodeXmlEntities(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) amp = raw.size();
    out.append(raw.substr(i, amp - i));
    if (amp == raw.size()) break;
    size_t semi = raw.find(';', amp);
    bool decoded = false;
    if (semi != std::string_view::npos && semi - amp <= 12) {
      std::string_view body = raw.substr(amp + 1, semi - amp - 1);
      decoded = !body.empty() &&
                (body[0] == '#' ? DecodeNumeric(body, &out) : DecodeNamed(body, &out));
    }
    if (decoded) {
      i = semi + 1;
    } else {
      out.push_back('&');  // a bare "&" or an unknown entity stays as written
      i = amp + 1;
    }
  }
  return out;
}

XmlTokenizer::XmlTokenizer(std::string_view xml, XmlLimits limits) : xml_(xml), limits_(limits) {
  if (xml_.size() > limits_.max_bytes) {
    error_ = DataError("xml: larger than " + std::to_string(limits_.max_bytes) + " bytes");
  }
  if (StartsWithAt(xml_, 0, "\xEF\xBB\xBF", false)) pos_ = 3;
}

std::string_view XmlTokenizer::Attribute(const XmlToken& token, std::string_view name) {
  for (const XmlAttribute& a : token.attributes) {
    if (a.name == name) return a.value;
  }
  return {};
}

Status XmlTokenizer::Fail(const std::string& reason) {
  error_ = DataError("xml: offset " + std::to_string(pos_) + ": " + reason);
  return error_;
}

Status XmlTokenizer::Next(XmlToken* token) {
  if (!error_.ok()) return error_;
  *token = XmlToken{};
  if (pending_closes_ > 0 || self_closing_end_) {
    if (pending_closes_ > 0) --pending_closes_;
    self_closing_end_ = false;
    token->kind = XmlTokenKind::kEnd;
    token->name = open_.back();
    open_.pop_back();
    return Status::Ok();
  }
  while (pos_ < xml_.size()) {
    if (xml_[pos_] != '<') {
      size_t lt = xml_.find('<', pos_);
      if (lt == std::string_view::npos) lt = xml_.size();
      pending_text_ += DecodeXmlEntities(xml_.substr(pos_, lt - pos_));
      pos_ = lt;
      continue;
    }
    bool produced = false;
    DW_RETURN_IF_ERROR(ReadMarkup(token, &produced));
    if (produced) return Status::Ok();
  }
  if (!pending_text_.empty()) {
    token->kind = XmlTokenKind::kText;
    token->text = std::move(pending_text_);
    pending_text_.clear();
  } else if (!open_.empty()) {
    token->kind = XmlTokenKind::kEnd;
    token->name = open_.back();
    open_.pop_back();
  }
  return Status::Ok();
}

// At a "<": consumes CDATA, comments, PIs and DOCTYPEs silently; before a
// tag, hands out pending text first (the tag is read on the next call).
Status XmlTokenizer::ReadMarkup(XmlToken* token, bool* produced) {
  if (StartsWithAt(xml_, pos_, "<![CDATA[", false)) return ReadCdata();
  if (StartsWithAt(xml_, pos_, "<!--", false)) return SkipUntil("-->", "comment");
  if (StartsWithAt(xml_, pos_, "<?", false)) return SkipUntil("?>", "processing instruction");
  if (StartsWithAt(xml_, pos_, "<!DOCTYPE", true)) return SkipDoctype();
  if (StartsWithAt(xml_, pos_, "<!", false)) return SkipUntil(">", "declaration");
  bool end_tag = StartsWithAt(xml_, pos_, "</", false);
  size_t name_at = pos_ + (end_tag ? 2 : 1);
  if (name_at >= xml_.size() || !IsNameStart(xml_[name_at])) {
    pending_text_ += '<';  // "a < b" in sloppy text
    ++pos_;
    return Status::Ok();
  }
  if (!pending_text_.empty()) {
    token->kind = XmlTokenKind::kText;
    token->text = std::move(pending_text_);
    pending_text_.clear();
    *produced = true;
    return Status::Ok();
  }
  if (end_tag) return ReadEndTag(token, produced);
  *produced = true;
  return ReadStartTag(token);
}

Status XmlTokenizer::ReadCdata() {
  size_t start = pos_ + 9;
  size_t end = xml_.find("]]>", start);
  if (end == std::string_view::npos) return Fail("unterminated CDATA section");
  pending_text_.append(xml_.substr(start, end - start));
  pos_ = end + 3;
  return Status::Ok();
}

Status XmlTokenizer::SkipUntil(std::string_view terminator, const char* what) {
  size_t end = xml_.find(terminator, pos_ + 1);
  if (end == std::string_view::npos) return Fail(std::string("unterminated ") + what);
  pos_ = end + terminator.size();
  return Status::Ok();
}

Status XmlTokenizer::SkipDoctype() {
  size_t gt = xml_.find('>', pos_);
  size_t bracket = xml_.find('[', pos_);
  if (bracket != std::string_view::npos && (gt == std::string_view::npos || bracket < gt)) {
    // The internal subset ends at "]" followed by optional spaces and ">".
    size_t close = bracket;
    while (true) {
      close = xml_.find(']', close + 1);
      if (close == std::string_view::npos) return Fail("unterminated DOCTYPE");
      size_t after = close + 1;
      while (after < xml_.size() && IsSpace(xml_[after])) ++after;
      if (after < xml_.size() && xml_[after] == '>') break;
    }
    if (xml_.substr(bracket, close - bracket).find("<!ENTITY") != std::string_view::npos) {
      return Fail("DOCTYPE declares entities (refused)");
    }
    gt = xml_.find('>', close);
  }
  if (gt == std::string_view::npos) return Fail("unterminated DOCTYPE");
  pos_ = gt + 1;
  return Status::Ok();
}

Status XmlTokenizer::ReadEndTag(XmlToken* token, bool* produced) {
  size_t gt = xml_.find('>', pos_);
  if (gt == std::string_view::npos) return Fail("unterminated end tag");
  std::string name = LocalName(Trim(xml_.substr(pos_ + 2, gt - pos_ - 2)));
  pos_ = gt + 1;
  size_t i = open_.size();
  while (i > 0 && open_[i - 1] != name) --i;
  if (i == 0) return Status::Ok();  // stray end tag
  // open_[i - 1] matches: close everything from the innermost out to it,
  // one now and the rest on the following calls.
  pending_closes_ = static_cast<int>(open_.size() - i);
  token->kind = XmlTokenKind::kEnd;
  token->name = open_.back();
  open_.pop_back();
  *produced = true;
  return Status::Ok();
}

// Reads one attribute at *p (name, optional "=" and a quoted or bare value).
// Sets *skip for a stray character that is no attribute.
Status XmlTokenizer::ReadAttribute(size_t* p, XmlAttribute* attr, bool* skip) {
  size_t start = *p;
  while (*p < xml_.size() && !IsSpace(xml_[*p]) && xml_[*p] != '=' && xml_[*p] != '>' &&
         xml_[*p] != '/') {
    ++*p;
  }
  attr->name = LocalName(xml_.substr(start, *p - start));
  while (*p < xml_.size() && IsSpace(xml_[*p])) ++*p;
  if (*p >= xml_.size() || xml_[*p] != '=') {
    *skip = *p == start;
    if (*skip) ++*p;  // a stray "/" inside the tag
    return Status::Ok();
  }
  ++*p;
  while (*p < xml_.size() && IsSpace(xml_[*p])) ++*p;
  if (*p >= xml_.size()) return Fail("unterminated attribute");
  bool quoted = xml_[*p] == '"' || xml_[*p] == '\'';
  size_t value_start = quoted ? *p + 1 : *p;
  size_t value_end = quoted ? xml_.find(xml_[*p], value_start)
                            : xml_.find_first_of(" \t\r\n>", value_start);
  if (value_end == std::string_view::npos) return Fail("unterminated attribute");
  attr->value = DecodeXmlEntities(xml_.substr(value_start, value_end - value_start));
  *p = value_end + (quoted ? 1 : 0);
  return Status::Ok();
}

Status XmlTokenizer::ReadStartTag(XmlToken* token) {
  size_t p = pos_ + 1;
  size_t name_start = p;
  while (p < xml_.size() && IsNameChar(xml_[p])) ++p;
  token->kind = XmlTokenKind::kStart;
  token->name = LocalName(xml_.substr(name_start, p - name_start));
  while (true) {
    while (p < xml_.size() && IsSpace(xml_[p])) ++p;
    if (p >= xml_.size()) return Fail("unterminated start tag <" + token->name + ">");
    if (xml_[p] == '>' || (xml_[p] == '/' && p + 1 < xml_.size() && xml_[p + 1] == '>')) break;
    XmlAttribute attr;
    bool skip = false;
    DW_RETURN_IF_ERROR(ReadAttribute(&p, &attr, &skip));
    if (skip) continue;
    if (token->attributes.size() >= limits_.max_attributes) return Fail("too many attributes");
    token->attributes.push_back(std::move(attr));
  }
  self_closing_end_ = xml_[p] == '/';
  pos_ = p + (self_closing_end_ ? 2 : 1);
  open_.push_back(token->name);
  if (static_cast<int>(open_.size()) > limits_.max_depth) {
    return Fail("nesting deeper than " + std::to_string(limits_.max_depth));
  }
  return Status::Ok();
}

}  // namespace dealwatch
