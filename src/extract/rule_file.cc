#include "extract/rule_file.h"

#include "common/strings.h"

namespace dealwatch {

namespace {

// Keys a block may hold; anything else is a typo worth reporting.
bool KnownKey(std::string_view key) {
  for (std::string_view k : {"rule", "macro", "field", "pattern", "example", "not", "note", "role", "status",
                             "type", "confidence", "lang", "replaces"})
    if (key == k) return true;
  return false;
}

Status Finish(RuleBlock* b) {
  std::string where = b->file + ":" + std::to_string(b->line) + ": ";
  if (b->id.empty()) return InvalidArgument(where + "block has no 'rule:' or 'macro:' line");
  if (b->pattern.empty()) return InvalidArgument(where + b->id + ": missing 'pattern:'");
  if (!b->is_macro && b->field.empty()) return InvalidArgument(where + b->id + ": missing 'field:'");
  if (!b->is_macro && b->examples.empty())
    return InvalidArgument(where + b->id + ": missing 'example:' (every rule needs one)");
  return Status::Ok();
}

}  // namespace

Result<std::vector<RuleBlock>> ParseRuleFile(std::string_view text, const std::string& file) {
  std::vector<RuleBlock> blocks;
  RuleBlock cur;
  bool open = false;
  int line_no = 0;
  auto close = [&]() -> Status {
    if (!open) return Status::Ok();
    DW_RETURN_IF_ERROR(Finish(&cur));
    blocks.push_back(std::move(cur));
    cur = RuleBlock{};
    open = false;
    return Status::Ok();
  };
  for (std::string_view raw : Split(text, '\n')) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    if (line.empty()) {
      Status s = close();
      if (!s.ok()) return s;
      continue;
    }
    if (line[0] == '#') continue;
    size_t colon = line.find(':');
    std::string where = file + ":" + std::to_string(line_no) + ": ";
    if (colon == std::string_view::npos) return InvalidArgument(where + "expected 'key: value'");
    std::string key(Trim(line.substr(0, colon)));
    std::string value(Trim(raw.substr(raw.find(':') + 1)));
    if (!KnownKey(key)) return InvalidArgument(where + "unknown key '" + key + "'");
    if (!open) {
      open = true;
      cur.file = file;
      cur.line = line_no;
    }
    if (key == "rule" || key == "macro") {
      if (!cur.id.empty()) return InvalidArgument(where + "second '" + key + ":' in one block (blocks are separated by a blank line)");
      cur.id = value;
      cur.is_macro = key == "macro";
    } else if (key == "field") {
      cur.field = value;
    } else if (key == "pattern") {
      if (!cur.pattern.empty()) return InvalidArgument(where + cur.id + ": second 'pattern:'");
      cur.pattern = value;
    } else if (key == "example") {
      cur.examples.push_back(value);
    } else if (key == "not") {
      cur.negatives.push_back(value);
    } else {
      cur.values[key] = value;
    }
  }
  Status s = close();
  if (!s.ok()) return s;
  return blocks;
}

}  // namespace dealwatch
