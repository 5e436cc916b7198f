// HtmlDocument owns one page parsed by gumbo: the UTF-8 buffer gumbo read and
// the tree it built (which points into that buffer). Parsing never fails and
// work is bounded on any input: invalid UTF-8 is replaced first, pages longer
// than Limits::max_bytes are cut, and start tags nested deeper than
// Limits::max_depth are dropped before gumbo sees them (Debian's gumbo 0.10.1
// has no depth limit of its own and is quadratic in nesting depth), and
// pages with more than Limits::max_tags tags are cut (gumbo needs a few
// hundred bytes per element).
// Move-only. A const HtmlDocument may be read from several threads.
#ifndef DEALWATCH_PARSE_HTML_DOCUMENT_H_
#define DEALWATCH_PARSE_HTML_DOCUMENT_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace dealwatch {

struct HtmlLimits {
  size_t max_bytes = 16u << 20;  // longer input is cut at a tag boundary
  size_t max_tags = 400000;      // input is cut before the tag beyond this many
  int max_depth = 400;           // element nesting kept (start tags beyond are dropped)
};

class HtmlDocument {
 public:
  // Parses `html` (any bytes). The result always has a document node.
  static HtmlDocument Parse(std::string_view html, const HtmlLimits& limits = {});

  // The GUMBO_NODE_DOCUMENT node; valid while this object lives.
  const GumboNode* document() const { return output_->document; }
  // The <html> element (gumbo always creates one).
  const GumboNode* root() const { return output_->root; }
  // What the guards changed: bytes cut, start tags dropped, bytes replaced.
  bool truncated() const { return truncated_; }
  size_t dropped_tags() const { return dropped_tags_; }
  size_t replaced_bytes() const { return replaced_bytes_; }

  HtmlDocument(HtmlDocument&&) = default;
  HtmlDocument& operator=(HtmlDocument&&) = default;
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

 private:
  struct OutputDeleter {
    void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
  };
  HtmlDocument() = default;

  // Declared first so it is destroyed last: gumbo's tree points into it. Held
  // by pointer so that moving the document never moves the characters.
  std::unique_ptr<std::string> buffer_;
  std::unique_ptr<GumboOutput, OutputDeleter> output_;
  bool truncated_ = false;
  size_t dropped_tags_ = 0;
  size_t replaced_bytes_ = 0;
};

struct GuardResult {
  size_t dropped_tags = 0;  // start and end tags removed for nesting too deep
  bool cut = false;         // input cut after limits.max_tags tags
};

// Copies `html` to *out without the start tags (and their end tags) that
// would nest deeper than limits.max_depth, counting only elements that
// really nest in HTML (not p, li, td, void elements, ...), and cut before
// the tag beyond limits.max_tags. When nothing changes, *out is left
// untouched. Exposed for tests.
GuardResult GuardHtml(std::string_view html, const HtmlLimits& limits, std::string* out);

// Returns a length <= max_bytes at which `html` can be cut outside a tag.
size_t SafeCutLength(std::string_view html, size_t max_bytes);

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_HTML_DOCUMENT_H_
