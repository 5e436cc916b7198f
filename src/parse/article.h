// Article is what the parse stage hands to normalisation and extraction: the
// main text of one page or file with its metadata. Plain data.
#ifndef DEALWATCH_PARSE_ARTICLE_H_
#define DEALWATCH_PARSE_ARTICLE_H_

#include <string>

namespace dealwatch {

struct Article {
  std::string source;         // where it was read from: URL or file path
  std::string title;          // headline, "" when unknown
  std::string published;      // ISO 8601 ("2025-08-23" or "2025-08-23T14:05:00+08:00"), "" when unknown
  std::string updated;        // ISO 8601, "" when not given
  std::string author;         // "" when unknown
  std::string site_name;      // "" when unknown
  std::string canonical_url;  // "" when unknown
  std::string lang;           // "en", "zh-Hant", "zh-Hans", or "" when undecided; other
                              // languages by their primary subtag ("ja", "ru")
  std::string text;           // main text, UTF-8; paragraphs, headings, list items and table rows
                              // one per line (table cells separated by tabs)
  std::string empty_reason;   // why text is empty ("no article content", "binary data"), else ""
};

}  // namespace dealwatch

#endif  // DEALWATCH_PARSE_ARTICLE_H_
