// A small, bounded pull tokenizer for the XML the crawler reads (RSS, Atom,
// sitemaps): start tags with attributes, end tags and text. Namespace
// prefixes are dropped ("news:title" -> "title"); CDATA is text; the five
// predefined entities and &#NN; / &#xNN; are decoded, other named entities
// are kept as written. Comments, processing instructions and a plain
// DOCTYPE are skipped. A DOCTYPE that declares entities is refused (no
// entity expansion, so no "billion laughs" or external entities). Input
// size and nesting depth are bounded. Lenient where feeds are sloppy: an end
// tag that matches an outer element closes the ones in between, a stray end
// tag is ignored, a bare "&" is text.
// Not thread-safe; the tokenizer borrows `xml`, which must outlive it.
#ifndef DEALWATCH_CRAWL_XML_TOKENIZER_H_
#define DEALWATCH_CRAWL_XML_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dealwatch {

struct XmlLimits {
  size_t max_bytes = 64u << 20;  // larger input fails up front
  int max_depth = 64;            // deeper nesting fails
  size_t max_attributes = 256;   // per element
};

enum class XmlTokenKind { kStart, kEnd, kText, kEof };

struct XmlAttribute {
  std::string name;   // local name
  std::string value;  // entities decoded
};

struct XmlToken {
  XmlTokenKind kind = XmlTokenKind::kEof;
  std::string name;                      // kStart, kEnd: local name
  std::vector<XmlAttribute> attributes;  // kStart
  std::string text;                      // kText: decoded, CDATA included
};

class XmlTokenizer {
 public:
  explicit XmlTokenizer(std::string_view xml, XmlLimits limits = {});

  // Reads the next token. A self-closing tag yields kStart then kEnd; the
  // end of input closes open elements and then yields kEof forever.
  // Fails with kDataError "xml: offset N: reason" (too large, too deep,
  // entity declarations, unterminated markup); after a failure every call
  // fails the same way.
  Status Next(XmlToken* token);

  // Value of attribute `name` of a kStart token, or "".
  static std::string_view Attribute(const XmlToken& token, std::string_view name);

 private:
  Status Fail(const std::string& reason);
  Status ReadMarkup(XmlToken* token, bool* produced);
  Status ReadStartTag(XmlToken* token);
  Status ReadAttribute(size_t* p, XmlAttribute* attr, bool* skip);
  Status ReadEndTag(XmlToken* token, bool* produced);
  Status SkipDoctype();
  Status SkipUntil(std::string_view terminator, const char* what);
  Status ReadCdata();

  std::string_view xml_;
  XmlLimits limits_;
  size_t pos_ = 0;
  std::vector<std::string> open_;  // names of open elements
  std::string pending_text_;
  int pending_closes_ = 0;  // end tokens owed for auto-closed elements
  bool self_closing_end_ = false;
  Status error_;
};

// Decodes entities in `raw` text or attribute content.
std::string DecodeXmlEntities(std::string_view raw);

}  // namespace dealwatch

#endif  // DEALWATCH_CRAWL_XML_TOKENIZER_H_
