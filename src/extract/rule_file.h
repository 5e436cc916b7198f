// Reads the analyst-facing rule files (rules/<lang>/*.rules). The format is
// specified in rules/README.md: blocks of "key: value" lines separated by
// blank lines, '#' comments on their own lines, values raw to the end of the
// line. This module only parses; RuleSet compiles. Stateless.
#ifndef DEALWATCH_EXTRACT_RULE_FILE_H_
#define DEALWATCH_EXTRACT_RULE_FILE_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dealwatch {

// One block of a rule file, as written.
struct RuleBlock {
  std::string file;  // path as given to the parser
  int line = 0;      // line of the block's first key
  std::string id;    // "rule:" or "macro:" value
  bool is_macro = false;
  std::string field;                          // "field:"
  std::string pattern;                        // "pattern:"
  std::vector<std::string> examples;          // "example:" lines
  std::vector<std::string> negatives;         // "not:" lines
  std::map<std::string, std::string> values;  // every other key (role, status, type, note, ...)
};

// Parses `text` (the contents of `file`). Errors: "file:line: reason".
Result<std::vector<RuleBlock>> ParseRuleFile(std::string_view text, const std::string& file);

}  // namespace dealwatch

#endif  // DEALWATCH_EXTRACT_RULE_FILE_H_
